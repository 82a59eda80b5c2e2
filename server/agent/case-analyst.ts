import { trigramSimilarity } from '../cases/fuzzy';
import { closestNames as resolverClosestNames, resolveText } from '../cases/resolver';
import type {
  CaseStore,
  Catalog,
  ChartHint,
  EntityKind,
  MatchCandidate,
  OrgType,
  ResultTable,
} from '../cases/types';
import { type Analyst, AnalystRefusal } from './analyst';
import { composePlan, composePrediction, composeSimulation, composeTypicalCase } from './compose';
import { createSuggestions, type SuggestionReader } from './examples';
import { type ParseContext, type ParseOutcome, parseQuestion } from './parser';
import { expandShorthand } from './parser/shorthand';
import { correctWords, describeCorrections, questionVocabulary } from './parser/typos';
import { escapeMarkdown } from './refusal-text';

const NO_DATA =
  'Your organization has no case data yet, so there is nothing to answer from. Upload a case file on the Upload page, then ask again.';

/** Names of these kinds that share most letter groups with words that matched nothing, best first. */
function closestNames(catalog: Catalog, text: string, kinds: EntityKind[]): MatchCandidate[] {
  return kinds
    .flatMap((kind) => catalog.entities[kind] ?? [])
    .map((entry) => ({
      kind: entry.kind,
      id: entry.id,
      name: entry.name,
      score: trigramSimilarity(text.toLowerCase(), entry.name.toLowerCase()),
    }))
    .filter((candidate) => candidate.score >= 0.2)
    .sort((left, right) => right.score - left.score)
    .slice(0, 3);
}

interface AnalystOptions {
  /** 1–12, the month the organization's fiscal year starts in (`HP_FISCAL_YEAR_START_MONTH`). */
  fiscalYearStartMonth?: number;
}

function parseContext(
  catalog: Catalog,
  request: Parameters<Analyst['read']>[0],
  options: AnalystOptions,
): ParseContext {
  return {
    today: request.today,
    orgType: request.orgType,
    ...(options.fiscalYearStartMonth ? { fiscalYearStartMonth: options.fiscalYearStartMonth } : {}),
    lastAdmit: catalog.lastAdmit,
    firstAdmit: catalog.firstAdmit,
    ...(request.previous ? { previous: request.previous } : {}),
    ...(request.previousUnanswered ? { previousUnanswered: true } : {}),
    // The parser resolves while it reads, synchronously, against the catalog loaded once per question.
    resolve: (text, kinds) => resolveText(catalog, text, kinds),
    // The resolver's near misses first ("heart transplant": the heart procedures), else shared letter groups.
    closest: (text, kinds) => {
      const near = resolverClosestNames(catalog, text, kinds);
      return near.length ? near : closestNames(catalog, text, kinds);
    },
    topMembers: (kind) =>
      (catalog.entities[kind] ?? [])
        .slice(0, 5)
        .map((entry) => ({ kind: entry.kind, id: entry.id, name: entry.name, score: 1 })),
  };
}

const casesOf = (catalog: Catalog, option: MatchCandidate) =>
  catalog.entities[option.kind]?.find((entry) => entry.id === option.id)?.cases ?? 0;

/** Reads a question as the organization's analyst does: typos respelt against its own words, then parsed. */
function readQuestion(question: string, context: ParseContext, catalog: Catalog): ParseOutcome {
  // Shorthand first ("cst", "rev"), so a clipped word is not taken for a typo of some other word.
  const expanded = expandShorthand(question);
  const corrected = correctWords(expanded.text, questionVocabulary(catalog));
  const text = corrected.text;
  const corrections = [...expanded.corrections, ...corrected.corrections];
  const outcome = parseQuestion(text, context);
  // The reading shows what a typo was taken for, so a wrong guess is visible at once.
  if (outcome.kind !== 'query' || corrections.length === 0) return outcome;
  return { ...outcome, reading: `${outcome.reading} (${describeCorrections(corrections)})` };
}

/** The analyst over the organization's case data: the deterministic parser, then the plan's engine. */
export function createCaseAnalyst(cases: CaseStore, options: AnalystOptions = {}): Analyst {
  const suggestions = createSuggestions(cases);
  const readerFor = (catalog: Catalog, orgType: OrgType, today: string): SuggestionReader => ({
    read: (question) =>
      readQuestion(
        question,
        parseContext(catalog, { orgId: '', orgType, today, question }, options),
        catalog,
      ),
  });
  return {
    async read(request) {
      const catalog = await cases.catalog(request.orgId);
      if (catalog.cases === 0) return { kind: 'refuse', message: NO_DATA, examples: [] };
      const outcome = readQuestion(request.question, parseContext(catalog, request, options), catalog);
      if (outcome.kind === 'refuse') {
        // Examples from the organization's own data, each one answered over cases, never the question refused.
        const examples = await suggestions.forRefusal(
          request.orgId,
          request.orgType,
          catalog,
          readerFor(catalog, request.orgType, request.today),
          request.question,
          request.today,
        );
        return examples.length ? { ...outcome, examples } : outcome;
      }
      if (outcome.kind !== 'clarify') return outcome;
      return {
        ...outcome,
        options: outcome.options.map((option) => ({ ...option, cases: casesOf(catalog, option) })),
      };
    },

    async answer(request, outcome, signal) {
      const { orgId, orgType } = request;
      const options = { signal };
      const { query } = outcome;
      const followUps = async () => {
        const catalog = await cases.catalog(orgId);
        return suggestions.followUps(query, orgType, readerFor(catalog, orgType, request.today), { catalog });
      };
      switch (query.workflow) {
        case 'analytics': {
          const result = await cases.runPlan(orgId, orgType, query.plan, options);
          const summary = composePlan(outcome, query.plan, result);
          return { ...base(result), summary, suggestions: await followUps() };
        }
        case 'dashboard': {
          const result = await cases.typicalCase(orgId, orgType, query.plan, options);
          const summary = composeTypicalCase(outcome.reading, result);
          return { ...base(result), summary, suggestions: await followUps() };
        }
        case 'predictions': {
          const result = await cases.predict(orgId, orgType, query.plan, options);
          const summary = composePrediction(outcome.reading, result);
          return { ...base(result), summary, suggestions: await followUps() };
        }
        case 'simulation': {
          const result = await cases.simulate(orgId, orgType, query.plan, options);
          const summary = composeSimulation(outcome.reading, result);
          return { ...base(result), summary, suggestions: await followUps() };
        }
        case 'entity_resolver': {
          const { text, kinds } = query.plan;
          const lookupKinds = kinds.filter(
            (kind): kind is EntityKind => kind !== 'gender' && kind !== 'age_band',
          );
          const resolution = await cases.resolve(
            orgId,
            text,
            lookupKinds.length ? { kinds: lookupKinds } : {},
          );
          const matches = [resolution.best, ...resolution.alternatives].filter((match) => match !== null);
          if (!matches.length) throw new AnalystRefusal(`Nothing in your data matches "${text}".`, []);
          const table: ResultTable = {
            title: `Matches for "${text}"`,
            columns: [
              { key: 'kind', label: 'Kind', type: 'string' },
              { key: 'id', label: 'Code or value', type: 'string' },
              { key: 'name', label: 'Name', type: 'string' },
              { key: 'score', label: 'Match', type: 'percent', unit: '%' },
            ],
            rows: matches.map((match) => ({ ...match, score: Math.round(match.score * 100) })),
            rowCount: matches.length,
            truncated: false,
          };
          const best = matches[0];
          const summary = best
            ? `The closest match for "${escapeMarkdown(text)}" is **${escapeMarkdown(best.name)}** (${best.kind} ${escapeMarkdown(best.id)}).\n`
            : '';
          return { tables: [table], chart: null, sql: [], summary, suggestions: [] };
        }
      }
    },

    async examples(orgId, orgType, today) {
      const catalog = await cases.catalog(orgId);
      if (catalog.cases === 0) return [];
      return suggestions.examples(orgId, orgType, catalog, readerFor(catalog, orgType, today), today);
    },
  };
}

const base = (result: { tables: ResultTable[]; chart: ChartHint | null; provenance: { sql: string[] } }) => ({
  tables: result.tables,
  chart: result.chart,
  sql: result.provenance.sql,
});

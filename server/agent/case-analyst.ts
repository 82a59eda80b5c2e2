import { resolveText } from '../cases/resolver';
import type { CaseStore, ChartHint, EntityKind, ResultTable } from '../cases/types';
import { type Analyst, AnalystRefusal } from './analyst';
import { composeAnalytics, composeDashboard, composePrediction, composeSimulation } from './compose';
import { exampleCandidates, pickExamples } from './examples';
import { parseQuestion } from './parser';
import { escapeMarkdown } from './refusal-text';

const NO_DATA =
  'Your organization has no case data yet, so there is nothing to answer from. Upload a case file on the Upload page, then ask again.';

/** The analyst over the organization's case data: the deterministic parser, then the matching engine. */
export function createCaseAnalyst(cases: CaseStore): Analyst {
  return {
    async read(request) {
      const catalog = await cases.catalog(request.orgId);
      if (catalog.cases === 0) return { kind: 'refuse', message: NO_DATA, examples: [] };
      return parseQuestion(request.question, {
        today: request.today,
        orgType: request.orgType,
        ...(request.previous ? { previous: request.previous } : {}),
        // The parser resolves while it reads, synchronously, against the catalog loaded once per question.
        resolve: (text, kinds) => resolveText(catalog, text, kinds),
      });
    },

    async answer(request, query, reading, signal) {
      const { orgId, orgType } = request;
      const options = { signal };
      switch (query.workflow) {
        case 'analytics': {
          const result = await cases.analytics(orgId, orgType, query.params, options);
          return { ...base(result), summary: composeAnalytics(reading, result), suggestions: [] };
        }
        case 'dashboard': {
          const result = await cases.dashboard(orgId, orgType, query.params, options);
          return { ...base(result), summary: composeDashboard(reading, result), suggestions: [] };
        }
        case 'predictions': {
          const result = await cases.predictions(orgId, orgType, query.params, options);
          return { ...base(result), summary: composePrediction(reading, result), suggestions: [] };
        }
        case 'simulation': {
          const result = await cases.simulation(orgId, orgType, query.params, options);
          return { ...base(result), summary: composeSimulation(reading, result), suggestions: [] };
        }
        case 'entity_resolver': {
          const resolution = await cases.resolve(
            orgId,
            query.text,
            query.kinds ? { kinds: query.kinds } : {},
          );
          const matches = [resolution.best, ...resolution.alternatives].filter((match) => match !== null);
          if (!matches.length) throw new AnalystRefusal(`Nothing in your data matches "${query.text}".`, []);
          const table: ResultTable = {
            title: `Matches for "${query.text}"`,
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
            ? `The closest match for "${escapeMarkdown(query.text)}" is **${escapeMarkdown(best.name)}** (${best.kind} ${escapeMarkdown(best.id)}).\n`
            : '';
          return { tables: [table], chart: null, sql: [], summary, suggestions: [] };
        }
      }
    },

    async examples(orgId, orgType, today) {
      const catalog = await cases.catalog(orgId);
      const resolve = (text: string, kinds?: EntityKind[]) => resolveText(catalog, text, kinds);
      // Only questions the parser reads without a clarifying question are offered.
      const answerable = exampleCandidates(catalog, orgType).filter(
        (question) => parseQuestion(question, { today, orgType, resolve }).kind === 'query',
      );
      return pickExamples(answerable);
    },
  };
}

const base = (result: { tables: ResultTable[]; chart: ChartHint | null; provenance: { sql: string[] } }) => ({
  tables: result.tables,
  chart: result.chart,
  sql: result.provenance.sql,
});

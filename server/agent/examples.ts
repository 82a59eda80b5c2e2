import type {
  AnalysisPlan,
  DimensionFilter,
  PlanWindow,
  QueryPlan,
  TypicalCasePlan,
} from '../../src/contract/query-plan';
import { LAY_SYNONYMS } from '../cases/lay-synonyms';
import { resolveText } from '../cases/resolver';
import { measureAllowed, measurePhrase } from '../cases/semantic-model';
import type { CaseStore, Catalog, CatalogEntry, OrgType } from '../cases/types';
import type { ParseOutcome } from './parser';

// Suggestions that always work: every question the product offers (the empty state's examples, a refusal's
// examples, the follow-ups after an answer) is written from the organization's own data — its most frequent
// procedures, payors and surgeons, the years that hold cases — and is kept only when the agent reads it as a
// plan and that plan answers over at least one case.

const PER_KIND = /^(\S+(?: \S+)?)/;

/** The calendar years that hold admit dates, latest first. */
function yearsWithData(catalog: Catalog): number[] {
  if (!catalog.firstAdmit || !catalog.lastAdmit) return [];
  const first = Number(catalog.firstAdmit.slice(0, 4));
  const last = Number(catalog.lastAdmit.slice(0, 4));
  const years: number[] = [];
  for (let year = last; year >= first && years.length < 3; year--) years.push(year);
  return years;
}

/** A calendar year fully inside the data, else the latest year that holds any. */
function bestYear(catalog: Catalog): number | undefined {
  const years = yearsWithData(catalog);
  const complete = years.find(
    (year) => catalog.firstAdmit! <= `${year}-01-31` && catalog.lastAdmit! >= `${year}-12-01`,
  );
  return complete ?? years[0];
}

/**
 * What the organization calls a procedure in few words: a lay term or an abbreviation that resolves to it alone
 * ("knee replacement" for Total knee arthroplasty), else its own name.
 */
function shortName(catalog: Catalog, entry: CatalogEntry): string {
  for (const synonym of LAY_SYNONYMS) {
    if (synonym.kind !== 'procedure' || synonym.code !== entry.id) continue;
    const resolution = resolveText(catalog, synonym.phrase, ['procedure']);
    if (resolution.best?.id === entry.id && !resolution.ambiguous) return synonym.phrase;
  }
  return entry.name;
}

/**
 * Candidate questions from the organization's own names and years: one group per kind of question (breakdown,
 * trend, typical case, comparison, prediction, scenario …), each with a few scopes so one empty scope never leaves
 * a kind out. The first of every group comes first; the caller keeps those that answer.
 */
export function exampleCandidates(catalog: Catalog, orgType: OrgType): string[] {
  if (catalog.cases === 0) return [];
  const procedures = catalog.entities.procedure.slice(0, 4).map((entry) => shortName(catalog, entry));
  const at = (index: number) => procedures[index % Math.max(1, procedures.length)];
  const payors = catalog.entities.payor.slice(0, 2).map((entry) => entry.name);
  const year = bestYear(catalog);
  const years = yearsWithData(catalog);
  const inYear = year ? ` in ${year}` : '';
  const money = measureAllowed(orgType, 'margin') ? 'margin' : 'discount rate';
  const rotate = (build: (procedure: string) => string, start: number) =>
    procedures.map((_, offset) => build(at(start + offset)!));
  const groups: string[][] = [
    rotate((procedure) => `average cost of ${procedure} by surgeon`, 0),
    [`total revenue by payor${inYear}`, 'total revenue by payor'],
    [`number of cases by month${inYear}`, 'number of cases by quarter'],
    rotate((procedure) => `what does a typical ${procedure} case look like`, 1),
    orgType === 'payor'
      ? []
      : [
          ...rotate((procedure) => `what if we raise prices 5% for ${procedure}`, 0),
          ...(payors[0] ? [`what if ${payors[0]} pays 5% less`] : []),
        ],
    rotate((procedure) => `predict the cost of ${procedure}`, 2),
    procedures.length >= 2 ? [`${at(0)} vs ${at(1)} average cost`, `${at(1)} vs ${at(2)} average cost`] : [],
    [`${money} by procedure${inYear}`, `${money} by procedure`],
    years.length >= 2 ? [`average cost per case ${years[1]} vs ${years[0]}`] : [],
    ['top 5 surgeons by total revenue'],
    procedures[0] ? [`payor mix for ${procedures[0]}`] : [],
    [`average length of stay by payor${inYear}`, 'average length of stay by payor'],
  ].filter((group) => group.length > 0);
  const firsts = groups.map((group) => group[0]!);
  const rest = groups.flatMap((group) => group.slice(1));
  return [...new Set([...firsts, ...rest])];
}

/** The kind of a question: its first two words ("average cost", "what does", "predict the"). */
const kindOf = (question: string) => PER_KIND.exec(question)?.[1] ?? question;

/** One answerable question per kind, at most `count`, in the order given. */
export function pickExamples(answerable: string[], count = 5): string[] {
  const picked = new Map<string, string>();
  for (const question of answerable) {
    const kind = kindOf(question);
    if (!picked.has(kind)) picked.set(kind, question);
  }
  return [...picked.values()].slice(0, count);
}

// ---- Follow-ups ------------------------------------------------------------------------------

/** How a plan's window reads at the end of a question, so a follow-up keeps it ("" for the default). */
function windowWords(window: PlanWindow): string {
  switch (window.kind) {
    case 'fixed':
      return /^(?:\d{4}|Q[1-4] \d{4}|FY\d{4}|[A-Z][a-z]+ \d{4})$/.test(window.label)
        ? ` in ${window.label}`
        : '';
    case 'all':
      return ' over all time';
    case 'data_trailing':
      return '';
    case 'relative':
      switch (window.period) {
        case 'last_year':
          return ' last year';
        case 'last_quarter':
          return ' last quarter';
        case 'last_month':
          return ' last month';
        case 'year_to_date':
          return ' year to date';
        case 'quarter_to_date':
          return ' quarter to date';
        case 'month_to_date':
          return ' month to date';
        case 'fiscal_year_to_date':
          return ' fiscal year to date';
        case 'last_fiscal_year':
          return ' last fiscal year';
        case 'last_months':
          return ` in the last ${window.count ?? 12} months`;
        case 'last_days':
          return ` in the last ${window.count ?? 30} days`;
      }
  }
}

/** The scope a follow-up keeps: "of Total knee arthroplasty for Aetna". */
function scopeWords(filters: DimensionFilter[]): { of: string; names: string[] } {
  const kept = filters.filter((filter) => filter.op === 'in' && filter.values.length === 1);
  const procedure = kept.find((filter) => filter.dimension === 'procedure')?.values[0]?.name;
  const others = kept
    .filter(
      (filter) =>
        filter.dimension !== 'procedure' && filter.dimension !== 'gender' && filter.dimension !== 'age_band',
    )
    .map((filter) => filter.values[0]!.name);
  const of = `${procedure ? ` of ${procedure}` : ''}${others.length ? ` for ${others.join(' and ')}` : ''}`;
  return { of, names: [procedure, ...others].filter((name): name is string => !!name) };
}

/** Breakdowns worth trying next, the plan's own first dimension left out. */
function otherBreakdowns(plan: QueryPlan | TypicalCasePlan): string[] {
  const grouped = 'group_by' in plan ? plan.group_by : [];
  const filtered = new Set(plan.filters.map((filter) => filter.dimension));
  return ['surgeon', 'payor', 'quarter', 'provider'].filter(
    (dimension) => !grouped.includes(dimension as never) && !filtered.has(dimension as never),
  );
}

/**
 * Follow-up questions for an answered plan: the same cases seen another way (another breakdown, another figure,
 * the typical case, a prediction), never a narrower scope that might hold nothing. The caller keeps those that
 * read as plans over the same scope.
 */
function followUpCandidates(plan: AnalysisPlan, orgType: OrgType, catalog?: Catalog): string[] {
  const candidates: string[] = [];
  if (catalog) plan = withShortNames(plan, catalog);
  switch (plan.workflow) {
    case 'analytics': {
      const { of, names } = scopeWords(plan.plan.filters);
      const window = windowWords(plan.plan.window);
      const first = plan.plan.measures[0];
      const phrase = first ? measurePhrase(first.measure, first.aggregation) : 'number of cases';
      for (const dimension of otherBreakdowns(plan.plan).slice(0, 2))
        candidates.push(`${phrase}${of} by ${dimension}${window}`);
      const other = first?.measure === 'cost' ? 'los' : 'cost';
      candidates.push(`${measurePhrase(other, 'avg')}${of}${window}`);
      if (measureAllowed(orgType, 'margin') && first?.measure !== 'margin')
        candidates.push(`margin${of}${window}`);
      const procedure = plan.plan.filters.find(
        (filter) => filter.dimension === 'procedure' && filter.op === 'in',
      );
      if (procedure?.values.length === 1) {
        candidates.push(`what does a typical ${procedure.values[0]!.name} case look like${window}`);
        candidates.push(`predict the cost of ${procedure.values[0]!.name}`);
      } else if (!names.length && !plan.plan.group_by.includes('procedure')) {
        candidates.push(`${phrase} by procedure${window}`);
      }
      break;
    }
    case 'dashboard': {
      const { of } = scopeWords(plan.plan.filters);
      const window = windowWords(plan.plan.window);
      for (const dimension of otherBreakdowns(plan.plan).slice(0, 2))
        candidates.push(`average cost${of} by ${dimension}${window}`);
      candidates.push(`number of cases${of} by month${window}`);
      const procedure = plan.plan.filters.find(
        (filter) => filter.dimension === 'procedure' && filter.op === 'in',
      );
      if (procedure?.values.length === 1) candidates.push(`predict the cost of ${procedure.values[0]!.name}`);
      break;
    }
    case 'predictions': {
      const name = plan.plan.procedure.id === '*' ? undefined : plan.plan.procedure.name;
      if (name) {
        candidates.push(`average cost of ${name} by surgeon over all time`);
        const target = plan.plan.target === 'cost' ? 'length of stay' : 'cost';
        candidates.push(`predict the ${target} of ${name}`);
      }
      break;
    }
    case 'simulation': {
      const procedure = plan.plan.filters.find(
        (filter) => filter.dimension === 'procedure' && filter.op === 'in',
      );
      const name = procedure?.values.length === 1 ? procedure.values[0]!.name : undefined;
      const value = Math.abs(plan.plan.change.value);
      if (plan.plan.change.kind === 'percent') {
        const other = value === 10 ? 5 : 10;
        candidates.push(`what if we raise prices ${other}%${name ? ` for ${name}` : ''}`);
      }
      candidates.push(`total revenue${name ? ` of ${name}` : ''} by payor`);
      break;
    }
    case 'entity_resolver':
      break;
  }
  return [...new Set(candidates)];
}

/** The plan with each procedure named as `shortName` names it, for questions people read. */
function withShortNames(plan: AnalysisPlan, catalog: Catalog): AnalysisPlan {
  const short = (id: string, name: string) => {
    const entry = catalog.entities.procedure.find((procedure) => procedure.id === id);
    return entry ? shortName(catalog, entry) : name;
  };
  const rename = (filters: DimensionFilter[]) =>
    filters.map((filter) =>
      filter.dimension === 'procedure'
        ? {
            ...filter,
            values: filter.values.map((value) => ({ ...value, name: short(value.id, value.name) })),
          }
        : filter,
    );
  switch (plan.workflow) {
    case 'analytics':
      return { ...plan, plan: { ...plan.plan, filters: rename(plan.plan.filters) } };
    case 'dashboard':
      return { ...plan, plan: { ...plan.plan, filters: rename(plan.plan.filters) } };
    case 'simulation':
      return { ...plan, plan: { ...plan.plan, filters: rename(plan.plan.filters) } };
    case 'predictions': {
      const { id, name } = plan.plan.procedure;
      return { ...plan, plan: { ...plan.plan, procedure: { id, name: short(id, name) } } };
    }
    case 'entity_resolver':
      return plan;
  }
}

// ---- Keeping only what answers -----------------------------------------------------------------

export interface SuggestionReader {
  /** Reads a question as the agent reads it for this organization. */
  read(question: string): ParseOutcome;
}

/** The cases behind a plan's answer; 0 when the engine finds none or refuses. */
export async function casesBehind(
  cases: CaseStore,
  orgId: string,
  orgType: OrgType,
  plan: AnalysisPlan,
): Promise<number> {
  try {
    switch (plan.workflow) {
      case 'analytics':
        return (await cases.runPlan(orgId, orgType, plan.plan)).figures.cases;
      case 'dashboard':
        return (await cases.typicalCase(orgId, orgType, plan.plan)).figures.cases;
      case 'predictions':
        return (await cases.predict(orgId, orgType, plan.plan)).figures.cases;
      case 'simulation':
        return (await cases.simulate(orgId, orgType, plan.plan)).figures.cases;
      case 'entity_resolver':
        return 0;
    }
  } catch {
    return 0;
  }
}

/** The filters that bound a plan's cases; a prediction's procedure counts as one. */
function scopeOf(plan: AnalysisPlan): DimensionFilter[] {
  switch (plan.workflow) {
    case 'analytics':
    case 'dashboard':
    case 'simulation':
      return plan.plan.filters;
    case 'predictions':
      return plan.plan.procedure.id === '*'
        ? plan.plan.filters
        : [{ dimension: 'procedure', op: 'in', values: [plan.plan.procedure] }, ...plan.plan.filters];
    case 'entity_resolver':
      return [];
  }
}

function windowOf(plan: AnalysisPlan): PlanWindow | undefined {
  return plan.workflow === 'analytics' || plan.workflow === 'dashboard' ? plan.plan.window : undefined;
}

/** A follow-up keeps to the answer's cases: none of its filters is new, and its window is the same one. */
function keepsScope(answered: AnalysisPlan, next: AnalysisPlan): boolean {
  const known = new Set(scopeOf(answered).map((filter) => JSON.stringify(filter)));
  if (!scopeOf(next).every((filter) => known.has(JSON.stringify(filter)))) return false;
  const before = windowOf(answered);
  const after = windowOf(next);
  return !after || (!!before && JSON.stringify(before) === JSON.stringify(after));
}

/**
 * Suggestions for one organization, each one verified: the examples are read and run once per catalog (a new
 * catalog after an upload or a deletion starts afresh), follow-ups are read, and must keep the answer's scope.
 */
export function createSuggestions(cases: CaseStore) {
  const verified = new WeakMap<Catalog, Map<string, Promise<string[]>>>();

  /** One answered question per kind, in the candidates' order, at most `count`: a kind already answered is not
   *  tried again, so only a few plans run. */
  async function answerable(
    orgId: string,
    orgType: OrgType,
    reader: SuggestionReader,
    candidates: string[],
    count: number,
  ): Promise<string[]> {
    const kept = new Map<string, string>();
    for (const question of candidates) {
      if (kept.size === count) break;
      if (kept.has(kindOf(question))) continue;
      const outcome = reader.read(question);
      if (outcome.kind !== 'query' || outcome.query.workflow === 'entity_resolver') continue;
      if ((await casesBehind(cases, orgId, orgType, outcome.query)) >= 1)
        kept.set(kindOf(question), question);
    }
    return [...kept.values()];
  }

  return {
    /** Questions for the empty state: one per kind, each answered over at least one case. */
    examples(
      orgId: string,
      orgType: OrgType,
      catalog: Catalog,
      reader: SuggestionReader,
      key = '',
    ): Promise<string[]> {
      let byKey = verified.get(catalog);
      if (!byKey) {
        byKey = new Map();
        verified.set(catalog, byKey);
      }
      const cacheKey = `${orgType}:${key}`;
      let examples = byKey.get(cacheKey);
      if (!examples) {
        examples = answerable(orgId, orgType, reader, exampleCandidates(catalog, orgType), 6);
        byKey.set(cacheKey, examples);
        examples.catch(() => byKey.delete(cacheKey));
      }
      return examples;
    },

    /** Examples to offer with a refusal: the verified examples, never the question just refused. */
    async forRefusal(
      orgId: string,
      orgType: OrgType,
      catalog: Catalog,
      reader: SuggestionReader,
      refused: string,
      key = '',
    ): Promise<string[]> {
      const normalized = refused.trim().toLowerCase();
      const examples = await this.examples(orgId, orgType, catalog, reader, key);
      return examples.filter((question) => question.toLowerCase() !== normalized).slice(0, 4);
    },

    /** Follow-ups after an answer: read as plans over the same scope (so they hold the same cases). */
    followUps(
      plan: AnalysisPlan,
      orgType: OrgType,
      reader: SuggestionReader,
      { catalog, count = 4 }: { catalog?: Catalog; count?: number } = {},
    ): string[] {
      const kept: string[] = [];
      for (const question of followUpCandidates(plan, orgType, catalog)) {
        const outcome = reader.read(question);
        if (outcome.kind !== 'query' || outcome.query.workflow === 'entity_resolver') continue;
        if (!keepsScope(plan, outcome.query)) continue;
        kept.push(question);
        if (kept.length === count) break;
      }
      return kept;
    },
  };
}

import {
  type Aggregation,
  type AnalysisPlan,
  CASE_DIMENSIONS,
  type CaseCondition,
  type CaseDimension,
  type CaseField,
  type Comparison,
  type Dimension,
  type DimensionFilter,
  type DimensionValue,
  type GroupCondition,
  type Measure,
  type MeasureRef,
  type PlanOrder,
  type PlanWindow,
  type QueryPlan,
  type TypicalCasePlan,
} from '../../../src/contract/query-plan';
import {
  DIMENSION_MODEL,
  hospitalOnlyReason,
  isClinical,
  isTimeGrain,
  MEASURE_MODEL,
  measureAllowed,
  measurePhrase,
  normalizeAggregation,
} from '../../cases/semantic-model';
import type { OrgType } from '../../cases/types';
import type { AnalyticsParts, HavingPart } from './analytics';
import { DEFAULT_WINDOW, fitWindowToGrain } from './plan-window';
import { refuse } from './problem';
import type { NamedValue } from './types';

interface BuiltPlan {
  plan: AnalysisPlan;
  highlight?: DimensionValue[];
}

const TYPICAL_MEASURES: Measure[] = ['revenue', 'cost', 'profit', 'los', 'time'];

/** Case fields a condition on one case's value can test, for thresholds asked without a breakdown. */
const CASE_FIELD_OF: Partial<Record<Measure, CaseField>> = {
  revenue: 'revenue',
  hospital_revenue: 'hospital_revenue',
  cost: 'cost',
  discount: 'discount',
  los: 'los_days',
  time: 'or_minutes',
};

function askForMeasure(parts: AnalyticsParts): never {
  const by = parts.groupBy[0] ? ` by ${DIMENSION_MODEL[parts.groupBy[0]].label.toLowerCase()}` : '';
  return refuse(
    'Tell me which figure you want: cost, revenue, margin, profit, discount, length of stay, OR time, readmissions or the number of cases.',
    [`average cost${by}`, `total revenue${by}`, `number of cases${by}`],
  );
}

function unknownAggregation(measure: Measure, aggregation: Aggregation): never {
  const label = MEASURE_MODEL[measure].label;
  return refuse(
    `The ${aggregation === 'median' ? 'median' : aggregation} of ${label} is not a figure I compute: ${label} is ${MEASURE_MODEL[measure].kind === 'ratio' ? 'a ratio of sums over the cases' : 'a count'}, so I give it as ${measurePhrase(measure, MEASURE_MODEL[measure].defaultAggregation)}.`,
    [`${measurePhrase(measure, MEASURE_MODEL[measure].defaultAggregation)} by surgeon`],
  );
}

/** The plan's filters after a follow-up: a named value replaces the previous one of its dimension. */
function mergeFilters(previous: DimensionFilter[], next: DimensionFilter[], clearsClinical: boolean) {
  const namesClinical = next.some((filter) => filter.op === 'in' && isClinical(filter.dimension));
  const kept = previous.filter(
    (filter) =>
      !next.some((item) => item.dimension === filter.dimension && item.op === filter.op) &&
      !((clearsClinical || namesClinical) && isClinical(filter.dimension) && filter.op === 'in'),
  );
  return [...kept, ...next];
}

/** Filters in the model's order of dimensions, kept before left out, so word order never changes a plan. */
function canonicalFilters(filters: DimensionFilter[]): DimensionFilter[] {
  const rank = (filter: DimensionFilter) =>
    CASE_DIMENSIONS.indexOf(filter.dimension) * 2 + (filter.op === 'in' ? 0 : 1);
  return [...filters].sort((left, right) => rank(left) - rank(right));
}

function groupValues(values: NamedValue[]): Map<CaseDimension, DimensionValue[]> {
  const grouped = new Map<CaseDimension, DimensionValue[]>();
  for (const item of values) {
    const list = grouped.get(item.dimension) ?? [];
    if (!list.some((value) => value.id === item.value.id)) list.push(item.value);
    grouped.set(item.dimension, list);
  }
  return grouped;
}

/** [part, whole, ratio]: "X as a percent of Y" where the model already holds Σpart ÷ Σwhole. */
const SHARE_RATIOS: [Measure, Measure, Measure][] = [
  ['discount', 'revenue', 'discount_rate'],
  ['profit', 'hospital_revenue', 'margin'],
  ['profit', 'revenue', 'margin'],
];

/**
 * "write-offs as a percent of charges", "profit as a share of revenue": one figure over another is the model's
 * ratio (Σpart ÷ Σwhole), not each figure's share of the scope (100 %) nor a named procedure's share of all profit.
 */
function ratioOfShares(parts: AnalyticsParts): AnalyticsParts {
  if (parts.aggregation !== 'share' || parts.measures.length !== 2) return parts;
  const ratio = SHARE_RATIOS.find(
    ([part, whole]) => parts.measures.includes(part) && parts.measures.includes(whole),
  );
  if (!ratio) return parts;
  const { aggregation: _share, ...rest } = parts;
  return { ...rest, measures: [ratio[2]] };
}

function windowSpan(first: PlanWindow, second: PlanWindow): PlanWindow {
  if (first.kind !== 'fixed' || second.kind !== 'fixed') return first;
  // ISO dates sort as text.
  const [from] = [first.from, second.from].sort();
  const [to] = [first.to, second.to].sort().reverse();
  return { kind: 'fixed', from: from!, to: to!, label: `${first.label} and ${second.label}` };
}

/** How a figure is read with no aggregation word: ranked (a breakdown, a ranking), about one case, or plain. */
type Reading = 'ranks' | 'per_case' | 'plain';

function defaultFor(measure: Measure, reading: Reading): Aggregation {
  const model = MEASURE_MODEL[measure];
  if (reading === 'per_case') return model.kind === 'additive' ? 'avg' : model.defaultAggregation;
  return reading === 'ranks' ? model.rankAggregation : model.defaultAggregation;
}

function aggregationFor(
  measure: Measure,
  word: AnalyticsParts['aggregation'] | HavingPart['aggregation'],
  reading: Reading,
  carried = false,
): Aggregation {
  const model = MEASURE_MODEL[measure];
  if (word && word !== 'count_of' && word !== 'detail' && !(word === 'share' && model.kind === 'ratio')) {
    const normalized = normalizeAggregation(measure, word);
    if (normalized) return normalized;
    if (!carried) unknownAggregation(measure, word);
    return defaultFor(measure, reading);
  }
  if (word === 'count_of' && measure === 'readmission_30') return 'sum';
  return defaultFor(measure, reading);
}

/**
 * Turns the parts of an analytics-style question into a plan. With a previous analytics or dashboard plan the
 * parts replace only what they mention (a follow-up); otherwise the contract's defaults fill the rest.
 */
export function buildPlan(asked: AnalyticsParts, orgType: OrgType, previous?: AnalysisPlan): BuiltPlan {
  let parts = ratioOfShares(asked);
  const before = previous?.workflow === 'analytics' ? previous.plan : undefined;
  const board = previous?.workflow === 'dashboard' ? previous.plan : undefined;
  if (parts.aggregation === 'detail') {
    refuse(
      'I report figures over the cases (averages, totals, medians, counts, shares), not lists of single cases.',
      ['average cost of knee replacement by surgeon', 'highest cost of a knee replacement case'],
    );
  }
  if (parts.band) {
    refuse(
      'I do not trim cases by percentile; the median and percentiles already keep outliers from moving the figure.',
      ['median cost of knee replacement', '90th percentile cost of knee replacement by surgeon'],
    );
  }

  // ---- Scope: filters, comparison of values, highlighted values ----
  // "what percent … were readmitted" asks for a rate, which is already a share of the cases in scope.
  const isShare =
    parts.aggregation === 'share' &&
    !(
      parts.measures.length > 0 && parts.measures.every((measure) => MEASURE_MODEL[measure].kind === 'ratio')
    );
  // "what percent of cases are over 65 / stay longer than 5 days", by payor too: the share of each group's cases
  // that meet the conditions, which are then the figure's, not the scope's.
  let shareWhere: CaseCondition[] | undefined;
  if (
    isShare &&
    parts.sharesCondition &&
    parts.measures.every((measure) => measure === 'cases') &&
    (parts.conditions.length > 0 || parts.having.some((part) => CASE_FIELD_OF[part.measure]))
  ) {
    shareWhere = [
      ...parts.conditions,
      ...parts.having.flatMap((part) => {
        const field = CASE_FIELD_OF[part.measure];
        return field ? [{ field, op: part.op, value: part.value }] : [];
      }),
    ];
    parts = {
      ...parts,
      conditions: [],
      having: parts.having.filter((part) => !CASE_FIELD_OF[part.measure]),
    };
  }
  const kept = before?.group_by ?? [];
  const groupBy: Dimension[] = parts.dropsGroupBy
    ? []
    : parts.groupBy.length === 0
      ? [...kept]
      : parts.addsGroupBy
        ? [...new Set([...kept, ...parts.groupBy])]
        : [...parts.groupBy];
  const grouped = groupValues(parts.named);
  let highlight: DimensionValue[] | undefined;
  if (isShare && !shareWhere && groupBy.length === 0 && parts.named.length > 0) {
    // "what share of knee replacements are Medicare": the last value named is the part, the rest the whole.
    const part = [...parts.named].sort((left, right) => right.index - left.index)[0]!;
    groupBy.push(part.dimension);
    highlight = grouped.get(part.dimension);
    grouped.delete(part.dimension);
  }
  let comparison: Comparison | null = null;
  const next: DimensionFilter[] = [];
  for (const [dimension, values] of grouped) {
    // Values one shorthand named together ("OA") are one filter; only values named apart are set side by side.
    const together = parts.named.some((item) => item.dimension === dimension && item.grouped);
    if (values.length >= 2 && !together) {
      if (comparison?.kind === 'values') {
        refuse('I can set values of one kind side by side at a time (payors, or surgeons, or procedures).', [
          'Aetna vs Cigna average cost of knee replacement',
        ]);
      }
      if (groupBy.length === 0 || groupBy.includes(dimension)) {
        comparison = { kind: 'values', dimension, values };
        continue;
      }
      // With another breakdown, the compared values become the first breakdown, kept to those values.
      groupBy.unshift(dimension);
    }
    next.push({ dimension, op: 'in', values });
  }
  const excluded = groupValues(parts.excluded);
  for (const [dimension, values] of excluded) next.push({ dimension, op: 'not_in', values });
  const previousFilters = before?.filters ?? board?.filters ?? [];
  const filters = mergeFilters(
    previousFilters.filter(
      (filter) => !(comparison?.kind === 'values' && filter.dimension === comparison.dimension),
    ),
    next,
    parts.clearsClinical,
  );
  if (groupBy.length > 2) {
    refuse('I can break figures down by at most two things at once.', ['average cost by payor and surgeon']);
  }
  const conditions: CaseCondition[] = [
    ...(before?.conditions ?? board?.conditions ?? []),
    ...parts.conditions,
  ];

  // ---- Window ----
  let window: PlanWindow = parts.windows[0] ?? before?.window ?? board?.window ?? DEFAULT_WINDOW;
  if (parts.windows.length === 2) {
    const [first, second] = parts.windows as [PlanWindow, PlanWindow];
    const ordered: [PlanWindow, PlanWindow] =
      first.kind === 'fixed' && second.kind === 'fixed' && second.from < first.from
        ? [second, first]
        : [first, second];
    comparison = { kind: 'windows', windows: ordered };
    window = windowSpan(ordered[0], ordered[1]);
  } else if (parts.windows.length === 0 && before?.comparison?.kind === 'windows' && !comparison) {
    comparison = before.comparison;
  } else if (
    !comparison &&
    before?.comparison?.kind === 'values' &&
    !parts.named.some(
      (item) => before.comparison?.kind === 'values' && item.dimension === before.comparison.dimension,
    )
  ) {
    comparison = before.comparison;
  }

  if (parts.compares && comparison === null && groupBy.length === 0 && parts.unknown.length > 0) {
    // "Medicare vs commercial": one side matched nothing, and the other alone is not the comparison asked for.
    const words = parts.unknown.map((piece) => `"${piece.text}"`).join(', ');
    refuse(
      `I could not tell what to set side by side: I didn't find ${words} among your names. Name both sides, such as two payors, two procedures or two years.`,
      ['Aetna vs Cigna average cost of knee replacement', 'average cost per case 2024 vs 2025'],
    );
  }

  // ---- Measures ----
  // "cheapest" and "most expensive" compare the price of a case, so they rank averages, not totals.
  // A breakdown ranks its members too ("revenue by payor" is each payor's total revenue).
  const ranks =
    !parts.perCase &&
    (parts.rank.direction !== undefined ||
      parts.rank.limit !== undefined ||
      parts.asksWhich ||
      groupBy.length > 0 ||
      // Two windows side by side show growth: totals for money, as a breakdown would.
      parts.windows.length === 2);
  // Money with no aggregation word is a total ("revenue in 2025"); a question about one case is its average.
  const reading: Reading = parts.perCase ? 'per_case' : ranks ? 'ranks' : 'plain';
  let measureKeys = [...parts.measures];
  const countsCases = parts.aggregation === 'count_of' && !measureKeys.includes('readmission_30');
  if (countsCases) measureKeys = ['cases', ...measureKeys.filter((measure) => measure !== 'cases')];
  const wantsFigures =
    measureKeys.length > 0 ||
    countsCases ||
    isShare ||
    groupBy.length > 0 ||
    parts.aggregation !== undefined ||
    parts.having.length > 0 ||
    comparison !== null ||
    ranks ||
    // "cases last quarter", "knee replacement cases in 2025": how many, not what a typical one looks like.
    (parts.mentionsCases && parts.windows.length > 0);
  if (
    (!wantsFigures && !before) ||
    (parts.isDashboard && measureKeys.length === 0 && parts.groupBy.length === 0)
  ) {
    return { plan: typicalCase(parts, orgType, filters, conditions, window) };
  }
  if (measureKeys.length === 0 && isShare) measureKeys = ['cases'];
  if (isShare && !shareWhere && groupBy.length === 0 && comparison === null) {
    // A share of the whole scope, with nothing to divide it by, would always read 100 %.
    if (!(measureKeys.length === 1 && MEASURE_MODEL[measureKeys[0]!].kind === 'ratio')) {
      refuse(
        'A share needs a whole to divide: say what it is a share of, such as a breakdown by payor or a named payor.',
        [
          'what share of knee replacements are Medicare',
          'share of revenue by payor',
          'discount rate by payor',
        ],
      );
    }
  }
  let measures: MeasureRef[];
  if (measureKeys.length > 0) {
    // A follow-up naming another figure keeps how the last one was aggregated ("and the discount?" after an
    // average cost is the average discount), when that makes sense for it.
    const carried = before && !parts.aggregation ? before.measures[0]?.aggregation : undefined;
    const word = countsCases ? undefined : (parts.aggregation ?? carried);
    measures = measureKeys.map((measure, index) => ({
      measure,
      aggregation:
        countsCases && index === 0
          ? 'count'
          : isShare
            ? // "what percent … were readmitted": a ratio measure is already a share.
              MEASURE_MODEL[measure].kind === 'ratio'
              ? MEASURE_MODEL[measure].defaultAggregation
              : (normalizeAggregation(measure, 'share') ?? unknownAggregation(measure, 'share'))
            : aggregationFor(measure, word, reading, word === carried),
    }));
    if (shareWhere) {
      const where = shareWhere;
      measures = measures.map((ref) =>
        ref.measure === 'cases' && ref.aggregation === 'share' ? { ...ref, where } : ref,
      );
    }
  } else if (before) {
    // A follow-up that names no figure keeps the previous ones, or changes only how they aggregate.
    measures = before.measures.map((ref) =>
      parts.aggregation && parts.aggregation !== 'count_of' && parts.aggregation !== 'detail'
        ? {
            measure: ref.measure,
            aggregation: normalizeAggregation(ref.measure, parts.aggregation) ?? ref.aggregation,
          }
        : ref,
    );
  } else if (parts.having.length > 0) {
    // "surgeons whose average cost is over $20,000": the condition's figure is the answer's.
    measures = [];
  } else if (
    parts.aggregation === undefined &&
    (ranks || parts.mentionsCases) &&
    // A word let go may have been the figure ("readmission % by provider"): counting cases would answer with a
    // number nobody asked for, so a bare breakdown counts them only when it speaks of cases or has no such word.
    (parts.mentionsCases ||
      parts.unknown.length === 0 ||
      parts.rank.direction !== undefined ||
      parts.rank.limit !== undefined) &&
    (groupBy.length > 0 || comparison !== null || parts.windows.length > 0)
  ) {
    // "which surgeon does the most knee replacements": the figure is the number of cases.
    measures = [{ measure: 'cases', aggregation: 'count' }];
  } else {
    return askForMeasure(parts);
  }
  for (const { measure } of measures) {
    if (!measureAllowed(orgType, measure))
      refuse(hospitalOnlyReason(measure), [
        'average cost of knee replacement by surgeon',
        'total revenue by payor last year',
      ]);
  }

  if (parts.bothEnds) {
    measures = measures.flatMap((ref) =>
      ref.aggregation === 'min' ? [ref, { measure: ref.measure, aggregation: 'max' as const }] : [ref],
    );
  }

  // ---- Conditions on grouped figures ----
  let having: GroupCondition[] = parts.measures.length > 0 ? [] : [...(before?.having ?? [])];
  for (const part of parts.having) {
    if (!measureAllowed(orgType, part.measure))
      refuse(hospitalOnlyReason(part.measure), ['average cost by surgeon']);
    if (groupBy.length === 0 && comparison === null) {
      const field = CASE_FIELD_OF[part.measure];
      if (!field) {
        refuse(
          `A condition on ${MEASURE_MODEL[part.measure].label} needs a breakdown to test it on, such as surgeons or payors.`,
          ['providers with a margin under 10%', 'surgeons whose average cost is over $20,000'],
        );
      }
      conditions.push({ field, op: part.op, value: part.value });
      continue;
    }
    // "surgeons whose cost is over $20,000" tests each one's cost per case; a total is asked in so many words.
    const aggregation = aggregationFor(part.measure, part.aggregation, 'per_case');
    let index = measures.findIndex((ref) => ref.measure === part.measure && ref.aggregation === aggregation);
    if (index < 0) {
      measures.push({ measure: part.measure, aggregation });
      index = measures.length - 1;
    }
    having = [...having, { measure: index, op: part.op, value: part.value }];
  }
  if (measures.length === 0) {
    // Only a case condition was asked ("cases with cost over $50,000"): count them.
    measures = [{ measure: 'cases', aggregation: 'count' }];
  }
  if (measures.length > 6)
    refuse('I can show at most six figures at once.', ['average cost and revenue by surgeon']);

  // ---- Order and limit ----
  const sameBreakdown = before && before.group_by.join() === groupBy.join();
  let order: PlanOrder | null = sameBreakdown && !parts.rank.direction ? before.order : null;
  if (parts.rank.direction && (groupBy.length > 0 || comparison?.kind === 'values')) {
    order = { by: 'measure', index: 0, direction: parts.rank.direction };
  } else if (!order && groupBy.length > 0) {
    order = isTimeGrain(groupBy[0]!)
      ? { by: 'dimension', direction: 'asc' }
      : { by: 'measure', index: 0, direction: 'desc' };
  }
  if (order?.by === 'measure' && (order.index ?? 0) >= measures.length) order = { ...order, index: 0 };
  let limit: number | null = parts.rank.limit ?? (sameBreakdown ? before.limit : null);
  if (groupBy.length === 0 && comparison === null) {
    order = null;
    limit = null;
  }
  if (
    parts.rank.direction &&
    groupBy.length === 0 &&
    comparison === null &&
    parts.aggregation === undefined &&
    !parts.compares
  ) {
    // "the highest cost of a knee replacement": with nothing to rank, the extreme single case.
    measures = measures.map((ref) =>
      MEASURE_MODEL[ref.measure].kind === 'additive'
        ? { measure: ref.measure, aggregation: parts.rank.direction === 'asc' ? 'min' : 'max' }
        : ref,
    );
  }

  // A time breakdown over the data's own window covers whole periods (and the plain default once it is dropped).
  window = fitWindowToGrain(window, groupBy);

  const plan: QueryPlan = {
    measures,
    group_by: groupBy,
    filters: canonicalFilters(filters),
    conditions,
    having,
    comparison,
    order,
    limit,
    window,
  };
  return { plan: { workflow: 'analytics', plan }, ...(highlight ? { highlight } : {}) };
}

function typicalCase(
  parts: AnalyticsParts,
  orgType: OrgType,
  filters: DimensionFilter[],
  conditions: CaseCondition[],
  window: PlanWindow,
): AnalysisPlan {
  const asked = parts.measures.filter((measure) => MEASURE_MODEL[measure].kind === 'additive');
  const measures = (asked.length ? asked : TYPICAL_MEASURES).filter((measure) =>
    measureAllowed(orgType, measure),
  );
  const plan: TypicalCasePlan = { measures, filters: canonicalFilters(filters), conditions, window };
  return { workflow: 'dashboard', plan };
}

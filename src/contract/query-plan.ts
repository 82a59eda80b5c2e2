import * as z from 'zod/mini';

// The typed query plan (contract: "Case data"): what a question means, before anything runs. The parser
// produces it, the server compiles it to one parameterized DuckDB statement, the `plan` event carries it, and a
// pinned dashboard card stores it to run again on the current data. Names here are the semantic model's keys;
// labels, units, SQL and synonyms live in the server's semantic model, not here.

export const MEASURES = [
  'cases',
  'revenue',
  // Billed revenue less the discount: what the payor paid (a payor organization's "paid amount").
  'paid',
  'hospital_revenue',
  'profit',
  'margin',
  'cost',
  'discount',
  'discount_rate',
  'los',
  'time',
  'readmission_30',
] as const;
export type Measure = (typeof MEASURES)[number];

/** p5 … p95 in steps of 5; `median` is p50 by its usual name. */
export const PERCENTILES = Array.from({ length: 19 }, (_, index) => `p${(index + 1) * 5}` as const);
const AGGREGATIONS = [
  'sum',
  'avg',
  'median',
  ...PERCENTILES,
  'min',
  'max',
  'count',
  'share',
  // Ratio measures (margin, discount rate, readmission rate) are always a ratio of sums.
  'ratio',
] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const CLINICAL_DIMENSIONS = ['procedure', 'condition', 'drg'] as const;
export const ORGANIZATION_DIMENSIONS = ['surgeon', 'payor', 'provider', 'client'] as const;
export const CASE_DIMENSIONS = [
  ...CLINICAL_DIMENSIONS,
  ...ORGANIZATION_DIMENSIONS,
  'gender',
  'age_band',
] as const;
export const TIME_GRAINS = ['month', 'quarter', 'year'] as const;
const DIMENSIONS = [...CASE_DIMENSIONS, ...TIME_GRAINS] as const;
export type ClinicalDimension = (typeof CLINICAL_DIMENSIONS)[number];
export type OrganizationDimension = (typeof ORGANIZATION_DIMENSIONS)[number];
export type CaseDimension = (typeof CASE_DIMENSIONS)[number];
export type TimeGrain = (typeof TIME_GRAINS)[number];
export type Dimension = (typeof DIMENSIONS)[number];

/** Numeric case fields a filter may test (`age >= 65`, `los_days > 3`). */
export const CASE_FIELDS = [
  'age',
  'los_days',
  'or_minutes',
  'revenue',
  'hospital_revenue',
  'cost',
  'discount',
  'readmitted_30',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

export const COMPARATORS = ['>', '>=', '<', '<=', '=', '!='] as const;
export type Comparator = (typeof COMPARATORS)[number];

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'A date is YYYY-MM-DD.' }));

/** A value of a dimension: `id` is the code for clinical dimensions, the value itself otherwise
 *  (`M`/`F` for gender, `65-74` for an age band); `name` is what a person reads. */
export const DimensionValue = z.object({ id: z.string(), name: z.string() });
export type DimensionValue = z.infer<typeof DimensionValue>;

export const DimensionFilter = z.object({
  dimension: z.enum(CASE_DIMENSIONS),
  /** `in` keeps only these values; `not_in` leaves them out. */
  op: z.enum(['in', 'not_in']),
  values: z.array(DimensionValue).check(z.minLength(1)),
});
export type DimensionFilter = z.infer<typeof DimensionFilter>;

export const CaseCondition = z.object({
  field: z.enum(CASE_FIELDS),
  op: z.enum(COMPARATORS),
  value: z.number(),
});
export type CaseCondition = z.infer<typeof CaseCondition>;

/**
 * A figure of the plan. `where` (only for the `share` of `cases`) makes it the share of each group's cases that
 * meet the conditions ("what percent of cases are over 65", by payor too), rather than the group's share of all.
 */
export const MeasureRef = z.object({
  measure: z.enum(MEASURES),
  aggregation: z.enum(AGGREGATIONS),
  where: z.optional(z.array(CaseCondition).check(z.minLength(1))),
});
export type MeasureRef = z.infer<typeof MeasureRef>;

/** A condition on a grouped figure (`average cost > 20000`, `margin < 5`): `measure` indexes `plan.measures`. */
export const GroupCondition = z.object({
  measure: z.number().check(z.int(), z.minimum(0)),
  op: z.enum(COMPARATORS),
  value: z.number(),
});
export type GroupCondition = z.infer<typeof GroupCondition>;

/**
 * A window on admit_date. `data_trailing` ends at the organization's latest admit date (the default: 12
 * months); `relative` windows are calendar windows computed from today when the plan runs, so a pinned "last
 * quarter" moves with time; `fixed` windows are named dates (2024, Q3 2024, March 2025, 2023 through 2025).
 */
const RELATIVE_PERIODS = [
  'last_days',
  'last_months',
  'last_month',
  'last_quarter',
  'last_year',
  'month_to_date',
  'quarter_to_date',
  'year_to_date',
  'fiscal_year_to_date',
  'last_fiscal_year',
] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

export const PlanWindow = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('data_trailing'),
    months: z.number().check(z.int(), z.minimum(1), z.maximum(120)),
    /** Whole periods of a time breakdown: the window starts on the first day of a month, quarter or year (the
     *  latest one holding the latest admit date, so it may be partial) and never before the first whole period
     *  of the data, so no period at either end is shown as a whole one when it is not. */
    grain: z.optional(z.enum(TIME_GRAINS)),
  }),
  z.object({
    kind: z.literal('relative'),
    period: z.enum(RELATIVE_PERIODS),
    /** How many days or months for `last_days` / `last_months`. */
    count: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3650))),
  }),
  z.object({ kind: z.literal('fixed'), from: IsoDate, to: IsoDate, label: z.string() }),
  z.object({ kind: z.literal('all') }),
]);
export type PlanWindow = z.infer<typeof PlanWindow>;

/** Two or more values of one dimension, each its own row (never pooled), or two windows, a column each plus the
 *  change and the % change. */
export const Comparison = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('values'),
    dimension: z.enum(CASE_DIMENSIONS),
    values: z.array(DimensionValue).check(z.minLength(2)),
  }),
  z.object({ kind: z.literal('windows'), windows: z.tuple([PlanWindow, PlanWindow]) }),
]);
export type Comparison = z.infer<typeof Comparison>;

export const PlanOrder = z.object({
  /** `measure` orders by `plan.measures[index]`; `dimension` by the first group-by (time runs oldest first). */
  by: z.enum(['measure', 'dimension']),
  index: z.optional(z.number().check(z.int(), z.minimum(0))),
  direction: z.enum(['asc', 'desc']),
});
export type PlanOrder = z.infer<typeof PlanOrder>;

export const QueryPlan = z.object({
  measures: z.array(MeasureRef).check(z.minLength(1), z.maxLength(6)),
  group_by: z.array(z.enum(DIMENSIONS)).check(z.maxLength(2)),
  filters: z.array(DimensionFilter),
  conditions: z.array(CaseCondition),
  having: z.array(GroupCondition),
  comparison: z.nullable(Comparison),
  order: z.nullable(PlanOrder),
  limit: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(1000))),
  window: PlanWindow,
});
export type QueryPlan = z.infer<typeof QueryPlan>;

// ---- The other workflows, on the same model --------------------------------------------------

/** "What does a typical X case look like": mean, median and p10–p90 per measure over the scope. */
export const TypicalCasePlan = z.object({
  measures: z.array(z.enum(MEASURES)).check(z.minLength(1)),
  filters: z.array(DimensionFilter),
  conditions: z.array(CaseCondition),
  window: PlanWindow,
});
export type TypicalCasePlan = z.infer<typeof TypicalCasePlan>;

export const PREDICTION_TARGETS = ['price', 'cost', 'time', 'los', 'profit'] as const;
export const PredictionPlan = z.object({
  target: z.enum(PREDICTION_TARGETS),
  procedure: DimensionValue,
  /** The cohort narrowed by surgeon, provider, payor or any case dimension. */
  filters: z.array(DimensionFilter),
  gender: z.nullable(z.enum(['M', 'F'])),
  age: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(120))),
  age_band: z.nullable(z.tuple([z.number(), z.number()])),
  secondary_conditions: z.array(DimensionValue),
});
export type PredictionPlan = z.infer<typeof PredictionPlan>;

export const SimulationPlan = z.object({
  /** `price` changes the revenue the organization receives; `cost` its cost per case. */
  target: z.enum(['price', 'cost']),
  change: z.object({ kind: z.enum(['percent', 'flat']), value: z.number() }),
  /** Which cases the change applies to (one payor, some procedures …); empty means all. */
  filters: z.array(DimensionFilter),
  base: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('data_trailing'),
      months: z.number().check(z.int(), z.minimum(1), z.maximum(60)),
    }),
    z.object({ kind: z.literal('calendar_year'), year: z.number().check(z.int()) }),
  ]),
  horizon_months: z.number().check(z.int(), z.minimum(1), z.maximum(60)),
});
export type SimulationPlan = z.infer<typeof SimulationPlan>;

export const LookupPlan = z.object({
  text: z.string(),
  kinds: z.array(z.enum(CASE_DIMENSIONS)),
});
export type LookupPlan = z.infer<typeof LookupPlan>;

export const WORKFLOWS = ['entity_resolver', 'dashboard', 'analytics', 'predictions', 'simulation'] as const;
export type Workflow = (typeof WORKFLOWS)[number];

/** A plan of any workflow, as the `plan` event carries it and a pinned card stores it. */
export const AnalysisPlan = z.discriminatedUnion('workflow', [
  z.object({ workflow: z.literal('analytics'), plan: QueryPlan }),
  z.object({ workflow: z.literal('dashboard'), plan: TypicalCasePlan }),
  z.object({ workflow: z.literal('predictions'), plan: PredictionPlan }),
  z.object({ workflow: z.literal('simulation'), plan: SimulationPlan }),
  z.object({ workflow: z.literal('entity_resolver'), plan: LookupPlan }),
]);
export type AnalysisPlan = z.infer<typeof AnalysisPlan>;

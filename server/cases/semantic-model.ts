import type { COLUMN_TYPES, ENTITY_KINDS } from '../../src/contract/agent';
import type { ORG_TYPES } from '../../src/contract/auth';
import {
  type Aggregation,
  type CaseField,
  CLINICAL_DIMENSIONS,
  type ClinicalDimension,
  type Dimension,
  type Measure,
  PERCENTILES,
  TIME_GRAINS,
  type TimeGrain,
} from '../../src/contract/query-plan';

// The one semantic model (contract: "Case data"). Every measure and dimension the parser reads, the engines
// compute and the written answer names is one entry here: its label, unit, column type, SQL and synonyms.
// Adding a measure is adding one entry to MEASURE_MODEL; nothing else lists measures.

// Column types and organization types are the contract's lists; the server names them from here.
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type OrgType = (typeof ORG_TYPES)[number];

/** What the resolver can name: a clinical domain or an organizational dimension (the contract's list). */
export type EntityKind = (typeof ENTITY_KINDS)[number];

type Unit = 'USD' | 'days' | 'minutes' | '%' | 'cases';

/**
 * How a measure aggregates:
 * - `count`: the number of cases (the `cases` measure);
 * - `additive`: a per-case value that sums, averages and has percentiles;
 * - `ratio`: Σnumerator ÷ Σdenominator over the group, never an average of per-case ratios.
 */
type MeasureKind = 'count' | 'additive' | 'ratio';

interface MeasureModel {
  key: Measure;
  /** Lower-case noun for running text: "cost", "length of stay". */
  label: string;
  /** Plural or short form for "cost per case" style phrasing: how a person names one case's value. */
  unit: Unit;
  /** The column type of one case's value and of its sum, average and percentiles. */
  columnType: ColumnType;
  kind: MeasureKind;
  /** One case's value (additive measures), over the `cases` table's columns. */
  caseSql?: string;
  /** Ratio measures: summed separately, then divided, then multiplied by `scale` (100 for a %). */
  ratio?: { numerator: string; denominator: string; scale: number };
  /** What `sum` means for a ratio measure, when it has a countable numerator (readmitted cases). */
  ratioSum?: { sql: string; label: string; unit: Unit; columnType: ColumnType };
  aggregations: readonly Aggregation[];
  /** What the measure means with no aggregation word (contract: "Defaults"): money is a total ("revenue in 2025"
   *  is the year's revenue), per-case figures (length of stay, OR time) an average, ratios a ratio of sums. A
   *  question about one case ("what does a knee replacement cost", "cost per case") asks for the average. */
  defaultAggregation: Aggregation;
  /** What "rank by X" ranks: totals for money, averages for per-case figures (contract: "Defaults"). */
  rankAggregation: Aggregation;
  /** Depends on hospital revenue, which a payor organization's data does not hold. */
  hospitalOnly: boolean;
  /** Phrases (lower case, singular and plural spelt out) a person uses for it, most specific first. */
  synonyms: readonly string[];
  /** Words that name this measure when a payor organization asks, though a hospital means another measure by
   *  them: a payor's "payments" and "spend" are what it paid, a hospital's "payments" its revenue. */
  payorSynonyms?: readonly string[];
}

const DISTRIBUTION: readonly Aggregation[] = ['sum', 'avg', 'median', ...PERCENTILES, 'min', 'max', 'share'];

export const MEASURE_MODEL: Record<Measure, MeasureModel> = {
  cases: {
    key: 'cases',
    label: 'cases',
    unit: 'cases',
    columnType: 'integer',
    kind: 'count',
    aggregations: ['count', 'share'],
    defaultAggregation: 'count',
    rankAggregation: 'count',
    hospitalOnly: false,
    synonyms: ['number of cases', 'case count', 'case volume', 'volume', 'cases', 'procedures performed'],
  },
  revenue: {
    key: 'revenue',
    label: 'revenue',
    unit: 'USD',
    columnType: 'currency',
    kind: 'additive',
    caseSql: 'revenue',
    aggregations: DISTRIBUTION,
    defaultAggregation: 'sum',
    rankAggregation: 'sum',
    hospitalOnly: false,
    synonyms: [
      'billed revenue',
      'revenue',
      'revenues',
      'charges',
      'billed',
      'billings',
      'price',
      'prices',
      'reimbursement',
      'reimbursements',
      'payment',
      'payments',
      'collections',
    ],
  },
  paid: {
    key: 'paid',
    label: 'paid amount',
    unit: 'USD',
    columnType: 'currency',
    kind: 'additive',
    caseSql: '(revenue - discount)',
    aggregations: DISTRIBUTION,
    defaultAggregation: 'avg',
    rankAggregation: 'sum',
    hospitalOnly: false,
    synonyms: [
      'paid amount',
      'paid amounts',
      'amount paid',
      'amounts paid',
      'allowed amount',
      'allowed amounts',
      'allowed',
      'allowable',
      'claims paid',
      'paid claims',
      'claim payments',
      'net paid',
      'net payment',
      'net payments',
      'paid out',
    ],
    payorSynonyms: [
      'payments',
      'payment',
      'reimbursements',
      'reimbursement',
      'reimbursed',
      'paid',
      'pays',
      'pay',
      'spending',
      'spend',
      'spent',
      'paying',
    ],
  },
  hospital_revenue: {
    key: 'hospital_revenue',
    label: 'hospital revenue',
    unit: 'USD',
    columnType: 'currency',
    kind: 'additive',
    caseSql: 'hospital_revenue',
    aggregations: DISTRIBUTION,
    defaultAggregation: 'sum',
    rankAggregation: 'sum',
    hospitalOnly: true,
    synonyms: [
      'hospital revenue',
      'hospital revenues',
      'hospital income',
      'hospital-only revenue',
      'net revenue',
    ],
  },
  profit: {
    key: 'profit',
    label: 'profit',
    unit: 'USD',
    columnType: 'currency',
    kind: 'additive',
    caseSql: '(hospital_revenue - cost)',
    aggregations: DISTRIBUTION,
    defaultAggregation: 'sum',
    rankAggregation: 'sum',
    hospitalOnly: true,
    synonyms: ['profit', 'profits', 'profitability', 'net income', 'contribution'],
  },
  margin: {
    key: 'margin',
    label: 'margin',
    unit: '%',
    columnType: 'percent',
    kind: 'ratio',
    ratio: {
      numerator: '(hospital_revenue - cost)',
      denominator: 'CASE WHEN cost IS NOT NULL THEN hospital_revenue END',
      scale: 100,
    },
    aggregations: ['ratio'],
    defaultAggregation: 'ratio',
    rankAggregation: 'ratio',
    hospitalOnly: true,
    synonyms: ['profit margin', 'operating margin', 'margins', 'margin'],
  },
  cost: {
    key: 'cost',
    label: 'cost',
    unit: 'USD',
    columnType: 'currency',
    kind: 'additive',
    caseSql: 'cost',
    aggregations: DISTRIBUTION,
    defaultAggregation: 'sum',
    rankAggregation: 'sum',
    hospitalOnly: false,
    synonyms: ['cost', 'costs', 'expense', 'expenses', 'expenditure', 'spend', 'spending'],
  },
  discount: {
    key: 'discount',
    label: 'discount',
    unit: 'USD',
    columnType: 'currency',
    kind: 'additive',
    caseSql: 'discount',
    aggregations: DISTRIBUTION,
    defaultAggregation: 'sum',
    rankAggregation: 'sum',
    hospitalOnly: false,
    synonyms: [
      'discount',
      'discounts',
      'contractual allowance',
      'contractual allowances',
      'contractual adjustment',
      'contractual adjustments',
      'contractuals',
      'write-off',
      'write-offs',
      'write off',
      'write offs',
    ],
  },
  discount_rate: {
    key: 'discount_rate',
    label: 'discount rate',
    unit: '%',
    columnType: 'percent',
    kind: 'ratio',
    ratio: {
      numerator: 'discount',
      denominator: 'CASE WHEN discount IS NOT NULL THEN revenue END',
      scale: 100,
    },
    aggregations: ['ratio'],
    defaultAggregation: 'ratio',
    rankAggregation: 'ratio',
    hospitalOnly: false,
    synonyms: ['discount rate', 'discount rates', 'discount percentage', 'discount %'],
  },
  los: {
    key: 'los',
    label: 'length of stay',
    unit: 'days',
    columnType: 'number',
    kind: 'additive',
    caseSql: 'los_days',
    aggregations: DISTRIBUTION,
    defaultAggregation: 'avg',
    rankAggregation: 'avg',
    hospitalOnly: false,
    synonyms: [
      'length of stay',
      'lengths of stay',
      'los',
      'alos',
      'average length of stay',
      'days in hospital',
      'inpatient days',
      'stay',
    ],
  },
  time: {
    key: 'time',
    label: 'OR time',
    unit: 'minutes',
    columnType: 'number',
    kind: 'additive',
    caseSql: 'or_minutes',
    aggregations: DISTRIBUTION,
    defaultAggregation: 'avg',
    rankAggregation: 'avg',
    hospitalOnly: false,
    synonyms: [
      'or time',
      'operative time',
      'procedure time',
      'case time',
      'operating time',
      'operating room time',
      'surgical time',
      'surgery time',
      'or minutes',
    ],
  },
  readmission_30: {
    key: 'readmission_30',
    label: '30-day readmission rate',
    unit: '%',
    columnType: 'percent',
    kind: 'ratio',
    ratio: {
      numerator: 'readmitted_30',
      denominator: 'CASE WHEN readmitted_30 IS NOT NULL THEN 1 END',
      scale: 100,
    },
    ratioSum: {
      sql: 'readmitted_30',
      label: 'readmitted cases',
      unit: 'cases',
      columnType: 'integer',
    },
    aggregations: ['ratio', 'sum'],
    defaultAggregation: 'ratio',
    rankAggregation: 'ratio',
    hospitalOnly: false,
    synonyms: [
      'readmitted within 30 days',
      'readmitted within thirty days',
      'readmitted in 30 days',
      'readmissions within 30 days',
      'readmits within 30 days',
      '30-day readmission rate',
      '30 day readmission rate',
      '30-day readmissions',
      '30 day readmissions',
      '30-day readmits',
      '30 day readmits',
      'readmission rate',
      'readmission %',
      'readmission percentage',
      'readmissions',
      'readmission',
      'readmits',
      'readmit',
      'readmitted',
    ],
  },
};

/** Whether an organization of this type can see the measure (hospital-only measures are not a payor's). */
export function measureAllowed(orgType: OrgType, measure: Measure): boolean {
  return !(orgType === 'payor' && MEASURE_MODEL[measure].hospitalOnly);
}

/** Why a payor cannot have a hospital-only measure, in words an analyst reads. */
export function hospitalOnlyReason(measure: Measure): string {
  const label = MEASURE_MODEL[measure].label;
  return `${capitalize(label)} depends on hospital revenue, which a payor organization's data does not include; ask about revenue, cost, discount, length of stay, OR time or readmissions instead.`;
}

/**
 * The aggregation a measure actually uses: `avg` of a ratio measure is its ratio of sums ("average margin"),
 * `sum` of cases is its count. Returns null for a pairing that means nothing (median of margin).
 */
export function normalizeAggregation(measure: Measure, aggregation: Aggregation): Aggregation | null {
  const model = MEASURE_MODEL[measure];
  if (model.aggregations.includes(aggregation)) return aggregation;
  if (model.kind === 'ratio' && aggregation === 'avg') return 'ratio';
  if (model.kind === 'count' && aggregation === 'sum') return 'count';
  return null;
}

/** 0.5 for `median`, 0.9 for `p90`; null for other aggregations. */
export function percentileFraction(aggregation: Aggregation): number | null {
  if (aggregation === 'median') return 0.5;
  const match = /^p(\d+)$/.exec(aggregation);
  return match ? Number(match[1]) / 100 : null;
}

// ---- Labels ------------------------------------------------------------------------------------

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ORDINAL_SUFFIX = (n: number) =>
  n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';

/** "average cost", "median length of stay", "90th percentile OR time", "share of revenue", "margin". */
export function measurePhrase(measure: Measure, aggregation: Aggregation): string {
  const model = MEASURE_MODEL[measure];
  const label = model.label;
  if (model.kind === 'count') return aggregation === 'share' ? 'share of cases' : 'number of cases';
  if (model.kind === 'ratio') {
    if (aggregation === 'sum' && model.ratioSum) return model.ratioSum.label;
    return label;
  }
  switch (aggregation) {
    case 'sum':
      return `total ${label}`;
    case 'avg':
      return `average ${label}`;
    case 'median':
      return `median ${label}`;
    case 'min':
      return `lowest ${label}`;
    case 'max':
      return `highest ${label}`;
    case 'share':
      return `share of ${label}`;
    case 'count':
      return `cases with a ${label}`;
    default: {
      const fraction = percentileFraction(aggregation);
      if (fraction === null) return label;
      const n = Math.round(fraction * 100);
      return `${n}${ORDINAL_SUFFIX(n)} percentile ${label}`;
    }
  }
}

/** A table column's label: "Average cost", "Share of cases", "Margin". */
export function measureLabel(measure: Measure, aggregation: Aggregation): string {
  return capitalize(measurePhrase(measure, aggregation));
}

/** Unit and column type of a measure × aggregation figure. */
export function measureShape(measure: Measure, aggregation: Aggregation): { unit: Unit; type: ColumnType } {
  const model = MEASURE_MODEL[measure];
  if (aggregation === 'share') return { unit: '%', type: 'percent' };
  if (model.kind === 'count' || aggregation === 'count') return { unit: 'cases', type: 'integer' };
  if (model.kind === 'ratio' && aggregation === 'sum' && model.ratioSum) {
    return { unit: model.ratioSum.unit, type: model.ratioSum.columnType };
  }
  return { unit: model.unit, type: model.columnType };
}

/** The key of a figure's column in an answer table: `cost_avg`, `cases_count`, `margin_ratio`. */
export const measureColumnKey = (measure: Measure, aggregation: Aggregation) => `${measure}_${aggregation}`;

// ---- SQL ---------------------------------------------------------------------------------------

/**
 * The SQL aggregate of a measure over a group of rows of `cases`, with an optional FILTER condition (a window of
 * a comparison). `share` is returned as the group's part (sum or count); the compiler divides by the scope total.
 * The aggregation must be one `normalizeAggregation` returned.
 */
export function aggregateSql(measure: Measure, aggregation: Aggregation, filter?: string): string {
  const model = MEASURE_MODEL[measure];
  const where = filter ? ` FILTER (WHERE ${filter})` : '';
  if (model.kind === 'count') return `CAST(count(*)${where} AS DOUBLE)`;
  if (model.kind === 'ratio') {
    if (aggregation === 'sum' && model.ratioSum) return `CAST(sum(${model.ratioSum.sql})${where} AS DOUBLE)`;
    const ratio = model.ratio!;
    return `${ratio.scale} * sum(${ratio.numerator})${where} / NULLIF(sum(${ratio.denominator})${where}, 0)`;
  }
  const value = model.caseSql!;
  const fraction = percentileFraction(aggregation);
  if (fraction !== null) return `quantile_cont(${value}, ${fraction})${where}`;
  switch (aggregation) {
    case 'sum':
    case 'share':
      return `sum(${value})${where}`;
    case 'avg':
      return `avg(${value})${where}`;
    case 'min':
      return `min(${value})${where}`;
    case 'max':
      return `max(${value})${where}`;
    case 'count':
      return `CAST(count(${value})${where} AS DOUBLE)`;
    default:
      throw new Error(`No SQL for ${measure} ${aggregation}`);
  }
}

// ---- Dimensions ----------------------------------------------------------------------------------

type DimensionKind = 'clinical' | 'organization' | 'demographic' | 'time';

interface DimensionModel {
  key: Dimension;
  /** Singular, for a column header: "Procedure". */
  label: string;
  /** Plural, lower case, for running text: "procedures". */
  plural: string;
  kind: DimensionKind;
  /** The column or expression whose value identifies a member (the code for clinical dimensions). */
  idSql: string;
  /** The column a member's name comes from, when it differs from the id (clinical dimensions). */
  nameSql?: string;
  synonyms: readonly string[];
  /** Time grains: the nouns for one period, which name the breakdown after "by", "per", "each", "which" … */
  periodNouns?: readonly string[];
}

interface AgeBand {
  id: string;
  low: number;
  /** Inclusive; null for the open top band. */
  high: number | null;
}

export const AGE_BANDS: readonly AgeBand[] = [
  { id: '0-17', low: 0, high: 17 },
  { id: '18-34', low: 18, high: 34 },
  { id: '35-49', low: 35, high: 49 },
  { id: '50-64', low: 50, high: 64 },
  { id: '65-74', low: 65, high: 74 },
  { id: '75-84', low: 75, high: 84 },
  { id: '85+', low: 85, high: null },
];

const AGE_BAND_SQL = `CASE ${AGE_BANDS.map((band) =>
  band.high === null
    ? `WHEN age >= ${band.low} THEN '${band.id}'`
    : `WHEN age BETWEEN ${band.low} AND ${band.high} THEN '${band.id}'`,
).join(' ')} END`;

const GENDER_NAMES: Record<string, string> = { M: 'Male', F: 'Female' };

/** Time grains group on the first day of their period; the answer shows them as `2025-03`, `2025-Q1`, `2025`. */
const TIME_TRUNC: Record<TimeGrain, string> = {
  month: "date_trunc('month', admit_date)",
  quarter: "date_trunc('quarter', admit_date)",
  year: "date_trunc('year', admit_date)",
};

export const DIMENSION_MODEL: Record<Dimension, DimensionModel> = {
  procedure: {
    key: 'procedure',
    label: 'Procedure',
    plural: 'procedures',
    kind: 'clinical',
    idSql: 'procedure_code',
    nameSql: 'procedure_name',
    synonyms: ['procedure', 'procedures', 'surgery', 'surgeries', 'operation', 'operations', 'cpt'],
  },
  condition: {
    key: 'condition',
    label: 'Condition',
    plural: 'conditions',
    kind: 'clinical',
    idSql: 'condition_code',
    nameSql: 'condition_name',
    synonyms: ['condition', 'conditions', 'diagnosis', 'diagnoses', 'icd-10', 'principal diagnosis'],
  },
  drg: {
    key: 'drg',
    label: 'DRG',
    plural: 'DRGs',
    kind: 'clinical',
    idSql: 'drg_code',
    nameSql: 'drg_name',
    synonyms: ['drg', 'drgs', 'ms-drg', 'diagnosis related group'],
  },
  surgeon: {
    key: 'surgeon',
    label: 'Surgeon',
    plural: 'surgeons',
    kind: 'organization',
    idSql: 'surgeon',
    synonyms: ['surgeon', 'surgeons', 'doctor', 'doctors', 'physician', 'physicians'],
  },
  payor: {
    key: 'payor',
    label: 'Payor',
    plural: 'payors',
    kind: 'organization',
    idSql: 'payor',
    synonyms: [
      'payor',
      'payors',
      'payer',
      'payers',
      'insurer',
      'insurers',
      'health plan',
      'health plans',
      'payor mix',
    ],
  },
  provider: {
    key: 'provider',
    label: 'Provider',
    plural: 'providers',
    kind: 'organization',
    idSql: 'provider',
    synonyms: ['provider', 'providers', 'facility', 'facilities', 'hospital', 'hospitals', 'site', 'sites'],
  },
  client: {
    key: 'client',
    label: 'Client',
    plural: 'clients',
    kind: 'organization',
    idSql: 'client',
    synonyms: ['client', 'clients', 'customer', 'customers', 'account', 'accounts'],
  },
  gender: {
    key: 'gender',
    label: 'Gender',
    plural: 'genders',
    kind: 'demographic',
    idSql: 'gender',
    synonyms: ['gender', 'sex', 'male and female', 'men and women'],
  },
  age_band: {
    key: 'age_band',
    label: 'Age band',
    plural: 'age bands',
    kind: 'demographic',
    idSql: AGE_BAND_SQL,
    synonyms: ['age band', 'age bands', 'age group', 'age groups', 'age'],
  },
  month: {
    key: 'month',
    label: 'Month',
    plural: 'months',
    kind: 'time',
    idSql: TIME_TRUNC.month,
    periodNouns: ['month', 'months', 'mth', 'mths', 'calendar month', 'calendar months'],
    synonyms: [
      'month',
      'months',
      'monthly',
      'month by month',
      'month over month',
      'month on month',
      'mom',
      'per month',
      'each month',
      'months of the year',
    ],
  },
  quarter: {
    key: 'quarter',
    label: 'Quarter',
    plural: 'quarters',
    kind: 'time',
    idSql: TIME_TRUNC.quarter,
    periodNouns: ['quarter', 'quarters', 'qtr', 'qtrs', 'calendar quarter', 'calendar quarters'],
    synonyms: [
      'quarter',
      'quarters',
      'quarterly',
      'quarter by quarter',
      'quarter over quarter',
      'quarter on quarter',
      'qoq',
      'per quarter',
      'each quarter',
    ],
  },
  year: {
    key: 'year',
    label: 'Year',
    plural: 'years',
    kind: 'time',
    idSql: TIME_TRUNC.year,
    periodNouns: ['year', 'years', 'yr', 'yrs', 'calendar year', 'calendar years'],
    synonyms: [
      'year',
      'years',
      'yearly',
      'annual',
      'annually',
      'year by year',
      'year over year',
      'year on year',
      'yoy',
      'per year',
      'each year',
      'each of the years',
    ],
  },
};

export const isTimeGrain = (dimension: Dimension): dimension is TimeGrain =>
  (TIME_GRAINS as readonly string[]).includes(dimension);
export const isClinical = (dimension: Dimension): dimension is ClinicalDimension =>
  (CLINICAL_DIMENSIONS as readonly string[]).includes(dimension);

/** How a time-grain period reads in a table: `2025-03`, `2025-Q1`, `2025`, from its first day. */
export function timeGrainSql(grain: TimeGrain, expression: string): string {
  switch (grain) {
    case 'month':
      return `strftime(${expression}, '%Y-%m')`;
    case 'quarter':
      return `concat(CAST(year(${expression}) AS VARCHAR), '-Q', CAST(quarter(${expression}) AS VARCHAR))`;
    case 'year':
      return `CAST(year(${expression}) AS VARCHAR)`;
  }
}

/** The name a person reads for a dimension member's id (gender `F` → Female); other ids read as they are. */
export function memberName(dimension: Dimension, id: string | null): string {
  if (id === null || id === '') return '(not recorded)';
  if (dimension === 'gender') return GENDER_NAMES[id] ?? id;
  return id;
}

// ---- Case fields -----------------------------------------------------------------------------------

export const CASE_FIELD_MODEL: Record<CaseField, { label: string; unit: Unit | 'years' | '' }> = {
  age: { label: 'age', unit: 'years' },
  los_days: { label: 'length of stay', unit: 'days' },
  or_minutes: { label: 'OR time', unit: 'minutes' },
  revenue: { label: 'revenue', unit: 'USD' },
  hospital_revenue: { label: 'hospital revenue', unit: 'USD' },
  cost: { label: 'cost', unit: 'USD' },
  discount: { label: 'discount', unit: 'USD' },
  readmitted_30: { label: 'readmitted within 30 days', unit: '' },
};

/** Case fields that hold hospital revenue, refused for a payor like the measures built on them. */
export const HOSPITAL_ONLY_FIELDS: readonly CaseField[] = ['hospital_revenue'];

/** Fiscal years start on 1 October (the federal and CMS fiscal year). */
export const FISCAL_YEAR_START_MONTH = 10;

import type {
  AnalysisPlan,
  CaseCondition,
  DimensionFilter,
  DimensionValue,
  GroupCondition,
  PlanWindow,
  PredictionPlan,
  QueryPlan,
  RelativePeriod,
  SimulationPlan,
  TimeGrain,
  TypicalCasePlan,
} from '../../../src/contract/query-plan';
import { periodEnd, periodStart } from '../../cases/plan-window';
import { CASE_FIELD_MODEL, DIMENSION_MODEL, MEASURE_MODEL, measurePhrase } from '../../cases/semantic-model';
import type { DateWindow } from '../../cases/types';
import { formatDay } from '../../lib/dates';
import { type WindowAnchor, windowDates } from './plan-window';

// The plan in words (the `plan` event's `reading`, and the first line of every answer). Every label comes from
// the semantic model; what the plan decided by default (the window, totals for a ranking) is said outright.

const OPERATORS: Record<string, string> = {
  '>': 'over',
  '>=': 'at least',
  '<': 'under',
  '<=': 'at most',
  '=': 'equal to',
  '!=': 'other than',
};

function valueName(value: DimensionValue, dimension: string): string {
  const clinical = DIMENSION_MODEL[dimension as keyof typeof DIMENSION_MODEL]?.kind === 'clinical';
  if (!clinical || !value.name || value.name === value.id)
    return dimension === 'drg' ? `DRG ${value.id}` : value.name || value.id;
  return `${value.name} (${dimension === 'drg' ? 'DRG ' : ''}${value.id})`;
}

function listOf(words: string[], joiner = 'or'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${joiner} ${words[words.length - 1]}`;
}

function describeFilters(filters: DimensionFilter[]): string {
  const kept = filters.filter((filter) => filter.op === 'in');
  const left = filters.filter((filter) => filter.op === 'not_in');
  const parts: string[] = [];
  const clinical = kept.filter((filter) => DIMENSION_MODEL[filter.dimension].kind === 'clinical');
  const others = kept.filter((filter) => DIMENSION_MODEL[filter.dimension].kind !== 'clinical');
  parts.push(
    clinical.length
      ? ` of ${clinical.map((filter) => listOf(filter.values.map((value) => valueName(value, filter.dimension)))).join(' with ')}`
      : ' of all cases',
  );
  for (const filter of others) {
    const label = DIMENSION_MODEL[filter.dimension].label.toLowerCase();
    parts.push(` for ${label} ${listOf(filter.values.map((value) => valueName(value, filter.dimension)))}`);
  }
  for (const filter of left) {
    parts.push(
      ` excluding ${listOf(
        filter.values.map((value) => valueName(value, filter.dimension)),
        'and',
      )}`,
    );
  }
  return parts.join('');
}

function describeConditions(conditions: CaseCondition[]): string {
  return conditions
    .map((condition) => {
      const field = CASE_FIELD_MODEL[condition.field];
      if (condition.field === 'readmitted_30')
        return condition.value === 1 ? ' readmitted within 30 days' : ' not readmitted';
      const unit = field.unit === 'USD' ? '' : field.unit ? ` ${field.unit}` : '';
      const value =
        field.unit === 'USD' ? `$${condition.value.toLocaleString('en-US')}` : String(condition.value);
      return ` with ${field.label} ${OPERATORS[condition.op]} ${value}${unit}`;
    })
    .join(',');
}

function describeHaving(plan: QueryPlan, having: GroupCondition[]): string {
  return having
    .map((condition) => {
      const ref = plan.measures[condition.measure];
      if (!ref) return '';
      const unit = MEASURE_MODEL[ref.measure].unit;
      const value =
        unit === 'USD'
          ? `$${condition.value.toLocaleString('en-US')}`
          : unit === '%' || ref.aggregation === 'share'
            ? `${condition.value}%`
            : `${condition.value} ${unit}`;
      return `, where ${measurePhrase(ref.measure, ref.aggregation)} is ${OPERATORS[condition.op]} ${value}`;
    })
    .join('');
}

const RELATIVE_PHRASES: Record<RelativePeriod, (count: number) => string> = {
  last_days: (count) => `the last ${count} days`,
  last_months: (count) => `the last ${count} months`,
  last_month: () => 'last month',
  last_quarter: () => 'last quarter',
  last_year: () => 'last year',
  month_to_date: () => 'the month to date',
  quarter_to_date: () => 'the quarter to date',
  year_to_date: () => 'the year to date',
  fiscal_year_to_date: () => 'the fiscal year to date',
  last_fiscal_year: () => 'the last fiscal year',
};

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2025", "Q1 2025", "2025": the period of a grain starting on `start`. */
function periodName(grain: TimeGrain, start: string): string {
  const [year, month] = start.split('-').map(Number) as [number, number];
  if (grain === 'year') return String(year);
  if (grain === 'quarter') return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
  return `${SHORT_MONTHS[month - 1]} ${year}`;
}

const GRAIN_NOUNS: Record<TimeGrain, string> = {
  month: 'calendar months',
  quarter: 'quarters',
  year: 'years',
};

/** "in the 12 calendar months Dec 2025 – Nov 2026 (1 Dec 2025 – 28 Nov 2026 …; Nov 2026 is partial)". */
function describeWholePeriods(grain: TimeGrain, dates: DateWindow, months: number): string {
  const first = periodStart(grain, dates.from);
  const last = periodStart(grain, dates.to);
  const size = grain === 'year' ? 12 : grain === 'quarter' ? 3 : 1;
  const [fy, fm] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const count = ((ly - fy) * 12 + lm - fm) / size + 1;
  const span =
    count === 1 ? periodName(grain, first) : `${periodName(grain, first)} – ${periodName(grain, last)}`;
  const whole = grain === 'year' && months >= 120 ? 'every whole year in your data' : 'whole periods';
  const partial =
    dates.to < periodEnd(grain, last)
      ? `; ${periodName(grain, last)} is partial, its cases to that date`
      : '';
  return `in the ${count === 1 ? '' : `${count} `}${count === 1 ? GRAIN_NOUNS[grain].replace(/s$/, '') : GRAIN_NOUNS[grain]} ${span} (${formatDay(dates.from)} – ${formatDay(dates.to)}, the latest admit date in your data; no window named, so ${whole}${partial})`;
}

/** "in 2025", "in the 12 months to 28 Nov 2026 (the latest admit date in your data)". */
function describeWindow(window: PlanWindow, anchor: WindowAnchor): string {
  const dates = windowDates(window, anchor);
  switch (window.kind) {
    case 'data_trailing':
      if (window.grain && dates) return describeWholePeriods(window.grain, dates, window.months);
      return `in the ${window.months} months to ${formatDay(dates!.to)}, the latest admit date in your data (no window named)`;
    case 'fixed': {
      const span = `${formatDay(window.from)} – ${formatDay(window.to)}`;
      if (window.label === span) return span;
      return `${/^since\b/.test(window.label) ? '' : 'in '}${window.label} (${span})`;
    }
    case 'all':
      return 'over all your data';
    case 'relative': {
      const span = dates ? ` (${formatDay(dates.from)} – ${formatDay(dates.to)})` : '';
      const phrase = RELATIVE_PHRASES[window.period](window.count ?? 0);
      return `${phrase.startsWith('last ') ? '' : 'in '}${phrase}${span}`;
    }
  }
}

/** "surgeon", "age band", "DRG": a dimension's label as running text. */
const dimensionWord = (dimension: keyof typeof DIMENSION_MODEL) => {
  const label = DIMENSION_MODEL[dimension].label;
  return label === label.toUpperCase() ? label : label.toLowerCase();
};

function describeAnalytics(plan: QueryPlan, anchor: WindowAnchor): string {
  // "total revenue" or "average revenue per case": which one a question with no aggregation word got is said.
  const phrases = plan.measures.map(
    (ref) =>
      `${measurePhrase(ref.measure, ref.aggregation)}${ref.aggregation === 'avg' && MEASURE_MODEL[ref.measure].kind === 'additive' ? ' per case' : ''}${ref.where ? describeConditions(ref.where) : ''}`,
  );
  const parts = [listOf(phrases, 'and'), describeFilters(plan.filters), describeConditions(plan.conditions)];
  if (plan.group_by.length) {
    parts.push(` by ${plan.group_by.map(dimensionWord).join(' and ')}`);
  }
  if (plan.comparison?.kind === 'values') {
    const { dimension, values } = plan.comparison;
    parts.push(
      `, comparing ${listOf(
        values.map((value) => valueName(value, dimension)),
        'and',
      )} (one row each)`,
    );
  }
  parts.push(describeHaving(plan, plan.having));
  if (plan.comparison?.kind === 'windows') {
    const [first, second] = plan.comparison.windows;
    parts.push(
      `, ${describeWindow(first, anchor)} compared with ${describeWindow(second, anchor).replace(/^in /, '')}`,
    );
  } else {
    parts.push(`, ${describeWindow(plan.window, anchor)}`);
  }
  if (plan.order?.by === 'measure' && (plan.group_by.length || plan.comparison)) {
    const ref = plan.measures[plan.order.index ?? 0];
    const ranked = ref ? measurePhrase(ref.measure, ref.aggregation) : 'figure';
    const which = plan.order.direction === 'desc' ? 'highest' : 'lowest';
    // A min or max figure already says "highest …" or "lowest …"; the order is then said apart from it.
    const isExtreme = ref?.aggregation === 'min' || ref?.aggregation === 'max';
    const first = isExtreme
      ? `, by ${ranked}, ${which === 'highest' ? 'largest' : 'smallest'} first`
      : `, ${which} ${ranked} first`;
    parts.push(plan.limit ? `, the ${plan.limit} ${which} by ${ranked}` : first);
  } else if (plan.limit) {
    parts.push(`, the first ${plan.limit}`);
  }
  return parts.join('');
}

function describeTypical(plan: TypicalCasePlan, anchor: WindowAnchor): string {
  return `typical case${describeFilters(plan.filters)}${describeConditions(plan.conditions)}: mean, median and 10th–90th percentile of ${listOf(
    plan.measures.map((measure) => MEASURE_MODEL[measure].label),
    'and',
  )}, ${describeWindow(plan.window, anchor)}`;
}

const TARGET_LABELS: Record<PredictionPlan['target'], string> = {
  price: 'price (billed revenue)',
  cost: MEASURE_MODEL.cost.label,
  time: MEASURE_MODEL.time.label,
  los: MEASURE_MODEL.los.label,
  profit: MEASURE_MODEL.profit.label,
};

function describePrediction(plan: PredictionPlan): string {
  const person = plan.gender === 'F' ? 'woman' : plan.gender === 'M' ? 'man' : 'patient';
  const article = (age: number) => (/^(?:8|11|18)/.test(String(age)) ? 'an' : 'a');
  const age =
    plan.age !== null
      ? `${article(plan.age)} ${plan.age}-year-old ${person}`
      : plan.age_band
        ? `a ${person} aged ${plan.age_band[0]}–${plan.age_band[1]}`
        : `a ${person} of any age`;
  const conditions = plan.secondary_conditions.length
    ? ` with ${plan.secondary_conditions.map((value) => valueName(value, 'condition')).join(' and ')}`
    : '';
  // A DRG or condition cohort has no one procedure: it is named by its filter instead.
  const cohortFilters: DimensionFilter[] =
    plan.procedure.id === '*'
      ? plan.filters
      : [{ dimension: 'procedure', op: 'in', values: [plan.procedure] }, ...plan.filters];
  const scope = describeFilters(cohortFilters).replace(/^ of /, '');
  return `predicted ${TARGET_LABELS[plan.target]} of ${scope.replace(/ for /, `, for ${age}${conditions}, for `)}${scope.includes(' for ') ? '' : ` for ${age}${conditions}`}`;
}

function describeSimulation(plan: SimulationPlan): string {
  const { change } = plan;
  const sign = change.value > 0 ? '+' : '−';
  const size =
    change.kind === 'percent'
      ? `${sign}${Math.abs(change.value)}%`
      : `${sign}$${Math.abs(change.value)} per case`;
  const what = plan.target === 'price' ? 'price (revenue received)' : 'cost per case';
  const scope = plan.filters.length ? describeFilters(plan.filters).replace(/^ of all cases/, '') : '';
  const base =
    plan.base.kind === 'calendar_year'
      ? `based on ${plan.base.year}`
      : `based on the ${plan.base.months} months to the latest admit date in your data`;
  return `simulated ${size} ${what} change${scope || ' for all cases'}, ${base}, projected over the next ${plan.horizon_months} months`;
}

/** States in words how a plan reads. */
export function describePlan(plan: AnalysisPlan, anchor: WindowAnchor): string {
  switch (plan.workflow) {
    case 'analytics':
      return describeAnalytics(plan.plan, anchor);
    case 'dashboard':
      return describeTypical(plan.plan, anchor);
    case 'predictions':
      return describePrediction(plan.plan);
    case 'simulation':
      return describeSimulation(plan.plan);
    case 'entity_resolver': {
      const among = plan.plan.kinds.length
        ? ` among ${listOf(plan.plan.kinds.map((kind) => DIMENSION_MODEL[kind].plural))}`
        : '';
      return `look up "${plan.plan.text}"${among}`;
    }
  }
}

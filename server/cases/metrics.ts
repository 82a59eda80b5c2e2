import type { Measure } from '../../src/contract/query-plan';
import {
  hospitalOnlyReason,
  MEASURE_MODEL,
  measureAllowed,
  measurePhrase,
  measureShape,
  caseValueSql as modelCaseValueSql,
  type Unit,
} from './semantic-model';
import { type ColumnType, EngineRefusal, type Metric, type OrgType, type PredictionMetric } from './types';

// The older engines' view of the semantic model: one metric and a view (`avg`, `sum`, `detail`).

/** Hospital revenue exists only for hospitals and providers; a payor never sees it. */
export function refuseHospitalOnly(orgType: OrgType, metric: Metric | PredictionMetric | Measure): void {
  const measure: Measure = metric === 'price' ? 'revenue' : metric;
  if (!measureAllowed(orgType, measure)) {
    throw new EngineRefusal('hospital_only_metric', hospitalOnlyReason(measure));
  }
}

/** The metric for one case. Margin per case is its profit over its hospital revenue. */
export function caseValueSql(metric: Metric): string {
  if (metric === 'margin') {
    return 'CASE WHEN hospital_revenue > 0 THEN 100 * (hospital_revenue - cost) / hospital_revenue END';
  }
  return modelCaseValueSql(metric) ?? MEASURE_MODEL[metric].ratio!.numerator;
}

/** The metric over a group of cases; margin is a ratio of sums in either view, readmission a share or a count. */
export function aggregateSql(metric: Metric, view: 'avg' | 'sum'): string {
  const model = MEASURE_MODEL[metric];
  if (metric === 'margin') {
    const ratio = model.ratio!;
    return `${ratio.scale} * sum(${ratio.numerator}) / NULLIF(sum(${ratio.denominator}), 0)`;
  }
  if (metric === 'readmission_30') {
    return view === 'avg' ? '100 * avg(readmitted_30)' : 'CAST(sum(readmitted_30) AS DOUBLE)';
  }
  return `${view}(${caseValueSql(metric)})`;
}

export interface MetricShape {
  label: string;
  type: ColumnType;
  unit: Unit | string;
}

export function metricShape(metric: Metric, view: 'avg' | 'sum' | 'detail'): MetricShape {
  if (metric === 'readmission_30') {
    if (view === 'avg') return { label: '30-day readmission rate', type: 'percent', unit: '%' };
    if (view === 'sum') return { label: 'Readmitted cases', type: 'integer', unit: 'cases' };
    return { label: 'Readmitted (0/1)', type: 'integer', unit: 'cases' };
  }
  const model = MEASURE_MODEL[metric];
  if (model.kind === 'ratio')
    return { label: capitalizeFirst(model.label), ...measureShape(metric, 'ratio') };
  const label =
    view === 'detail' ? capitalizeFirst(model.label) : capitalizeFirst(measurePhrase(metric, view));
  return { label, ...measureShape(metric, view === 'detail' ? 'avg' : view) };
}

const capitalizeFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function round(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

import { type ColumnType, EngineRefusal, type Metric, type OrgType, type PredictionMetric } from './types';

const HOSPITAL_ONLY = new Set<string>(['hospital_revenue', 'profit', 'margin']);

/** Hospital revenue exists only for hospitals and providers; a payor never sees it. */
export function refuseHospitalOnly(orgType: OrgType, metric: Metric | PredictionMetric): void {
  if (orgType === 'payor' && HOSPITAL_ONLY.has(metric)) {
    throw new EngineRefusal(
      'hospital_only_metric',
      `${metric.replace('_', ' ')} depends on hospital revenue, which a payor organization's data does not include; ask about revenue, cost, discount, length of stay, OR time or readmissions instead.`,
    );
  }
}

/** The metric for one case. Margin per case is its profit over its hospital revenue. */
export function caseValueSql(metric: Metric): string {
  switch (metric) {
    case 'profit':
      return '(hospital_revenue - cost)';
    case 'margin':
      return 'CASE WHEN hospital_revenue > 0 THEN 100 * (hospital_revenue - cost) / hospital_revenue END';
    case 'los':
      return 'los_days';
    case 'time':
      return 'or_minutes';
    case 'readmission_30':
      return 'readmitted_30';
    default:
      return metric;
  }
}

/** The metric over a group of cases; margin is a ratio of sums in either view, readmission a share or a count. */
export function aggregateSql(metric: Metric, view: 'avg' | 'sum'): string {
  if (metric === 'margin') {
    return `100 * sum(hospital_revenue - cost) / NULLIF(sum(CASE WHEN cost IS NOT NULL THEN hospital_revenue END), 0)`;
  }
  if (metric === 'readmission_30') {
    return view === 'avg' ? '100 * avg(readmitted_30)' : 'CAST(sum(readmitted_30) AS DOUBLE)';
  }
  return `${view}(${caseValueSql(metric)})`;
}

const LABELS: Record<Metric, string> = {
  revenue: 'revenue',
  hospital_revenue: 'hospital revenue',
  profit: 'profit',
  margin: 'margin',
  cost: 'cost',
  discount: 'discount',
  los: 'length of stay',
  time: 'OR time',
  readmission_30: '30-day readmissions',
};

export interface MetricShape {
  label: string;
  type: ColumnType;
  unit: string;
}

export function metricShape(metric: Metric, view: 'avg' | 'sum' | 'detail'): MetricShape {
  const name = LABELS[metric];
  if (metric === 'margin') return { label: 'Margin', type: 'percent', unit: '%' };
  if (metric === 'readmission_30') {
    if (view === 'avg') return { label: '30-day readmission rate', type: 'percent', unit: '%' };
    if (view === 'sum') return { label: 'Readmitted cases', type: 'integer', unit: 'cases' };
    return { label: 'Readmitted (0/1)', type: 'integer', unit: 'cases' };
  }
  const prefix = view === 'avg' ? 'Average ' : view === 'sum' ? 'Total ' : '';
  const label = `${prefix}${name}`;
  const text = label.charAt(0).toUpperCase() + label.slice(1);
  if (metric === 'los') return { label: text, type: 'number', unit: 'days' };
  if (metric === 'time') return { label: text, type: 'number', unit: 'minutes' };
  return { label: text, type: 'currency', unit: 'USD' };
}

export function round(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

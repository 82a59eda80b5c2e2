import { checkWindow, trailingDays } from './dates';
import { round } from './metrics';
import type { OrgDatabase } from './org-database';
import { numberOrNull, QueryLog } from './query-log';
import { scopeConditions, whereClause } from './scope';
import { capitalize, MEASURE_MODEL } from './semantic-model';
import {
  type Column,
  DASHBOARD_MEASURES,
  type DashboardFigures,
  type DashboardMeasure,
  type DashboardParams,
  type DashboardResult,
  type Distribution,
  type EngineOptions,
  type OrgType,
  type Row,
} from './types';

const MEASURES = Object.fromEntries(
  DASHBOARD_MEASURES.map((measure) => {
    const model = MEASURE_MODEL[measure];
    return [measure, { sql: model.caseSql!, label: capitalize(model.label), unit: model.unit }];
  }),
) as Record<DashboardMeasure, { sql: string; label: string; unit: string }>;

function statistics(measure: DashboardMeasure): string {
  const value = MEASURES[measure].sql;
  return [
    `avg(${value}) AS ${measure}_mean`,
    `quantile_cont(${value}, 0.5) AS ${measure}_median`,
    `quantile_cont(${value}, 0.1) AS ${measure}_p10`,
    `quantile_cont(${value}, 0.9) AS ${measure}_p90`,
    `CAST(count(${value}) AS INTEGER) AS ${measure}_n`,
  ].join(', ');
}

function statisticColumns(type: Column['type'], unit?: string): Column[] {
  return [
    { key: 'measure', label: 'Measure', type: 'string' },
    ...(['mean', 'median', 'p10', 'p90'] as const).map(
      (key): Column => ({
        key,
        label: key === 'mean' ? 'Mean' : key === 'median' ? 'Median' : key.toUpperCase(),
        type,
        unit,
      }),
    ),
    { key: 'n', label: 'Cases', type: 'integer' },
  ];
}

/** Mean, median and the 10th and 90th percentiles of the headline measures for a scope. */
export async function runDashboard(
  database: OrgDatabase,
  orgType: OrgType,
  params: DashboardParams,
  today: string,
  options: EngineOptions = {},
): Promise<DashboardResult> {
  const window = checkWindow(params.window ?? trailingDays(today, 365));
  const measures = DASHBOARD_MEASURES.filter((measure) => orgType !== 'payor' || measure !== 'profit');
  const { conditions, params: values } = scopeConditions({
    entity: params.entity,
    window,
    dimensions: params.filters?.dimensions,
  });
  const log = new QueryLog(database, options.signal);
  const sql = `SELECT CAST(count(*) AS INTEGER) AS cases, ${measures.map(statistics).join(',\n  ')}
FROM cases
${whereClause(conditions)}`;
  const [row = {}] = await log.run(sql, values);
  const cases = Number(row.cases ?? 0);
  const figures = { cases, profit: null } as DashboardFigures;
  for (const measure of measures) {
    const distribution: Distribution = {
      mean: round(numberOrNull(row[`${measure}_mean`])),
      median: round(numberOrNull(row[`${measure}_median`])),
      p10: round(numberOrNull(row[`${measure}_p10`])),
      p90: round(numberOrNull(row[`${measure}_p90`])),
      n: Number(row[`${measure}_n`] ?? 0),
    };
    figures[measure] = distribution;
  }
  const rowOf = (measure: DashboardMeasure): Row => ({
    measure: MEASURES[measure].label,
    unit: MEASURES[measure].unit,
    ...(figures[measure] as Distribution),
  });
  const money = measures.filter((measure) => MEASURES[measure].unit === 'USD');
  const operations = measures.filter((measure) => MEASURES[measure].unit !== 'USD');
  return {
    tables: [
      {
        title: 'Financials per case',
        columns: statisticColumns('currency', 'USD'),
        rows: money.map(rowOf),
        rowCount: money.length,
        truncated: false,
      },
      {
        title: 'Length of stay and OR time per case',
        columns: [...statisticColumns('number'), { key: 'unit', label: 'Unit', type: 'string' }],
        rows: operations.map(rowOf),
        rowCount: operations.length,
        truncated: false,
      },
    ],
    chart: { kind: 'interval', table: 0, x: 'measure', y: ['p10', 'median', 'p90'] },
    figures,
    provenance: {
      sql: log.sql,
      window,
      n: cases,
      units: Object.fromEntries(measures.map((measure) => [measure, MEASURES[measure].unit])),
    },
    notes: orgType === 'payor' ? ['Profit is left out: a payor organization has no hospital revenue.'] : [],
  };
}

import type { DuckDBValue } from '@duckdb/node-api';
import { checkWindow } from './dates';
import { aggregateSql, caseValueSql, metricShape, refuseHospitalOnly, round } from './metrics';
import type { OrgDatabase } from './org-database';
import { numberOrNull, QueryLog } from './query-log';
import { scopeConditions, whereClause } from './scope';
import { DIMENSION_MODEL } from './semantic-model';
import {
  type AnalyticsParams,
  type AnalyticsResult,
  type Column,
  type EngineOptions,
  EngineRefusal,
  type OrgType,
  PIVOTS,
  type ResultTable,
} from './types';

export const DETAIL_LIMIT = 500;

const PIVOT_LABELS = Object.fromEntries(
  PIVOTS.map((pivot) => [pivot, DIMENSION_MODEL[pivot].label]),
) as Record<(typeof PIVOTS)[number], string>;

/** The scoped cases (and, with a percentile band, only those inside it) as a CTE named `selected`. */
function selectedCte(params: AnalyticsParams): { sql: string; values: DuckDBValue[] } {
  const { conditions, params: values } = scopeConditions({
    entity: params.entity,
    window: params.window,
    dimensions: params.filters?.dimensions,
    excludeConditions: params.filters?.excludeConditions,
  });
  const scoped = `scoped AS (SELECT *, ${caseValueSql(params.metric)} AS case_value FROM cases ${whereClause(conditions)})`;
  const band = params.filters?.percentileBand;
  if (!band) return { sql: `WITH ${scoped}, selected AS (SELECT * FROM scoped)`, values };
  const [low, high] = band;
  if (!(low >= 0 && high <= 100 && low < high)) {
    throw new EngineRefusal(
      'invalid_request',
      `The percentile band ${low}–${high} must satisfy 0 ≤ low < high ≤ 100.`,
    );
  }
  return {
    sql: `WITH ${scoped},
bounds AS (SELECT quantile_cont(case_value, ?) AS low, quantile_cont(case_value, ?) AS high FROM scoped),
selected AS (SELECT scoped.* FROM scoped, bounds WHERE case_value BETWEEN bounds.low AND bounds.high)`,
    values: [...values, low / 100, high / 100],
  };
}

export async function runAnalytics(
  database: OrgDatabase,
  orgType: OrgType,
  params: AnalyticsParams,
  options: EngineOptions = {},
): Promise<AnalyticsResult> {
  refuseHospitalOnly(orgType, params.metric);
  if (params.pivot && !PIVOTS.includes(params.pivot)) {
    throw new EngineRefusal('invalid_request', `Unknown pivot "${params.pivot}".`);
  }
  const window = checkWindow(params.window);
  const shape = metricShape(params.metric, params.view);
  const totalView = params.view === 'sum' ? 'sum' : 'avg';
  const figure = aggregateSql(params.metric, totalView);
  const cte = selectedCte({ ...params, window });
  const log = new QueryLog(database, options.signal);

  const [totals = {}] = await log.run(
    `${cte.sql}\nSELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM selected`,
    cte.values,
  );
  const cases = Number(totals.cases ?? 0);
  const total = round(numberOrNull(totals.figure));
  const figureColumn: Column = { key: 'figure', label: shape.label, type: shape.type, unit: shape.unit };
  const tables: ResultTable[] = [];
  let leaders: AnalyticsResult['figures']['leaders'] = [];

  if (params.view === 'detail') {
    const pivotColumns = params.pivot ? [params.pivot] : [...PIVOTS];
    const rows = await log.run(
      `${cte.sql}
SELECT case_id, strftime(admit_date, '%Y-%m-%d') AS admit_date, procedure_code, procedure_name, ${pivotColumns.join(', ')},
  case_value AS figure
FROM selected ORDER BY admit_date DESC, case_id LIMIT ${DETAIL_LIMIT}`,
      cte.values,
    );
    tables.push({
      title: `${shape.label} per case`,
      columns: [
        { key: 'case_id', label: 'Case', type: 'string' },
        { key: 'admit_date', label: 'Admitted', type: 'date' },
        { key: 'procedure_code', label: 'Procedure code', type: 'string' },
        { key: 'procedure_name', label: 'Procedure', type: 'string' },
        ...pivotColumns.map((pivot): Column => ({ key: pivot, label: PIVOT_LABELS[pivot], type: 'string' })),
        figureColumn,
      ],
      rows: rows.map(
        (row) => ({ ...row, figure: round(numberOrNull(row.figure)) }) as ResultTable['rows'][number],
      ),
      rowCount: cases,
      truncated: cases > rows.length,
    });
  } else if (params.pivot) {
    const rows = await log.run(
      `${cte.sql}
SELECT coalesce(${params.pivot}, '(not recorded)') AS value, ${figure} AS figure, CAST(count(*) AS INTEGER) AS cases
FROM selected GROUP BY 1 ORDER BY figure DESC NULLS LAST, value`,
      cte.values,
    );
    const grouped = rows.map((row) => ({
      value: String(row.value),
      figure: round(numberOrNull(row.figure)),
      cases: Number(row.cases),
    }));
    leaders = grouped.slice(0, 5);
    tables.push({
      title: `${shape.label} by ${PIVOT_LABELS[params.pivot].toLowerCase()}`,
      columns: [
        { key: 'value', label: PIVOT_LABELS[params.pivot], type: 'string' },
        figureColumn,
        { key: 'cases', label: 'Cases', type: 'integer' },
      ],
      rows: grouped,
      rowCount: grouped.length,
      truncated: false,
    });
  }
  tables.push({
    title: 'All cases in scope',
    columns: [figureColumn, { key: 'cases', label: 'Cases', type: 'integer' }],
    rows: [{ figure: total, cases }],
    rowCount: 1,
    truncated: false,
  });

  const chart: AnalyticsResult['chart'] =
    params.view === 'detail'
      ? { kind: 'histogram', table: 0, x: 'figure', y: [] }
      : params.pivot
        ? { kind: 'bar', table: 0, x: 'value', y: ['figure'] }
        : null;
  return {
    tables,
    chart,
    figures: { metric: params.metric, view: params.view, unit: shape.unit, total, cases, leaders },
    provenance: { sql: log.sql, window, n: cases, units: { [params.metric]: shape.unit } },
    notes:
      params.view === 'detail' && cases > DETAIL_LIMIT
        ? [`Showing the latest ${DETAIL_LIMIT} of ${cases} cases.`]
        : [],
  };
}

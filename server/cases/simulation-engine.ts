import type { DuckDBValue } from '@duckdb/node-api';
import { trailingMonths } from './dates';
import { round } from './metrics';
import type { OrgDatabase } from './org-database';
import { QueryLog } from './query-log';
import { applyChange, type Group, groupTable, money, projectMonths } from './simulation-tables';
import { placeholders } from './sql-text';
import {
  type EngineOptions,
  EngineRefusal,
  type OrgType,
  type SimulationParams,
  type SimulationResult,
} from './types';

export async function runSimulation(
  database: OrgDatabase,
  orgType: OrgType,
  params: SimulationParams,
  today: string,
  options: EngineOptions = {},
): Promise<SimulationResult> {
  const { lookbackMonths, horizonMonths } = params;
  if (
    !Number.isInteger(lookbackMonths) ||
    lookbackMonths < 1 ||
    lookbackMonths > 36 ||
    !Number.isInteger(horizonMonths) ||
    horizonMonths < 1 ||
    horizonMonths > 60
  ) {
    throw new EngineRefusal(
      'invalid_request',
      'The lookback must be 1–36 whole months and the horizon 1–60.',
    );
  }
  // A payor's data has no hospital revenue; its price is what it is billed.
  const column = orgType === 'payor' ? 'revenue' : 'hospital_revenue';
  const window = trailingMonths(today, lookbackMonths);
  const conditions = ['admit_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)', `${column} IS NOT NULL`];
  const values: DuckDBValue[] = [window.from, window.to];
  for (const [field, list] of [
    ['procedure_code', params.scope.procedures],
    ['payor', params.scope.payors],
  ] as const) {
    if (!list?.length) continue;
    conditions.push(`${field} IN ${placeholders(list.length)}`);
    values.push(...list);
  }
  const from = `FROM cases WHERE ${conditions.join(' AND ')}`;
  const log = new QueryLog(database, options.signal);
  const grouped = async (key: string, name: string) =>
    (
      await log.run(
        `SELECT ${key} AS key, ${name} AS name, CAST(count(*) AS INTEGER) AS cases, sum(${column}) AS amount ${from} GROUP BY 1 ORDER BY amount DESC, key`,
        values,
      )
    ).map(
      (row): Group => ({
        key: String(row.key),
        name: String(row.name),
        cases: Number(row.cases),
        before: Number(row.amount),
      }),
    );
  const byProcedure = await grouped(
    `coalesce(procedure_code, '(none)')`,
    `coalesce(mode(procedure_name), '')`,
  );
  const byPayor = await grouped(`coalesce(payor, '(not recorded)')`, `coalesce(payor, '(not recorded)')`);
  const history = (
    await log.run(
      `SELECT strftime(admit_date, '%Y-%m') AS month, CAST(count(*) AS INTEGER) AS cases, sum(${column}) AS amount ${from} GROUP BY 1 ORDER BY 1`,
      values,
    )
  ).map((row) => ({ month: String(row.month), cases: Number(row.cases), before: Number(row.amount) }));

  const cases = byProcedure.reduce((sum, group) => sum + group.cases, 0);
  const before = byProcedure.reduce((sum, group) => sum + group.before, 0);
  const after = applyChange(params, before, cases);
  const projection = projectMonths(history, lookbackMonths, horizonMonths, today).map((month) => ({
    month: month.month,
    cases: round(month.cases, 1),
    baseline: round(month.baseline),
    adjusted: round(applyChange(params, month.baseline, month.cases)),
  }));
  const projectedBaseline = projection.reduce((sum, month) => sum + (month.baseline ?? 0), 0);
  const projectedAdjusted = projection.reduce((sum, month) => sum + (month.adjusted ?? 0), 0);
  const figures = {
    revenueColumn: column,
    cases,
    before: round(before) ?? 0,
    after: round(after) ?? 0,
    net: round(after - before) ?? 0,
    percent: before > 0 ? round(((after - before) / before) * 100) : null,
    projectedBaseline: round(projectedBaseline) ?? 0,
    projectedAdjusted: round(projectedAdjusted) ?? 0,
    projectedNet: round(projectedAdjusted - projectedBaseline) ?? 0,
  } satisfies SimulationResult['figures'];
  return {
    tables: [
      {
        title: `Revenue over the last ${lookbackMonths} months, before and after the change`,
        columns: [
          { key: 'cases', label: 'Cases', type: 'integer' },
          money('before', 'Before'),
          money('after', 'After'),
          money('net', 'Net change'),
          { key: 'percent', label: 'Change', type: 'percent', unit: '%' },
        ],
        rows: [
          { cases, before: figures.before, after: figures.after, net: figures.net, percent: figures.percent },
        ],
        rowCount: 1,
        truncated: false,
      },
      groupTable('By procedure', 'Procedure code', byProcedure, params),
      groupTable('By payor', 'Payor', byPayor, params),
      {
        title: `Projected monthly revenue over the next ${horizonMonths} months`,
        columns: [
          { key: 'month', label: 'Month', type: 'string' },
          { key: 'cases', label: 'Expected cases', type: 'number' },
          money('baseline', 'Baseline'),
          money('adjusted', 'With the change'),
        ],
        rows: projection,
        rowCount: projection.length,
        truncated: false,
      },
      {
        title: 'Monthly revenue in the lookback',
        columns: [
          { key: 'month', label: 'Month', type: 'string' },
          { key: 'cases', label: 'Cases', type: 'integer' },
          money('before', 'Revenue'),
        ],
        rows: history.map((month) => ({ ...month, before: round(month.before) })),
        rowCount: history.length,
        truncated: false,
      },
    ],
    chart: { kind: 'line', table: 3, x: 'month', y: ['baseline', 'adjusted'] },
    figures,
    provenance: {
      sql: log.sql,
      window,
      n: cases,
      units: { before: 'USD', after: 'USD', net: 'USD', percent: '%' },
    },
    notes: [
      `The change is applied to ${column === 'revenue' ? 'billed revenue' : 'hospital revenue'} per case.`,
    ],
  };
}

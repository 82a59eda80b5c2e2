import type { SimulationPlan } from '../../src/contract/query-plan';
import { addMonths, trailingMonths } from '../lib/dates';
import { round } from './metrics';
import type { OrgDatabase, QueryRow } from './org-database';
import { dateCondition, Parameters, scopeConditions } from './plan-compiler';
import { type DataSpan, dataSpanText } from './plan-engine';
import { dayText } from './plan-window';
import { QueryLog } from './query-log';
import {
  type Column,
  type DateWindow,
  type EngineOptions,
  EngineRefusal,
  type OrgType,
  type ResultTable,
  type Row,
  type SimulationResult,
} from './types';

// A price or cost change over a base period of the DATA (a named calendar year, or the trailing months ending at
// the latest admit date: never the wall clock), for all cases or the plan's scope (one payor, some procedures).
// One statement gives the totals, the change's scope, and the breakdowns by procedure, payor and month (GROUPING
// SETS). The projection covers the months after the latest admit date from the base months that hold data, so
// a base with empty months never projects zeros.

type Change = SimulationPlan['change'];

const money = (key: string, label: string): Column => ({ key, label, type: 'currency', unit: 'USD' });

function changed(change: Change, before: number, cases: number): number {
  return change.kind === 'percent' ? before * (1 + change.value / 100) : before + change.value * cases;
}

interface SimulationBase {
  dates: DateWindow;
  label: string;
}

function simulationBase(plan: SimulationPlan, span: DataSpan): SimulationBase {
  if (plan.base.kind === 'calendar_year') {
    const year = plan.base.year;
    return { dates: { from: `${year}-01-01`, to: `${year}-12-31` }, label: `calendar year ${year}` };
  }
  if (!span.lastAdmit) {
    throw new EngineRefusal('no_data', 'This organization has no case data yet; upload a case file first.');
  }
  const months = plan.base.months;
  return {
    dates: trailingMonths(span.lastAdmit, months),
    label: `the ${months} months ending ${dayText(span.lastAdmit)} (the latest admit date)`,
  };
}

interface MonthFigures {
  month: string;
  cases: number;
  before: number;
}

/**
 * Expected figures for the `horizon` months after `lastMonth` (`YYYY-MM`): a base of 12 months or more keeps
 * each calendar month's own level where that month holds data; every other month gets the run-rate over the
 * months that hold data.
 */
export function projectFromBase(
  history: MonthFigures[],
  lastMonth: string,
  horizon: number,
  seasonal: boolean,
): { month: string; cases: number; baseline: number }[] {
  const held = history.filter((month) => month.cases > 0);
  const runCases = held.reduce((sum, month) => sum + month.cases, 0) / Math.max(held.length, 1);
  const runBefore = held.reduce((sum, month) => sum + month.before, 0) / Math.max(held.length, 1);
  const byCalendar = new Map<string, { cases: number; before: number; years: number }>();
  for (const month of held) {
    const key = month.month.slice(5, 7);
    const known = byCalendar.get(key) ?? { cases: 0, before: 0, years: 0 };
    byCalendar.set(key, {
      cases: known.cases + month.cases,
      before: known.before + month.before,
      years: known.years + 1,
    });
  }
  return Array.from({ length: horizon }, (_, index) => {
    const month = addMonths(`${lastMonth}-01`, index + 1).slice(0, 7);
    const same = seasonal ? byCalendar.get(month.slice(5, 7)) : undefined;
    return same
      ? { month, cases: same.cases / same.years, baseline: same.before / same.years }
      : { month, cases: runCases, baseline: runBefore };
  });
}

export async function runSimulationPlan(
  database: OrgDatabase,
  orgType: OrgType,
  plan: SimulationPlan,
  span: DataSpan,
  options: EngineOptions = {},
): Promise<SimulationResult> {
  if (!Number.isFinite(plan.change.value))
    throw new EngineRefusal('invalid_request', 'The change must be a number.');
  if (plan.change.kind === 'percent' && plan.change.value <= -100) {
    throw new EngineRefusal('invalid_request', 'A change of −100 % or more would leave nothing to simulate.');
  }
  // A payor's data has no hospital revenue; its price is what it is billed.
  const column = plan.target === 'cost' ? 'cost' : orgType === 'payor' ? 'revenue' : 'hospital_revenue';
  const noun = column === 'cost' ? 'cost' : column === 'revenue' ? 'billed revenue' : 'hospital revenue';
  const base = simulationBase(plan, span);
  const parameters = new Parameters();
  const scope = scopeConditions(plan.filters, [], orgType, parameters);
  const affected = scope.length > 0 ? `coalesce(${scope.join(' AND ')}, FALSE)` : 'TRUE';
  const sql = `WITH base AS (
  SELECT coalesce(procedure_code, '(none)') AS procedure_key, procedure_name,
    coalesce(payor, '(not recorded)') AS payor_key, date_trunc('month', admit_date) AS month,
    ${column} AS amount, ${affected} AS affected
  FROM cases
  WHERE ${dateCondition(base.dates, parameters)} AND ${column} IS NOT NULL
)
SELECT GROUPING(procedure_key) = 0 AS by_procedure, GROUPING(payor_key) = 0 AS by_payor,
  GROUPING(month) = 0 AS by_month,
  procedure_key, payor_key, strftime(month, '%Y-%m') AS month, min(procedure_name) AS procedure_name,
  CAST(count(*) AS INTEGER) AS cases, sum(amount) AS amount,
  CAST(count(*) FILTER (WHERE affected) AS INTEGER) AS affected_cases,
  coalesce(sum(amount) FILTER (WHERE affected), 0) AS affected_amount
FROM base
GROUP BY GROUPING SETS ((procedure_key), (payor_key), (month), ())
ORDER BY affected_amount DESC, procedure_key, payor_key, month`;
  const log = new QueryLog(database, options.signal);
  const rows = await log.run(sql, parameters.values);
  const total = rows.find((row) => !row.by_procedure && !row.by_payor && !row.by_month);
  const totalCases = Number(total?.cases ?? 0);
  const cases = Number(total?.affected_cases ?? 0);
  if (totalCases === 0 || cases === 0) {
    const what = totalCases === 0 ? `No cases with a ${noun}` : `No cases in the change's scope`;
    throw new EngineRefusal(
      'no_data',
      `${what} were admitted in ${base.label} (${dayText(base.dates.from)} – ${dayText(base.dates.to)}); ${dataSpanText(span)}.`,
    );
  }
  const before = Number(total?.affected_amount ?? 0);
  const totalBefore = Number(total?.amount ?? 0);
  const after = changed(plan.change, before, cases);
  const net = after - before;

  const history = rows
    .filter((row) => row.by_month)
    .map((row) => ({
      month: String(row.month),
      cases: Number(row.affected_cases),
      before: Number(row.affected_amount),
    }))
    .sort((left, right) => left.month.localeCompare(right.month));
  const monthsWithData = history.filter((month) => month.cases > 0).length;
  const lastMonth = (span.lastAdmit ?? base.dates.to).slice(0, 7);
  const seasonal = monthsSpanned(base.dates) >= 12;
  const projection = projectFromBase(history, lastMonth, plan.horizon_months, seasonal).map((month) => ({
    month: month.month,
    cases: round(month.cases, 1),
    baseline: round(month.baseline),
    adjusted: round(changed(plan.change, month.baseline, month.cases)),
  }));
  const projectedBaseline = projection.reduce((sum, month) => sum + (month.baseline ?? 0), 0);
  const projectedAdjusted = projection.reduce((sum, month) => sum + (month.adjusted ?? 0), 0);

  const groupRows = (flag: 'by_procedure' | 'by_payor', key: 'procedure_key' | 'payor_key'): Row[] =>
    rows
      .filter((row) => row[flag] && Number(row.affected_cases) > 0)
      .map((row: QueryRow) => {
        const groupBefore = Number(row.affected_amount);
        const groupAfter = changed(plan.change, groupBefore, Number(row.affected_cases));
        return {
          key: String(row[key]),
          name: flag === 'by_procedure' ? String(row.procedure_name ?? '') : String(row[key]),
          cases: Number(row.affected_cases),
          before: round(groupBefore),
          after: round(groupAfter),
          net: round(groupAfter - groupBefore),
        };
      });
  const groupTable = (title: string, label: string, groupedRows: Row[]): ResultTable => ({
    title,
    columns: [
      { key: 'key', label, type: 'string' },
      { key: 'name', label: 'Name', type: 'string' },
      { key: 'cases', label: 'Cases', type: 'integer' },
      money('before', 'Before'),
      money('after', 'After'),
      money('net', 'Net change'),
    ],
    rows: groupedRows,
    rowCount: groupedRows.length,
    truncated: false,
  });

  const notes = [
    `Base: ${base.label}, ${dayText(base.dates.from)} – ${dayText(base.dates.to)}; the change applies to ${noun} per case.`,
  ];
  if (
    span.firstAdmit &&
    span.lastAdmit &&
    (span.firstAdmit > base.dates.from || span.lastAdmit < base.dates.to)
  ) {
    notes.push(`The base holds data only where ${dataSpanText(span)}.`);
  }
  notes.push(
    `The projection covers the ${plan.horizon_months} months after ${dayText(span.lastAdmit ?? base.dates.to)}, from the ${monthsWithData} month${monthsWithData === 1 ? '' : 's'} of the base that hold data${seasonal ? ' (each calendar month at its own level where the base holds it)' : ''}.`,
  );
  if (cases < totalCases) {
    notes.push(
      `The change reaches ${cases} of the base's ${totalCases} cases (${noun} ${fmt(before)} of ${fmt(totalBefore)}).`,
    );
  }
  if (column === 'cost' && orgType !== 'payor') {
    notes.push(
      `Profit moves by the opposite of the cost change: ${net <= 0 ? 'up' : 'down'} ${fmt(Math.abs(net))} over the base.`,
    );
  }

  const figures = {
    revenueColumn: column,
    target: plan.target,
    base: { label: base.label, ...base.dates },
    totalBefore: round(totalBefore) ?? 0,
    monthsWithData,
    cases,
    before: round(before) ?? 0,
    after: round(after) ?? 0,
    net: round(net) ?? 0,
    percent: before > 0 ? round((net / before) * 100) : null,
    projectedBaseline: round(projectedBaseline) ?? 0,
    projectedAdjusted: round(projectedAdjusted) ?? 0,
    projectedNet: round(projectedAdjusted - projectedBaseline) ?? 0,
  } satisfies SimulationResult['figures'];
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  return {
    tables: [
      {
        title: `${title} in ${base.label}, before and after the change`,
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
      groupTable('By procedure', 'Procedure code', groupRows('by_procedure', 'procedure_key')),
      groupTable('By payor', 'Payor', groupRows('by_payor', 'payor_key')),
      {
        title: `Projected monthly ${noun} over the next ${plan.horizon_months} months`,
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
        title: `Monthly ${noun} in the base`,
        columns: [
          { key: 'month', label: 'Month', type: 'string' },
          { key: 'cases', label: 'Cases', type: 'integer' },
          money('before', title),
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
      window: base.dates,
      n: cases,
      units: { before: 'USD', after: 'USD', net: 'USD', percent: '%' },
    },
    notes,
  };
}

function monthsSpanned(dates: DateWindow): number {
  const [fromYear, fromMonth] = dates.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = dates.to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

const fmt = (value: number) => `$${Math.round(value).toLocaleString('en-US')}`;

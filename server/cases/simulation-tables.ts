import { addMonths } from './dates';
import { round } from './metrics';
import type { Column, ResultTable, Row, SimulationParams } from './types';

// The arithmetic of a price change, kept apart from the queries so it reads (and tests) on its own.

export interface Group {
  key: string;
  name: string;
  cases: number;
  before: number;
}

export function applyChange(params: SimulationParams, before: number, cases: number): number {
  return params.change.kind === 'percent'
    ? before * (1 + params.change.value / 100)
    : before + params.change.value * cases;
}

/**
 * Expected revenue and cases for each coming month. A lookback of whole years keeps each calendar month's own
 * level (seasonality); any other lookback gives a flat monthly run-rate.
 */
export function projectMonths(
  history: { month: string; cases: number; before: number }[],
  lookbackMonths: number,
  horizonMonths: number,
  today: string,
): { month: string; cases: number; baseline: number }[] {
  const years = lookbackMonths % 12 === 0 ? lookbackMonths / 12 : 0;
  const byCalendarMonth = new Map<string, { cases: number; before: number }>();
  for (const row of history) {
    const calendar = row.month.slice(5, 7);
    const known = byCalendarMonth.get(calendar) ?? { cases: 0, before: 0 };
    byCalendarMonth.set(calendar, { cases: known.cases + row.cases, before: known.before + row.before });
  }
  const totalCases = history.reduce((sum, row) => sum + row.cases, 0);
  const totalBefore = history.reduce((sum, row) => sum + row.before, 0);
  return Array.from({ length: horizonMonths }, (_, index) => {
    const month = addMonths(`${today.slice(0, 7)}-01`, index + 1).slice(0, 7);
    const seasonal = byCalendarMonth.get(month.slice(5, 7));
    if (years > 0)
      return { month, cases: (seasonal?.cases ?? 0) / years, baseline: (seasonal?.before ?? 0) / years };
    return { month, cases: totalCases / lookbackMonths, baseline: totalBefore / lookbackMonths };
  });
}

export const money = (key: string, label: string): Column => ({ key, label, type: 'currency', unit: 'USD' });

export function groupTable(
  title: string,
  label: string,
  groups: Group[],
  params: SimulationParams,
): ResultTable {
  const rows: Row[] = groups.map((group) => {
    const after = applyChange(params, group.before, group.cases);
    return {
      key: group.key,
      name: group.name,
      cases: group.cases,
      before: round(group.before),
      after: round(after),
      net: round(after - group.before),
    };
  });
  return {
    title,
    columns: [
      { key: 'key', label, type: 'string' as const },
      { key: 'name', label: 'Name', type: 'string' as const },
      { key: 'cases', label: 'Cases', type: 'integer' as const },
      money('before', 'Before'),
      money('after', 'After'),
      money('net', 'Net change'),
    ],
    rows,
    rowCount: rows.length,
    truncated: false,
  };
}

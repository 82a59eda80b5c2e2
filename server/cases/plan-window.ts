import type { PlanWindow, TimeGrain } from '../../src/contract/query-plan';
import { addDays, addMonths, isIsoDate, trailingDays, trailingMonths } from '../lib/dates';
import { FISCAL_YEAR_START_MONTH } from './semantic-model';
import { type DateWindow, EngineRefusal } from './types';

// A plan's window as admit dates. `data_trailing` is anchored to the organization's latest admit date, so a
// question that names no window answers over the data it has; `relative` windows are calendar windows from
// today, computed when the plan runs (a pinned "last quarter" moves with time).

export interface WindowContext {
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** The organization's latest admit date; null when it has no cases. */
  lastAdmit: string | null;
  /** The organization's first admit date, where a window of whole periods may start at the latest. */
  firstAdmit?: string | null;
  /** 1–12; the model's default (October) when absent. */
  fiscalYearStartMonth?: number;
}

const pad = (value: number) => String(value).padStart(2, '0');
const monthStart = (year: number, month: number) => {
  // month may run past 1–12; normalize through a UTC date.
  const date = new Date(Date.UTC(year, month - 1, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-01`;
};
const dayBefore = (date: string) => addDays(date, -1);

function parts(date: string): [number, number] {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return [year, month];
}

/** First day of the fiscal year holding `date`. */
function fiscalYearStart(date: string, startMonth: number): string {
  const [year, month] = parts(date);
  return monthStart(month >= startMonth ? year : year - 1, startMonth);
}

const GRAIN_MONTHS: Record<TimeGrain, number> = { month: 1, quarter: 3, year: 12 };

/** The first day of the month, quarter or year holding `date`. */
export function periodStart(grain: TimeGrain, date: string): string {
  const [year, month] = parts(date);
  if (grain === 'year') return `${year}-01-01`;
  return monthStart(year, grain === 'quarter' ? month - ((month - 1) % 3) : month);
}

/** The last day of the period starting on `start`. */
export function periodEnd(grain: TimeGrain, start: string): string {
  return dayBefore(addMonths(start, GRAIN_MONTHS[grain]));
}

/**
 * Whole periods up to the latest admit date: the periods of `months` months ending with the one that holds it,
 * starting no earlier than the data's first whole period (a year that the data enters in November is not shown
 * as a year). The last period ends at the latest admit date, so it may be partial; the reading says so.
 */
function wholePeriods(grain: TimeGrain, months: number, context: WindowContext): DateWindow {
  const end = context.lastAdmit ?? context.today;
  const size = GRAIN_MONTHS[grain];
  const last = periodStart(grain, end);
  let from = addMonths(last, -(Math.max(1, Math.ceil(months / size)) - 1) * size);
  if (context.firstAdmit && from < context.firstAdmit) {
    const first = periodStart(grain, context.firstAdmit);
    const firstWhole = first === context.firstAdmit ? first : addMonths(first, size);
    from = firstWhole <= last ? firstWhole : last;
  }
  return { from, to: end };
}

/** The admit dates a plan window covers; null for all time. */
export function resolvePlanWindow(window: PlanWindow, context: WindowContext): DateWindow | null {
  const { today } = context;
  const fiscalStart = context.fiscalYearStartMonth ?? FISCAL_YEAR_START_MONTH;
  const [year, month] = parts(today);
  switch (window.kind) {
    case 'all':
      return null;
    case 'fixed':
      return checkWindow({ from: window.from, to: window.to });
    case 'data_trailing':
      if (window.grain) return wholePeriods(window.grain, window.months, context);
      return trailingMonths(context.lastAdmit ?? today, window.months);
    case 'relative': {
      switch (window.period) {
        case 'last_days':
          return trailingDays(today, window.count ?? 30);
        case 'last_months':
          return trailingMonths(today, window.count ?? 12);
        case 'last_month':
          return { from: monthStart(year, month - 1), to: dayBefore(monthStart(year, month)) };
        case 'last_quarter': {
          const quarterStart = monthStart(year, month - ((month - 1) % 3));
          return { from: addMonths(quarterStart, -3), to: dayBefore(quarterStart) };
        }
        case 'last_year':
          return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
        case 'month_to_date':
          return { from: monthStart(year, month), to: today };
        case 'quarter_to_date':
          return { from: monthStart(year, month - ((month - 1) % 3)), to: today };
        case 'year_to_date':
          return { from: `${year}-01-01`, to: today };
        case 'fiscal_year_to_date':
          return { from: fiscalYearStart(today, fiscalStart), to: today };
        case 'last_fiscal_year': {
          const start = fiscalYearStart(today, fiscalStart);
          return { from: addMonths(start, -12), to: dayBefore(start) };
        }
      }
    }
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function dayText(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A window's name for a column header or a sentence: its own label, or its dates. */
export function windowLabel(window: PlanWindow, dates: DateWindow | null): string {
  if (window.kind === 'fixed' && window.label) return window.label;
  if (!dates) return 'all time';
  return `${dayText(dates.from)} – ${dayText(dates.to)}`;
}

function checkWindow(window: DateWindow): DateWindow {
  if (!isIsoDate(window.from) || !isIsoDate(window.to) || window.from > window.to) {
    throw new EngineRefusal(
      'invalid_request',
      `The date window ${window.from} to ${window.to} is not a valid range.`,
    );
  }
  return window;
}

import type { PlanWindow, TimeGrain } from '../../../src/contract/query-plan';
import { resolvePlanWindow } from '../../cases/plan-window';
import type { DateWindow } from '../../cases/types';
import { addDays, formatDay } from '../../lib/dates';

// Plan windows on the parser's side: the default, fixed windows from named dates, and their admit dates.

export const DEFAULT_WINDOW: PlanWindow = { kind: 'data_trailing', months: 12 };

/**
 * What a time breakdown covers when no window is named: whole periods up to the latest admit date, so no period
 * at either end is shown as whole when it is not. Months: the 12 calendar months ending with the latest admit
 * month. Quarters: the 8 ending with the latest admit quarter (a quarter has its year-ago twin beside it).
 * Years: every whole year of the data (up to ten), the latest one to the latest admit date.
 */
const GRAIN_WINDOWS: Record<TimeGrain, PlanWindow & { kind: 'data_trailing' }> = {
  month: { kind: 'data_trailing', months: 12, grain: 'month' },
  quarter: { kind: 'data_trailing', months: 24, grain: 'quarter' },
  year: { kind: 'data_trailing', months: 120, grain: 'year' },
};

const isDefault = (window: PlanWindow) =>
  window.kind === 'data_trailing' &&
  ((window.months === DEFAULT_WINDOW.months && !window.grain) ||
    Object.values(GRAIN_WINDOWS).some(
      (grained) => grained.months === window.months && grained.grain === window.grain,
    ));

/**
 * A window anchored to the data, fitted to the plan's time breakdown: the default becomes the breakdown's own
 * default (and back when the breakdown is dropped); a window of data months asked for keeps its length, in whole
 * periods. Calendar windows are left as asked.
 */
export function fitWindowToGrain(window: PlanWindow, groupBy: readonly string[]): PlanWindow {
  if (window.kind !== 'data_trailing') return window;
  const grain = groupBy.find((dimension): dimension is TimeGrain => dimension in GRAIN_WINDOWS);
  if (grain) return isDefault(window) ? GRAIN_WINDOWS[grain] : { ...window, grain };
  if (!window.grain) return window;
  return isDefault(window) ? DEFAULT_WINDOW : { kind: 'data_trailing', months: window.months };
}

export interface WindowAnchor {
  today: string;
  lastAdmit?: string | null | undefined;
  /** Where windows of whole periods start at the earliest. */
  firstAdmit?: string | null | undefined;
  /** 1–12; the semantic model's default when absent. */
  fiscalYearStartMonth?: number | undefined;
}

/** The admit dates a plan window covers, resolved as the compiler resolves them; null for all time. */
export function windowDates(window: PlanWindow, anchor: WindowAnchor): DateWindow | null {
  try {
    return resolvePlanWindow(window, {
      today: anchor.today,
      lastAdmit: anchor.lastAdmit ?? null,
      firstAdmit: anchor.firstAdmit ?? null,
      ...(anchor.fiscalYearStartMonth ? { fiscalYearStartMonth: anchor.fiscalYearStartMonth } : {}),
    });
  } catch {
    return null;
  }
}

/** A fixed window from dates a window phrase named; its label is what a person reads. */
export function fixedWindow(dates: DateWindow, label?: string): PlanWindow {
  return {
    kind: 'fixed',
    from: dates.from,
    to: dates.to,
    label: label ?? fixedLabel(dates),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025", "Q3 2025", "Mar 2025", "2023–2025", or the two days. */
function fixedLabel({ from, to }: DateWindow): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const endsMonth = addDays(to, 1).endsWith('-01');
  if (fd === 1 && endsMonth) {
    if (fm === 1 && tm === 12) return fy === ty ? String(fy) : `${fy}–${ty}`;
    if (fy === ty && fm === tm) return `${MONTHS[fm - 1]} ${fy}`;
    if (fy === ty && (fm - 1) % 3 === 0 && tm === fm + 2) return `Q${(fm + 2) / 3} ${fy}`;
  }
  return `${formatDay(from)} – ${formatDay(to)}`;
}

import type { PlanWindow } from '../../../src/contract/query-plan';
import { resolvePlanWindow } from '../../cases/plan-window';
import type { DateWindow } from '../../cases/types';
import { addDays, formatDay } from '../../lib/dates';

// Plan windows on the parser's side: the default, fixed windows from named dates, and their admit dates.

export const DEFAULT_WINDOW: PlanWindow = { kind: 'data_trailing', months: 12 };

export interface WindowAnchor {
  today: string;
  lastAdmit?: string | null | undefined;
  /** 1–12; the semantic model's default when absent. */
  fiscalYearStartMonth?: number | undefined;
}

/** The admit dates a plan window covers, resolved as the compiler resolves them; null for all time. */
export function windowDates(window: PlanWindow, anchor: WindowAnchor): DateWindow | null {
  try {
    return resolvePlanWindow(window, {
      today: anchor.today,
      lastAdmit: anchor.lastAdmit ?? null,
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

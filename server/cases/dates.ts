import { type DateWindow, EngineRefusal } from './types';

const DAY_MS = 86_400_000;

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar months, clamped to the month's last day (e.g. 2026-03-31 minus one month is 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The `days` calendar days ending `today`, both ends included. */
export function trailingDays(today: string, days: number): DateWindow {
  return { from: addDays(today, -(days - 1)), to: today };
}

export function trailingMonths(today: string, months: number): DateWindow {
  return { from: addDays(addMonths(today, -months), 1), to: today };
}

export function checkWindow(window: DateWindow): DateWindow {
  if (!isIsoDate(window.from) || !isIsoDate(window.to) || window.from > window.to) {
    throw new EngineRefusal(
      'invalid_request',
      `The date window ${window.from} to ${window.to} is not a valid range.`,
    );
  }
  return window;
}

// Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so the host's time zone never shifts a day. The one date
// module of the server: the engines and the question parser both count days and months with it.

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Both ends included, as every window of the API is. */
interface DateRange {
  from: string;
  to: string;
}

export function parseDate(text: string): CalendarDate {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

function formatDate(date: CalendarDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` naming a day the calendar has (2026-02-30 is not one, though `Date.parse` accepts it). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const { year, month, day } = parseDate(text);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function addDays(text: string, days: number): string {
  const { year, month, day } = parseDate(text);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate({
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  });
}

/** Whole calendar months, the day clamped to the target month's length (2026-03-31 minus one is 2026-02-28). */
export function addMonths(text: string, months: number): string {
  const { year, month, day } = parseDate(text);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

export function monthStart(year: number, month: number): string {
  return formatDate({ year, month, day: 1 });
}

export function monthEnd(year: number, month: number): string {
  return formatDate({ year, month, day: daysInMonth(year, month) });
}

/** The `days` calendar days ending `today`, both ends included. */
export function trailingDays(today: string, days: number): DateRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The `months` calendar months ending `today`: from the day after the same date `months` earlier. */
export function trailingMonths(today: string, months: number): DateRange {
  return { from: addDays(addMonths(today, -months), 1), to: today };
}

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Dec 2025" */
export function formatDay(text: string): string {
  const { year, month, day } = parseDate(text);
  return `${day} ${MONTH_LABELS[month - 1] ?? '?'} ${year}`;
}

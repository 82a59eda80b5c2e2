// Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so the host's time zone never shifts a day.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseDate(text: string): CalendarDate {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

export function formatDate(date: CalendarDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

export function isValidDate(text: string): boolean {
  const { year, month, day } = parseDate(text);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** Moves by whole months, keeping the day but clamping it to the target month's length. */
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

const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Dec 2025" */
export function formatDay(text: string): string {
  const { year, month, day } = parseDate(text);
  return `${day} ${MONTH_LABELS[month - 1] ?? '?'} ${year}`;
}

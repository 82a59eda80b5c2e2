import type { DateWindow } from '../../cases/types';
import { addDays, addMonths, isValidDate, monthEnd, monthStart, parseDate } from './dates';
import { COUNT, readCount } from './numbers';
import { refuse } from './problem';
import type { Remainder } from './remainder';

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '((?:19|20)\\d{2})';
const ISO = '(\\d{4}-\\d{2}-\\d{2})';
const TO = '\\s*(?:to|until|till|through|thru|and|-)\\s*';
const LEAD = '(?:(?:in|during|for|over|within|from|of)\\s+)?(?:the\\s+)?';
const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ORDINAL_QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

function monthNumber(name: string): number {
  return MONTH_KEYS.indexOf(name.slice(0, 3)) + 1;
}

function checked(text: string): string {
  if (!isValidDate(text))
    refuse(`${text} is not a calendar date.`, ['cost of knee replacement since 2025-03-01']);
  return text;
}

/** The latest month of that name that has already begun. */
function recentMonthYear(month: number, today: string): number {
  const { year, month: current } = parseDate(today);
  return month <= current ? year : year - 1;
}

type Rule = [RegExp, (match: RegExpExecArray, today: string) => DateWindow];

const RULES: Rule[] = [
  [
    new RegExp(`(?:from|between)?\\s*${ISO}${TO}${ISO}`),
    (m) => ({ from: checked(m[1]!), to: checked(m[2]!) }),
  ],
  [
    new RegExp(`(?:from|between)\\s+${MONTH}(?:\\s+${YEAR})?${TO}${MONTH}(?:\\s+${YEAR})?`),
    (m, today) => {
      const fromMonth = monthNumber(m[1]!);
      const toMonth = monthNumber(m[3]!);
      const toYear = m[4] ? Number(m[4]) : m[2] ? Number(m[2]) : recentMonthYear(toMonth, today);
      const fromYear = m[2] ? Number(m[2]) : fromMonth <= toMonth ? toYear : toYear - 1;
      return { from: monthStart(fromYear, fromMonth), to: monthEnd(toYear, toMonth) };
    },
  ],
  [
    new RegExp(`(?:from|between)\\s+${YEAR}${TO}${YEAR}`),
    (m) => ({ from: `${m[1]}-01-01`, to: `${m[2]}-12-31` }),
  ],
  [new RegExp(`(?:since|after|from)\\s+${ISO}`), (m, today) => ({ from: checked(m[1]!), to: today })],
  [
    new RegExp(`(?:since|from)\\s+(?:the\\s+(?:start|beginning)\\s+of\\s+)?${MONTH}(?:\\s+${YEAR})?\\b`),
    (m, today) => {
      const month = monthNumber(m[1]!);
      return { from: monthStart(m[2] ? Number(m[2]) : recentMonthYear(month, today), month), to: today };
    },
  ],
  [new RegExp(`(?:since|from)\\s+${YEAR}`), (m, today) => ({ from: `${m[1]}-01-01`, to: today })],
  [
    new RegExp(`${LEAD}(?:q([1-4])|(first|second|third|fourth) quarter)(?:\\s+(?:of\\s+)?${YEAR})?`),
    (m, today) => {
      const quarter = m[1] ? Number(m[1]) : (ORDINAL_QUARTERS[m[2]!] ?? 1);
      const { year, month } = parseDate(today);
      const latestYear = quarter * 3 - 2 <= month ? year : year - 1;
      const quarterYear = m[3] ? Number(m[3]) : latestYear;
      return { from: monthStart(quarterYear, quarter * 3 - 2), to: monthEnd(quarterYear, quarter * 3) };
    },
  ],
  [
    new RegExp(`${LEAD}${MONTH}\\s+(?:of\\s+)?${YEAR}`),
    (m) => ({
      from: monthStart(Number(m[2]), monthNumber(m[1]!)),
      to: monthEnd(Number(m[2]), monthNumber(m[1]!)),
    }),
  ],
  [
    new RegExp(`(?:in|during)\\s+${MONTH}\\b`),
    (m, today) => {
      const month = monthNumber(m[1]!);
      const year = recentMonthYear(month, today);
      return { from: monthStart(year, month), to: monthEnd(year, month) };
    },
  ],
  // "in the last year" is the past twelve months; "last year" alone is the calendar year before this one.
  [/(?:(?:in|during|for|over|within)\s+)?the last year/, (_m, today) => rolling(today, 1, 'year')],
  [new RegExp(`${LEAD}(?:last|previous|prior) (?:calendar )?year`), (_m, today) => calendarYear(today, -1)],
  [new RegExp(`${LEAD}(?:last|previous|prior) month`), (_m, today) => calendarMonth(today, -1)],
  [new RegExp(`${LEAD}(?:last|previous|prior) quarter`), (_m, today) => calendarQuarter(today, -1)],
  [
    new RegExp(`${LEAD}(?:last|past|previous|prior|trailing|recent) ${COUNT}?\\s*(day|week|month|year)s?`),
    (m, today) => rolling(today, m[1] ? readCount(m[1]) : 1, m[2]!),
  ],
  [/\b(?:ltm|ttm)\b/, (_m, today) => rolling(today, 12, 'month')],
  [
    /(?:so far )?(?:this year(?: so far| to date)?|ytd|year[- ]to[- ]date)/,
    (_m, today) => toDate(today, 'year'),
  ],
  [/(?:so far )?(?:this month|mtd|month[- ]to[- ]date)/, (_m, today) => toDate(today, 'month')],
  [/(?:so far )?(?:this quarter|qtd|quarter[- ]to[- ]date)/, (_m, today) => toDate(today, 'quarter')],
  [/(?:of |over |for )?(?:all[- ]time|ever)\b/, (_m, today) => ({ from: '1900-01-01', to: today })],
  [new RegExp(`${LEAD}${YEAR}\\b`), (m) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31` })],
];

/** Cuts the first window phrase it finds out of the question (rules run from most to least specific). */
export function takeWindow(remainder: Remainder, today: string): DateWindow | undefined {
  for (const [pattern, build] of RULES) {
    const match = remainder.take(new RegExp(`\\b${pattern.source}\\b`));
    if (match) {
      const window = build(match, today);
      if (window.from > window.to)
        refuse(`The window ${window.from} to ${window.to} ends before it starts.`, []);
      return window;
    }
  }
  return undefined;
}

/** The contract's default: the last 365 days ending today. */
export function defaultWindow(today: string): DateWindow {
  return { from: addDays(today, -364), to: today };
}

function rolling(today: string, count: number, unit: string): DateWindow {
  if (count < 1) refuse('A window needs at least one day.', ['cost of knee replacement in the last 90 days']);
  if (unit === 'day') return { from: addDays(today, 1 - count), to: today };
  if (unit === 'week') return { from: addDays(today, 1 - 7 * count), to: today };
  const months = unit === 'year' ? 12 * count : count;
  return { from: addDays(addMonths(today, -months), 1), to: today };
}

function calendarYear(today: string, offset: number): DateWindow {
  const year = parseDate(today).year + offset;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function calendarMonth(today: string, offset: number): DateWindow {
  const { year, month } = parseDate(addMonths(today, offset));
  return { from: monthStart(year, month), to: monthEnd(year, month) };
}

function calendarQuarter(today: string, offset: number): DateWindow {
  const { year, month } = parseDate(addMonths(today, 3 * offset));
  const first = month - ((month - 1) % 3);
  return { from: monthStart(year, first), to: monthEnd(year, first + 2) };
}

function toDate(today: string, unit: 'year' | 'month' | 'quarter'): DateWindow {
  const { year, month } = parseDate(today);
  const first = unit === 'year' ? 1 : unit === 'month' ? month : month - ((month - 1) % 3);
  return { from: monthStart(year, first), to: today };
}

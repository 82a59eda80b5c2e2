import type { PlanWindow } from '../../../src/contract/query-plan';
import { resolvePlanWindow } from '../../cases/plan-window';
import type { DateWindow } from '../../cases/types';
import { addMonths, formatDay, isIsoDate, monthEnd, monthStart, parseDate } from '../../lib/dates';
import { COUNT, readCount } from './numbers';
import { refuse } from './problem';
import type { Remainder } from './remainder';

// Date windows as analysts write them, read into the plan's window kinds: named dates become `fixed` windows,
// phrases that move with the calendar ("last quarter", YTD, the fiscal year to date) stay `relative` so a pinned
// card moves with time, "the latest 6 months of data" is `data_trailing`, and "all time" is `all`. YoY, QoQ and
// MoM become a comparison of two windows.

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '((?:19|20)\\d{2})';
const ISO = '(\\d{4}-\\d{2}-\\d{2})';
const TO = '\\s*(?:to|until|till|through|thru|and|-)\\s*';
const LEAD = '(?:(?:in|during|for|over|within|from|of)\\s+)?(?:the\\s+)?';
const FISCAL_YEAR = "(?:fy\\s?'?((?:19|20)?\\d{2})|fiscal(?: year)?\\s+((?:19|20)\\d{2}))";
const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ORDINAL_QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

export interface WindowOptions {
  /** `YYYY-MM-DD`; relative phrases are read from it. */
  today: string;
  /** 1–12: the month the organization's fiscal year starts in (config `HP_FISCAL_YEAR_START_MONTH`). A fiscal
   *  year is named for the calendar year it ends in: with a July start, FY2025 runs July 2024 – June 2025. */
  fiscalYearStartMonth: number;
}

type WindowComparison = { kind: 'windows'; windows: [PlanWindow, PlanWindow] };

interface WindowReading {
  /** The window asked about; with a comparison, the span from the earlier period's start to the later's end. */
  window: PlanWindow;
  /** Set for YoY / QoQ / MoM: the earlier period first, then the one asked about. */
  comparison?: WindowComparison;
}

function monthNumber(name: string): number {
  return MONTH_KEYS.indexOf(name.slice(0, 3)) + 1;
}

function checked(text: string): string {
  if (!isIsoDate(text))
    refuse(`${text} is not a calendar date.`, ['cost of knee replacement since 2025-03-01']);
  return text;
}

/** The latest month of that name that has already begun. */
function recentMonthYear(month: number, today: string): number {
  const { year, month: current } = parseDate(today);
  return month <= current ? year : year - 1;
}

function fixed(from: string, to: string, label: string): PlanWindow {
  return { kind: 'fixed', from, to, label };
}

const relative = (period: Extract<PlanWindow, { kind: 'relative' }>['period'], count?: number): PlanWindow =>
  count === undefined ? { kind: 'relative', period } : { kind: 'relative', period, count };

function monthWindow(year: number, month: number): PlanWindow {
  return fixed(monthStart(year, month), monthEnd(year, month), `${MONTH_NAMES[month - 1]} ${year}`);
}

function quarterWindow(year: number, quarter: number): PlanWindow {
  return fixed(monthStart(year, quarter * 3 - 2), monthEnd(year, quarter * 3), `Q${quarter} ${year}`);
}

function yearWindow(year: number): PlanWindow {
  return fixed(`${year}-01-01`, `${year}-12-31`, String(year));
}

/** `25` → 2025; four digits stay. */
function fullYear(text: string): number {
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

/** The dates of fiscal year `year` (named for the calendar year it ends in). */
function fiscalYearDates(year: number, startMonth: number): DateWindow {
  if (startMonth === 1) return { from: `${year}-01-01`, to: `${year}-12-31` };
  return { from: monthStart(year - 1, startMonth), to: monthEnd(year, startMonth - 1) };
}

function fiscalYearWindow(year: number, startMonth: number): PlanWindow {
  const { from, to } = fiscalYearDates(year, startMonth);
  return fixed(from, to, `FY${year}`);
}

function fiscalQuarterWindow(year: number, quarter: number, startMonth: number): PlanWindow {
  const first = addMonths(fiscalYearDates(year, startMonth).from, 3 * (quarter - 1));
  const last = addMonths(first, 2);
  const { year: endYear, month: endMonth } = parseDate(last);
  return fixed(first, monthEnd(endYear, endMonth), `Q${quarter} FY${year}`);
}

function rolling(count: number, unit: string): PlanWindow {
  if (count < 1) refuse('A window needs at least one day.', ['cost of knee replacement in the last 90 days']);
  if (unit === 'day') return relative('last_days', count);
  if (unit === 'week') return relative('last_days', 7 * count);
  return relative('last_months', unit === 'year' ? 12 * count : count);
}

type Rule = [RegExp, (match: RegExpExecArray, options: WindowOptions) => PlanWindow];

const RULES: Rule[] = [
  [
    new RegExp(`(?:from|between)?\\s*${ISO}${TO}${ISO}`),
    (m) => {
      const from = checked(m[1]!);
      const to = checked(m[2]!);
      return fixed(from, to, `${formatDay(from)} – ${formatDay(to)}`);
    },
  ],
  [
    new RegExp(`(?:from|between)\\s+${MONTH}(?:\\s+${YEAR})?${TO}${MONTH}(?:\\s+${YEAR})?`),
    (m, { today }) => {
      const fromMonth = monthNumber(m[1]!);
      const toMonth = monthNumber(m[3]!);
      const toYear = m[4] ? Number(m[4]) : m[2] ? Number(m[2]) : recentMonthYear(toMonth, today);
      const fromYear = m[2] ? Number(m[2]) : fromMonth <= toMonth ? toYear : toYear - 1;
      return fixed(
        monthStart(fromYear, fromMonth),
        monthEnd(toYear, toMonth),
        `${MONTH_NAMES[fromMonth - 1]} ${fromYear} – ${MONTH_NAMES[toMonth - 1]} ${toYear}`,
      );
    },
  ],
  [
    new RegExp(`(?:from\\s+|between\\s+)?${FISCAL_YEAR}${TO}${FISCAL_YEAR}`),
    (m, { fiscalYearStartMonth }) => {
      const first = fullYear(m[1] ?? m[2]!);
      const last = fullYear(m[3] ?? m[4]!);
      return fixed(
        fiscalYearDates(first, fiscalYearStartMonth).from,
        fiscalYearDates(last, fiscalYearStartMonth).to,
        `FY${first} – FY${last}`,
      );
    },
  ],
  [
    new RegExp(`(?:from\\s+|between\\s+)?${YEAR}\\s*(?:to|until|till|through|thru|-|–)\\s*${YEAR}`),
    (m) => fixed(`${m[1]}-01-01`, `${m[2]}-12-31`, `${m[1]} – ${m[2]}`),
  ],
  [
    new RegExp(`between\\s+${YEAR}\\s+and\\s+${YEAR}`),
    (m) => fixed(`${m[1]}-01-01`, `${m[2]}-12-31`, `${m[1]} – ${m[2]}`),
  ],
  [
    new RegExp(`(?:since|after|from)\\s+${ISO}`),
    (m, { today }) => fixed(checked(m[1]!), today, `since ${formatDay(m[1]!)}`),
  ],
  [
    new RegExp(`(?:since|from)\\s+(?:the\\s+(?:start|beginning)\\s+of\\s+)?${MONTH}(?:\\s+${YEAR})?\\b`),
    (m, { today }) => {
      const month = monthNumber(m[1]!);
      const year = m[2] ? Number(m[2]) : recentMonthYear(month, today);
      return fixed(monthStart(year, month), today, `since ${MONTH_NAMES[month - 1]} ${year}`);
    },
  ],
  [new RegExp(`(?:since|from)\\s+${YEAR}`), (m, { today }) => fixed(`${m[1]}-01-01`, today, `since ${m[1]}`)],
  [
    new RegExp(
      `${LEAD}(?:q([1-4])|(first|second|third|fourth) (?:fiscal )?quarter)\\s+(?:of\\s+)?${FISCAL_YEAR}`,
    ),
    (m, { fiscalYearStartMonth }) => {
      const quarter = m[1] ? Number(m[1]) : (ORDINAL_QUARTERS[m[2]!] ?? 1);
      return fiscalQuarterWindow(fullYear(m[3] ?? m[4]!), quarter, fiscalYearStartMonth);
    },
  ],
  [
    new RegExp(`${LEAD}(?:q([1-4])|(first|second|third|fourth) quarter)(?:\\s+(?:of\\s+)?${YEAR})?`),
    (m, { today }) => {
      const quarter = m[1] ? Number(m[1]) : (ORDINAL_QUARTERS[m[2]!] ?? 1);
      const { year, month } = parseDate(today);
      const latestYear = quarter * 3 - 2 <= month ? year : year - 1;
      return quarterWindow(m[3] ? Number(m[3]) : latestYear, quarter);
    },
  ],
  // Half years: "H1 2025", "the first half of 2025", "2H25", "second half" (the latest one begun).
  [
    new RegExp(
      `${LEAD}(?:h([12])|([12])h|(first|second|1st|2nd) half)(?:\\s*(?:of\\s+)?(?:${YEAR}|'?(\\d{2})))?`,
    ),
    (m, { today }) => {
      const half = m[1] ?? m[2] ?? (/^(?:first|1st)$/.test(m[3] ?? '') ? '1' : '2');
      const { year, month } = parseDate(today);
      const named = m[4]
        ? Number(m[4])
        : m[5]
          ? fullYear(m[5])
          : half === '1' || month >= 7
            ? year
            : year - 1;
      return half === '1'
        ? fixed(`${named}-01-01`, `${named}-06-30`, `H1 ${named}`)
        : fixed(`${named}-07-01`, `${named}-12-31`, `H2 ${named}`);
    },
  ],
  [new RegExp(`${LEAD}${MONTH}\\s+(?:of\\s+)?${YEAR}`), (m) => monthWindow(Number(m[2]), monthNumber(m[1]!))],
  [
    // "in March", and in a follow-up "what about February" / "just March" / "February?": a month left alone once
    // the rest is read (U+E000 marks what was cut).
    new RegExp(
      `(?:(?:in|during|about|just|only)\\s+|(?<=^[\\s\\uE000]*)(?=${MONTH.replace('(', '(?:')}[\\s\\uE000]*$))${MONTH}\\b`,
    ),
    (m, { today }) => {
      const month = monthNumber(m[1]!);
      return monthWindow(recentMonthYear(month, today), month);
    },
  ],
  // The organization's own data, whatever today is: "the latest 6 months of data".
  [
    new RegExp(
      `${LEAD}(?:last|latest|most recent|final)\\s+${COUNT}?\\s*(month|year)s?\\s+(?:of|in)\\s+(?:the\\s+|our\\s+)?data`,
    ),
    (m) => {
      const count = m[1] ? readCount(m[1]) : 1;
      return { kind: 'data_trailing', months: Math.min(120, m[2] === 'year' ? 12 * count : count) };
    },
  ],
  [
    new RegExp(
      `${LEAD}(?:fytd|fiscal ytd|fiscal year[- ]to[- ]date|(?:this|current) (?:fy|fiscal year)(?: to date)?)`,
    ),
    () => relative('fiscal_year_to_date'),
  ],
  [
    new RegExp(`${LEAD}(?:last|previous|prior) (?:fy|fiscal year|fiscal)`),
    () => relative('last_fiscal_year'),
  ],
  [
    new RegExp(`${LEAD}${FISCAL_YEAR}`),
    (m, { fiscalYearStartMonth }) => fiscalYearWindow(fullYear(m[1] ?? m[2]!), fiscalYearStartMonth),
  ],
  [
    /(?:(?:in|during|for|over) )?(?:the |this |current )?fy(?!\s?'?\d)/,
    () => relative('fiscal_year_to_date'),
  ],
  // "in the last year" is the past twelve months; "last year" alone is the calendar year before this one.
  [/(?:(?:in|during|for|over|within)\s+)?the (?:last|past) year/, () => relative('last_months', 12)],
  [new RegExp(`${LEAD}(?:last|previous|prior) (?:calendar )?year`), () => relative('last_year')],
  [new RegExp(`${LEAD}(?:last|previous|prior) month`), () => relative('last_month')],
  [new RegExp(`${LEAD}(?:last|previous|prior) quarter`), () => relative('last_quarter')],
  [
    new RegExp(`${LEAD}(?:last|past|previous|prior|trailing|recent) ${COUNT}?\\s*(day|week|month|year)s?`),
    (m) => rolling(m[1] ? readCount(m[1]) : 1, m[2]!),
  ],
  [/\b(?:ltm|ttm|l12m|t12m|r12)\b/, () => relative('last_months', 12)],
  // "since the start of the year", "so far this quarter": the calendar period to date.
  [
    /(?:since|from) (?:the )?(?:start|beginning) of (?:the |this )?(?:calendar )?year|(?:so far )?(?:this year(?: so far| to date)?|ytd|year[- ]to[- ]date|(?:this|current) calendar year)/,
    () => relative('year_to_date'),
  ],
  [
    /(?:since|from) (?:the )?(?:start|beginning) of (?:the |this )?quarter/,
    () => relative('quarter_to_date'),
  ],
  [/(?:since|from) (?:the )?(?:start|beginning) of (?:the |this )?month/, () => relative('month_to_date')],
  [
    /(?:so far )?(?:this month(?: so far| to date)?|mtd|month[- ]to[- ]date)/,
    () => relative('month_to_date'),
  ],
  [
    /(?:so far )?(?:this quarter(?: so far| to date)?|qtd|quarter[- ]to[- ]date)/,
    () => relative('quarter_to_date'),
  ],
  [/(?:of |over |for |in )?(?:all[- ]time|ever|all (?:the )?data|all years)\b/, () => ({ kind: 'all' })],
  [new RegExp(`${LEAD}(?:calendar year |cy\\s?)?${YEAR}\\b`), (m) => yearWindow(Number(m[1]))],
];

type Step = 'year' | 'quarter' | 'month';

/** "vs", "compared with", "against": what sets a window beside the one before it. */
const AGAINST = '(?:vs\\.?|versus|compared (?:to|with)|against|and)';

const COMPARISON_RULES: [RegExp, Step][] = [
  [
    new RegExp(
      `(?:yoy|y\\/y|year[- ]over[- ]year|year[- ]on[- ]year|vs\\.? (?:the )?(?:prior|previous|last) year|compared (?:to|with) (?:the )?(?:prior|previous|last) year|` +
        `${AGAINST} (?:the |in the )?same (?:period|time|months?|stretch|days) (?:of |in )?(?:last|a|the prior|the previous|prior|previous) year|` +
        `${AGAINST} (?:the )?year before)`,
    ),
    'year',
  ],
  [
    new RegExp(
      `(?:qoq|q\\/q|quarter[- ]over[- ]quarter|quarter[- ]on[- ]quarter|vs\\.? (?:the )?(?:prior|previous|last) quarter|${AGAINST} (?:the )?(?:quarter|qtr) before)`,
    ),
    'quarter',
  ],
  [
    new RegExp(
      `(?:mom|m\\/m|month[- ]over[- ]month|month[- ]on[- ]month|vs\\.? (?:the )?(?:prior|previous|last) month|${AGAINST} (?:the )?month before)`,
    ),
    'month',
  ],
];

/** A to-date window and the whole period before it: "this year vs last year" sets this year so far against the
 *  same stretch of last year, never 11 months against 12. */
const TO_DATE: Partial<Record<Extract<PlanWindow, { kind: 'relative' }>['period'], [string, Step]>> = {
  year_to_date: ['last_year', 'year'],
  quarter_to_date: ['last_quarter', 'quarter'],
  month_to_date: ['last_month', 'month'],
  fiscal_year_to_date: ['last_fiscal_year', 'year'],
};

/**
 * Two windows named side by side, as fixed dates so they stay lined up (and sort earlier first); a to-date
 * window against the whole period before it is set against the same stretch of that period.
 */
export function pairWindows(
  windows: [PlanWindow, PlanWindow],
  options: WindowOptions,
): [PlanWindow, PlanWindow] {
  const [first, second] = windows;
  const matched = (toDate: PlanWindow, whole: PlanWindow) =>
    toDate.kind === 'relative' && whole.kind === 'relative' && TO_DATE[toDate.period]?.[0] === whole.period
      ? TO_DATE[toDate.period]![1]
      : undefined;
  const firstStep = matched(first, second);
  if (firstStep) return [asFixed(first, options), earlierPeriod(first, firstStep, options)];
  const secondStep = matched(second, first);
  if (secondStep) return [earlierPeriod(second, secondStep, options), asFixed(second, options)];
  return [asFixed(first, options), asFixed(second, options)];
}

/**
 * Cuts the first window phrase out of the question (rules run from most to least specific), with a YoY / QoQ /
 * MoM comparison when one is asked for. Undefined when the question names no window.
 */
export function takePlanWindow(remainder: Remainder, options: WindowOptions): WindowReading | undefined {
  let step: Step | undefined;
  for (const [pattern, unit] of COMPARISON_RULES) {
    if (remainder.take(new RegExp(`\\b${pattern.source}\\b`))) {
      step = unit;
      break;
    }
  }
  let window: PlanWindow | undefined;
  for (const [pattern, build] of RULES) {
    const match = remainder.take(new RegExp(`\\b${pattern.source}\\b`));
    if (match) {
      window = build(match, options);
      if (window.kind === 'fixed' && window.from > window.to)
        refuse(`The window ${window.from} to ${window.to} ends before it starts.`, []);
      break;
    }
  }
  if (!step) return window ? { window } : undefined;
  const current = window ?? lastComplete(step);
  const earlier = earlierPeriod(current, step, options);
  const later = asFixed(current, options);
  const comparison: WindowComparison = { kind: 'windows', windows: [earlier, later] };
  // The plan's own window is the span of both, as a windows comparison's plan carries it.
  if (earlier.kind !== 'fixed' || later.kind !== 'fixed') return { window: later, comparison };
  return { window: fixed(earlier.from, later.to, `${earlier.label} and ${later.label}`), comparison };
}

/** "YoY" alone compares the latest complete year with the one before it (QoQ, MoM alike). */
function lastComplete(step: Step): PlanWindow {
  return relative(step === 'year' ? 'last_year' : step === 'quarter' ? 'last_quarter' : 'last_month');
}

/** Both sides of a comparison are fixed dates, so they stay the same length and lined up. */
function asFixed(window: PlanWindow, options: WindowOptions): PlanWindow {
  if (window.kind === 'fixed') return window;
  const dates = planWindowDates(window, { ...options, lastAdmit: options.today });
  if (!dates) return window;
  return fixed(dates.from, dates.to, datesLabel(dates, options.fiscalYearStartMonth));
}

function earlierPeriod(window: PlanWindow, step: Step, options: WindowOptions): PlanWindow {
  const dates =
    window.kind === 'fixed' ? window : planWindowDates(window, { ...options, lastAdmit: options.today });
  if (!dates) return window;
  const months = step === 'year' ? 12 : step === 'quarter' ? 3 : 1;
  const from = addMonths(dates.from, -months);
  // A period that ends on a month's last day ends on the earlier month's last day too (Feb 29 → Feb 28).
  const { year, month, day } = parseDate(dates.to);
  const endsMonth = day === parseDate(monthEnd(year, month)).day;
  const shifted = parseDate(addMonths(dates.to, -months));
  const to = endsMonth ? monthEnd(shifted.year, shifted.month) : addMonths(dates.to, -months);
  return fixed(from, to, datesLabel({ from, to }, options.fiscalYearStartMonth));
}

/** A window's dates in the fewest words: "2025", "Q3 2025", "March 2025", "FY2025", else "1 Jan – 28 Nov 2025". */
export function datesLabel({ from, to }: DateWindow, fiscalYearStartMonth: number): string {
  const start = parseDate(from);
  const end = parseDate(to);
  const endsMonth = to === monthEnd(end.year, end.month);
  if (start.day === 1 && endsMonth) {
    const months = (end.year - start.year) * 12 + end.month - start.month + 1;
    if (months === 12 && start.month === 1) return String(start.year);
    if (months === 12 && start.month === fiscalYearStartMonth) return `FY${end.year}`;
    if (months === 3 && (start.month - 1) % 3 === 0) return `Q${(start.month + 2) / 3} ${start.year}`;
    if (months === 1) return `${MONTH_NAMES[start.month - 1]} ${start.year}`;
  }
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/**
 * The admit dates a plan window covers, resolved exactly as the plan compiler resolves them: relative windows
 * from today, `data_trailing` back from the organization's latest admit date, `all` is null (no limit).
 */
export function planWindowDates(
  window: PlanWindow,
  { today, lastAdmit, fiscalYearStartMonth }: WindowOptions & { lastAdmit: string | null },
): DateWindow | null {
  return resolvePlanWindow(window, { today, lastAdmit, fiscalYearStartMonth });
}

/** Calendar windows when no fiscal year is configured. */
const CALENDAR_FISCAL_YEAR = 1;

/** Cuts the first window phrase out of the question, as admit dates (all time reads as from 1900). */
export function takeWindow(
  remainder: Remainder,
  today: string,
  fiscalYearStartMonth = CALENDAR_FISCAL_YEAR,
): DateWindow | undefined {
  const reading = takePlanWindow(remainder, { today, fiscalYearStartMonth });
  if (!reading) return undefined;
  const dates = planWindowDates(reading.window, { today, lastAdmit: today, fiscalYearStartMonth });
  return dates ?? { from: '1900-01-01', to: today };
}

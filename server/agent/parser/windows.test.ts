import { describe, expect, it } from 'vitest';
import type { PlanWindow } from '../../../src/contract/query-plan';
import { ParseProblem } from './problem';
import { Remainder } from './remainder';
import { datesLabel, planWindowDates, takePlanWindow, takeWindow, type WindowOptions } from './windows';

// The phrasing table's window rows: each phrase, inside a question, and the plan window it is read as.
// Today is 2026-11-28; the fiscal year starts in October unless a row says otherwise.
const TODAY = '2026-11-28';
const OCTOBER: WindowOptions = { today: TODAY, fiscalYearStartMonth: 10 };

const fixed = (from: string, to: string, label: string): PlanWindow => ({ kind: 'fixed', from, to, label });
const relative = (period: Extract<PlanWindow, { kind: 'relative' }>['period'], count?: number): PlanWindow =>
  count === undefined ? { kind: 'relative', period } : { kind: 'relative', period, count };

const WINDOWS: [phrase: string, window: PlanWindow][] = [
  // Calendar names
  ['in 2025', fixed('2025-01-01', '2025-12-31', '2025')],
  ['for 2024', fixed('2024-01-01', '2024-12-31', '2024')],
  ['calendar year 2025', fixed('2025-01-01', '2025-12-31', '2025')],
  ['CY2024', fixed('2024-01-01', '2024-12-31', '2024')],
  ['Q1 2026', fixed('2026-01-01', '2026-03-31', 'Q1 2026')],
  ['in q3 of 2025', fixed('2025-07-01', '2025-09-30', 'Q3 2025')],
  ['during Q4', fixed('2026-10-01', '2026-12-31', 'Q4 2026')],
  ['in the second quarter of 2025', fixed('2025-04-01', '2025-06-30', 'Q2 2025')],
  ['in March 2026', fixed('2026-03-01', '2026-03-31', 'March 2026')],
  // Half years
  ['H1 2025', fixed('2025-01-01', '2025-06-30', 'H1 2025')],
  ['in h2 2024', fixed('2024-07-01', '2024-12-31', 'H2 2024')],
  ['in the first half of 2026', fixed('2026-01-01', '2026-06-30', 'H1 2026')],
  ['during the second half of 2025', fixed('2025-07-01', '2025-12-31', 'H2 2025')],
  ['in 2H25', fixed('2025-07-01', '2025-12-31', 'H2 2025')],
  ['in the second half', fixed('2026-07-01', '2026-12-31', 'H2 2026')],
  ['in February 2024', fixed('2024-02-01', '2024-02-29', 'February 2024')],
  ['in Sept 2025', fixed('2025-09-01', '2025-09-30', 'September 2025')],
  ['in December', fixed('2025-12-01', '2025-12-31', 'December 2025')],
  ['in June', fixed('2026-06-01', '2026-06-30', 'June 2026')],
  ['between Jan 2025 and June 2025', fixed('2025-01-01', '2025-06-30', 'January 2025 – June 2025')],
  ['between November and February', fixed('2025-11-01', '2026-02-28', 'November 2025 – February 2026')],
  ['from 2025-01-01 to 2025-06-30', fixed('2025-01-01', '2025-06-30', '1 Jan 2025 – 30 Jun 2025')],
  ['from 2023 to 2024', fixed('2023-01-01', '2024-12-31', '2023 – 2024')],
  ['2023 through 2025', fixed('2023-01-01', '2025-12-31', '2023 – 2025')],
  ['2023-2025', fixed('2023-01-01', '2025-12-31', '2023 – 2025')],
  ['between 2023 and 2024', fixed('2023-01-01', '2024-12-31', '2023 – 2024')],
  ['since 2025-03-01', fixed('2025-03-01', TODAY, 'since 1 Mar 2025')],
  ['since March', fixed('2026-03-01', TODAY, 'since March 2026')],
  ['since December', fixed('2025-12-01', TODAY, 'since December 2025')],
  ['since 2024', fixed('2024-01-01', TODAY, 'since 2024')],
  // Relative calendar windows stay relative
  ['since the start of the year', relative('year_to_date')],
  ['since the beginning of this quarter', relative('quarter_to_date')],
  ['from the start of the month', relative('month_to_date')],
  ['last year', relative('last_year')],
  ['during the previous year', relative('last_year')],
  ['prior calendar year', relative('last_year')],
  ['last month', relative('last_month')],
  ['previous month', relative('last_month')],
  ['last quarter', relative('last_quarter')],
  ['prior quarter', relative('last_quarter')],
  ['in the last year', relative('last_months', 12)],
  ['over the past year', relative('last_months', 12)],
  ['over the last 6 months', relative('last_months', 6)],
  ['in the last six months', relative('last_months', 6)],
  ['past 3 months', relative('last_months', 3)],
  ['past twelve months', relative('last_months', 12)],
  ['trailing 12 months', relative('last_months', 12)],
  ['last 2 years', relative('last_months', 24)],
  ['last 90 days', relative('last_days', 90)],
  ['last 2 weeks', relative('last_days', 14)],
  ['LTM', relative('last_months', 12)],
  ['TTM', relative('last_months', 12)],
  ['T12M', relative('last_months', 12)],
  // To-date shorthand
  ['YTD', relative('year_to_date')],
  ['ytd', relative('year_to_date')],
  ['year to date', relative('year_to_date')],
  ['year-to-date', relative('year_to_date')],
  ['this year', relative('year_to_date')],
  ['so far this year', relative('year_to_date')],
  ['MTD', relative('month_to_date')],
  ['month to date', relative('month_to_date')],
  ['this month', relative('month_to_date')],
  ['QTD', relative('quarter_to_date')],
  ['quarter-to-date', relative('quarter_to_date')],
  ['this quarter', relative('quarter_to_date')],
  // Fiscal years (October start)
  ['FYTD', relative('fiscal_year_to_date')],
  ['fiscal YTD', relative('fiscal_year_to_date')],
  ['fiscal year to date', relative('fiscal_year_to_date')],
  ['this FY', relative('fiscal_year_to_date')],
  ['current fiscal year', relative('fiscal_year_to_date')],
  ['FY', relative('fiscal_year_to_date')],
  ['last FY', relative('last_fiscal_year')],
  ['prior fiscal year', relative('last_fiscal_year')],
  ['previous fiscal', relative('last_fiscal_year')],
  ['FY2025', fixed('2024-10-01', '2025-09-30', 'FY2025')],
  ['FY 2026', fixed('2025-10-01', '2026-09-30', 'FY2026')],
  ['in FY25', fixed('2024-10-01', '2025-09-30', 'FY2025')],
  ["FY'24", fixed('2023-10-01', '2024-09-30', 'FY2024')],
  ['fiscal 2025', fixed('2024-10-01', '2025-09-30', 'FY2025')],
  ['fiscal year 2024', fixed('2023-10-01', '2024-09-30', 'FY2024')],
  ['Q1 FY2026', fixed('2025-10-01', '2025-12-31', 'Q1 FY2026')],
  ['Q3 FY2026', fixed('2026-04-01', '2026-06-30', 'Q3 FY2026')],
  ['in the second quarter of FY2025', fixed('2025-01-01', '2025-03-31', 'Q2 FY2025')],
  ['from FY2024 to FY2026', fixed('2023-10-01', '2026-09-30', 'FY2024 – FY2026')],
  // The organization's data, and everything
  ['in the latest 6 months of data', { kind: 'data_trailing', months: 6 }],
  ['the last 12 months of data', { kind: 'data_trailing', months: 12 }],
  ['most recent 2 years of our data', { kind: 'data_trailing', months: 24 }],
  ['all time', { kind: 'all' }],
  ['ever', { kind: 'all' }],
  ['over all the data', { kind: 'all' }],
];

function read(phrase: string, options: WindowOptions = OCTOBER) {
  const remainder = new Remainder(`average cost of knee replacement ${phrase} by surgeon`);
  const reading = takePlanWindow(remainder, options);
  return { reading, rest: remainder.segments() };
}

describe('window phrases as plan windows (today 2026-11-28, fiscal year from October)', () => {
  it.each(WINDOWS)('"%s"', (phrase, window) => {
    const { reading, rest } = read(phrase);
    expect(reading).toEqual({ window });
    expect(rest).toEqual(['average cost of knee replacement', 'by surgeon']);
  });

  it('reads no window where there is none, and leaves codes and counts alone', () => {
    for (const question of [
      'average cost of knee replacement',
      'cost of CPT 27130',
      'top 5 surgeons by revenue',
    ]) {
      expect(takePlanWindow(new Remainder(question), OCTOBER), question).toBeUndefined();
    }
  });

  it.each(['since 2025-02-30', 'from 2026-06-01 to 2026-01-01'])(
    'refuses the impossible window %s',
    (phrase) => {
      expect(() => read(phrase)).toThrow(ParseProblem);
    },
  );
});

describe('fiscal years follow the configured start month', () => {
  it.each([
    [7, 'FY2025', fixed('2024-07-01', '2025-06-30', 'FY2025')],
    [7, 'Q1 FY2026', fixed('2025-07-01', '2025-09-30', 'Q1 FY2026')],
    [1, 'FY2025', fixed('2025-01-01', '2025-12-31', 'FY2025')],
    [4, 'fiscal 2026', fixed('2025-04-01', '2026-03-31', 'FY2026')],
  ] as const)('start month %i: %s', (month, phrase, window) => {
    expect(read(phrase, { today: TODAY, fiscalYearStartMonth: month }).reading).toEqual({ window });
  });

  it.each([
    [10, 'fiscal_year_to_date', { from: '2026-10-01', to: TODAY }],
    [10, 'last_fiscal_year', { from: '2025-10-01', to: '2026-09-30' }],
    [7, 'fiscal_year_to_date', { from: '2026-07-01', to: TODAY }],
    [7, 'last_fiscal_year', { from: '2025-07-01', to: '2026-06-30' }],
    [1, 'fiscal_year_to_date', { from: '2026-01-01', to: TODAY }],
    [12, 'last_fiscal_year', { from: '2024-12-01', to: '2025-11-30' }],
  ] as const)('start month %i: %s covers %o', (month, period, dates) => {
    const options = { today: TODAY, fiscalYearStartMonth: month, lastAdmit: null };
    expect(planWindowDates(relative(period), options)).toEqual(dates);
  });
});

describe('period-over-period shorthand becomes a comparison of two windows', () => {
  const compare = (earlier: PlanWindow, later: PlanWindow, span: PlanWindow) => ({
    window: span,
    comparison: { kind: 'windows', windows: [earlier, later] },
  });
  it.each([
    [
      'YoY',
      compare(
        fixed('2024-01-01', '2024-12-31', '2024'),
        fixed('2025-01-01', '2025-12-31', '2025'),
        fixed('2024-01-01', '2025-12-31', '2024 and 2025'),
      ),
    ],
    [
      'year over year',
      compare(
        fixed('2024-01-01', '2024-12-31', '2024'),
        fixed('2025-01-01', '2025-12-31', '2025'),
        fixed('2024-01-01', '2025-12-31', '2024 and 2025'),
      ),
    ],
    [
      '2025 YoY',
      compare(
        fixed('2024-01-01', '2024-12-31', '2024'),
        fixed('2025-01-01', '2025-12-31', '2025'),
        fixed('2024-01-01', '2025-12-31', '2024 and 2025'),
      ),
    ],
    [
      'YTD vs prior year',
      compare(
        fixed('2025-01-01', '2025-11-28', '1 Jan 2025 – 28 Nov 2025'),
        fixed('2026-01-01', TODAY, '1 Jan 2026 – 28 Nov 2026'),
        fixed('2025-01-01', TODAY, '1 Jan 2025 – 28 Nov 2025 and 1 Jan 2026 – 28 Nov 2026'),
      ),
    ],
    [
      'QoQ',
      compare(
        fixed('2026-04-01', '2026-06-30', 'Q2 2026'),
        fixed('2026-07-01', '2026-09-30', 'Q3 2026'),
        fixed('2026-04-01', '2026-09-30', 'Q2 2026 and Q3 2026'),
      ),
    ],
    [
      'Q1 2025 quarter over quarter',
      compare(
        fixed('2024-10-01', '2024-12-31', 'Q4 2024'),
        fixed('2025-01-01', '2025-03-31', 'Q1 2025'),
        fixed('2024-10-01', '2025-03-31', 'Q4 2024 and Q1 2025'),
      ),
    ],
    [
      'MoM',
      compare(
        fixed('2026-09-01', '2026-09-30', 'September 2026'),
        fixed('2026-10-01', '2026-10-31', 'October 2026'),
        fixed('2026-09-01', '2026-10-31', 'September 2026 and October 2026'),
      ),
    ],
    [
      'March 2024 month over month',
      compare(
        fixed('2024-02-01', '2024-02-29', 'February 2024'),
        fixed('2024-03-01', '2024-03-31', 'March 2024'),
        fixed('2024-02-01', '2024-03-31', 'February 2024 and March 2024'),
      ),
    ],
    [
      'FY2025 YoY',
      compare(
        fixed('2023-10-01', '2024-09-30', 'FY2024'),
        fixed('2024-10-01', '2025-09-30', 'FY2025'),
        fixed('2023-10-01', '2025-09-30', 'FY2024 and FY2025'),
      ),
    ],
  ] as const)('"%s"', (phrase, expected) => {
    expect(read(phrase).reading).toEqual(expected);
  });
});

describe('labels and the legacy date reading', () => {
  it('names dates in the fewest words', () => {
    expect(datesLabel({ from: '2025-01-01', to: '2025-12-31' }, 10)).toBe('2025');
    expect(datesLabel({ from: '2024-10-01', to: '2025-09-30' }, 10)).toBe('FY2025');
    expect(datesLabel({ from: '2025-04-01', to: '2025-06-30' }, 10)).toBe('Q2 2025');
    expect(datesLabel({ from: '2025-04-01', to: '2025-04-30' }, 10)).toBe('April 2025');
    expect(datesLabel({ from: '2025-04-02', to: '2025-04-30' }, 10)).toBe('2 Apr 2025 – 30 Apr 2025');
  });

  it('still gives admit dates to callers that want them', () => {
    expect(takeWindow(new Remainder('cost YTD'), TODAY)).toEqual({ from: '2026-01-01', to: TODAY });
    expect(takeWindow(new Remainder('cost all time'), TODAY)).toEqual({ from: '1900-01-01', to: TODAY });
    expect(takeWindow(new Remainder('cost FY2025'), TODAY, 7)).toEqual({
      from: '2024-07-01',
      to: '2025-06-30',
    });
  });
});

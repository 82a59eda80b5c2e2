// The phrasing table for what a question leaves unsaid: how a figure aggregates with no aggregation word, which
// window a time breakdown covers, and how follow-ups change the last plan's window and shape. Each row expects a
// plan, not a sentence (the form of plans.test.ts; kept apart so the tables grow without colliding).
import { describe, expect, it } from 'vitest';
import type { QueryPlan } from '../../../src/contract/query-plan';
import { parseQuestion } from './index';
import { windowDates } from './plan-window';
import { analytics, contextWith, GRAIN_WINDOWS, KNEE, keep, year } from './test-resolver';
import type { ParsedQuery } from './types';

type Row = [question: string, plan: ParsedQuery];

const sum = (measure: QueryPlan['measures'][number]['measure']) => [{ measure, aggregation: 'sum' as const }];
const avg = (measure: QueryPlan['measures'][number]['measure']) => [{ measure, aggregation: 'avg' as const }];

/** Money with no aggregation word is a total; a question about one case, or a per-case figure, an average. */
const AGGREGATION_DEFAULTS: Row[] = [
  [
    'revenue for tka in 2025',
    analytics({ measures: sum('revenue'), filters: [keep('procedure', KNEE)], window: year(2025) }),
  ],
  [
    'what was our cost last year',
    analytics({ measures: sum('cost'), window: { kind: 'relative', period: 'last_year' } }),
  ],
  [
    'payments from aetna ytd',
    analytics({
      measures: sum('revenue'),
      filters: [keep('payor', { id: 'Aetna', name: 'Aetna' })],
      window: { kind: 'relative', period: 'year_to_date' },
    }),
  ],
  [
    'discount for medicare in 2025',
    analytics({
      measures: sum('discount'),
      filters: [keep('payor', { id: 'Medicare', name: 'Medicare' })],
      window: year(2025),
    }),
  ],
  ['profit in 2025', analytics({ measures: sum('profit'), window: year(2025) })],
  ['hospital revenue in 2025', analytics({ measures: sum('hospital_revenue'), window: year(2025) })],
  [
    'how much does a knee replacement cost',
    analytics({ measures: avg('cost'), filters: [keep('procedure', KNEE)] }),
  ],
  [
    'what does a knee replacement cost us',
    analytics({ measures: avg('cost'), filters: [keep('procedure', KNEE)] }),
  ],
  [
    'cost of a knee replacement in 2025',
    analytics({ measures: avg('cost'), filters: [keep('procedure', KNEE)], window: year(2025) }),
  ],
  [
    'revenue per case for Aetna',
    analytics({ measures: avg('revenue'), filters: [keep('payor', { id: 'Aetna', name: 'Aetna' })] }),
  ],
  [
    'what is the revenue of a typical knee replacement case',
    analytics({ measures: avg('revenue'), filters: [keep('procedure', KNEE)] }),
  ],
  [
    'cost of an average knee replacement procedure',
    analytics({ measures: avg('cost'), filters: [keep('procedure', KNEE)] }),
  ],
  ['los for knee replacements', analytics({ measures: avg('los'), filters: [keep('procedure', KNEE)] })],
  [
    'OR time for knee replacement in 2025',
    analytics({ measures: avg('time'), filters: [keep('procedure', KNEE)], window: year(2025) }),
  ],
  [
    'margin in 2025',
    analytics({ measures: [{ measure: 'margin', aggregation: 'ratio' }], window: year(2025) }),
  ],
  [
    'discount rate for Cigna',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      filters: [keep('payor', { id: 'Cigna', name: 'Cigna' })],
    }),
  ],
  [
    'Aetna vs Cigna revenue for knee replacement',
    analytics({
      measures: sum('revenue'),
      filters: [keep('procedure', KNEE)],
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Cigna', name: 'Cigna' },
        ],
      },
    }),
  ],
  // Cases in a window are counted.
  [
    'cases last quarter',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      window: { kind: 'relative', period: 'last_quarter' },
    }),
  ],
  [
    'knee replacement cases in the last 90 days',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      filters: [keep('procedure', KNEE)],
      window: { kind: 'relative', period: 'last_days', count: 90 },
    }),
  ],
  [
    'revenue in the first half of 2026',
    analytics({
      measures: sum('revenue'),
      window: { kind: 'fixed', from: '2026-01-01', to: '2026-06-30', label: 'H1 2026' },
    }),
  ],
  // A breakdown ranks totals, as before; the per-case words still ask for averages.
  [
    'revenue by payor in 2025',
    analytics({
      measures: sum('revenue'),
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: year(2025),
    }),
  ],
  [
    'cost per case by surgeon',
    analytics({
      measures: avg('cost'),
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
];

const BY_TIME = { by: 'dimension', direction: 'asc' } as const;

/** A time breakdown with no window named covers whole periods up to the latest admit date. */
const TIME_BREAKDOWNS: Row[] = [
  [
    'revenue by year',
    analytics({ measures: sum('revenue'), group_by: ['year'], order: BY_TIME, window: GRAIN_WINDOWS.year }),
  ],
  [
    'annual revenue',
    analytics({ measures: sum('revenue'), group_by: ['year'], order: BY_TIME, window: GRAIN_WINDOWS.year }),
  ],
  [
    'revenue by quarter',
    analytics({
      measures: sum('revenue'),
      group_by: ['quarter'],
      order: BY_TIME,
      window: GRAIN_WINDOWS.quarter,
    }),
  ],
  [
    'revenue by qtr for knee replacement',
    analytics({
      measures: sum('revenue'),
      group_by: ['quarter'],
      filters: [keep('procedure', KNEE)],
      order: BY_TIME,
      window: GRAIN_WINDOWS.quarter,
    }),
  ],
  [
    'revenue month by month',
    analytics({ measures: sum('revenue'), group_by: ['month'], order: BY_TIME, window: GRAIN_WINDOWS.month }),
  ],
  [
    'case volume over time',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['month'],
      order: BY_TIME,
      window: GRAIN_WINDOWS.month,
    }),
  ],
  [
    'average los per quarter',
    analytics({ measures: avg('los'), group_by: ['quarter'], order: BY_TIME, window: GRAIN_WINDOWS.quarter }),
  ],
  // The data's own months asked for keep their length, in whole months.
  [
    'revenue by month over the latest 6 months of data',
    analytics({
      measures: sum('revenue'),
      group_by: ['month'],
      order: BY_TIME,
      window: { kind: 'data_trailing', months: 6, grain: 'month' },
    }),
  ],
  // A named window is kept as asked.
  [
    'margin by month in 2025',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['month'],
      order: BY_TIME,
      window: year(2025),
    }),
  ],
  [
    'monthly revenue ytd',
    analytics({
      measures: sum('revenue'),
      group_by: ['month'],
      order: BY_TIME,
      window: { kind: 'relative', period: 'year_to_date' },
    }),
  ],
  // "which month", and a grain joined to a second breakdown.
  [
    'which month had the most cases in 2025',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['month'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: year(2025),
    }),
  ],
  [
    'revenue by year and payor',
    analytics({
      measures: sum('revenue'),
      group_by: ['payor', 'year'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: GRAIN_WINDOWS.year,
    }),
  ],
];

/** Follow-ups keep what they do not change; a breakdown's window follows the breakdown when none was named. */
const FOLLOW_UPS: [first: string, question: string, plan: ParsedQuery][] = [
  [
    'cases by payor',
    'by quarter instead',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['quarter'],
      order: BY_TIME,
      window: GRAIN_WINDOWS.quarter,
    }),
  ],
  ['revenue by month', 'in aggregate', analytics({ measures: sum('revenue') })],
  [
    'revenue by year',
    'only for Aetna',
    analytics({
      measures: sum('revenue'),
      group_by: ['year'],
      filters: [keep('payor', { id: 'Aetna', name: 'Aetna' })],
      order: BY_TIME,
      window: GRAIN_WINDOWS.year,
    }),
  ],
  [
    'revenue in 2025',
    'by month',
    analytics({ measures: sum('revenue'), group_by: ['month'], order: BY_TIME, window: year(2025) }),
  ],
  [
    'revenue by quarter in 2025',
    'just Q1',
    analytics({
      measures: sum('revenue'),
      group_by: ['quarter'],
      order: BY_TIME,
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-03-31', label: 'Q1 2025' },
    }),
  ],
  [
    'revenue in 2024',
    'what about February',
    analytics({
      measures: sum('revenue'),
      window: { kind: 'fixed', from: '2024-02-01', to: '2024-02-29', label: 'February 2024' },
    }),
  ],
  [
    'revenue in 2024',
    'march?',
    analytics({
      measures: sum('revenue'),
      window: { kind: 'fixed', from: '2024-03-01', to: '2024-03-31', label: 'March 2024' },
    }),
  ],
  [
    'revenue in 2024',
    'what about in February',
    analytics({
      measures: sum('revenue'),
      window: { kind: 'fixed', from: '2024-02-01', to: '2024-02-29', label: 'February 2024' },
    }),
  ],
  [
    'revenue by month in 2025',
    'vs 2024',
    analytics({
      measures: sum('revenue'),
      group_by: ['month'],
      order: BY_TIME,
      comparison: { kind: 'windows', windows: [year(2024), year(2025)] },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    'average cost of knee replacement in 2025',
    'and the discount?',
    analytics({ measures: avg('discount'), filters: [keep('procedure', KNEE)], window: year(2025) }),
  ],
  [
    'total revenue for Aetna last year',
    'what about ytd',
    analytics({
      measures: sum('revenue'),
      filters: [keep('payor', { id: 'Aetna', name: 'Aetna' })],
      window: { kind: 'relative', period: 'year_to_date' },
    }),
  ],
  [
    'revenue for knee replacement in 2025',
    'what about 2024',
    analytics({ measures: sum('revenue'), filters: [keep('procedure', KNEE)], window: year(2024) }),
  ],
];

const fixedWindow = (from: string, to: string, label: string) =>
  ({ kind: 'fixed', from, to, label }) as const;
const YTD_2025 = fixedWindow('2025-01-01', '2025-11-28', '1 Jan 2025 – 28 Nov 2025');
const YTD_2026 = fixedWindow('2026-01-01', '2026-11-28', '1 Jan 2026 – 28 Nov 2026');
const BOTH_YTD = fixedWindow(
  '2025-01-01',
  '2026-11-28',
  '1 Jan 2025 – 28 Nov 2025 and 1 Jan 2026 – 28 Nov 2026',
);

/** Two windows side by side: fixed dates, earlier first; a to-date window against the same stretch before it. */
const WINDOW_COMPARISONS: Row[] = [
  [
    'cases this year vs last year',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      comparison: { kind: 'windows', windows: [YTD_2025, YTD_2026] },
      window: BOTH_YTD,
    }),
  ],
  [
    'revenue ytd vs same period last year',
    analytics({
      measures: sum('revenue'),
      comparison: { kind: 'windows', windows: [YTD_2025, YTD_2026] },
      window: BOTH_YTD,
    }),
  ],
  [
    'revenue last quarter vs the quarter before',
    analytics({
      measures: sum('revenue'),
      comparison: {
        kind: 'windows',
        windows: [
          fixedWindow('2026-04-01', '2026-06-30', 'Q2 2026'),
          fixedWindow('2026-07-01', '2026-09-30', 'Q3 2026'),
        ],
      },
      window: fixedWindow('2026-04-01', '2026-09-30', 'Q2 2026 and Q3 2026'),
    }),
  ],
  [
    'revenue by quarter 2025 vs 2024',
    analytics({
      measures: sum('revenue'),
      group_by: ['quarter'],
      order: BY_TIME,
      comparison: { kind: 'windows', windows: [year(2024), year(2025)] },
      window: fixedWindow('2024-01-01', '2025-12-31', '2024 and 2025'),
    }),
  ],
];

function read(question: string, previous?: ParsedQuery) {
  return parseQuestion(question, contextWith(previous ? { previous } : {}));
}

const CATEGORIES: [string, Row[]][] = [
  ['aggregation with no aggregation word', AGGREGATION_DEFAULTS],
  ['time breakdowns with no window named', TIME_BREAKDOWNS],
  ['two windows side by side', WINDOW_COMPARISONS],
];

for (const [category, rows] of CATEGORIES) {
  describe(category, () => {
    it.each(rows)('%s', (question, plan) => {
      const outcome = read(question);
      expect(outcome.kind, outcome.kind === 'query' ? '' : JSON.stringify(outcome)).toBe('query');
      if (outcome.kind === 'query') expect(outcome.query).toEqual(plan);
    });
  });
}

describe('follow-ups on windows and shape', () => {
  it.each(FOLLOW_UPS)('after "%s": %s', (first, question, plan) => {
    const before = read(first);
    expect(before.kind).toBe('query');
    if (before.kind !== 'query') return;
    const outcome = read(question, before.query);
    expect(outcome.kind, JSON.stringify(outcome)).toBe('query');
    if (outcome.kind === 'query') expect(outcome.query).toEqual(plan);
  });
});

describe('whole periods up to the latest admit date', () => {
  const anchor = { today: '2026-11-28', lastAdmit: '2026-11-17', firstAdmit: '2023-11-30' };
  it.each([
    ['month', '2025-12-01'],
    ['quarter', '2025-01-01'],
    // The data enters 2023 on 30 November: 2023 is not shown as a year.
    ['year', '2024-01-01'],
  ] as const)('by %s from %s to the latest admit date', (grain, from) => {
    expect(windowDates(GRAIN_WINDOWS[grain], anchor)).toEqual({ from, to: '2026-11-17' });
  });

  it('starts at the first whole period of the data', () => {
    expect(windowDates(GRAIN_WINDOWS.month, { ...anchor, firstAdmit: '2026-03-15' })).toEqual({
      from: '2026-04-01',
      to: '2026-11-17',
    });
    // Less than one whole period of data: the one period there is.
    expect(windowDates(GRAIN_WINDOWS.year, { ...anchor, firstAdmit: '2026-03-15' })).toEqual({
      from: '2026-01-01',
      to: '2026-11-17',
    });
  });

  it('says which periods, their dates, and that the last one is partial', () => {
    const outcome = parseQuestion('revenue by month', contextWith({ lastAdmit: '2026-11-17' }));
    expect(outcome.kind === 'query' && outcome.reading).toContain(
      'in the 12 calendar months Dec 2025 – Nov 2026 (1 Dec 2025 – 17 Nov 2026',
    );
    expect(outcome.kind === 'query' && outcome.reading).toContain('Nov 2026 is partial');
    const whole = parseQuestion('revenue by month', contextWith({ lastAdmit: '2026-10-31' }));
    expect(whole.kind === 'query' && whole.reading).not.toContain('partial');
  });
});

describe('breakdowns the plan cannot express get no number', () => {
  it.each(['revenue by fiscal year', 'cases per fiscal quarter'])('%s', (question) => {
    const outcome = read(question);
    expect(outcome.kind).toBe('refuse');
    if (outcome.kind === 'refuse') expect(outcome.message).toMatch(/calendar month, quarter and year/);
  });
});

describe('the reading says which figure a question with no aggregation word got', () => {
  it.each([
    ['revenue in 2025', /^total revenue of all cases, in 2025/],
    ['how much does a knee replacement cost', /^average cost per case of Total knee arthroplasty/],
    ['los for knee replacements', /^average length of stay per case of Total knee arthroplasty/],
    ['margin in 2025', /^margin of all cases/],
  ])('%s', (question, reading) => {
    const outcome = read(question);
    expect(outcome.kind === 'query' && outcome.reading).toMatch(reading);
  });
});

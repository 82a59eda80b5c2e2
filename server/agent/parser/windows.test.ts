import { describe, expect, it } from 'vitest';
import type { DateWindow } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { contextWith, KNEE, LAST_365_DAYS } from './test-resolver';

// today = 2026-11-28
const CASES: [string, DateWindow][] = [
  ['in 2025', { from: '2025-01-01', to: '2025-12-31' }],
  ['last year', { from: '2025-01-01', to: '2025-12-31' }],
  ['during the previous year', { from: '2025-01-01', to: '2025-12-31' }],
  ['this year', { from: '2026-01-01', to: '2026-11-28' }],
  ['YTD', { from: '2026-01-01', to: '2026-11-28' }],
  ['year to date', { from: '2026-01-01', to: '2026-11-28' }],
  ['over the last 6 months', { from: '2026-05-29', to: '2026-11-28' }],
  ['in the last six months', { from: '2026-05-29', to: '2026-11-28' }],
  ['past 3 months', { from: '2026-08-29', to: '2026-11-28' }],
  ['past twelve months', LAST_365_DAYS],
  ['last 90 days', { from: '2026-08-31', to: '2026-11-28' }],
  ['last 2 weeks', { from: '2026-11-15', to: '2026-11-28' }],
  ['since March', { from: '2026-03-01', to: '2026-11-28' }],
  ['since December', { from: '2025-12-01', to: '2026-11-28' }],
  ['since 2025-03-01', { from: '2025-03-01', to: '2026-11-28' }],
  ['since 2024', { from: '2024-01-01', to: '2026-11-28' }],
  ['Q1 2026', { from: '2026-01-01', to: '2026-03-31' }],
  ['in q3 of 2025', { from: '2025-07-01', to: '2025-09-30' }],
  ['during Q4', { from: '2026-10-01', to: '2026-12-31' }],
  ['in the second quarter of 2025', { from: '2025-04-01', to: '2025-06-30' }],
  ['in March 2026', { from: '2026-03-01', to: '2026-03-31' }],
  ['in February 2024', { from: '2024-02-01', to: '2024-02-29' }],
  ['in December', { from: '2025-12-01', to: '2025-12-31' }],
  ['between Jan 2025 and June 2025', { from: '2025-01-01', to: '2025-06-30' }],
  ['between November and February', { from: '2025-11-01', to: '2026-02-28' }],
  ['from 2025-01-01 to 2025-06-30', { from: '2025-01-01', to: '2025-06-30' }],
  ['from 2023 to 2024', { from: '2023-01-01', to: '2024-12-31' }],
  ['last month', { from: '2026-10-01', to: '2026-10-31' }],
  ['last quarter', { from: '2026-07-01', to: '2026-09-30' }],
  ['this quarter', { from: '2026-10-01', to: '2026-11-28' }],
  ['', LAST_365_DAYS],
];

describe('date windows (today 2026-11-28)', () => {
  it.each(CASES)('average cost of knee replacement %s', (phrase, window) => {
    const outcome = parseQuestion(`average cost of knee replacement ${phrase}`, contextWith());
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual({
      workflow: 'analytics',
      params: { entity: KNEE, metric: 'cost', view: 'avg', window },
    });
  });

  it('places the window anywhere in the question', () => {
    const outcome = parseQuestion(
      'In 2025, what was the average cost of knee replacement by surgeon?',
      contextWith(),
    );
    expect(outcome).toMatchObject({
      kind: 'query',
      query: { params: { pivot: 'surgeon', window: { from: '2025-01-01', to: '2025-12-31' } } },
    });
  });

  it.each(['since 2025-02-30', 'from 2026-06-01 to 2026-01-01'])(
    'refuses the impossible window %s',
    (phrase) => {
      expect(parseQuestion(`average cost of knee replacement ${phrase}`, contextWith())).toMatchObject({
        kind: 'refuse',
      });
    },
  );
});

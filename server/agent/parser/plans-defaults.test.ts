// The phrasing table for what a question leaves unsaid: how a figure aggregates with no aggregation word, which
// window a time breakdown covers, and how follow-ups change the last plan's window and shape. Each row expects a
// plan, not a sentence (the form of plans.test.ts; kept apart so the tables grow without colliding).
import { describe, expect, it } from 'vitest';
import type { QueryPlan } from '../../../src/contract/query-plan';
import { parseQuestion } from './index';
import { analytics, contextWith, KNEE, keep, year } from './test-resolver';
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

function read(question: string, previous?: ParsedQuery) {
  return parseQuestion(question, contextWith(previous ? { previous } : {}));
}

const CATEGORIES: [string, Row[]][] = [['aggregation with no aggregation word', AGGREGATION_DEFAULTS]];

for (const [category, rows] of CATEGORIES) {
  describe(category, () => {
    it.each(rows)('%s', (question, plan) => {
      const outcome = read(question);
      expect(outcome.kind, outcome.kind === 'query' ? '' : JSON.stringify(outcome)).toBe('query');
      if (outcome.kind === 'query') expect(outcome.query).toEqual(plan);
    });
  });
}

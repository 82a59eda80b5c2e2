import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../cases/demo-catalog';
import { resolveText } from '../../cases/resolver';
import type { OrgType } from '../../cases/types';
import { EXAMPLE_QUESTIONS } from './examples';
import { parseQuestion } from './parse-question';

describe('the fallback example questions', () => {
  it.each(['hospital', 'payor'] as OrgType[])(
    'read for a %s as plans over every case of the data-anchored default window',
    (orgType) => {
      const catalog = demoCatalog();
      for (const question of EXAMPLE_QUESTIONS) {
        const outcome = parseQuestion(question, {
          today: '2026-11-28',
          orgType,
          lastAdmit: '2025-06-30',
          resolve: (text, kinds) => resolveText(catalog, text, kinds),
        });
        expect(outcome.kind, question).toBe('query');
        if (outcome.kind !== 'query' || outcome.query.workflow !== 'analytics') throw new Error(question);
        expect(outcome.query.plan.filters, question).toEqual([]);
        // A time breakdown keeps the same anchor in whole periods.
        expect(outcome.query.plan.window, question).toMatchObject({ kind: 'data_trailing', months: 12 });
      }
    },
  );
});

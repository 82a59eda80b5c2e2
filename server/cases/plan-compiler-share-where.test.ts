import { describe, expect, it } from 'vitest';
import type { QueryPlan } from '../../src/contract/query-plan';
import { queryPlan } from '../test/query-plan';
import { compilePlan } from './plan-compiler';

// The share of each group's cases meeting conditions (`where` on the share of cases); figures are checked against
// hand-written SQL in server/agent/analyst-questions.test.ts.

const plan = (measures: QueryPlan['measures'], group_by: QueryPlan['group_by'] = []): QueryPlan =>
  queryPlan({ measures, group_by });

describe('share of cases meeting conditions', () => {
  it('binds the condition values and never divides the share by the scope again', () => {
    const compiled = compilePlan(
      plan(
        [{ measure: 'cases', aggregation: 'share', where: [{ field: 'age', op: '>', value: 65 }] }],
        ['payor'],
      ),
      { orgType: 'hospital', dates: null },
    );
    expect(compiled.params).toContain(65);
    expect(compiled.sql).not.toMatch(/\b65\b/);
    expect(compiled.sql).not.toMatch(/REPLACE \(/);
    expect(compiled.sql).toMatch(/count\(\*\) FILTER \(WHERE age > \$\d+\)/);
  });

  it('refuses conditions on any other figure', () => {
    expect(() =>
      compilePlan(
        plan([{ measure: 'cost', aggregation: 'avg', where: [{ field: 'age', op: '>', value: 65 }] }]),
        {
          orgType: 'hospital',
          dates: null,
        },
      ),
    ).toThrow(/only make a share of cases/);
  });

  it("refuses hospital revenue in a payor's condition", () => {
    expect(() =>
      compilePlan(
        plan([
          {
            measure: 'cases',
            aggregation: 'share',
            where: [{ field: 'hospital_revenue', op: '>', value: 1 }],
          },
        ]),
        { orgType: 'payor', dates: null },
      ),
    ).toThrow(/hospital revenue/);
  });
});

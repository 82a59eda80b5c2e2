import type { QueryPlan } from '../../src/contract/query-plan';

/**
 * A query plan for the average cost over all time and nothing else: tests and benches name only the parts they
 * are about, so a field added to the plan is added here once.
 */
export function queryPlan(overrides: Partial<QueryPlan> = {}): QueryPlan {
  return {
    measures: [{ measure: 'cost', aggregation: 'avg' }],
    group_by: [],
    filters: [],
    conditions: [],
    having: [],
    comparison: null,
    order: null,
    limit: null,
    window: { kind: 'all' },
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import type { Pin } from '../../src/contract/dashboard';
import type { QueryPlan } from '../../src/contract/query-plan';
import type { CaseStore, PlanResult } from '../cases/types';
import { queryPlan } from '../test/query-plan';
import { CARD_CONCURRENCY, createCardRunner } from './card-runner';

// The runner on its own, over a stand-in case store: deadlines, and how many cards of one organization run at once.

const plan = (limit: number) =>
  queryPlan({ measures: [{ measure: 'cases', aggregation: 'count' }], group_by: ['payor'], limit });

const pinOf = (id: string, query: QueryPlan): Pin => ({
  id,
  title: id,
  question: id,
  reading: '',
  workflow: 'analytics',
  plan: query,
  shared: false,
  is_owner: true,
  owner_name: 'A',
  position: 0,
  created_at: '',
  updated_at: '',
});

const answer: PlanResult = {
  tables: [
    {
      title: 't',
      columns: [{ key: 'cases', label: 'Cases', type: 'integer' }],
      rows: [{ cases: 1 }],
      rowCount: 1,
      truncated: false,
    },
  ],
  chart: null,
  figures: { cases: 1, dates: null, totals: [1] },
  provenance: { sql: [], window: null, n: 1, units: {} },
  notes: [],
};

function store(runPlan: CaseStore['runPlan']): CaseStore {
  return {
    runPlan,
    dataVersion: () => 0,
    dataSpan: async () => ({ cases: 1, firstAdmit: '2026-01-01', lastAdmit: '2026-06-30' }),
  } as unknown as CaseStore;
}

const runnerOf = (cases: CaseStore, deadlineMs = 1000) =>
  createCardRunner({ cases, today: () => '2026-07-01', now: () => new Date(), log: () => {}, deadlineMs });

describe('card runner', () => {
  it('stops a card at its deadline and says so, without caching the failure', async () => {
    let calls = 0;
    const runner = runnerOf(
      store((_org, _type, _plan, options) => {
        calls += 1;
        return new Promise((_resolve, reject) =>
          options?.signal?.addEventListener('abort', () => reject(options.signal?.reason)),
        );
      }),
      50,
    );
    const result = await runner.run('org', 'hospital', pinOf('slow', plan(1)));
    expect(result).toMatchObject({ status: 'failed', pin_id: 'slow' });
    expect(result.status === 'failed' && result.message).toMatch(/took longer than 1 s and was stopped/);
    await runner.run('org', 'hospital', pinOf('slow', plan(1)));
    expect(calls).toBe(2);
  });

  it(`runs at most ${CARD_CONCURRENCY} cards of an organization at once, and all of them in the end`, async () => {
    let active = 0;
    let most = 0;
    const runner = runnerOf(
      store(async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 20));
        active -= 1;
        return answer;
      }),
    );
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        runner.run('org', 'hospital', pinOf(`p${index}`, plan(index + 1))),
      ),
    );
    expect(results.every((result) => result.status === 'ok')).toBe(true);
    expect(most).toBe(CARD_CONCURRENCY);
  });

  it('shares one computation between cards with the same plan', async () => {
    let calls = 0;
    const runner = runnerOf(
      store(async () => {
        calls += 1;
        return answer;
      }),
    );
    const [a, b] = await Promise.all([
      runner.run('org', 'hospital', pinOf('a', plan(5))),
      runner.run('org', 'hospital', pinOf('b', plan(5))),
    ]);
    expect([a.pin_id, b.pin_id]).toEqual(['a', 'b']);
    expect(a).toMatchObject({ status: 'ok', data_through: '2026-06-30' });
    expect(calls).toBe(1);
  });
});

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

function store(
  runPlan: CaseStore['runPlan'],
  version = () => 0,
  overview: () => Promise<unknown> = async () => ({ cases: 1 }),
): CaseStore {
  return {
    runPlan,
    dataVersion: async () => version(),
    dataSpan: async () => ({ cases: 1, firstAdmit: '2026-01-01', lastAdmit: '2026-06-30' }),
    overview,
  } as unknown as CaseStore;
}

const runnerOf = (cases: CaseStore, deadlineMs = 1000, concurrency?: number) =>
  createCardRunner({
    cases,
    today: () => '2026-07-01',
    now: () => new Date(),
    log: () => {},
    deadlineMs,
    concurrency,
  });

/** A stand-in engine whose plans finish only when the test lets them, and which records what started. */
function gated() {
  const started: (number | 'overview')[] = [];
  const overview = async () => {
    started.push('overview');
    return { cases: 1 };
  };
  const release = new Map<number, () => void>();
  const runPlan: CaseStore['runPlan'] = (_org, _type, query) => {
    const limit = query.limit ?? 0;
    started.push(limit);
    return new Promise((resolve) => release.set(limit, () => resolve(answer)));
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
  return { started, runPlan, overview, release: (limit: number) => release.get(limit)?.(), settle };
}

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

  it('gives each card its own deadline from when it starts, not from when it was asked for', async () => {
    let calls = 0;
    const runner = runnerOf(
      store((_org, _type, query, options) => {
        calls += 1;
        if (query.limit === 1 || query.limit === 2) {
          return new Promise((_resolve, reject) =>
            options?.signal?.addEventListener('abort', () => reject(options.signal?.reason)),
          );
        }
        return new Promise((resolve) => setTimeout(() => resolve(answer), 30));
      }),
      80,
      2,
    );
    const started = performance.now();
    const results = await Promise.all(
      [1, 2, 3, 4].map((limit) => runner.run('org', 'hospital', pinOf(`p${limit}`, plan(limit)))),
    );
    // The two slow cards held both lanes for their whole deadline; the two behind them still had all of theirs.
    expect(results.map((result) => result.status)).toEqual(['failed', 'failed', 'ok', 'ok']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(80 + 30 - 5);
    expect(calls).toBe(4);
  });

  it('runs the first cards on the page first, then the overview, and a refresh after what people wait for', async () => {
    const engine = gated();
    const runner = runnerOf(
      store(engine.runPlan, () => 0, engine.overview),
      1000,
      1,
    );
    const blocker = runner.run('org', 'hospital', pinOf('blocker', plan(100)), { priority: 0 });
    await engine.settle();
    const warming = runner.warm('org', 'hospital', [pinOf('w', plan(50))]);
    const waiting = [
      runner.run('org', 'hospital', { ...pinOf('third', plan(13)), position: 3 }),
      runner.overview('org', 'hospital'),
      runner.run('org', 'hospital', { ...pinOf('second', plan(11)), position: 1 }),
      runner.run('org', 'hospital', { ...pinOf('first', plan(10)), position: 0 }),
    ];
    await engine.settle();
    for (const limit of [100, 10, 11, 13, 50]) {
      engine.release(limit);
      await engine.settle();
    }
    await Promise.all([blocker, warming, ...waiting]);
    // The refresh had asked for the overview first; the page's request for it took that computation over.
    expect(engine.started).toEqual([100, 10, 11, 'overview', 13, 50]);
  });

  it('has a refresh on an idle organization start its first card before the overview', async () => {
    const engine = gated();
    const runner = runnerOf(
      store(engine.runPlan, () => 0, engine.overview),
      1000,
      1,
    );
    const warming = runner.warm(
      'org',
      'hospital',
      [1, 2, 3].map((limit) => pinOf(`c${limit}`, plan(limit))),
    );
    await engine.settle();
    for (const limit of [1, 2, 3]) {
      engine.release(limit);
      await engine.settle();
    }
    await warming;
    expect(engine.started).toEqual([1, 2, 'overview', 3]);
  });

  it('drops what a background refresh has not started when the data changes again', async () => {
    const engine = gated();
    let version = 1;
    const runner = runnerOf(
      store(engine.runPlan, () => version),
      1000,
      1,
    );
    const blocker = runner.run('org', 'hospital', pinOf('blocker', plan(100)), { priority: 0 });
    await engine.settle();
    const pins = [pinOf('a', plan(1)), pinOf('b', plan(2)), pinOf('c', plan(3))];
    const first = runner.warm('org', 'hospital', pins);
    // Someone opens card b meanwhile: theirs is no background work any more, so the next refresh keeps it.
    const opened = runner.run('org', 'hospital', pins[1]!);
    await engine.settle();
    version = 2;
    const second = runner.warm('org', 'hospital', [pinOf('a', plan(1)), pinOf('c', plan(3))]);
    await engine.settle();
    for (const limit of [100, 2, 1, 3]) {
      engine.release(limit);
      await engine.settle();
    }
    await Promise.all([blocker, first, second]);
    expect(await opened).toMatchObject({ status: 'ok', pin_id: 'b', data_version: 1 });
    // Version 1's a and c never ran; b ran for the person who opened it, then version 2's a and c.
    expect(engine.started).toEqual([100, 2, 1, 3]);
    const now = await runner.run('org', 'hospital', pinOf('a', plan(1)));
    expect(now).toMatchObject({ status: 'ok', data_version: 2 });
    expect(engine.started).toEqual([100, 2, 1, 3]);
  });
});

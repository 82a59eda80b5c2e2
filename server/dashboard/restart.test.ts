import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CARD_ROWS_MAX, type CardResult } from '../../src/contract/dashboard';
import type { QueryPlan } from '../../src/contract/query-plan';
import { createApp } from '../app';
import { fixtureCases, textSource, toCsv } from '../cases/test-fixture';
import { loadConfig } from '../config';
import { createDeps, type Deps } from '../deps';
import { addOrgWithUser, signIn, testClock } from '../test/make-app';
import { queryPlan } from '../test/query-plan';

// A server started again over the same data: the data version carries on from the file, the cards of
// organizations with pins are computed before anyone asks, and cards computed side by side equal each plan run
// on its own and the plain SQL.

const base = queryPlan({ measures: [{ measure: 'cases', aggregation: 'count' }] });
const PLANS: QueryPlan[] = [
  base,
  { ...base, measures: [{ measure: 'revenue', aggregation: 'sum' }], group_by: ['payor'] },
  {
    ...base,
    measures: [{ measure: 'cost', aggregation: 'avg' }],
    group_by: ['procedure'],
    order: { by: 'measure', index: 0, direction: 'desc' },
    limit: 3,
  },
  { ...base, measures: [{ measure: 'los', aggregation: 'median' }], group_by: ['month'] },
  { ...base, group_by: ['payor'], conditions: [{ field: 'age', op: '>=', value: 65 }] },
];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-dashboard-restart-'));
const clock = testClock();
const started: Deps[] = [];
/** Plans the engine really ran in the current server, by their JSON. */
let ran: string[] = [];

function start() {
  const deps = createDeps(loadConfig({ HP_DATA_DIR: dataDir, HP_SEED_DEMO: '0' }), {
    now: clock.now,
    log: () => {},
  });
  started.push(deps);
  ran = [];
  const real = deps.cases.runPlan.bind(deps.cases);
  deps.cases.runPlan = (orgId, orgType, plan, options) => {
    ran.push(JSON.stringify(plan));
    return real(orgId, orgType, plan, options);
  };
  const t = { app: createApp(deps), deps };
  return t;
}

afterAll(async () => {
  for (const deps of started) await deps.close().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a restarted server', () => {
  let orgId = '';
  let email = '';
  const ids: string[] = [];
  let before: CardResult[] = [];

  async function results(t: ReturnType<typeof start>, who: string) {
    const { authorization } = await signIn(t as never, who);
    const response = await t.app.request('/api/v1/dashboard/pins/results/', {
      headers: { Authorization: authorization },
    });
    return ((await response.json()) as { results: CardResult[] }).results;
  }

  it('computes cards side by side exactly as each plan alone and as the plain SQL', async () => {
    const t = start();
    const added = await addOrgWithUser(t as never, 'Restart General');
    orgId = added.org.id;
    email = added.email;
    await t.deps.cases.ingest(orgId, 'fil_1', textSource(toCsv(fixtureCases(300))));
    const { authorization } = await signIn(t as never, email);
    for (const [index, plan] of PLANS.entries()) {
      const response = await t.app.request('/api/v1/dashboard/pins/', {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: `Card ${index}`, reading: '', workflow: 'analytics', plan }),
      });
      ids.push(String(((await response.json()) as { id: string }).id));
    }
    before = await results(t, email);
    expect(before.map((card) => card.status)).toEqual(PLANS.map(() => 'ok'));
    for (const [index, plan] of PLANS.entries()) {
      const alone = await t.deps.cases.runPlan(orgId, 'hospital', plan);
      const card = before[index]!;
      expect(card.status === 'ok' && card.rows).toEqual(alone.tables[0]!.rows.slice(0, CARD_ROWS_MAX));
    }
    const byPayor = before[1]!;
    await t.deps.close();

    const instance = await DuckDBInstance.create(path.join(dataDir, 'analytics', `${orgId}.duckdb`));
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      'SELECT payor, sum(revenue) AS revenue FROM cases GROUP BY payor ORDER BY payor',
    );
    const bare = reader.getRowObjectsJS().map((row) => [row.payor, Number(row.revenue)]);
    connection.closeSync();
    instance.closeSync();
    expect(byPayor.status).toBe('ok');
    const shown = byPayor.status === 'ok' ? byPayor.rows.map((row) => [row.payor, row.revenue_sum]) : [];
    expect(shown.sort()).toEqual(bare.map(([payor, revenue]) => [payor, revenue]).sort());
  });

  it('keeps the data version, and has the cards ready before anyone opens the dashboard', async () => {
    const t = start();
    await vi.waitFor(() => expect(ran.length).toBe(PLANS.length), { timeout: 5000 });
    const after = await results(t, email);
    // Nothing ran again for the request: the start-up refresh computed it, for the same data version.
    expect(ran.length).toBe(PLANS.length);
    expect(after.map((card) => card.status === 'ok' && card.data_version)).toEqual(
      before.map((card) => card.status === 'ok' && card.data_version),
    );
    expect(after.map((card) => card.status === 'ok' && card.rows)).toEqual(
      before.map((card) => card.status === 'ok' && card.rows),
    );

    await t.deps.cases.ingest(
      orgId,
      'fil_2',
      textSource(toCsv(fixtureCases(10).map((row) => ({ ...row, case_id: `N${row.case_id}` })))),
    );
    const newer = await results(t, email);
    const version = (card: CardResult) => (card.status === 'ok' ? card.data_version : -1);
    expect(version(newer[0]!)).toBe(version(before[0]!) + 1);
    expect(newer[0]).toMatchObject({ status: 'ok', cases: 310 });
  });
});

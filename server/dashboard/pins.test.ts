import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QueryPlan } from '../../src/contract/query-plan';
import { hashPassword } from '../auth/passwords';
import { fixtureCases, textSource, toCsv } from '../cases/test-fixture';
import { addOrgWithUser, signIn, TEST_PASSWORD } from '../test/make-app';
import { queryPlan } from '../test/query-plan';
import { type Credentials, call, uploadSmall } from '../test/upload-calls';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';

// Pins: who sees which card, who may change it, stale plans, and the cache that only new data refreshes.

const COUNT_PLAN = queryPlan({ measures: [{ measure: 'cases', aggregation: 'count' }] });
const LAST_QUARTER: QueryPlan = { ...COUNT_PLAN, window: { kind: 'relative', period: 'last_quarter' } };

const pinBody = (question: string, plan: unknown = COUNT_PLAN, workflow = 'analytics') => ({
  question,
  reading: 'Number of cases, all time.',
  workflow,
  plan,
});

let t: TestAppWithStorage;
let ana: Credentials;
let bea: Credentials;
let other: Credentials;
let mercyId: string;
/** Plans that really ran, by their JSON, so a cached card can be told from a recomputed one. */
const ran = new Map<string, number>();
const runsOf = (plan: QueryPlan) => ran.get(JSON.stringify(plan)) ?? 0;

async function waitForIngest(credentials: Credentials, fileId: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const file = await call(t, credentials, 'GET', `/files/${fileId}/`);
    if (file.json.status !== 'ingesting') return file.json;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('ingestion did not finish');
}

beforeAll(async () => {
  t = await makeTestAppWithStorage();
  const mercy = await addOrgWithUser(t, 'Mercy');
  mercyId = mercy.org.id;
  t.deps.accounts.createUser({
    orgId: mercy.org.id,
    email: 'bea@mercy.example',
    name: 'Bea Colleague',
    role: 'analyst',
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  const lakeside = await addOrgWithUser(t, 'Lakeside', 'payor');
  ana = { authorization: (await signIn(t, mercy.email)).authorization };
  bea = { authorization: (await signIn(t, 'bea@mercy.example')).authorization };
  other = { authorization: (await signIn(t, lakeside.email)).authorization };
  // Cases already there before any card is pinned (case ids apart from the fixture file uploaded later).
  const seed = fixtureCases(60).map((row) => ({ ...row, case_id: `S${row.case_id}` }));
  await t.deps.cases.ingest(mercyId, 'fil_seed', textSource(toCsv(seed)));
  // Counts every plan that really runs, so the tests can tell a cached card from a recomputed one.
  const cases = t.deps.cases;
  const real = cases.runPlan.bind(cases);
  cases.runPlan = (orgId, orgType, plan, options) => {
    ran.set(JSON.stringify(plan), (ran.get(JSON.stringify(plan)) ?? 0) + 1);
    return real(orgId, orgType, plan, options);
  };
});
afterAll(() => t.close());

describe('pins belong to their user and organization', () => {
  let pinId: string;

  it('pins an answer with its question, reading and plan', async () => {
    const created = await call(t, ana, 'POST', '/dashboard/pins/', pinBody('How many cases do we have?'));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      title: 'How many cases do we have?',
      question: 'How many cases do we have?',
      workflow: 'analytics',
      plan: COUNT_PLAN,
      shared: false,
      is_owner: true,
      owner_name: 'Mercy Analyst',
    });
    pinId = String(created.json.id);
    const mine = await call(t, ana, 'GET', '/dashboard/pins/');
    expect((mine.json.results as { id: string }[]).map((pin) => pin.id)).toEqual([pinId]);
  });

  it('keeps an unshared card from colleagues and from other organizations', async () => {
    for (const viewer of [bea, other]) {
      expect((await call(t, viewer, 'GET', '/dashboard/pins/')).json.results).toEqual([]);
      expect((await call(t, viewer, 'GET', `/dashboard/pins/${pinId}/`)).status).toBe(404);
      expect((await call(t, viewer, 'GET', `/dashboard/pins/${pinId}/result/`)).status).toBe(404);
      expect((await call(t, viewer, 'DELETE', `/dashboard/pins/${pinId}/`)).status).toBe(404);
    }
  });

  it('shares a card with the organization, read-only for colleagues, never across organizations', async () => {
    const shared = await call(t, ana, 'PATCH', `/dashboard/pins/${pinId}/`, { shared: true });
    expect(shared.json).toMatchObject({ shared: true });
    const seen = await call(t, bea, 'GET', '/dashboard/pins/');
    expect(seen.json.results).toEqual([
      expect.objectContaining({ id: pinId, is_owner: false, shared: true }),
    ]);
    expect((await call(t, bea, 'GET', `/dashboard/pins/${pinId}/result/`)).json.status).toBe('ok');
    const rename = await call(t, bea, 'PATCH', `/dashboard/pins/${pinId}/`, { title: 'Mine now' });
    expect(rename.status).toBe(403);
    expect(rename.json.message).toMatch(/Only the analyst who pinned this card/);
    expect((await call(t, bea, 'DELETE', `/dashboard/pins/${pinId}/`)).status).toBe(403);
    expect((await call(t, other, 'GET', '/dashboard/pins/')).json.results).toEqual([]);
    expect((await call(t, other, 'GET', `/dashboard/pins/${pinId}/result/`)).status).toBe(404);
  });

  it('lets API keys with the agent scope read the shared cards and the overview, and change nothing', async () => {
    const { secret } = t.deps.keys.create({
      orgId: mercyId,
      name: 'bi',
      scopes: ['agent'],
      expiresInDays: 30,
    });
    const key = { 'X-API-Key': secret };
    const list = await call(t, key, 'GET', '/dashboard/pins/');
    expect(list.status).toBe(200);
    expect(list.json.results).toEqual([expect.objectContaining({ id: pinId, is_owner: false })]);
    const results = await call(t, key, 'GET', '/dashboard/pins/results/');
    expect(results.json.results).toEqual([expect.objectContaining({ pin_id: pinId, status: 'ok' })]);
    expect((await call(t, key, 'GET', '/dashboard/overview/')).status).toBe(200);
    const write = await call(t, key, 'POST', '/dashboard/pins/', pinBody('From a key'));
    expect(write.status).toBe(401);
    const uploadOnly = t.deps.keys.create({
      orgId: mercyId,
      name: 'up',
      scopes: ['upload'],
      expiresInDays: 30,
    });
    const refused = await call(t, { 'X-API-Key': uploadOnly.secret }, 'GET', '/dashboard/pins/');
    expect(refused.status).toBe(403);
    expect(refused.json.message).toMatch(/agent/);
  });

  it('renames, reorders and removes only the owner’s cards', async () => {
    const second = await call(
      t,
      ana,
      'POST',
      '/dashboard/pins/',
      pinBody('Cases last quarter', LAST_QUARTER),
    );
    const third = await call(t, ana, 'POST', '/dashboard/pins/', pinBody('Cases again'));
    const ids = [pinId, String(second.json.id), String(third.json.id)];
    const renamed = await call(t, ana, 'PATCH', `/dashboard/pins/${ids[1]}/`, {
      title: '  Quarterly volume ',
    });
    expect(renamed.json.title).toBe('Quarterly volume');
    expect((await call(t, ana, 'PATCH', `/dashboard/pins/${ids[1]}/`, { title: '' })).status).toBe(400);
    expect(
      (await call(t, ana, 'PUT', '/dashboard/pins/order/', { ids: [ids[2], ids[0], ids[1]] })).status,
    ).toBe(204);
    const order = (await call(t, ana, 'GET', '/dashboard/pins/')).json.results as { id: string }[];
    expect(order.map((pin) => pin.id)).toEqual([ids[2], ids[0], ids[1]]);
    for (const bad of [
      [ids[0], ids[1]],
      [...ids, 'pin_nope'],
      [ids[0], ids[0], ids[1], ids[2]],
    ]) {
      expect((await call(t, ana, 'PUT', '/dashboard/pins/order/', { ids: bad })).status).toBe(400);
    }
    // A colleague's order only ever holds their own cards.
    expect((await call(t, bea, 'PUT', '/dashboard/pins/order/', { ids: [pinId] })).status).toBe(400);
    expect((await call(t, ana, 'DELETE', `/dashboard/pins/${ids[2]}/`)).status).toBe(204);
    expect((await call(t, ana, 'GET', `/dashboard/pins/${ids[2]}/`)).status).toBe(404);
  });
});

describe('other workflows', () => {
  it('keeps a typical case and a simulation current like any other card', async () => {
    const typical = await call(
      t,
      ana,
      'POST',
      '/dashboard/pins/',
      pinBody(
        'What does a typical case cost?',
        { measures: ['cost', 'los'], filters: [], conditions: [], window: { kind: 'all' } },
        'dashboard',
      ),
    );
    expect(typical.status).toBe(201);
    const typicalResult = await call(t, ana, 'GET', `/dashboard/pins/${typical.json.id}/result/`);
    expect(typicalResult.json).toMatchObject({ status: 'ok', cases: 60 });
    const simulation = await call(
      t,
      ana,
      'POST',
      '/dashboard/pins/',
      pinBody(
        'What if prices rose 5 %?',
        {
          target: 'price',
          change: { kind: 'percent', value: 5 },
          filters: [],
          base: { kind: 'data_trailing', months: 12 },
          horizon_months: 12,
        },
        'simulation',
      ),
    );
    expect(simulation.status).toBe(201);
    const simulated = await call(t, ana, 'GET', `/dashboard/pins/${simulation.json.id}/result/`);
    expect(simulated.json.status).toBe('ok');
    expect((simulated.json.rows as unknown[]).length).toBeGreaterThan(0);
    for (const id of [typical.json.id, simulation.json.id])
      await call(t, ana, 'DELETE', `/dashboard/pins/${id}/`);
  });
});

describe('stale plans', () => {
  it('refuses to pin a plan that does not fit the model, or a workflow cards cannot run', async () => {
    const broken = await call(
      t,
      ana,
      'POST',
      '/dashboard/pins/',
      pinBody('Bad', { ...COUNT_PLAN, measures: [] }),
    );
    expect(broken.status).toBe(400);
    expect(broken.json.message).toMatch(/Ask the question again/);
    const lookup = await call(
      t,
      ana,
      'POST',
      '/dashboard/pins/',
      pinBody('Find knee', { text: 'knee', kinds: ['procedure'] }, 'entity_resolver'),
    );
    expect(lookup.status).toBe(400);
    expect(lookup.json.message).toMatch(/name lookup has no figures to keep current/);
    const margin = { ...COUNT_PLAN, measures: [{ measure: 'margin', aggregation: 'ratio' }] };
    const payor = await call(t, other, 'POST', '/dashboard/pins/', pinBody('Our margin', margin));
    expect(payor.status).toBe(400);
    expect(payor.json.message).toMatch(/payor organization's data does not include/);
  });

  it('shows why a stored plan no longer validates, and offers to re-ask', async () => {
    const created = await call(t, ana, 'POST', '/dashboard/pins/', pinBody('Average widgets'));
    const id = String(created.json.id);
    // As if the model had dropped a measure since the card was pinned.
    t.deps.db
      .prepare('UPDATE dashboard_pins SET plan = ? WHERE id = ?')
      .run(JSON.stringify({ ...COUNT_PLAN, measures: [{ measure: 'widgets', aggregation: 'avg' }] }), id);
    const result = await call(t, ana, 'GET', `/dashboard/pins/${id}/result/`);
    expect(result.json).toMatchObject({ status: 'invalid', pin_id: id });
    expect(result.json.message).toMatch(/measures\.0\.measure/);
    expect(result.json.message).toMatch(/Ask the question again/);
    t.deps.db.prepare('UPDATE dashboard_pins SET plan = ? WHERE id = ?').run('{not json', id);
    expect((await call(t, ana, 'GET', `/dashboard/pins/${id}/result/`)).json.status).toBe('invalid');
    await call(t, ana, 'DELETE', `/dashboard/pins/${id}/`);
  });
});

describe('card cache', () => {
  let cardId: string;
  let fileId: string;
  const result = async () => (await call(t, ana, 'GET', `/dashboard/pins/${cardId}/result/`)).json;

  it('runs a card once per data version', async () => {
    cardId = String((await call(t, ana, 'POST', '/dashboard/pins/', pinBody('Cache me'))).json.id);
    const first = await result();
    expect(first).toMatchObject({ status: 'ok', cases: 60, rows: [{ cases_count: 60 }] });
    const before = runsOf(COUNT_PLAN);
    await result();
    await call(t, ana, 'GET', '/dashboard/pins/results/');
    expect(runsOf(COUNT_PLAN) - before).toBe(0);
  });

  it('refreshes every card after an ingestion, and nothing else does', async () => {
    const before = runsOf(COUNT_PLAN);
    const stored = await uploadSmall(t, ana, 'cases.csv', toCsv(fixtureCases(40)));
    fileId = String(stored.id);
    expect((await waitForIngest(ana, fileId)).status).toBe('ingested');
    // Recomputed in the background before anyone opens the dashboard.
    await vi.waitFor(() => expect(runsOf(COUNT_PLAN) - before).toBe(1));
    expect(await result()).toMatchObject({ status: 'ok', cases: 100 });
    // Computed once for the new data, whether ahead of the request or by it, and shared by every card asking.
    expect(runsOf(COUNT_PLAN) - before).toBe(1);
    // A file that is not case data changes no case, so no card runs again.
    await uploadSmall(t, ana, 'notes.txt', 'hello');
    await call(t, ana, 'GET', '/dashboard/overview/');
    expect(await result()).toMatchObject({ cases: 100 });
    expect(runsOf(COUNT_PLAN) - before).toBe(1);
  });

  it('refreshes after a file is deleted', async () => {
    const before = runsOf(COUNT_PLAN);
    expect((await call(t, ana, 'DELETE', `/files/${fileId}/`)).status).toBe(204);
    expect(await result()).toMatchObject({ status: 'ok', cases: 60 });
    expect(runsOf(COUNT_PLAN) - before).toBe(1);
  });

  it('moves a relative window with the calendar', async () => {
    const id = String(
      (await call(t, ana, 'POST', '/dashboard/pins/', pinBody('Last quarter', LAST_QUARTER))).json.id,
    );
    await call(t, ana, 'GET', `/dashboard/pins/${id}/result/`);
    const before = runsOf(LAST_QUARTER);
    await call(t, ana, 'GET', `/dashboard/pins/${id}/result/`);
    expect(runsOf(LAST_QUARTER) - before).toBe(0);
    t.clock.advance(86_400_000);
    // The access token has expired by tomorrow; sign in again as the analyst would.
    const tomorrow = { authorization: (await signIn(t, 'mercy@example.com')).authorization };
    await call(t, tomorrow, 'GET', `/dashboard/pins/${id}/result/`);
    expect(runsOf(LAST_QUARTER) - before).toBe(1);
  });
});

import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import { authenticate } from '../auth/authenticate';
import { onError } from '../http/on-error';
import { requestId } from '../http/request-id';
import { addOrgWithUser, makeTestApp, signIn, type TestApp } from '../test/make-app';

let t: TestApp;
let mercy: Awaited<ReturnType<typeof addOrgWithUser>>;

beforeEach(async () => {
  t = makeTestApp();
  mercy = await addOrgWithUser(t, 'Mercy');
});
afterEach(() => t.close());

const DAY = 86_400_000;
const me = (key: string) => t.app.request('/api/v1/auth/me/', { headers: { 'X-API-Key': key } });
const listKeys = async (authorization: string, query = '') => {
  const response = await t.app.request(`/api/v1/api-keys/${query}`, { headers: { authorization } });
  return { response, text: await response.clone().text(), body: await response.json() };
};
const create = (name: string, scopes: ('upload' | 'agent')[] = ['upload'], orgId = mercy.org.id) =>
  t.deps.keys.create({ orgId, name, scopes, expiresInDays: 30 });

describe('a key on /auth/me/', () => {
  it('names its organization and scopes', async () => {
    const { secret, key } = create('nightly-upload', ['upload', 'agent']);
    const response = await me(secret);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      api_key: { name: 'nightly-upload', prefix: key.prefix, scopes: ['upload', 'agent'] },
      organization: mercy.org,
    });
  });

  it('is refused with 401 and a clear message when revoked, expired, unknown or malformed', async () => {
    const revoked = create('old');
    t.deps.keys.revoke(revoked.key.id);
    const expiring = create('short');
    t.clock.advance(31 * DAY);
    const unknown = `hpx_${'A'.repeat(40)}`;
    const cases: [string, RegExp][] = [
      [revoked.secret, /revoked on \d{4}-\d\d-\d\d/],
      [expiring.secret, /expired on \d{4}-\d\d-\d\d/],
      [unknown, /not recognised/],
      [`${revoked.secret.slice(0, 20)}`, /"hpx_" followed by at least 32/],
      ['', /"hpx_"/],
    ];
    for (const [key, message] of cases) {
      const response = await me(key);
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(message) });
      expect(body.message).toMatch(/admin@valiancehealth\.ai|hpx_/);
    }
    for (const { secret } of [revoked, expiring]) expect(JSON.stringify(t.logs)).not.toContain(secret);
  });

  it('still works one moment before it expires', async () => {
    const { secret } = create('edge');
    t.clock.advance(30 * DAY - 1);
    expect((await me(secret)).status).toBe(200);
  });
});

describe('scopes', () => {
  // A route guarded exactly as the upload and agent routes are, through the real middleware and error handler.
  const guarded = () => {
    const app = new Hono<AppEnv>()
      .use(requestId())
      .get('/agent-only/', authenticate(t.deps, { apiKeys: true, scope: 'agent' }), (c) =>
        c.json({ ok: true }),
      );
    app.onError(onError(() => {}));
    return app;
  };

  it('answers 403 naming the scopes the key holds when the scope is missing', async () => {
    const { secret } = create('uploader', ['upload']);
    const response = await guarded().request('/agent-only/', { headers: { 'X-API-Key': secret } });
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body).toMatchObject({ error: 'forbidden', required_scope: 'agent', scopes: ['upload'] });
    expect(body.message).toMatch(/agent/);
    expect(body.message).toMatch(/upload/);
  });

  it('lets a key with the scope through', async () => {
    const { secret } = create('both', ['upload', 'agent']);
    expect((await guarded().request('/agent-only/', { headers: { 'X-API-Key': secret } })).status).toBe(200);
  });
});

describe('GET /api/v1/api-keys/', () => {
  it('lists the organization’s keys with the contract fields and never a secret', async () => {
    const { authorization } = await signIn(t, mercy.email);
    const made = [create('one'), create('two', ['agent'])];
    t.deps.keys.revoke(made[0]!.key.id);
    await me(made[1]!.secret);
    const { response, text, body } = await listKeys(authorization);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body.next_cursor).toBeNull();
    expect(body.results).toHaveLength(2);
    for (const key of body.results)
      expect(Object.keys(key).sort()).toEqual(
        ['created_at', 'expires_at', 'id', 'last_used_at', 'name', 'prefix', 'revoked_at', 'scopes'].sort(),
      );
    const byName = Object.fromEntries(body.results.map((key: { name: string }) => [key.name, key]));
    expect(byName.one.revoked_at).toEqual(expect.any(String));
    expect(byName.two.last_used_at).toBe(t.clock.now().toISOString());
    for (const { secret, key } of made) {
      expect(text).not.toContain(secret.slice(key.prefix.length));
    }
    expect(text).not.toMatch(/secret|hash/i);
  });

  it('shows one organization nothing of another’s keys', async () => {
    const lakeside = await addOrgWithUser(t, 'Lakeside', 'payor');
    create('mercy-key');
    create('lakeside-key', ['upload'], lakeside.org.id);
    const mercyList = await listKeys((await signIn(t, mercy.email)).authorization);
    const lakesideList = await listKeys((await signIn(t, lakeside.email)).authorization);
    expect(mercyList.body.results.map((key: { name: string }) => key.name)).toEqual(['mercy-key']);
    expect(lakesideList.body.results.map((key: { name: string }) => key.name)).toEqual(['lakeside-key']);
  });

  it('pages with limit and cursor, and refuses a bad cursor', async () => {
    const { authorization } = await signIn(t, mercy.email);
    for (const name of ['a', 'b', 'c']) {
      create(name);
      t.clock.advance(1_000);
    }
    const first = await listKeys(authorization, '?limit=2');
    expect(first.body.results.map((key: { name: string }) => key.name)).toEqual(['c', 'b']);
    const second = await listKeys(authorization, `?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.results.map((key: { name: string }) => key.name)).toEqual(['a']);
    expect(second.body.next_cursor).toBeNull();
    expect((await listKeys(authorization, '?cursor=nonsense')).response.status).toBe(400);
    expect((await listKeys(authorization, '?limit=0')).response.status).toBe(400);
  });

  it('needs a signed-in user: an API key cannot list keys', async () => {
    const { secret } = create('sneaky', ['upload', 'agent']);
    const response = await t.app.request('/api/v1/api-keys/', { headers: { 'X-API-Key': secret } });
    expect(response.status).toBe(401);
    expect((await t.app.request('/api/v1/api-keys/')).status).toBe(401);
  });
});

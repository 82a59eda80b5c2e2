import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONCURRENT_REFRESH_MS } from '../auth/refresh-tokens';
import { addOrgWithUser, makeTestApp, refreshCookieOf, signIn, type TestApp } from '../test/make-app';

// The unlucky user with two tabs: both restore the session from the same cookie at the same moment. That
// must not read as a stolen token and sign them out everywhere; a replay later still does.

let t: TestApp;
let email = '';

beforeEach(async () => {
  t = makeTestApp();
  ({ email } = await addOrgWithUser(t, 'Tabs'));
});
afterEach(() => t.close());

const refresh = (cookie: string) =>
  t.app.request('/api/v1/auth/refresh/', { method: 'POST', headers: { Cookie: cookie } });

describe('refreshing from two tabs at once', () => {
  it('gives both tabs the same new token, and no new session', async () => {
    const { cookie } = await signIn(t, email);
    const tokens = () =>
      (t.deps.db.prepare('SELECT count(*) AS n FROM refresh_tokens').get() as { n: number }).n;
    const before = tokens();
    const [first, second] = await Promise.all([refresh(cookie), refresh(cookie)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const cookies = [refreshCookieOf(first), refreshCookieOf(second)];
    expect(cookies[0]).toBe(cookies[1]);
    expect(tokens()).toBe(before + 1);
    t.clock.advance(CONCURRENT_REFRESH_MS + 60_000);
    expect((await refresh(cookies[0]!)).status).toBe(200);
  });

  it('ends the family when the shared new token was already used, even inside the moment', async () => {
    const { cookie } = await signIn(t, email);
    const next = refreshCookieOf(await refresh(cookie));
    const after = refreshCookieOf(await refresh(next));
    const replay = await refresh(cookie);
    expect(replay.status).toBe(401);
    expect((await refresh(after)).status).toBe(401);
  });

  it('still ends the family for a replay after that moment, and for anything after a sign-out', async () => {
    const { cookie } = await signIn(t, email);
    const rotated = refreshCookieOf(await refresh(cookie));
    t.clock.advance(CONCURRENT_REFRESH_MS);
    expect((await refresh(cookie)).status).toBe(401);
    expect((await refresh(rotated)).status).toBe(401);

    const other = await signIn(t, email);
    await t.app.request('/api/v1/auth/logout/', { method: 'POST', headers: { Cookie: other.cookie } });
    expect((await refresh(other.cookie)).status).toBe(401);
  });
});

import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addOrgWithUser,
  makeTestApp,
  refreshCookieOf,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../test/make-app';
import { CONCURRENT_REFRESH_MS } from './refresh-tokens';

let t: TestApp;
let email: string;

beforeEach(async () => {
  t = makeTestApp();
  ({ email } = await addOrgWithUser(t, 'Mercy'));
});
afterEach(() => t.close());

const post = (path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) =>
  t.app.request(`/api/v1/auth/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });

const me = (headers: Record<string, string>) => t.app.request('/api/v1/auth/me/', { headers });

describe('login', () => {
  it('returns a bearer session and an HttpOnly strict refresh cookie', async () => {
    const response = await post('login/', { body: { email: email.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      user: { email, organization: { name: 'Mercy' } },
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\//);
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString());
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'iss', 'jti', 'org', 'sub']);
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('gives one message for an unknown email and a wrong password', async () => {
    const unknown = await post('login/', { body: { email: 'nobody@example.com', password: TEST_PASSWORD } });
    const wrong = await post('login/', { body: { email, password: 'wrong' } });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect((await unknown.json()).message).toBe((await wrong.json()).message);
  });

  it('rejects malformed JSON, a wrong media type and missing fields with the contract body', async () => {
    const malformed = await post('login/', { body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      error: 'validation_error',
      message: expect.stringMatching(/JSON/),
    });
    const text = await post('login/', { body: 'x', headers: { 'Content-Type': 'text/plain' } });
    expect(text.status).toBe(415);
    const missing = await post('login/', { body: { email: 'not-an-email' } });
    const body = await missing.json();
    expect(missing.status).toBe(400);
    expect(Object.keys(body.fields).sort()).toEqual(['email', 'password']);
    expect(body.request_id).toBe(missing.headers.get('x-request-id'));
  });

  it('per email, answers failures past the fifth with a short growing wait, never a lock', async () => {
    for (let i = 0; i < 5; i++)
      expect((await post('login/', { body: { email, password: 'nope' } })).status).toBe(401);
    const blocked = await post('login/', { body: { email, password: TEST_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(1);
    expect((await blocked.json()).error).toBe('rate_limited');
    // Each further failure doubles the wait, up to a minute however long someone keeps guessing.
    for (let i = 0; i < 12; i++) {
      t.clock.advance(61_000);
      expect((await post('login/', { body: { email, password: 'nope' } })).status).toBe(401);
    }
    const waited = await post('login/', { body: { email, password: TEST_PASSWORD } });
    expect(Number(waited.headers.get('retry-after'))).toBe(60);
    t.clock.advance(60_000);
    expect((await post('login/', { body: { email, password: TEST_PASSWORD } })).status).toBe(200);
  });

  it("lets the owner's known device in at once while someone else guesses the password", async () => {
    const first = await post('login/', { body: { email, password: TEST_PASSWORD } });
    const device = /hp_device=([^;]*)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
    expect(device).toBeTruthy();
    for (let i = 0; i < 8; i++) await post('login/', { body: { email, password: 'nope' } });
    expect((await post('login/', { body: { email, password: TEST_PASSWORD } })).status).toBe(429);
    const forged = await post('login/', {
      body: { email, password: TEST_PASSWORD },
      headers: { Cookie: `hp_device=${device!.split('.')[0]}.AAAA` },
    });
    expect(forged.status).toBe(429);
    const known = await post('login/', {
      body: { email, password: TEST_PASSWORD },
      headers: { Cookie: `hp_device=${device}` },
    });
    expect(known.status).toBe(200);
    // The cookie vouches for this email only.
    const { email: other } = await addOrgWithUser(t, 'Other');
    for (let i = 0; i < 6; i++) await post('login/', { body: { email: other, password: 'nope' } });
    const elsewhere = await post('login/', {
      body: { email: other, password: TEST_PASSWORD },
      headers: { Cookie: `hp_device=${device}` },
    });
    expect(elsewhere.status).toBe(429);
  });

  it('behind a trusted proxy, counts failures per forwarded address, not per proxy', async () => {
    const proxied = makeTestApp({ trustProxyHops: 1 });
    try {
      const { email: victim } = await addOrgWithUser(proxied, 'Proxied');
      const attempt = (address: string, user: string, password: string) =>
        proxied.app.request('/api/v1/auth/login/', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.9, ${address}` },
          body: JSON.stringify({ email: user, password }),
        });
      for (let i = 0; i < 30; i++) await attempt('198.51.100.1', `guess${i}@example.com`, 'x');
      expect((await attempt('198.51.100.1', victim, TEST_PASSWORD)).status).toBe(429);
      expect((await attempt('198.51.100.2', victim, TEST_PASSWORD)).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('throttles many failures from one client address across emails', async () => {
    for (let i = 0; i < 30; i++)
      await post('login/', { body: { email: `guess${i}@example.com`, password: 'x' } });
    expect((await post('login/', { body: { email, password: TEST_PASSWORD } })).status).toBe(429);
  });
});

describe('refresh', () => {
  it('rotates the token and keeps the user signed in', async () => {
    const session = await signIn(t, email);
    const first = await post('refresh/', { headers: { Cookie: session.cookie } });
    expect(first.status).toBe(200);
    const rotated = refreshCookieOf(first);
    expect(rotated).not.toBe(session.cookie);
    expect((await post('refresh/', { headers: { Cookie: rotated } })).status).toBe(200);
  });

  it('revokes the whole family when a rotated token is presented again', async () => {
    const session = await signIn(t, email);
    const rotated = refreshCookieOf(await post('refresh/', { headers: { Cookie: session.cookie } }));
    // Past the moment in which a second tab's refresh counts as concurrent (see the security tests).
    t.clock.advance(CONCURRENT_REFRESH_MS);
    const replay = await post('refresh/', { headers: { Cookie: session.cookie } });
    expect(replay.status).toBe(401);
    expect((await replay.json()).message).toMatch(/signed out everywhere/);
    expect((await post('refresh/', { headers: { Cookie: rotated } })).status).toBe(401);
    expect(t.logs).toContainEqual(expect.objectContaining({ event: 'refresh_token_reuse' }));
  });

  it('answers 204 without a cookie (a signed-out visitor) and 401 after the family expires', async () => {
    const signedOut = await post('refresh/');
    expect(signedOut.status).toBe(204);
    expect(await signedOut.text()).toBe('');
    expect(signedOut.headers.get('set-cookie')).toBeNull();
    expect((await post('refresh/', { headers: { Cookie: 'hp_refresh=garbage' } })).status).toBe(401);
    const session = await signIn(t, email);
    t.clock.advance(8 * 86_400_000);
    expect((await post('refresh/', { headers: { Cookie: session.cookie } })).status).toBe(401);
  });
});

describe('logout and me', () => {
  it('revokes the family and clears the cookie', async () => {
    const session = await signIn(t, email);
    const response = await post('logout/', { headers: { Cookie: session.cookie } });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/hp_refresh=;/);
    expect((await post('refresh/', { headers: { Cookie: session.cookie } })).status).toBe(401);
  });

  it('changes nothing and sends no cookie deletion without a live session', async () => {
    const none = await post('logout/');
    expect(none.status).toBe(401);
    expect(none.headers.get('set-cookie')).toBeNull();
    const forged = await post('logout/', { headers: { Cookie: 'hp_refresh=made-up' } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('set-cookie')).toBeNull();
    const session = await signIn(t, email);
    await post('logout/', { headers: { Cookie: session.cookie } });
    const again = await post('logout/', { headers: { Cookie: session.cookie } });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('answers me for a valid token and 401 for missing, expired and tampered ones', async () => {
    const session = await signIn(t, email);
    expect((await me({ Authorization: session.authorization })).status).toBe(200);
    expect((await me({})).status).toBe(401);
    const [header, payload] = session.body.access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, org: 'org_other' })).toString('base64url');
    const tampered = await me({
      Authorization: `Bearer ${header}.${forged}.${session.body.access_token.split('.')[2]}`,
    });
    expect(tampered.status).toBe(401);
    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('x'.repeat(40)));
    expect((await me({ Authorization: `Bearer ${otherKey}` })).status).toBe(401);
    t.clock.advance(16 * 60_000);
    const expired = await me({ Authorization: session.authorization });
    expect(expired.status).toBe(401);
    expect((await expired.json()).message).toMatch(/expired/);
  });
});

describe('pages on other origins (CSRF)', () => {
  const foreign: Record<string, string>[] = [
    { Origin: 'http://evil.localhost:5173' },
    { Origin: 'null' },
    { 'Sec-Fetch-Site': 'same-site' },
    { 'Sec-Fetch-Site': 'cross-site' },
  ];

  it('cannot rotate, end or start a session; the dashboard page and non-browser clients can', async () => {
    const session = await signIn(t, email);
    for (const headers of foreign) {
      const refresh = await post('refresh/', { headers: { ...headers, Cookie: session.cookie } });
      expect(refresh.status).toBe(403);
      expect(refresh.headers.get('set-cookie')).toBeNull();
      const logout = await post('logout/', { headers: { ...headers, Cookie: session.cookie } });
      expect(logout.status).toBe(403);
      expect(logout.headers.get('set-cookie')).toBeNull();
      const login = await post('login/', { body: { email, password: TEST_PASSWORD }, headers });
      expect(login.status).toBe(403);
    }
    const own = t.deps.config.allowedOrigins[0]!;
    const fromPage = await post('refresh/', {
      headers: { Origin: own, 'Sec-Fetch-Site': 'same-origin', Cookie: session.cookie },
    });
    expect(fromPage.status).toBe(200);
    const script = await post('refresh/', { headers: { Cookie: refreshCookieOf(fromPage) } });
    expect(script.status).toBe(200);
  });
});

describe('conventions', () => {
  it('echoes a valid client request id and replaces an invalid one', async () => {
    const echoed = await t.app.request('/api/v1/health/', { headers: { 'X-Request-Id': 'client-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-abc-123');
    const replaced = await t.app.request('/api/v1/health/', { headers: { 'X-Request-Id': 'bad id!' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('bad id!');
  });

  it('answers unknown routes with the contract error body', async () => {
    const response = await t.app.request('/api/v1/nope/');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found', request_id: expect.any(String) });
  });

  it('reports health with real checks', async () => {
    const response = await t.app.request('/api/v1/health/');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { database: 'ok' } });
    t.deps.healthChecks.storage = async () => {
      throw new Error('unreachable');
    };
    const degraded = await t.app.request('/api/v1/health/');
    expect(degraded.status).toBe(503);
    expect(await degraded.json()).toMatchObject({
      status: 'degraded',
      checks: { storage: 'failing' },
    });
  });

  it('refuses bodies over the limit', async () => {
    const response = await post('login/', { body: { email, password: 'x'.repeat(2 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe('payload_too_large');
  });
});

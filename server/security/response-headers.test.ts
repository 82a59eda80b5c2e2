import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { addOrgWithUser, makeTestApp, signIn } from '../test/make-app';
import { call, uploadSmall } from '../test/upload-calls';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';

// What the browser and every cache between it and the API are told: nothing signed-in is stored, every
// answer (JSON, error, stream, page) carries the CSP, and credentials travel only to allowed origins.

let t: TestAppWithStorage;
let user: Record<string, string>;
let fileId = '';
let spaDir = '';
const ALLOWED = 'http://localhost:8787';

beforeAll(async () => {
  t = await makeTestAppWithStorage({ allowedOrigins: [ALLOWED] });
  const { email } = await addOrgWithUser(t, 'Headers');
  user = { Authorization: (await signIn(t, email)).authorization };
  fileId = String((await uploadSmall(t, user, 'notes.txt', 'hello')).id);
  spaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-spa-'));
  fs.writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><title>x</title>');
});
afterAll(async () => {
  fs.rmSync(spaDir, { recursive: true, force: true });
  await t.close();
});

describe('cache headers', () => {
  it.each([
    '/auth/me/',
    '/files/',
    '/files/{file}/',
    '/api-keys/',
    '/agent/conversations/',
    '/agent/examples/',
  ])('GET %s is no-store', async (route) => {
    const response = await call(t, user, 'GET', route.replace('{file}', fileId));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  // These set no-store themselves until the middleware in server/http/no-store.ts became the one place.
  it('covers answers that hold a credential or a signed URL, set once by the middleware', async () => {
    const { email } = await addOrgWithUser(t, 'Cache');
    const { cookie } = await signIn(t, email);
    const answers = {
      health: await call(t, {}, 'GET', '/health/'),
      downloadUrl: await call(t, user, 'GET', `/files/${fileId}/download-url/`),
      sign: await call(t, user, 'POST', '/upload/sign/', { operation: 'put_object', filename: 'a.csv' }),
      refresh: await call(t, { Cookie: cookie, Origin: ALLOWED }, 'POST', '/auth/refresh/'),
      refused: await call(t, {}, 'GET', '/files/'),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.status, name).toBe(name === 'refused' ? 401 : 200);
      expect(answer.headers.get('cache-control'), name).toBe('no-store');
    }
  });

  it('keeps a route’s own policy (the event stream)', async () => {
    const response = await t.app.request('/api/v1/agent/query/', {
      method: 'POST',
      headers: { ...user, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question: 'total cost' }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    await response.text();
  });
});

describe('content security policy', () => {
  it('is on JSON, errors and the SPA page, with no inline script allowed', async () => {
    const app = createApp(t.deps, { spaDir, connectOrigins: [t.storageUrl] });
    const responses = [
      await app.request('/api/v1/health/'),
      await app.request('/api/v1/files/'),
      await app.request('/api/v1/nowhere/'),
      await app.request('/analysis'),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 401, 404, 200]);
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
      expect(csp).toContain("style-src-attr 'unsafe-inline';");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain(`connect-src 'self' ${t.storageUrl}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(responses[3]!.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('answers a malformed or escaping page path without a server error', async () => {
    const app = createApp(t.deps, { spaDir, connectOrigins: [t.storageUrl] });
    const before = t.logs.length;
    const malformed = await app.request('/%E0%A4%A');
    expect(malformed.status).toBe(404);
    expect(malformed.headers.get('content-security-policy')).toContain("default-src 'self'");
    // Never the file outside: the page for a route-like path, a 404 for a file-like one.
    const escaping = await app.request('/assets/%2e%2e/%2e%2e/jwt-secret');
    expect(await escaping.text()).toBe('<!doctype html><title>x</title>');
    const sqlite = await app.request('/..%2f..%2fhealthproximate.sqlite');
    expect(sqlite.status).toBe(404);
    expect(await sqlite.text()).not.toContain('SQLite');
    expect(t.logs.slice(before)).toEqual([]);
  });
});

describe('CORS', () => {
  it('echoes an allowed origin exactly and gives another nothing it could read with', async () => {
    const allowed = await t.app.request('/api/v1/auth/me/', { headers: { ...user, Origin: ALLOWED } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    for (const origin of ['https://evil.example', 'null', `${ALLOWED}.evil.example`]) {
      const response = await t.app.request('/api/v1/auth/me/', { headers: { ...user, Origin: origin } });
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      const preflight = await t.app.request('/api/v1/auth/refresh/', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});

describe('the refresh cookie', () => {
  it('is HttpOnly, SameSite=Strict, scoped to the auth routes, and Secure over HTTPS', async () => {
    const email = 'cookie@example.com';
    t.deps.accounts.createUser({
      orgId: t.deps.accounts.listOrgs()[0]!.id,
      email,
      name: 'Cookie',
      role: 'analyst',
      passwordHash: t.deps.accounts.findLogin('headers@example.com')!.passwordHash,
    });
    const login = (base: string) =>
      t.app.request(`${base}/api/v1/auth/login/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: 'correct horse battery staple' }),
      });
    const overHttps = (await login('https://dashboard.example')).headers.get('set-cookie') ?? '';
    expect(overHttps).toMatch(/HttpOnly/);
    expect(overHttps).toMatch(/SameSite=Strict/);
    expect(overHttps).toMatch(/Path=\/api\/v1\/auth\//);
    expect(overHttps).toMatch(/Secure/);
    const response = await login('http://localhost');
    const body = await response.text();
    // The refresh token lives only in the cookie; the body holds the short-lived access token.
    expect(body).not.toContain(/hp_refresh=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')![1]!);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('is Secure behind a proxy that ends TLS, when the dashboard is served over HTTPS', async () => {
    const behindProxy = makeTestApp({ allowedOrigins: ['https://dashboard.example'] });
    try {
      const { cookie } = await signIn(behindProxy, (await addOrgWithUser(behindProxy, 'Proxy')).email);
      expect(cookie).not.toBe('');
      const response = await behindProxy.app.request('http://internal:8787/api/v1/auth/refresh/', {
        method: 'POST',
        headers: { Cookie: cookie },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('the storage endpoint', () => {
  it('serves stored bodies as downloads a browser will not sniff or run', async () => {
    const download = await call(t, user, 'GET', `/files/${fileId}/download-url/`);
    const response = await fetch(String(download.json.url));
    expect(await response.text()).toBe('hello');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });
});

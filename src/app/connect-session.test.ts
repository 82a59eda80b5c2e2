import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../features/auth/session-store';
import { api } from '../lib/api-client';
import { sessionWith } from '../test/session-fixture';
import { connectSession } from './connect-session';

const fetchMock = vi.fn<typeof fetch>();
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const authorizationOf = (call: number) =>
  ((fetchMock.mock.calls[call]?.[1]?.headers ?? {}) as Record<string, string>).Authorization;

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  useSession.getState().start(sessionWith('first'));
});
afterEach(() => vi.unstubAllGlobals());

// One test, in order: the API client's session hooks are module state, so "before" must run before "after".
describe('connectSession', () => {
  it('is the only thing that gives the API client the session token and its renewal', async () => {
    // Importing the auth feature (session-api.ts, via connect-session.ts) connected nothing.
    fetchMock.mockResolvedValueOnce(json(200, {}));
    await api.get('/things/');
    expect(authorizationOf(0)).toBeUndefined();

    connectSession();
    fetchMock.mockResolvedValueOnce(json(200, {}));
    await api.get('/things/');
    expect(authorizationOf(1)).toBe('Bearer first');

    // An expired token is renewed through the session's single-flight refresh, and the request sent again.
    fetchMock
      .mockResolvedValueOnce(json(401, { error: 'unauthorized', message: 'Expired.' }))
      .mockResolvedValueOnce(json(200, sessionWith('second')))
      .mockResolvedValueOnce(json(200, { ok: true }));
    await expect(api.get('/things/')).resolves.toEqual({ ok: true });
    expect(String(fetchMock.mock.calls[3]?.[0])).toBe('/api/v1/auth/refresh/');
    expect(authorizationOf(4)).toBe('Bearer second');
    expect(useSession.getState().accessToken).toBe('second');
  });
});

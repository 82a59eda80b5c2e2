import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ApiError, api, connectAuth } from './api-client';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

let token: string | null;
let refreshes: number;
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  token = 'old';
  refreshes = 0;
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  let pending: Promise<string | null> | null = null;
  connectAuth({
    accessToken: () => token,
    refresh: () => {
      pending ??= new Promise((resolve) => {
        refreshes++;
        setTimeout(() => {
          token = 'new';
          pending = null;
          resolve('new');
        }, 5);
      });
      return pending;
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

const authOf = (call: Parameters<typeof fetch>) =>
  ((call[1]?.headers ?? {}) as Record<string, string>).Authorization;

describe('api client', () => {
  it('sends the bearer token and validates the response shape', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { id: 'a' }));
    await expect(api.get('/things/a/', { schema: z.object({ id: z.string() }) })).resolves.toEqual({
      id: 'a',
    });
    expect(authOf(fetchMock.mock.calls[0]!)).toBe('Bearer old');
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/v1/things/a/');
  });

  it('renews an expired token once for parallel 401s and retries each request', async () => {
    fetchMock.mockImplementation(async (_url, init) => {
      const auth = ((init?.headers ?? {}) as Record<string, string>).Authorization;
      return auth === 'Bearer new'
        ? json(200, { ok: true })
        : json(401, { error: 'unauthorized', message: 'expired' });
    });
    const results = await Promise.all([api.get('/a/'), api.get('/b/'), api.get('/c/')]);
    expect(results).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(refreshes).toBe(1);
  });

  it('throws a typed ApiError with the contract fields and Retry-After', async () => {
    fetchMock.mockResolvedValueOnce(
      json(
        429,
        { error: 'rate_limited', message: 'Slow down.', request_id: 'req-12345678' },
        { 'Retry-After': '30' },
      ),
    );
    const error = await api.post('/auth/login/', {}, { withSession: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      error: 'rate_limited',
      message: 'Slow down.',
      request_id: 'req-12345678',
      retry_after: 30,
    });
  });

  it('does not send or renew the session when asked not to', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { error: 'unauthorized', message: 'no' }));
    await expect(api.post('/auth/refresh/', undefined, { withSession: false })).rejects.toMatchObject({
      status: 401,
    });
    expect(authOf(fetchMock.mock.calls[0]!)).toBeUndefined();
    expect(refreshes).toBe(0);
  });

  it('reports a network failure in words', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.get('/a/')).rejects.toMatchObject({
      status: 0,
      error: 'network_error',
      message: /Cannot reach/,
    });
  });

  it('turns a non-JSON success answer into an ApiError', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>captive portal</html>', { status: 200 }));
    await expect(api.get('/a/')).rejects.toMatchObject({ error: 'unexpected_response' });
  });

  it('reports a non-JSON error body with its status', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(api.get('/a/')).rejects.toMatchObject({ status: 502, message: /502/ });
  });
});

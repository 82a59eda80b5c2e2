import { Hono } from 'hono';
import { expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import { HttpError } from './errors';
import { noStore } from './no-store';
import { onError, onNotFound } from './on-error';
import { requestId } from './request-id';

// Set once, here, for every API answer, errors included, so neither a route nor the error handler need remember
// it; no route sets it itself.
const api = new Hono<AppEnv>()
  .use(noStore())
  .get('/read', (c) => c.json({ ok: true }))
  .post('/sign', (c) => c.json({ url: 'https://store.example/signed' }, 201))
  .delete('/thing', (c) => c.body(null, 204))
  .get('/refused', () => {
    throw new HttpError('not_found', 'No such thing.');
  })
  .get('/broken', () => {
    throw new Error('unexpected');
  })
  .get('/stream', (c) => c.body('', 200, { 'Cache-Control': 'no-cache' }));
const app = new Hono<AppEnv>().use(requestId()).route('/api', api);
app.onError(onError(() => {}));
app.notFound(onNotFound);

it.each([
  ['GET', '/api/read', 200],
  ['POST', '/api/sign', 201],
  ['DELETE', '/api/thing', 204],
  ['GET', '/api/refused', 404],
  ['GET', '/api/broken', 500],
  ['GET', '/api/no-such-route', 404],
])('%s %s (%i) is no-store', async (method, path, status) => {
  const response = await app.request(path, { method });
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
});

it('keeps a route’s own policy', async () => {
  const response = await app.request('/api/stream');
  expect(response.headers.get('cache-control')).toBe('no-cache');
});

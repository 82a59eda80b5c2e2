import { Hono } from 'hono';
import { expect, it } from 'vitest';
import type { AppEnv } from '../app-env';
import type { LogLine } from '../lib/log';
import { HttpError } from './errors';
import { onError } from './on-error';
import { requestId } from './request-id';

function appLogging(lines: LogLine[]) {
  const app = new Hono<AppEnv>()
    .use(requestId())
    .get('/broken', () => {
      throw new Error('disk on fire');
    })
    .get('/refused', () => {
      throw new HttpError('conflict', 'Already done.');
    });
  app.onError(onError((line) => lines.push(line)));
  return app;
}

it('logs an unexpected error with level and event, and answers the contract’s internal_error', async () => {
  const lines: LogLine[] = [];
  const response = await appLogging(lines).request('/broken');
  expect(response.status).toBe(500);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ error: 'internal_error', request_id: response.headers.get('x-request-id') });
  expect(JSON.stringify(body)).not.toContain('disk on fire');
  expect(lines).toEqual([
    expect.objectContaining({
      level: 'error',
      event: 'request_failed',
      request_id: body.request_id,
      path: '/broken',
      error: expect.stringContaining('disk on fire'),
    }),
  ]);
});

it('answers an expected refusal without logging it', async () => {
  const lines: LogLine[] = [];
  const response = await appLogging(lines).request('/refused');
  expect(response.status).toBe(409);
  expect(lines).toEqual([]);
});

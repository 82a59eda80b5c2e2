import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWindowLimit } from '../lib/rate-limit';
import { addOrgWithUser, makeTestApp, signIn, type TestApp, testClock } from '../test/make-app';

// Bad input always gets the contract's error body with a message that says what to change, whatever the
// body, the media type or the path looks like.

let t: TestApp;
let user: Record<string, string>;

beforeAll(async () => {
  t = makeTestApp();
  const { email } = await addOrgWithUser(t, 'Inputs');
  user = { Authorization: (await signIn(t, email)).authorization };
});
afterAll(() => t.close());

async function post(path: string, body: string, contentType = 'application/json') {
  const response = await t.app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { ...user, 'Content-Type': contentType },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('validation messages say what is expected', () => {
  it.each([
    ['/upload/sign/', '{}', 'operation', /^must be one of: put_object, create_multipart, .*abort_multipart$/],
    [
      '/upload/sign/',
      '{"operation":"upload_part","part_number":1.5}',
      'part_number',
      /^must be a whole number$/,
    ],
    [
      '/upload/sign/',
      '{"operation":"upload_part","part_number":10001}',
      'part_number',
      /^must be at most 10000$/,
    ],
    ['/upload/presigned-url/', '{}', 'filename', /^is required$/],
    ['/upload/presigned-url/', '{"filename":7}', 'filename', /^must be text$/],
    ['/upload/presigned-url/', '{"filename":"a.csv","size":-1}', 'size', /^must be at least 0$/],
    ['/upload/complete/', `{"key":"${'k'.repeat(1025)}"}`, 'key', /^must be at most 1024 characters$/],
    ['/agent/query/', '{"question":"   "}', 'question', /^Ask a question\.$/],
    ['/upload/sign/', '[]', '_', /^send a JSON object$/],
    ['/upload/sign/', 'null', '_', /^send a JSON object$/],
  ])('POST %s %s → %s', async (path, body, field, expected) => {
    const { status, json } = await post(path, body);
    expect(status).toBe(400);
    expect(json.error).toBe('validation_error');
    expect((json.fields as Record<string, string>)[field]).toMatch(expected);
    expect(json.message).not.toContain('Invalid input');
    expect(json.request_id).toEqual(expect.any(String));
  });

  it('keeps the contract’s own messages', async () => {
    const response = await t.app.request('/api/v1/auth/login/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-email', password: 'x' }),
    });
    expect(((await response.json()) as { fields: Record<string, string> }).fields.email).toBe(
      'Enter a valid email address.',
    );
  });

  it.each([
    ['text/plain', '{}', 415],
    ['application/x-www-form-urlencoded', 'operation=put_object', 415],
    ['multipart/form-data; boundary=x', '--x--', 415],
    ['application/json', '{"operation":', 400],
    ['application/json; charset=utf-8', '{"operation":"put_object"}', 400],
  ])('a %s body gets the contract error', async (contentType, body, status) => {
    const response = await post('/upload/sign/', body, contentType);
    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ error: expect.any(String), message: expect.stringMatching(/\.$/) });
  });

  it.each([
    '/files/..%2F..%2Fhealthproximate.sqlite/',
    '/files/%2e%2e/',
    `/files/${'f'.repeat(5000)}/`,
    '/agent/runs/..%2Fx/events/',
    '/agent/conversations/%00/',
  ])('GET %s is a plain 404', async (path) => {
    const response = await t.app.request(`/api/v1${path}`, { headers: user });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe('not_found');
  });
});

describe('the sign-in throttle', () => {
  it('forgets failures that left the window, so made-up emails cannot grow it without end', () => {
    const clock = testClock();
    const throttle = createWindowLimit({ limit: 5, windowMs: 1000, now: clock.now, sweepAbove: 3 });
    for (let attempt = 0; attempt < 50; attempt++) {
      throttle.record(`email:someone-${attempt}@example.com`);
      clock.advance(600);
    }
    expect(throttle.size()).toBeLessThanOrEqual(4);
    for (let attempt = 0; attempt < 5; attempt++) throttle.record('email:target@example.com');
    expect(throttle.retryAfter('email:target@example.com')).toBeGreaterThan(0);
  });
});

import type { Context } from 'hono';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addOrgWithUser, makeTestApp, signIn } from '../test/make-app';
import { OPERATIONS } from './document';

// Which schema each route really validates its query and body with, keyed like OPERATIONS ('GET /files/'):
// recorded by wrapping the one pair of validators every route goes through.
const validated = vi.hoisted(() => new Map<string, { query?: unknown; body?: unknown }>());
vi.mock('../http/validate', async (importOriginal) => {
  const original = await importOriginal<typeof import('../http/validate')>();
  const record = (c: Context, part: 'query' | 'body', schema: unknown) => {
    const key = `${c.req.method} ${c.req.routePath.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}')}`;
    validated.set(key, { ...validated.get(key), [part]: schema });
  };
  return {
    ...original,
    queryParams: ((c, schema) => {
      record(c, 'query', schema);
      return original.queryParams(c, schema);
    }) satisfies typeof original.queryParams,
    jsonBody: ((c, schema) => {
      record(c, 'body', schema);
      return original.jsonBody(c, schema);
    }) satisfies typeof original.jsonBody,
  };
});

const t = makeTestApp();
afterAll(() => t.close());

const mounted = () =>
  new Set(
    t.app.routes
      .filter(
        (route) =>
          route.method !== 'ALL' &&
          route.path.startsWith('/api/v1/') &&
          route.path !== '/api/v1/openapi.json',
      )
      .map((route) => `${route.method} ${route.path.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}')}`),
  );

describe('the OpenAPI document', () => {
  it('describes exactly the routes the app mounts', () => {
    expect([...mounted()].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('documents the very query and body schemas each route validates with, and no others', async () => {
    const { email } = await addOrgWithUser(t, 'Documented');
    const { authorization, cookie } = await signIn(t, email);
    for (const key of Object.keys(OPERATIONS)) {
      const [method, path] = key.split(' ') as [string, string];
      // Any id will do: every route validates before it looks anything up, or has nothing to validate.
      const response = await t.app.request(`/api/v1${path.replace(/\{\w+\}/g, 'x')}`, {
        method,
        headers: {
          authorization,
          cookie,
          'content-type': 'application/json',
          origin: 'http://localhost:8787',
        },
        ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }),
      });
      await response.arrayBuffer();
    }
    for (const [key, operation] of Object.entries(OPERATIONS)) {
      const seen = validated.get(key) ?? {};
      expect(seen.query, `${key} query`).toBe(operation.query);
      expect(seen.body, `${key} body`).toBe(operation.body);
    }
  });

  it('is served without credentials, with schemas from the contract', async () => {
    const response = await t.app.request('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    const login = document.paths['/api/v1/auth/login/'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(document.paths['/api/v1/files/{id}/'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    expect(JSON.stringify(document)).not.toMatch(/"\$schema"/);
  });

  it('states the fields this project added to the upload contract (docs/contract-additions.md)', async () => {
    const document = await (await t.app.request('/api/v1/openapi.json')).json();
    const body = (route: string) =>
      JSON.stringify(document.paths[`/api/v1${route}`].post.requestBody.content['application/json'].schema);
    expect(body('/upload/presigned-url/')).toContain('"mapping_id"');
    for (const field of ['size', 'last_modified', 'mapping_id', 'part_number_marker'])
      expect(body('/upload/sign/')).toContain(`"${field}"`);
    expect(body('/upload/complete/')).toContain('"mapping_id"');
    expect(body('/files/{id}/ingest/')).toContain('"mapping_id"');
    const file = JSON.stringify(document.paths['/api/v1/files/{id}/'].get.responses['200']);
    for (const field of [
      'mapping_id',
      'missing_columns',
      'has_rejected_rows_file',
      'upload_id',
      'source_last_modified',
      'last_activity_at',
      'interrupted',
    ])
      expect(file).toContain(`"${field}"`);
    for (const route of ['/files/{id}/rejected-rows/', '/mappings/', '/mappings/propose/', '/mappings/{id}/'])
      expect(document.paths[`/api/v1${route}`]).toBeDefined();
  });
});

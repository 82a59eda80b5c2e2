import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../test/make-app';
import { OPERATIONS } from './document';

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

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
});

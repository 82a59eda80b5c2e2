import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_LIMIT_DEFAULT } from '../../src/contract/pages';
import { addOrgWithUser, makeTestApp, signIn } from '../test/make-app';

// Every list takes the same `?limit=&cursor=` and refuses the same things with the same words.

const t = makeTestApp();
let authorization = '';
beforeAll(async () => {
  const { email } = await addOrgWithUser(t, 'Pager');
  authorization = (await signIn(t, email)).authorization;
});
afterAll(() => t.close());

const LISTS = ['/api/v1/files/', '/api/v1/api-keys/', '/api/v1/agent/conversations/'];
const list = (path: string, query: string) =>
  t.app.request(`${path}${query}`, { headers: { authorization } });

describe.each(LISTS)('%s', (path) => {
  it.each(['?limit=0', '?limit=201', '?limit=-1', '?limit=1e2', '?limit=5.0', '?limit='])(
    'refuses %s with the one limit message',
    async (query) => {
      const response = await list(path, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: 'validation_error',
        message: 'The query string is not valid (limit: limit is a whole number from 1 to 200.).',
        fields: { limit: 'limit is a whole number from 1 to 200.' },
      });
    },
  );

  it.each(['?cursor=nonsense', `?cursor=${'x'.repeat(300)}`])(
    'refuses %s with the one cursor message',
    async (query) => {
      const response = await list(path, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: 'validation_error',
        message:
          'The query string is not valid (cursor: was not issued by this API; start again from the first page).',
        fields: { cursor: 'was not issued by this API; start again from the first page' },
      });
    },
  );

  it(`answers a page with no parameters (up to ${PAGE_LIMIT_DEFAULT}) and with the largest limit`, async () => {
    for (const query of ['', '?limit=200']) {
      const response = await list(path, query);
      expect(response.status, query).toBe(200);
      expect(await response.json()).toEqual({ results: [], next_cursor: null });
    }
  });
});

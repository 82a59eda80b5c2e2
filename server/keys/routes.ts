import { Hono } from 'hono';
import { PageQuery } from '../../src/contract/pages';
import type { AppEnv } from '../app-env';
import { authenticate } from '../auth/authenticate';
import type { Deps } from '../deps';
import { queryParams } from '../http/validate';

// JWT only: a key must not be able to list its organization's other keys.
export const apiKeysRoutes = (deps: Deps) =>
  new Hono<AppEnv>().use(authenticate(deps, { apiKeys: false })).get('/', (c) => {
    return c.json(deps.keys.list(c.get('orgId'), queryParams(c, PageQuery)));
  });

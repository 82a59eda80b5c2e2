import { Hono } from 'hono';
import { ApiKeyListQuery } from '../../src/contract/keys';
import type { AppEnv } from '../app-env';
import { authenticate } from '../auth/authenticate';
import type { Deps } from '../deps';
import { queryParams } from '../http/validate';

const DEFAULT_PAGE = 50;

// JWT only: a key must not be able to list its organization's other keys.
export const apiKeysRoutes = (deps: Deps) =>
  new Hono<AppEnv>().use(authenticate(deps, { apiKeys: false })).get('/', (c) => {
    const { limit, cursor } = queryParams(c, ApiKeyListQuery);
    c.header('Cache-Control', 'no-store');
    return c.json(deps.keys.list(c.get('orgId'), { limit: limit ? Number(limit) : DEFAULT_PAGE, cursor }));
  });

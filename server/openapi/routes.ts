import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import type { Deps } from '../deps';
import { openApiDocument } from './document';

export const openApiRoutes = (deps: Deps) => {
  const document = openApiDocument(deps.version);
  return new Hono<AppEnv>().get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(document);
  });
};

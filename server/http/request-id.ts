import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { REQUEST_ID_PATTERN } from '../../src/contract/errors';
import type { AppEnv } from '../app-env';

export const requestId = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const offered = c.req.header('x-request-id');
    const id = offered && REQUEST_ID_PATTERN.test(offered) ? offered : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  });

import { createMiddleware } from 'hono/factory';

/**
 * API answers carry a session, an organization's data or a signed URL: no browser or shared cache may keep
 * them. A route that chose its own policy (the event stream) keeps it.
 */
export const noStore = () =>
  createMiddleware(async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });

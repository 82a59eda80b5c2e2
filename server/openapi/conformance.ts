import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import type { AppEnv } from '../app-env';
import { HttpError } from '../http/errors';
import { OPERATIONS } from './document';

/** Methods the server answers at all; anything else (TRACE, CONNECT, …) is refused before routing. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const notAllowed = (method: string, allow: string[]) =>
  new HttpError(
    'method_not_allowed',
    `${method} is not allowed here.${allow.length ? ` Use ${allow.join(', ')}.` : ''}`,
  );

export const refuseUnknownMethods = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (!KNOWN_METHODS.has(c.req.method)) {
    c.header('Allow', 'GET, HEAD, POST, DELETE, OPTIONS');
    throw notAllowed(c.req.method, []);
  }
  await next();
};

interface Route {
  pattern: RegExp;
  /** Method → the query parameters it documents. */
  methods: Map<string, Set<string>>;
}

function routesOf(prefix: string): Route[] {
  const byPath = new Map<string, Route>();
  for (const [key, operation] of Object.entries(OPERATIONS)) {
    const [method, template] = key.split(' ') as [string, string];
    let route = byPath.get(template);
    if (!route) {
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}|\{\w+\}/g, '[^/]+');
      route = { pattern: new RegExp(`^${prefix}${source}$`), methods: new Map() };
      byPath.set(template, route);
    }
    const shape = operation.query ? (operation.query as unknown as z.ZodMiniObject).def.shape : {};
    route.methods.set(method, new Set(Object.keys(shape)));
  }
  return [...byPath.values()];
}

/**
 * Holds every request to what the OpenAPI document says (GET /api/v1/openapi.json): a documented path with
 * another method answers 405 with Allow, and a query parameter the operation does not document is refused
 * instead of silently ignored. Undocumented paths fall through to 404.
 */
export function conformToDocument(prefix: string): MiddlewareHandler<AppEnv> {
  const routes = routesOf(prefix);
  return async (c, next) => {
    const route = routes.find(({ pattern }) => pattern.test(c.req.path));
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (!route || method === 'OPTIONS') return next();
    const documented = route.methods.get(method);
    if (!documented) {
      const allow = [...route.methods.keys()];
      c.header('Allow', [...allow, ...(allow.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', '));
      throw notAllowed(c.req.method, allow);
    }
    const unknown = Object.keys(c.req.queries()).filter((name) => !documented.has(name));
    if (unknown.length > 0) {
      const accepted = documented.size ? ` It accepts: ${[...documented].join(', ')}.` : ' It takes none.';
      throw new HttpError(
        'validation_error',
        `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}.${accepted}`,
        { fields: Object.fromEntries(unknown.map((name) => [name, 'not a parameter of this endpoint'])) },
      );
    }
    await next();
  };
}

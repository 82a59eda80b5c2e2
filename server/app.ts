import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { agentRoutes } from './agent/routes';
import type { AppEnv } from './app-env';
import { authRoutes } from './auth/routes';
import { type DashboardRouteOptions, dashboardRoutes } from './dashboard/routes';
import type { Deps } from './deps';
import { filesRoutes } from './files/routes';
import { healthRoutes } from './health/routes';
import { HttpError } from './http/errors';
import { noStore } from './http/no-store';
import { onError, onNotFound } from './http/on-error';
import { requestId } from './http/request-id';
import { securityHeaders } from './http/security-headers';
import { apiKeysRoutes } from './keys/routes';
import { mappingRoutes } from './mappings/routes';
import { conformToDocument, refuseUnknownMethods } from './openapi/conformance';
import { openApiRoutes } from './openapi/routes';
import { serveSpa } from './spa/serve-spa';
import { uploadRoutes } from './upload/routes';

interface AppOptions {
  /** The dashboard's card deadline and start-up refresh (tests and the bench set them). */
  dashboard?: DashboardRouteOptions;
  /** The built SPA to serve beside the API; tests of the API alone leave it out. */
  spaDir?: string;
  /** Origins the page may connect to besides its own (the storage endpoint). */
  connectOrigins?: string[];
}

const JSON_BODY_LIMIT = 1024 * 1024;

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function createApp(deps: Deps, options: AppOptions = {}) {
  const api = new Hono<AppEnv>()
    .use(conformToDocument('/api/v1'))
    .use(noStore())
    .use(
      cors({
        origin: (origin) => (deps.config.allowedOrigins.includes(origin) ? origin : null),
        credentials: true,
        allowHeaders: ['Authorization', 'Content-Type', 'X-API-Key', 'X-Request-Id', 'Last-Event-ID'],
        exposeHeaders: ['X-Request-Id', 'Retry-After'],
        maxAge: 600,
      }),
    )
    .use(
      bodyLimit({
        maxSize: JSON_BODY_LIMIT,
        onError: () => {
          throw new HttpError('payload_too_large', 'The request body is larger than 1 MiB. Send less data.');
        },
      }),
    )
    // Mounted with a trailing slash so each router's '/' answers at '/api/v1/<domain>/', as the contract writes it.
    .route('/health/', healthRoutes(deps))
    .route('/auth/', authRoutes(deps))
    .route('/upload/', uploadRoutes(deps))
    .route('/files/', filesRoutes(deps))
    .route('/mappings/', mappingRoutes(deps))
    .route('/api-keys/', apiKeysRoutes(deps))
    .route('/agent/', agentRoutes(deps))
    .route('/dashboard/', dashboardRoutes(deps, options.dashboard))
    .route('/openapi.json', openApiRoutes(deps));

  const app = new Hono<AppEnv>()
    .use(requestId())
    .use(securityHeaders(options.connectOrigins ?? []))
    .use(refuseUnknownMethods())
    .route('/api/v1', api);

  app.onError(onError(deps.log));
  app.notFound(onNotFound);
  if (options.spaDir) {
    const spa = serveSpa(options.spaDir);
    app.use('*', compress());
    app.get('*', (c) => {
      if (c.req.path.startsWith('/api/')) return onNotFound(c);
      // A malformed percent-escape names no page; it is the client's mistake, not a server error to log.
      if (!isDecodable(new URL(c.req.url).pathname)) return onNotFound(c);
      return spa(c) ?? onNotFound(c);
    });
  }
  return app;
}

import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app';
import type { Config } from './config';
import { createDeps, type Deps } from './deps';
import { seedDemoAccounts } from './seed/demo-accounts';

export interface RunningServer {
  url: string;
  storageUrl: string;
  deps: Deps;
  close(): Promise<void>;
}

function listen(port: number, host: string, fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

const closeServer = (server: ServerType) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Open SSE streams would otherwise hold the close forever.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 3_000).unref();
  });

/**
 * Binds both ports first (either may be 0 for tests), then builds the app knowing its real origins,
 * which the CORS allow-list and the CSP need.
 */
export async function startServer(config: Config, options: { spaDir?: string }): Promise<RunningServer> {
  let handleApi: (request: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  let handleStorage: (request: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const api = await listen(config.port, config.host, (request) => handleApi(request));
  const storage = await listen(config.storagePort, config.host, (request) => handleStorage(request));
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${api.port}`;
  const storageUrl = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${storage.port}`;

  const resolved: Config = {
    ...config,
    port: api.port,
    storagePort: storage.port,
    allowedOrigins: process.env.HP_ALLOWED_ORIGINS
      ? config.allowedOrigins
      : [`http://localhost:${api.port}`, `http://127.0.0.1:${api.port}`],
  };
  const deps = createDeps(resolved);
  if (resolved.seedDemo) await seedDemoAccounts(deps);
  const app = createApp(deps, { spaDir: options.spaDir, connectOrigins: [storageUrl] });
  handleApi = app.fetch;
  handleStorage = () => new Response('The embedded store is not available yet.', { status: 503 });

  return {
    url,
    storageUrl,
    deps,
    async close() {
      await Promise.all([closeServer(api.server), closeServer(storage.server)]);
      await deps.close();
    },
  };
}

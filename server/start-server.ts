import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app';
import type { Config } from './config';
import { createDeps, type Deps } from './deps';
import { seedDemoAccounts } from './seed/demo-accounts';
import { type StartupProgress, startingResponse, startupLogger } from './starting-page';

export interface RunningServer {
  url: string;
  storageUrl: string;
  deps: Deps;
  close(): Promise<void>;
}

type Handler = (request: Request, env?: unknown) => Response | Promise<Response>;

function listen(port: number, host: string, fetch: Handler) {
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
export async function startServer(
  config: Config,
  options: { spaDir?: string; log?: (line: string) => void },
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const startup: StartupProgress = { steps: [], startedAt: Date.now() };
  // The Node bindings (env) must reach the app: getConnInfo reads the client's socket address from them.
  let handleApi: Handler = (request) => startingResponse(request, startup);
  // The store reads the raw request target from Node's `incoming` (the env), as SigV4 signed it.
  let handleStorage: Handler = () => new Response('starting', { status: 503 });
  const api = await listen(config.port, config.host, (request, env?: unknown) => handleApi(request, env));
  const storage = await listen(config.storagePort, config.host, (request, env?: unknown) =>
    handleStorage(request, env),
  );
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
  if (resolved.seedDemo) {
    const today = deps.now().toISOString().slice(0, 10);
    const orgs = await seedDemoAccounts(deps);
    if (orgs.length > 0) {
      // Only the first start seeds; whoever opens the address meanwhile sees this progress, as the terminal does.
      startup.steps = orgs.map((org) => ({
        label: `Demo cases for ${org.name} (${resolved.demoCases.toLocaleString('en-US')})`,
        state: 'waiting' as const,
      }));
      log(`Preparing demo data for the first start; follow along at ${url}`);
      const steps = startupLogger(startup, log);
      for (const [index, org] of orgs.entries()) {
        steps.begin(index);
        await deps.cases.seedDemo(org.id, org.type, { endDate: today, cases: resolved.demoCases });
        steps.end(index);
      }
    }
  }
  deps.agent.closeInterrupted();
  await deps.files.closeInterrupted();
  const app = createApp(deps, { spaDir: options.spaDir, connectOrigins: [storageUrl] });
  handleApi = (request, env) => app.fetch(request, env);
  const embedded = deps.storage;
  handleStorage = embedded
    ? (request, env) => embedded.app.fetch(request, env)
    : () => new Response('Uploads go to HP_S3_ENDPOINT; this port is unused.', { status: 404 });

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

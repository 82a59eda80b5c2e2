import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../config';
import { makeTestApp } from './make-app';

/**
 * A test app whose embedded store is served on a real loopback port, so presigned URLs can be used with
 * plain `fetch` and the API's own S3 client (HeadObject, DeleteObject) reaches it over HTTP. The port is
 * bound first because the API signs URLs for it.
 */
export async function makeTestAppWithStorage(overrides: Partial<Config> = {}) {
  let handle: (request: Request, env?: unknown) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      { fetch: (request, env?: unknown) => handle(request, env), port: 0, hostname: '127.0.0.1' },
      () => resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  const t = makeTestApp({ ...overrides, host: '127.0.0.1', storagePort: port, s3: null });
  const storage = t.deps.storage;
  if (!storage) throw new Error('the test app has no embedded store');
  handle = (request, env) => storage.app.fetch(request, env);
  return {
    ...t,
    storageUrl: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await t.close();
    },
  };
}

export type TestAppWithStorage = Awaited<ReturnType<typeof makeTestAppWithStorage>>;

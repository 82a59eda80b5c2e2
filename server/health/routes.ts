import { Hono } from 'hono';
import { HEALTH_CHECKS, type Health } from '../../src/contract/health';
import type { AppEnv } from '../app-env';
import type { Deps } from '../deps';

const CHECK_TIMEOUT_MS = 2_000;

async function run(check: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return `failing: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes = (deps: Deps) =>
  new Hono<AppEnv>().get('/', async (c) => {
    const results = await Promise.all(
      HEALTH_CHECKS.map(async (name) => [name, await run(deps.healthChecks[name])] as const),
    );
    const checks = Object.fromEntries(results);
    const isHealthy = results.every(([, result]) => result === 'ok');
    const body: Health = {
      status: isHealthy ? 'ok' : 'degraded',
      version: deps.version,
      time: deps.now().toISOString(),
      checks,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, isHealthy ? 200 : 503);
  });

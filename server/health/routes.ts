import { Hono } from 'hono';
import { HEALTH_CHECKS, type Health } from '../../src/contract/health';
import type { AppEnv } from '../app-env';
import type { Deps } from '../deps';

const CHECK_TIMEOUT_MS = 2_000;

/** The reason goes to the log only: the health check needs no credentials, so it says no more than "failing". */
async function run(name: string, check: () => Promise<void>, log: Deps['log']): Promise<string> {
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
    log({
      level: 'warn',
      event: 'health_check_failed',
      check: name,
      error: error instanceof Error ? error.message : String(error),
    });
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes = (deps: Deps) =>
  new Hono<AppEnv>().get('/', async (c) => {
    const results = await Promise.all(
      HEALTH_CHECKS.map(async (name) => [name, await run(name, deps.healthChecks[name], deps.log)] as const),
    );
    const checks = Object.fromEntries(results);
    const isHealthy = results.every(([, result]) => result === 'ok');
    const body: Health = {
      status: isHealthy ? 'ok' : 'degraded',
      version: deps.version,
      time: deps.now().toISOString(),
      checks,
    };
    return c.json(body, isHealthy ? 200 : 503);
  });

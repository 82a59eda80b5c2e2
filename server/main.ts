import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts';
import { buildIfStale } from './spa/build-if-stale';
import { startServer } from './start-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const spaDir = await buildIfStale(root, (message) => console.log(message));
  const server = await startServer(config, { spaDir });

  console.log(`\nHealthproximate dashboard: ${server.url}`);
  console.log(`Storage endpoint:          ${server.storageUrl}`);
  console.log(`Data folder:               ${config.dataDir}`);
  if (config.seedDemo) {
    console.log(
      `Demo sign-in (local use only): ${DEMO_ACCOUNTS.map((a) => a.email).join(' or ')} / ${DEMO_PASSWORD}`,
    );
  }
  console.log('');

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`${signal}: finishing open requests and closing…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('Cannot start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts';
import { startServer } from './start-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE_PORT = Number(process.env.HP_DEV_PORT ?? 5173);

/** `npm run dev`: the local API on HP_PORT, and Vite with hot reload in front of it, proxying /api. */
async function main() {
  const apiPort = Number(process.env.HP_PORT ?? 8787);
  process.env.HP_ALLOWED_ORIGINS ??= [
    `http://localhost:${VITE_PORT}`,
    `http://127.0.0.1:${VITE_PORT}`,
    `http://localhost:${apiPort}`,
    `http://127.0.0.1:${apiPort}`,
  ].join(',');
  const config = loadConfig();
  const server = await startServer(config, {});
  process.env.HP_DEV_API_URL = server.url;
  const { createServer } = await import('vite');
  const vite = await createServer({ root, server: { port: VITE_PORT, strictPort: true } });
  await vite.listen();
  console.log(`\nDashboard (hot reload): http://localhost:${VITE_PORT}`);
  console.log(`API: ${server.url}   Storage: ${server.storageUrl}`);
  console.log(`Demo sign-in: ${DEMO_ACCOUNTS[0].email} / ${DEMO_PASSWORD}\n`);
  const stop = async () => {
    await vite.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});

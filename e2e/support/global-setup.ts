import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * Starts the real local API (SPA + API on one free port, the embedded store on another) over a fresh data
 * folder, exactly as `npm start` does, and hands its addresses to the workers through the environment.
 */
export default async function globalSetup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-'));
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      HP_PORT: '0',
      HP_STORAGE_PORT: '0',
      HP_DATA_DIR: dataDir,
      HP_SEED_DEMO: '1',
      HP_DEMO_CASES: process.env.HP_DEMO_CASES ?? '60000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const urls = await new Promise<{ url: string; storageUrl: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start in time:\n${output.join('')}`)),
      180_000,
    );
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join('');
      const url = /Healthproximate dashboard: (\S+)/.exec(text)?.[1];
      const storageUrl = /Storage endpoint:\s+(\S+)/.exec(text)?.[1];
      if (url && storageUrl) {
        clearTimeout(timer);
        resolve({ url, storageUrl });
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => reject(new Error(`The server exited (${code}):\n${output.join('')}`)));
  });
  server.stdout?.removeAllListeners('data');
  server.stderr?.removeAllListeners('data');
  if (process.env.E2E_SERVER_LOG) {
    server.stdout?.pipe(fs.createWriteStream(process.env.E2E_SERVER_LOG));
  } else {
    server.stdout?.resume();
    server.stderr?.pipe(process.stderr);
  }

  process.env.E2E_BASE_URL = urls.url;
  process.env.E2E_STORAGE_URL = urls.storageUrl;
  process.env.E2E_DATA_DIR = dataDir;

  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

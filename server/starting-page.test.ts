import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from './config';
import { type RunningServer, startServer } from './start-server';

let server: RunningServer | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

it('shows the demo-data progress on a real socket while preparing, then hands over to the app', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-start-'));
  const config = loadConfig({
    HP_DATA_DIR: dataDir,
    HP_SEED_DEMO: '1',
    HP_DEMO_CASES: '3000',
    HP_PORT: '0',
    HP_STORAGE_PORT: '0',
    HP_HOST: '127.0.0.1',
  });
  const lines: string[] = [];
  let during: Promise<[Response, Response]> | undefined;
  server = await startServer(config, {
    log(line) {
      lines.push(line);
      const url = /follow along at (\S+)/.exec(line)?.[1];
      // Asked the moment the address is announced, so both are answered while the seed is running.
      if (url)
        during = Promise.all([
          fetch(`${url}/analysis`, { headers: { Accept: 'text/html' } }),
          fetch(`${url}/api/v1/health/`),
        ]);
    },
  });
  expect(lines[0]).toMatch(
    /^Preparing demo data for the first start; follow along at http:\/\/127\.0\.0\.1:\d+$/,
  );
  expect(lines.slice(1).map((line) => line.replace(/\d+\.\d s/, 'N s'))).toEqual([
    '  [1/2] Demo cases for Mercy General Hospital (3,000)…',
    '  [1/2] done in N s',
    '  [2/2] Demo cases for Lakeside Health Plan (3,000)…',
    '  [2/2] done in N s',
  ]);
  const [html, json] = await during!;
  expect(html.status).toBe(503);
  expect(html.headers.get('retry-after')).toBe('2');
  const nonce = /script-src 'nonce-([^']+)'/.exec(html.headers.get('content-security-policy') ?? '')?.[1];
  expect(nonce).toBeTruthy();
  const page = await html.text();
  expect(page).toContain('Getting the dashboard ready');
  expect(page).toContain(`<script nonce="${nonce}">`);
  expect(page).toContain("location.replace('/sign-in')");
  expect(json.status).toBe(503);
  const progress = (await json.json()) as { status: string; total: number; steps: { label: string }[] };
  expect(progress).toMatchObject({ status: 'starting', total: 2 });
  expect(progress.steps[0]?.label).toBe('Demo cases for Mercy General Hospital (3,000)');

  // Ready: the same address is the app, which the page takes as its cue to open sign-in.
  const health = await fetch(`${server.url}/api/v1/health/`);
  expect(((await health.json()) as { status: string }).status).not.toBe('starting');
}, 120_000);

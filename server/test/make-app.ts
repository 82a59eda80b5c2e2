import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../app';
import { hashPassword } from '../auth/passwords';
import { type Config, loadConfig } from '../config';
import { createDeps, type Deps } from '../deps';

interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start = new Date('2026-11-28T12:00:00Z')): TestClock {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A fresh app over its own temporary data folder, with a controllable clock and a silent log. */
export function makeTestApp(overrides: Partial<Config> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-test-'));
  const config = { ...loadConfig({ HP_DATA_DIR: dataDir, HP_SEED_DEMO: '0' }), ...overrides };
  const clock = testClock();
  const logs: object[] = [];
  const deps: Deps = createDeps(config, { now: clock.now, log: (line) => logs.push(line) });
  const app = createApp(deps);
  return {
    app,
    deps,
    clock,
    logs,
    async close() {
      await deps.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = ReturnType<typeof makeTestApp>;

let sharedHash: Promise<string> | undefined;

/** Creates an organization with one analyst; the password hash is computed once per test file. */
export async function addOrgWithUser(
  t: TestApp,
  name: string,
  type: 'hospital' | 'provider' | 'payor' = 'hospital',
) {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const org = t.deps.accounts.createOrg(name, type);
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
  const user = t.deps.accounts.createUser({
    orgId: org.id,
    email,
    name: `${name} Analyst`,
    role: 'analyst',
    passwordHash: await sharedHash,
  });
  return { org, user, email };
}

/** Signs in through the real endpoint and returns the bearer header and refresh cookie. */
export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD) {
  const response = await t.app.request('/api/v1/auth/login/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token: string };
  const cookie = refreshCookieOf(response);
  return { authorization: `Bearer ${body.access_token}`, cookie, body };
}

export function refreshCookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /hp_refresh=([^;]*)/.exec(header);
  return match ? `hp_refresh=${match[1]}` : '';
}

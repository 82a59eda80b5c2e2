import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { loadConfig } from '../config';
import { type RunningServer, startServer } from '../start-server';
import { TEST_PASSWORD } from '../test/make-app';

// On a real socket, as deployed: the sign-in throttle must see each client's own address. When the Node
// bindings were dropped every client was "unknown", so one address's failures locked everybody out.

let server: RunningServer;
let dataDir = '';
const victim = 'victim@example.com';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-socket-'));
  const config = loadConfig({ HP_DATA_DIR: dataDir, HP_SEED_DEMO: '0', HP_PORT: '0', HP_STORAGE_PORT: '0' });
  server = await startServer(config, {});
  const org = server.deps.accounts.createOrg('Socket', 'hospital');
  server.deps.accounts.createUser({
    orgId: org.id,
    email: victim,
    name: 'Victim',
    role: 'analyst',
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A sign-in sent from `localAddress`: every 127.0.0.0/8 address is loopback on Linux. */
function signInFrom(localAddress: string, email: string, password: string) {
  const url = new URL('/api/v1/auth/login/', server.url);
  const body = JSON.stringify({ email, password });
  return new Promise<number>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('the sign-in throttle on a real socket', () => {
  it("counts one address's failures against that address only", async () => {
    for (let i = 0; i < 30; i++) {
      expect(await signInFrom('127.0.0.2', `guess${i}@example.com`, 'wrong')).toBe(401);
    }
    expect(await signInFrom('127.0.0.2', victim, TEST_PASSWORD)).toBe(429);
    expect(await signInFrom('127.0.0.1', victim, TEST_PASSWORD)).toBe(200);
  });
});

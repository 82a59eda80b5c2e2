import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export const DEMO_PASSWORD = 'healthproximate-demo';
export const DEMO = {
  hospital: { email: 'analyst@mercy.example', organization: 'Mercy General Hospital' },
  payor: { email: 'analyst@lakeside.example', organization: 'Lakeside Health Plan' },
} as const;

/** Runs the operator CLI against the running server's data folder, as an operator would. */
export function admin(args: string[], input?: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'server/admin/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, HP_DATA_DIR: process.env.E2E_DATA_DIR },
    input,
    encoding: 'utf8',
  });
}

export interface Account {
  orgId: string;
  orgName: string;
  email: string;
  password: string;
}

/** A fresh organization with one analyst, so a test sees only what it made itself. */
export function createAccount(type: 'hospital' | 'provider' | 'payor' = 'hospital'): Account {
  const suffix = randomUUID().slice(0, 8);
  const orgName = `E2E ${type} ${suffix}`;
  const org = JSON.parse(admin(['org:create', '--name', orgName, '--type', type, '--json'])) as {
    id: string;
  };
  const email = `analyst-${suffix}@e2e.example`;
  const password = `e2e-password-${suffix}`;
  admin(
    ['user:create', '--org', org.id, '--email', email, '--name', `Analyst ${suffix}`, '--json'],
    password,
  );
  return { orgId: org.id, orgName, email, password };
}

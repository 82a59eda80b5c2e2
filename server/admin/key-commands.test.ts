import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../auth/accounts';
import { openDatabase } from '../db/open-database';
import { createKeyCommand, keyListing, revokeKeyCommand } from './key-commands';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, 'cli.ts');

let dataDir: string;
let orgId: string;

const admin = async (...args: string[]) => {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, HP_DATA_DIR: dataDir, HP_SEED_DEMO: '0' },
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-admin-'));
  const db = openDatabase(dataDir);
  orgId = createAccounts(db, () => new Date()).createOrg('Mercy General', 'hospital').id;
  db.close();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('operator key commands', () => {
  it('creates a key printed once, lists it without the secret, and revokes it', async () => {
    const created = await admin(
      'key:create',
      '--org',
      orgId,
      '--name',
      'nightly-upload',
      '--scopes',
      'upload',
      '--json',
    );
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout);
    expect(key).toMatchObject({
      org_id: orgId,
      name: 'nightly-upload',
      scopes: ['upload'],
      revoked_at: null,
    });
    expect(key.key).toMatch(/^hpx_[0-9A-Za-z]{32,}$/);
    expect(new Date(key.expires_at).getTime() - new Date(key.created_at).getTime()).toBe(365 * 86_400_000);

    const hidden = key.key.slice(key.prefix.length);
    const text = await admin('list');
    expect(text.stdout).toContain(key.prefix);
    expect(text.stdout).not.toContain(hidden);

    const revoked = await admin('key:revoke', '--id', key.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/Revoked API key/);
    const db = openDatabase(dataDir);
    try {
      const listing = keyListing(db);
      expect(listing.keys).toEqual([expect.objectContaining({ id: key.id, revoked_at: expect.any(String) })]);
      expect(JSON.stringify(listing.keys)).not.toContain(hidden);
    } finally {
      db.close();
    }
  });

  it('refuses unknown scopes, a bad expiry, an unknown organization and an unknown key', () => {
    const fail = (message: string): never => {
      throw new Error(message);
    };
    const db = openDatabase(dataDir);
    try {
      const create = (values: Record<string, string>) => () =>
        createKeyCommand(db, { name: 'x', ...values }, fail);
      expect(create({ org: orgId, scopes: 'admin' })).toThrow(/--scopes/);
      expect(create({ org: orgId, 'expires-days': '0' })).toThrow(/--expires-days/);
      expect(create({ org: 'org_missing' })).toThrow(/no organization org_missing/);
      expect(() => revokeKeyCommand(db, { id: 'key_missing' }, fail)).toThrow(/no API key key_missing/);
      expect(create({ org: orgId, 'expires-days': 'never' })().json).toMatchObject({ expires_at: null });
    } finally {
      db.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { addOrgWithUser, makeTestApp, type TestApp } from '../test/make-app';

let t: TestApp;
let orgId: string;

beforeEach(async () => {
  t = makeTestApp();
  ({
    org: { id: orgId },
  } = await addOrgWithUser(t, 'Mercy'));
});
afterEach(() => t.close());

const me = (key: string) => t.app.request('/api/v1/auth/me/', { headers: { 'X-API-Key': key } });
const changes = () => t.deps.db.prepare('SELECT total_changes() AS n').pluck().get() as number;

describe('key format', () => {
  it('is hpx_ and at least 32 base62 characters, and two keys never repeat', () => {
    const first = t.deps.keys.create({ orgId, name: 'a', scopes: ['upload'], expiresInDays: 30 });
    const second = t.deps.keys.create({ orgId, name: 'b', scopes: ['upload'], expiresInDays: 30 });
    expect(first.secret).toMatch(/^hpx_[0-9A-Za-z]{32,}$/);
    expect(first.secret).not.toBe(second.secret);
    expect(first.key.prefix).toBe(first.secret.slice(0, first.key.prefix.length));
    expect(first.key.prefix).toMatch(/^hpx_[0-9A-Za-z]{4,8}$/);
  });
});

describe('the database never holds a key in clear', () => {
  it('has neither the key nor its hidden part in any table or in the file bytes', async () => {
    const { secret, key } = t.deps.keys.create({
      orgId,
      name: 'nightly-upload',
      scopes: ['upload', 'agent'],
      expiresInDays: 365,
    });
    expect((await me(secret)).status).toBe(200);
    t.deps.keys.flushLastUsed();
    const hidden = secret.slice(key.prefix.length);

    const tables = t.deps.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    let cells = 0;
    for (const table of tables) {
      for (const row of t.deps.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const value of Object.values(row)) {
          const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
          expect(text).not.toContain(hidden);
          cells++;
        }
      }
    }
    expect(cells).toBeGreaterThan(10);

    t.deps.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = fs.readdirSync(t.deps.config.dataDir).filter((name) => name.includes('.sqlite'));
    expect(files).toContain('healthproximate.sqlite');
    const bytes = Buffer.concat(files.map((name) => fs.readFileSync(path.join(t.deps.config.dataDir, name))));
    expect(bytes.includes(key.prefix)).toBe(true); // the scan reads real content
    expect(bytes.includes(hidden)).toBe(false);
    expect(bytes.includes(Buffer.from(hidden, 'utf16le'))).toBe(false);
  });
});

describe('last_used_at', () => {
  it('follows every use without a database write per request, and is written by the flush', async () => {
    const { secret, key } = t.deps.keys.create({
      orgId,
      name: 'busy',
      scopes: ['upload'],
      expiresInDays: 30,
    });
    const before = changes();
    for (let i = 0; i < 20; i++) {
      t.clock.advance(1_000);
      expect((await me(secret)).status).toBe(200);
    }
    expect(changes()).toBe(before);
    const latest = t.clock.now().toISOString();
    expect(t.deps.keys.list(orgId, { limit: 10 }).results[0]?.last_used_at).toBe(latest);
    const stored = () =>
      t.deps.db.prepare('SELECT last_used_at FROM api_keys WHERE id = ?').pluck().get(key.id) as
        | string
        | null;
    expect(stored()).toBeNull();

    expect(t.deps.keys.flushLastUsed()).toBe(1);
    expect(changes()).toBe(before + 1);
    expect(stored()).toBe(latest);
    expect(t.deps.keys.flushLastUsed()).toBe(0);
  });

  it('is written when the server closes', async () => {
    const { secret, key } = t.deps.keys.create({ orgId, name: 'late', scopes: ['agent'], expiresInDays: 30 });
    expect((await me(secret)).status).toBe(200);
    const usedAt = t.clock.now().toISOString();
    t.deps.keys.close();
    const reopened = openDatabase(t.deps.config.dataDir);
    try {
      expect(reopened.prepare('SELECT last_used_at FROM api_keys WHERE id = ?').pluck().get(key.id)).toBe(
        usedAt,
      );
    } finally {
      reopened.close();
    }
  });

  it('never moves backwards when another process stored a newer time first', async () => {
    const { secret, key } = t.deps.keys.create({ orgId, name: 'k', scopes: ['upload'], expiresInDays: 30 });
    expect((await me(secret)).status).toBe(200);
    const newer = '2030-01-01T00:00:00.000Z';
    t.deps.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(newer, key.id);
    t.deps.keys.flushLastUsed();
    expect(t.deps.db.prepare('SELECT last_used_at FROM api_keys WHERE id = ?').pluck().get(key.id)).toBe(
      newer,
    );
  });
});

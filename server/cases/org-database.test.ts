import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrgDatabases, orgFileStem } from './org-database';

let dataDir: string;
let databases: OrgDatabases;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cases-db-'));
  databases = new OrgDatabases(dataDir);
});
afterEach(async () => {
  await databases.closeAll();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('OrgDatabases', () => {
  it('keeps one file per organization and one instance per file', async () => {
    const first = await databases.get('org_1');
    expect(await databases.get('org_1')).toBe(first);
    await databases.get('../escape');
    const files = fs.readdirSync(path.join(dataDir, 'analytics')).filter((name) => name.endsWith('.duckdb'));
    expect(files.sort()).toEqual([`${orgFileStem('../escape')}.duckdb`, 'org_1.duckdb'].sort());
    expect(orgFileStem('../escape')).toMatch(/^org-[0-9a-f]{32}$/);
    await expect(databases.check()).resolves.toBeUndefined();
  });

  it('interrupts a running query when its signal aborts, and the database keeps answering', async () => {
    const database = await databases.get('org');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 50);
    const started = Date.now();
    await expect(
      database.query(
        'SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range % 7 = b.range',
        [],
        controller.signal,
      ),
    ).rejects.toThrow('cancelled');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await database.query('SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
  });

  it('runs one organization`s writes one after another', async () => {
    const database = await databases.get('org');
    const order: string[] = [];
    const slow = database.write(async (connection) => {
      order.push('slow start');
      await connection.run('SELECT count(*) FROM range(20000000)');
      order.push('slow end');
    });
    const fast = database.write(async () => {
      order.push('fast');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow start', 'slow end', 'fast']);
  });
});

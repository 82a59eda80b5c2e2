import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryPlan } from '../test/query-plan';
import { RefusedFileError } from './ingest';
import { OrgDatabases } from './org-database';
import { quoteString } from './sql-text';
import { fileSource, temporaryStore, textSource } from './test-fixture';
import type { CaseStore } from './types';

// A hostile or broken file must be refused with its reason before it can fill memory or the disk; ordinary
// exports (free text with line breaks) must go in.

let store: CaseStore;
let dataDir: string;
let cleanup: () => Promise<void>;

beforeEach(() => {
  ({ store, dataDir, cleanup } = temporaryStore());
});
afterEach(() => cleanup());

/** Writes a Parquet file from a query, the way another tool would have produced it. */
async function parquetOf(name: string, query: string): Promise<string> {
  const file = path.join(dataDir, name);
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    await connection.run(`COPY (${query}) TO ${quoteString(file)} (FORMAT parquet, COMPRESSION zstd)`);
    connection.closeSync();
  } finally {
    instance.closeSync();
  }
  return file;
}

const caseCount = async () => store.countCases('org');

describe('limits', () => {
  it('refuses a Parquet bomb (1,000 cells of 1 MB in a few KB) by its cell size, holding memory', async () => {
    const bomb = await parquetOf(
      'bomb.parquet',
      `SELECT 'C' || i AS case_id, '2026-01-02' AS admit_date, '2026-01-03' AS discharge_date,
         repeat('a', 1000000) AS procedure_name FROM range(1000) t(i)`,
    );
    expect(fs.statSync(bomb).size).toBeLessThan(10_000);
    const before = process.memoryUsage().rss;
    const refused = await store.ingest('org', 'bomb', fileSource(bomb, 'parquet')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedFileError);
    expect((refused as Error).message).toMatch(/column "procedure_name" holds 1,000,000 bytes.*64 KB/);
    // Loading it took 5.3 GB; measuring it must stay far below the 1 GB DuckDB limit.
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 ** 2);
    expect(await caseCount()).toBe(0);
    expect(fs.readdirSync(path.join(dataDir, 'analytics', 'uploads'))).toEqual([]);
  });

  it('refuses a file that expands past the configured ratio, though each cell is small', async () => {
    const file = await parquetOf(
      'repetitive.parquet',
      `SELECT 'C' || i AS case_id, '2026-01-02' AS admit_date, '2026-01-03' AS discharge_date,
         repeat('b', 60000) AS procedure_name FROM range(500) t(i)`,
    );
    const refused = await store.ingest('org', 'r', fileSource(file, 'parquet')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedFileError);
    expect((refused as Error).message).toMatch(
      /expands to about 30,\d{3},\d{3} bytes .* more than 500 times/,
    );
  });

  it('refuses a CSV with a cell over 64 KB or a row over 1 MB, naming the limit', async () => {
    const header = 'case_id,admit_date,discharge_date,procedure_name';
    const wide = `${header}\nA1,2026-01-02,2026-01-03,${'x'.repeat(70_000)}\n`;
    await expect(store.ingest('org', 'wide', textSource(wide))).rejects.toThrow(
      /column "procedure_name" holds 70,000 bytes; a cell may hold at most 65,536 bytes \(64 KB\)/,
    );
    const columns = Array.from({ length: 20 }, (_, i) => `extra_${i}`);
    const long = `${header},${columns.join(',')}\nA1,2026-01-02,2026-01-03,knee,${columns.map(() => 'y'.repeat(60_000)).join(',')}\n`;
    await expect(store.ingest('org', 'long', textSource(long))).rejects.toThrow(
      /A line of the file is longer than 1,048,576 bytes \(1 MB\)/,
    );
    expect(await caseCount()).toBe(0);
  });

  it('runs DuckDB under the configured memory limit, spilling inside the data folder', async () => {
    const databases = new OrgDatabases(dataDir, { memoryLimit: '256MB', maxExpansion: 500 });
    const database = await databases.get('limits');
    const [settings] = await database.query(
      `SELECT current_setting('memory_limit') AS memory, current_setting('temp_directory') AS spill`,
    );
    expect(String(settings?.memory)).toMatch(/^(244|256)(\.\d+)? ?Mi?B$/);
    expect(String(settings?.spill)).toBe(path.join(dataDir, 'analytics', 'spill'));
    await databases.closeAll();
  });

  it('removes staged copies a stopped process left behind', async () => {
    const staged = path.join(
      dataDir,
      'analytics',
      'uploads',
      'upload-0f8e3c1e-3a5b-4c1d-9e2f-000000000000.csv',
    );
    fs.writeFileSync(staged, 'left over');
    const again = new OrgDatabases(dataDir);
    expect(fs.existsSync(staged)).toBe(false);
    await again.closeAll();
  });
});

describe('line breaks inside quoted cells', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`are kept with ${name} line ends, beside a short row`, async () => {
      const text = [
        'case_id,admit_date,discharge_date,surgeon',
        `A1,2026-01-02,2026-01-03,"free${eol}text"`,
        'A2,2026-01-02',
        `A3,2026-01-02,2026-01-04,plain`,
        '',
      ].join(eol);
      const result = await store.ingest('org', `f-${name}`, textSource(text));
      expect(result).toMatchObject({ kind: 'ingested', rows: 2, rejected_rows: 1 });
      const answer = await store.runPlan(
        'org',
        'hospital',
        queryPlan({
          measures: [{ measure: 'cases', aggregation: 'count' }],
          group_by: ['surgeon'],
          window: { kind: 'fixed', from: '2026-01-01', to: '2026-01-31', label: 'January 2026' },
        }),
      );
      const names = answer.tables[0]!.rows.map((row) => row.surgeon);
      expect(names).toEqual(expect.arrayContaining([`free${eol}text`, 'plain']));
    });
  }
});

describe('the committed outcome', () => {
  it('is recorded with the rows and removed with them', async () => {
    const text = 'case_id,admit_date,discharge_date\nA1,2026-01-02,2026-01-03\nA2,bad,2026-01-03\n';
    const result = await store.ingest('org', 'f1', textSource(text));
    expect(await store.committedIngest('org', 'f1')).toEqual(result);
    expect(await store.committedIngest('org', 'other')).toBeNull();
    await store.removeFile('org', 'f1');
    expect(await store.committedIngest('org', 'f1')).toBeNull();
  });
});

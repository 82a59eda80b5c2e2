// @vitest-environment node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHeaderCheck } from './case-columns';
import { readParquetColumns, sampleText } from './parquet-columns';

let folder: string;

/** A Parquet file written by DuckDB, as an export tool would write one. */
async function parquetFile(name: string, select: string, options = ''): Promise<Blob> {
  const file = path.join(folder, name);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet${options})`);
  connection.closeSync();
  instance.closeSync();
  return new Blob([fs.readFileSync(file)]);
}

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-parquet-'));
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('readParquetColumns', () => {
  it('reads the column names from the footer and the first values as ingestion reads them', async () => {
    const file = await parquetFile(
      'export.parquet',
      `SELECT 'E' || i AS encounter_id, DATE '2026-01-01' + CAST(i AS INTEGER) AS dos,
        TIMESTAMP '2026-01-03 10:30:00' + INTERVAL (i) DAY AS disch_dt,
        CAST(40 + i AS BIGINT) AS patient_age, 1234.5 + i AS total_charges, i % 2 = 0 AS readmit,
        CAST(NULL AS VARCHAR) AS notes
       FROM range(20) t(i)`,
    );
    const { columns, samples } = await readParquetColumns(file);
    expect(columns).toEqual([
      'encounter_id',
      'dos',
      'disch_dt',
      'patient_age',
      'total_charges',
      'readmit',
      'notes',
    ]);
    expect(samples).toHaveLength(5);
    expect(samples[0]).toEqual(['E0', '2026-01-01', '2026-01-03', '40', '1234.5', 'true', '']);
    expect(samples[4]?.[1]).toBe('2026-01-05');
  });

  it('keeps the names when the values cannot be read in the browser (a codec it lacks)', async () => {
    const file = await parquetFile(
      'zstd.parquet',
      `SELECT 'E' || i AS visit_id, DATE '2026-01-01' AS dos FROM range(3) t(i)`,
      ', COMPRESSION zstd',
    );
    const { columns, samples } = await readParquetColumns(file);
    expect(columns).toEqual(['visit_id', 'dos']);
    // hyparquet reads ZSTD pages only with an extra codec; without samples the mapping still proposes by name.
    expect(samples).toEqual([]);
  });

  it('refuses a file that is not Parquet', async () => {
    await expect(readParquetColumns(new Blob(['case_id,admit_date\n1,2026-01-01\n']))).rejects.toThrow();
  });

  it('writes values as text a mapping can read', () => {
    expect(sampleText(new Date('2026-02-03T00:00:00Z'))).toBe('2026-02-03');
    expect(sampleText(12n)).toBe('12');
    expect(sampleText(null)).toBe('');
    expect(sampleText(new Uint8Array([1]))).toBe('');
    expect(sampleText({ nested: 1 })).toBe('');
  });
});

describe('readHeaderCheck for Parquet', () => {
  it('says which case columns a Parquet export lacks under its own names', async () => {
    const file = await parquetFile(
      'cases.parquet',
      `SELECT 'C1' AS case_id, DATE '2026-01-01' AS admit_date, 'x' AS payer`,
    );
    const check = await readHeaderCheck(file, 'Cases.PARQUET');
    expect(check).toMatchObject({
      columns: ['case_id', 'admit_date', 'payer'],
      missing: ['discharge_date'],
      unknown: ['payer'],
      samples: [['C1', '2026-01-01', 'x']],
    });
  });
});

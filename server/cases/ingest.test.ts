import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryPlan } from '../test/query-plan';
import { UnreadableFileError } from './ingest';
import { fileSource, fixtureCases, temporaryStore, textSource, toCsv } from './test-fixture';
import type { CaseStore } from './types';

const HEADER = 'case_id,admit_date,discharge_date,procedure_code,gender,age,cost,readmitted_30';

let store: CaseStore;
let dataDir: string;
let cleanup: () => Promise<void>;

beforeEach(() => {
  ({ store, dataDir, cleanup } = temporaryStore());
});
afterEach(() => cleanup());

/** Reads the stored rows directly: the store is closed first (it reopens on its next call), since one
 *  process cannot hold two DuckDB instances on one file. */
async function stored(column: string, orgId = 'org'): Promise<string[]> {
  await store.close();
  const instance = await DuckDBInstance.create(path.join(dataDir, 'analytics', `${orgId}.duckdb`));
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(`SELECT ${column} AS value FROM cases ORDER BY case_id`);
    connection.closeSync();
    return reader.getRowObjectsJS().map((row) => String(row.value));
  } finally {
    instance.closeSync();
  }
}

const ids = (orgId = 'org') => stored('case_id', orgId).then((values) => values.sort());

describe('ingest', () => {
  it('reads a BOM, CRLF line ends and quoted commas and newlines, with columns in any order and case', async () => {
    const text = `\uFEFFAdmit_Date,CASE_ID,Discharge Date,procedure_name,extra\r\n2026-01-02,A1,2026-01-03,"Knee, total",x\r\n2026-01-02,A2,2026-01-04,"two\r\nlines",y\r\n`;
    const result = await store.ingest('org', 'f1', textSource(text));
    expect(result).toEqual({ kind: 'ingested', rows: 2, rejected_rows: 0, errors: [] });
    expect(await ids()).toEqual(['A1', 'A2']);
    expect((await stored('procedure_name')).sort()).toEqual(['Knee, total', 'two\r\nlines']);
  });

  it('treats an empty file and a header-only file without failing', async () => {
    expect(await store.ingest('org', 'empty', textSource(''))).toEqual({
      kind: 'not_case_data',
      missing: ['case_id', 'admit_date', 'discharge_date'],
    });
    expect(await store.ingest('org', 'header', textSource(`${HEADER}\n`))).toEqual({
      kind: 'ingested',
      rows: 0,
      rejected_rows: 0,
      errors: [],
    });
  });

  it('names the missing columns of a file that is not case data', async () => {
    const result = await store.ingest('org', 'f', textSource('case_id,name\n1,x\n'));
    expect(result).toEqual({ kind: 'not_case_data', missing: ['admit_date', 'discharge_date'] });
  });

  it('rejects bad rows with their row number and reason and keeps the good ones', async () => {
    const rows = [
      '1,2026-01-01,2026-01-02,27447,M,40,100,0',
      '2,2026-01-05,2026-01-02,27447,F,40,100,0',
      '3,2026-13-01,2026-01-02,27447,X,130,-5,2',
      ',2026-01-01,2026-01-02,27447,F,40,abc,1',
      '5,2026-01-01,2026-01-02,27447,,,,',
      '6,01/02/2026,2026-01-02,27447,f,12.5,1e3,1',
    ];
    const result = await store.ingest('org', 'f', textSource(`${HEADER}\n${rows.join('\n')}\n`, 'csv'));
    if (result.kind !== 'ingested') throw new Error('expected ingestion');
    expect(result.rows).toBe(2);
    expect(result.rejected_rows).toBe(4);
    const reasons = result.errors.map((error) => `${error.row}:${error.column}`);
    expect(reasons).toEqual([
      '2:discharge_date',
      '3:admit_date',
      '3:gender',
      '3:age',
      '3:cost',
      '3:readmitted_30',
      '4:case_id',
      '4:cost',
      '6:admit_date',
      '6:age',
    ]);
    expect(result.errors[0]!.message).toBe('discharge_date is before admit_date');
    expect(result.errors[1]!.message).toBe('admit_date must be a date YYYY-MM-DD (got "2026-13-01")');
    expect(result.errors[2]!.message).toBe('gender must be M, F or empty (got "X")');
    expect(await ids()).toEqual(['1', '5']);
  });

  it('keeps the first 100 reasons but counts every rejected row', async () => {
    const rows = Array.from({ length: 150 }, (_, index) => `${index},not-a-date,2026-01-02,1,M,1,1,0`);
    const result = await store.ingest('org', 'f', textSource(`${HEADER}\n${rows.join('\n')}\n`));
    expect(result).toMatchObject({ kind: 'ingested', rows: 0, rejected_rows: 150 });
    if (result.kind === 'ingested') expect(result.errors).toHaveLength(100);
  });

  it('lets the last row win for a case_id repeated in one file', async () => {
    const text = `${HEADER}\nA,2026-01-01,2026-01-02,1,M,40,100,0\nA,2026-01-01,2026-01-02,1,M,40,300,0\n`;
    expect(await store.ingest('org', 'f', textSource(text))).toMatchObject({ rows: 1, rejected_rows: 0 });
    const result = await store.runPlan(
      'org',
      'hospital',
      queryPlan({
        measures: [{ measure: 'cost', aggregation: 'sum' }],
        window: { kind: 'fixed', from: '2026-01-01', to: '2026-01-01', label: '1 January 2026' },
      }),
    );
    expect(result.figures.totals[0]).toBe(300);
  });

  it('is idempotent on re-upload, replaces a case_id from another file, and removes a file`s rows', async () => {
    const csv = toCsv(fixtureCases(20));
    await store.ingest('org', 'f1', textSource(csv));
    await store.ingest('org', 'f1', textSource(csv));
    expect(await store.countCases('org')).toBe(20);
    await store.ingest(
      'org',
      'f2',
      textSource(
        `${HEADER}\nC001,2026-01-01,2026-01-02,1,M,40,100,0\nNEW,2026-01-01,2026-01-02,1,M,40,100,0\n`,
      ),
    );
    expect(await store.countCases('org')).toBe(21);
    expect(await store.removeFile('org', 'f1')).toEqual({ rows: 19 });
    expect(await ids()).toEqual(['C001', 'NEW']);
    expect(await store.countCases('other-org')).toBe(0);
  });

  it('reads TSV and Parquet', async () => {
    const cases = fixtureCases(12);
    const tsv = toCsv(cases).replaceAll(',', '\t');
    expect(await store.ingest('org', 'tsv', textSource(tsv, 'tsv'))).toMatchObject({
      rows: 12,
      rejected_rows: 0,
    });
    const csvFile = path.join(dataDir, 'fixture.csv');
    const parquetFile = path.join(dataDir, 'fixture.parquet');
    fs.writeFileSync(csvFile, toCsv(fixtureCases(30)));
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT * FROM read_csv('${csvFile}')) TO '${parquetFile}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    expect(await store.ingest('org', 'pq', fileSource(parquetFile, 'parquet'))).toMatchObject({
      rows: 30,
      rejected_rows: 0,
    });
    expect(await store.countCases('org')).toBe(30);
  });

  it('rejects short rows, tolerates extra fields and refuses a file it cannot parse', async () => {
    const text = `${HEADER}\n1,2026-01-01,2026-01-02,27447,M,40,100,0,surplus\n2,2026-01-01\n`;
    const result = await store.ingest('org', 'f', textSource(text));
    expect(result).toMatchObject({
      kind: 'ingested',
      rows: 1,
      rejected_rows: 1,
      errors: [{ row: 2, column: 'discharge_date' }],
    });
    await expect(store.ingest('org', 'g', textSource(text, 'parquet'))).rejects.toBeInstanceOf(
      UnreadableFileError,
    );
    expect(await store.countCases('org')).toBe(1);
  });

  it('reports progress through reading, validating and writing', async () => {
    const phases: string[] = [];
    await store.ingest('org', 'f', textSource(toCsv(fixtureCases(5))), (progress) =>
      phases.push(`${progress.phase}:${progress.fraction}`),
    );
    expect(phases[0]).toBe('reading:0');
    expect(phases.at(-1)).toBe('writing:1');
    expect(new Set(phases.map((phase) => phase.split(':')[0]))).toEqual(
      new Set(['reading', 'validating', 'writing']),
    );
  });
});

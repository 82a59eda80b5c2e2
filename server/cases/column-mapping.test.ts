import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MappingColumns } from '../../src/contract/column-mapping';
import { ingestFile } from './ingest';
import { OrgDatabases } from './org-database';
import { fileSource, temporaryStore, textSource } from './test-fixture';
import type { CaseStore, IngestSource } from './types';

let store: CaseStore;
let dataDir: string;
let cleanup: () => Promise<void>;
let databases: OrgDatabases;

beforeEach(() => {
  ({ store, dataDir, cleanup } = temporaryStore());
  // A second handle on the same folder reads the stored rows back with plain SQL.
  databases = new OrgDatabases(fs.mkdtempSync(path.join(dataDir, 'direct-')));
  store = {
    ...store,
    ingest: async (orgId, fileId, source) => ingestFile(await databases.get(orgId), fileId, source),
  };
});
afterEach(async () => {
  await databases.closeAll();
  await cleanup();
});

const BASE: MappingColumns = {
  case_id: { source: 'Encounter' },
  admit_date: { source: 'DOS', format: 'MM/DD/YYYY' },
  discharge_date: { source: 'Disch', format: 'MM/DD/YYYY' },
};

const mapped = (text: string, mapping: MappingColumns, extra: Partial<IngestSource> = {}): IngestSource => ({
  ...textSource(text),
  mapping,
  ...extra,
});

async function rows(orgId = 'org') {
  return (await databases.get(orgId)).query(
    `SELECT case_id, strftime(admit_date, '%Y-%m-%d') AS admit_date, cost, gender, readmitted_30 FROM cases`,
  );
}

describe('column mapping at ingestion', () => {
  it('renames columns and reads each date format the mapping names', async () => {
    const cases: [string, string, string][] = [
      ['MM/DD/YYYY', '03/05/2024', '2024-03-05'],
      ['MM/DD/YYYY', '3/5/2024', '2024-03-05'],
      ['M/D/YY', '3/5/24', '2024-03-05'],
      ['M/D/YY', '12/31/99', '1999-12-31'],
      ['DD/MM/YYYY', '05/03/2024', '2024-03-05'],
      ['DD.MM.YYYY', '05.03.2024', '2024-03-05'],
      ['YYYY/MM/DD', '2024/03/05', '2024-03-05'],
      ['MM-DD-YYYY', '03-05-2024', '2024-03-05'],
      ['YYYYMMDD', '20240305', '2024-03-05'],
      ['YYYY-MM-DD', '2024-03-05', '2024-03-05'],
    ];
    for (const [index, [format, text, iso]] of cases.entries()) {
      const mapping: MappingColumns = {
        case_id: { source: 'Encounter' },
        admit_date: { source: 'DOS', format },
        discharge_date: { source: 'DOS', format },
      } as MappingColumns;
      const result = await store.ingest(
        'org',
        `f${index}`,
        mapped(`Encounter,DOS\nE${index},${text}\n`, mapping),
      );
      expect(result, `${format} ${text}`).toMatchObject({ kind: 'ingested', rows: 1, rejected_rows: 0 });
      const row = (await rows()).find((candidate) => candidate.case_id === `E${index}`);
      expect(row?.admit_date, `${format} ${text}`).toBe(iso);
    }
  });

  it('rejects a date that does not read in the chosen format, with the reason, never guessing', async () => {
    const text = [
      'Encounter,DOS,Disch',
      'A,03/05/2024,03/07/2024',
      'B,2024-03-05,03/07/2024', // valid ISO, but the mapping says MM/DD/YYYY: rejected, not guessed
      'C,13/45/2024,03/07/2024',
      'D,,03/07/2024',
    ].join('\n');
    const result = await store.ingest('org', 'f', mapped(text, BASE));
    expect(result).toMatchObject({ kind: 'ingested', rows: 1, rejected_rows: 3 });
    if (result.kind !== 'ingested') throw new Error('not ingested');
    expect(result.errors).toEqual([
      { row: 2, column: 'admit_date', message: 'admit_date must be a date MM/DD/YYYY (got "2024-03-05")' },
      { row: 3, column: 'admit_date', message: 'admit_date must be a date MM/DD/YYYY (got "13/45/2024")' },
      { row: 4, column: 'admit_date', message: 'admit_date is required' },
    ]);
  });

  it('reads Y/N, yes/no, true/false and 1/0 for readmitted_30 and refuses anything else', async () => {
    const mapping: MappingColumns = { ...BASE, readmitted_30: { source: 'Readmit', format: 'yes_no' } };
    const values = ['Y', 'n', 'Yes', 'NO', 'true', 'False', '1', '0', '', 'maybe'];
    const text = [
      'Encounter,DOS,Disch,Readmit',
      ...values.map((value, index) => `R${index},01/02/2024,01/03/2024,${value}`),
    ].join('\n');
    const result = await store.ingest('org', 'f', mapped(text, mapping));
    expect(result).toMatchObject({ kind: 'ingested', rows: 9, rejected_rows: 1 });
    if (result.kind !== 'ingested') throw new Error('not ingested');
    expect(result.errors[0]).toEqual({
      row: 10,
      column: 'readmitted_30',
      message: 'readmitted_30 must be Y/N, yes/no, true/false or 1/0 (got "maybe")',
    });
    const byId = Object.fromEntries((await rows()).map((row) => [row.case_id, row.readmitted_30]));
    expect(byId).toEqual({ R0: 1, R1: 0, R2: 1, R3: 0, R4: 1, R5: 0, R6: 1, R7: 0, R8: null });
  });

  it('reads currency strings, refuses accounting negatives for amounts and text that is no amount', async () => {
    const mapping: MappingColumns = { ...BASE, cost: { source: 'Charges', format: 'currency' } };
    const values = [
      '"$1,234.50"',
      '1234.5',
      '$ 0.99',
      '"12,345,678"',
      '"(1,234.50)"',
      '"1,23"',
      'USD 5',
      '$',
    ];
    const text = [
      'Encounter,DOS,Disch,Charges',
      ...values.map((value, index) => `M${index},01/02/2024,01/03/2024,${value}`),
    ].join('\n');
    const result = await store.ingest('org', 'f', mapped(text, mapping));
    expect(result).toMatchObject({ kind: 'ingested', rows: 4, rejected_rows: 4 });
    if (result.kind !== 'ingested') throw new Error('not ingested');
    expect(result.errors.map((error) => [error.row, error.message])).toEqual([
      [5, 'cost must be 0 or more (got "-1234.50")'],
      [6, 'cost must be an amount like 1234.50, $1,234.50 or (1,234.50) (got "1,23")'],
      [7, 'cost must be an amount like 1234.50, $1,234.50 or (1,234.50) (got "USD 5")'],
      [8, 'cost must be an amount like 1234.50, $1,234.50 or (1,234.50) (got "$")'],
    ]);
    const costs = Object.fromEntries((await rows()).map((row) => [row.case_id, row.cost]));
    expect(costs).toEqual({ M0: 1234.5, M1: 1234.5, M2: 0.99, M3: 12345678 });
  });

  it('reads gender words when the mapping says so', async () => {
    const mapping: MappingColumns = { ...BASE, gender: { source: 'Sex', format: 'words' } };
    const text = [
      'Encounter,DOS,Disch,Sex',
      'G1,01/02/2024,01/03/2024,Male',
      'G2,01/02/2024,01/03/2024,female',
      'G3,01/02/2024,01/03/2024,Unknown',
      'G4,01/02/2024,01/03/2024,X',
    ].join('\n');
    const result = await store.ingest('org', 'f', mapped(text, mapping));
    expect(result).toMatchObject({ kind: 'ingested', rows: 3, rejected_rows: 1 });
    const genders = Object.fromEntries((await rows()).map((row) => [row.case_id, row.gender]));
    expect(genders).toEqual({ G1: 'M', G2: 'F', G3: null });
  });

  it('reads columns whose names hold quotes and SQL as plain names', async () => {
    const mapping: MappingColumns = {
      case_id: { source: 'Enc"ounter' },
      admit_date: { source: "Date'); DROP TABLE cases; --", format: 'DD.MM.YYYY' },
      discharge_date: { source: "Date'); DROP TABLE cases; --", format: 'DD.MM.YYYY' },
    };
    const text = `"Enc""ounter","Date'); DROP TABLE cases; --"\nQ1,05.03.2024\n`;
    expect(await store.ingest('org', 'f', mapped(text, mapping))).toMatchObject({
      kind: 'ingested',
      rows: 1,
    });
    expect((await rows()).map((row) => row.case_id)).toEqual(['Q1']);
  });

  it('says which mapped column a file lacks', async () => {
    await expect(store.ingest('org', 'f', mapped('Encounter,DOS\nA,01/02/2024\n', BASE))).rejects.toThrow(
      /reads "Disch", which this file does not have/,
    );
  });

  it('names the required case columns a mapping leaves out', async () => {
    const mapping: MappingColumns = { case_id: { source: 'Encounter' } };
    expect(await store.ingest('org', 'f', mapped('Encounter,DOS\nA,01/02/2024\n', mapping))).toEqual({
      kind: 'not_case_data',
      missing: ['admit_date', 'discharge_date'],
    });
  });
});

/** A Parquet export written by DuckDB, with the column types export tools write. */
async function parquetExport(select: string): Promise<string> {
  const file = path.join(dataDir, `export-${Math.random().toString(36).slice(2)}.parquet`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  return file;
}

describe('column mapping of a Parquet file', () => {
  it('reads typed dates, timestamps, amounts and flags under the mapped names, with correct figures', async () => {
    const file = await parquetExport(`SELECT * FROM (VALUES
        ('E1', DATE '2024-03-05', TIMESTAMP '2024-03-07 14:30:00', CAST(1234.50 AS DECIMAL(10,2)), true, 'Male', 61),
        ('E2', DATE '2024-03-06', TIMESTAMP '2024-03-09 00:00:00', CAST(800 AS DECIMAL(10,2)), false, 'female', 47),
        ('E3', DATE '2024-03-08', TIMESTAMP '2024-03-07 09:00:00', CAST(10 AS DECIMAL(10,2)), NULL, 'F', 33)
      ) AS t(encounter_id, dos, disch_ts, total_charges, readmit, sex, patient_age)`);
    const mapping: MappingColumns = {
      case_id: { source: 'encounter_id' },
      admit_date: { source: 'dos', format: 'YYYY-MM-DD' },
      discharge_date: { source: 'disch_ts', format: 'YYYY-MM-DD' },
      cost: { source: 'total_charges', format: 'plain' },
      readmitted_30: { source: 'readmit', format: 'yes_no' },
      gender: { source: 'sex', format: 'words' },
      age: { source: 'patient_age' },
    };
    const target = path.join(dataDir, 'rejected-parquet.csv');
    const result = await store.ingest('org', 'pq', {
      ...fileSource(file, 'parquet'),
      mapping,
      rejectedRowsFile: target,
    });
    // E3 was discharged (by its timestamp's date) before it was admitted.
    expect(result).toEqual({
      kind: 'ingested',
      rows: 2,
      rejected_rows: 1,
      errors: [{ row: 3, column: 'discharge_date', message: 'discharge_date is before admit_date' }],
    });
    const [figures] = await (await databases.get('org')).query(
      `SELECT sum(cost) AS cost, sum(readmitted_30) AS readmitted, string_agg(gender, '' ORDER BY case_id) AS genders,
         sum(age) AS age, string_agg(strftime(discharge_date, '%Y-%m-%d'), ' ' ORDER BY case_id) AS discharged FROM cases`,
    );
    expect(figures).toEqual({
      cost: 2034.5,
      readmitted: 1,
      genders: 'MF',
      age: 108,
      discharged: '2024-03-07 2024-03-09',
    });
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^encounter_id,dos,disch_ts,.*rejection_reason\nE3,/);
  });

  it('reads a timestamp as its date in a Parquet file with the case column names, too', async () => {
    const file = await parquetExport(
      `SELECT 'A' AS case_id, TIMESTAMP '2024-03-05 08:00:00' AS admit_date, TIMESTAMPTZ '2024-03-06 12:00:00+00' AS discharge_date`,
    );
    expect(await store.ingest('org', 'plain', fileSource(file, 'parquet'))).toMatchObject({
      rows: 1,
      rejected_rows: 0,
    });
    expect((await rows()).map((row) => row.admit_date)).toEqual(['2024-03-05']);
  });

  it('says which mapped column a Parquet file lacks', async () => {
    const file = await parquetExport(`SELECT 'E1' AS encounter_id, DATE '2024-03-05' AS dos`);
    await expect(
      store.ingest('org', 'pq', { ...fileSource(file, 'parquet'), mapping: BASE }),
    ).rejects.toThrow(/"Disch"/);
  });
});

describe('rejected rows file', () => {
  it('holds the original rows, every column as written, plus the reason', async () => {
    const target = path.join(dataDir, 'rejected.csv');
    const text = [
      'Encounter,DOS,Disch,Note',
      'A,03/05/2024,03/07/2024,fine',
      'B,2024-03-05,03/07/2024,"has, comma"',
      'C,03/09/2024,03/07/2024,late',
    ].join('\n');
    const result = await store.ingest('org', 'f', mapped(text, BASE, { rejectedRowsFile: target }));
    expect(result).toMatchObject({ rows: 1, rejected_rows: 2 });
    expect(fs.readFileSync(target, 'utf8').trim().split('\n')).toEqual([
      'Encounter,DOS,Disch,Note,rejection_reason',
      'B,2024-03-05,03/07/2024,"has, comma","admit_date must be a date MM/DD/YYYY (got ""2024-03-05"")"',
      'C,03/09/2024,03/07/2024,late,discharge_date is before admit_date',
    ]);
  });

  it('is not written when every row is accepted', async () => {
    const target = path.join(dataDir, 'none.csv');
    await store.ingest(
      'org',
      'f',
      mapped('Encounter,DOS,Disch\nA,03/05/2024,03/07/2024\n', BASE, { rejectedRowsFile: target }),
    );
    expect(fs.existsSync(target)).toBe(false);
  });
});

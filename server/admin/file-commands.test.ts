import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredFile } from '../../src/contract/files';
import { loadConfig } from '../config';
import { type Db, openDatabase } from '../db/open-database';
import { createApiKeys } from '../keys/api-keys';
import { type RunningServer, startServer } from '../start-server';
import { fileCommand } from './file-commands';

// On real sockets, as an operator runs it beside the server: the command goes through the server's API and
// the store's presigned URLs, with its own connection to the data folder (as the CLI process has).

const EXPORT_HEADER = 'Encounter,DOS,Disch,Charges,Readmit,Note';
const fail = (message: string): never => {
  throw new Error(message);
};

let server: RunningServer;
let dataDir = '';
let db: Db;
let orgId = '';
let mappingId = '';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-admin-file-'));
  const config = loadConfig({ HP_DATA_DIR: dataDir, HP_SEED_DEMO: '0', HP_PORT: '0', HP_STORAGE_PORT: '0' });
  server = await startServer(config, {});
  db = openDatabase(dataDir);
  orgId = server.deps.accounts.createOrg('Mercy General', 'hospital').id;
  mappingId = server.deps.mappings.create(
    orgId,
    {
      name: 'Nightly export',
      header: EXPORT_HEADER.split(','),
      columns: {
        case_id: { source: 'Encounter' },
        admit_date: { source: 'DOS', format: 'MM/DD/YYYY' },
        discharge_date: { source: 'Disch', format: 'MM/DD/YYYY' },
        revenue: { source: 'Charges', format: 'currency' },
        readmitted_30: { source: 'Readmit', format: 'yes_no' },
      },
    },
    'test',
  ).id;
});

afterAll(async () => {
  db?.close();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function exportFile(name: string, rows: string[]): string {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, `${EXPORT_HEADER}\n${rows.join('\n')}\n`);
  return file;
}

const run = (command: 'file:upload' | 'file:ingest', values: Record<string, string>) =>
  fileCommand(command, db, values, { apiUrl: server.url, fail, pollMs: 50 });

describe('operator file commands', () => {
  it('uploads a file with a mapping through the API and waits for its ingestion', async () => {
    const file = exportFile('nightly.csv', [
      'N-1,03/05/2024,03/07/2024,"$1,234.50",Y,',
      'N-2,03/06/2024,03/09/2024,$800.00,N,',
      'N-3,2024-03-07,03/09/2024,$10.00,N,',
    ]);
    const output = await run('file:upload', { org: orgId, path: file, mapping: mappingId });
    const stored = output.json as StoredFile;
    expect(stored).toMatchObject({
      filename: 'nightly.csv',
      status: 'ingested',
      mapping_id: mappingId,
      ingest: { rows: 2, rejected_rows: 1 },
    });
    expect(stored.uploaded_by).toMatch(/operator file:upload/);
    expect(output.text).toMatch(/2 rows added, 1 rejected/);
    expect(output.text).toMatch(/row 3: admit_date must be a date MM\/DD\/YYYY/);
    expect(await server.deps.cases.countCases(orgId)).toBe(2);
    // The command's key lived only for the command.
    const keys = createApiKeys(db, () => new Date()).listAll();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.revoked_at !== null)).toBe(true);
  });

  it('uploads a file larger than one part in parts', async () => {
    const note = 'x'.repeat(1000);
    const rows = Array.from(
      { length: 6000 },
      (_, index) => `P-${index},04/01/2024,04/02/2024,$1.00,N,${note}`,
    );
    const file = exportFile('large.csv', rows);
    expect(fs.statSync(file).size).toBeGreaterThan(5 * 1024 * 1024);
    const output = await fileCommand(
      'file:upload',
      db,
      { org: orgId, path: file, mapping: mappingId },
      { apiUrl: server.url, fail, pollMs: 50, partBytes: 5 * 1024 * 1024 },
    );
    expect(output.json).toMatchObject({
      status: 'ingested',
      size: fs.statSync(file).size,
      ingest: { rows: 6000, rejected_rows: 0 },
    });
  });

  it('reads a stored file again with a mapping', async () => {
    const file = exportFile('plain.csv', ['R-1,05/01/2024,05/02/2024,$5.00,N,']);
    const first = await run('file:upload', { org: orgId, path: file });
    expect(first.json).toMatchObject({
      status: 'uploaded',
      missing_columns: ['case_id', 'admit_date', 'discharge_date'],
    });
    expect(first.text).toMatch(/not case data: it lacks case_id, admit_date, discharge_date/);
    const again = await run('file:ingest', {
      org: orgId,
      id: (first.json as StoredFile).id,
      mapping: mappingId,
    });
    expect(again.json).toMatchObject({ status: 'ingested', mapping_id: mappingId, ingest: { rows: 1 } });
  });

  it('says what to do when the org, the mapping, the file or the server is wrong', async () => {
    const file = exportFile('x.csv', ['A,05/01/2024,05/02/2024,$5.00,N,']);
    await expect(run('file:upload', { org: 'org_nope', path: file })).rejects.toThrow(
      /no organization org_nope/,
    );
    await expect(run('file:upload', { org: orgId, path: path.join(dataDir, 'absent.csv') })).rejects.toThrow(
      /There is no file/,
    );
    await expect(run('file:upload', { org: orgId, path: file, mapping: 'map_nope' })).rejects.toThrow(
      /The API refused it \(404\)/,
    );
    await expect(
      fileCommand('file:upload', db, { org: orgId, path: file }, { apiUrl: 'http://127.0.0.1:9', fail }),
    ).rejects.toThrow(/did not answer.*Start the server/);
  });
});

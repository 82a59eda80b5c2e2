import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCrashStores } from '../test/crash-stores';

// kill -9 anywhere inside an ingestion, then start again: the SQLite and DuckDB files open, what committed
// before is intact, and the new file's status says what its rows really are (the review found a file marked
// "none of its rows were added" whose 200,000 rows were live). Bounded: four kills, one per point of the
// window: staging the upload, validating, inside the DuckDB transaction, and after its commit before the
// status is written.

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '../test/ingest-kill-child.ts');
const ROWS = 60_000;
let root = '';
let template = '';
let orgId = '';
const key = 'org/new/cases.csv';

const csv = (from: number, label: string) =>
  [
    'case_id,admit_date,discharge_date,procedure_name',
    ...Array.from({ length: ROWS }, (_, i) => `C${from + i},2026-01-02,2026-01-04,"${label}\nline ${i}"`),
    '',
  ].join('\n');

/** A data folder with an earlier file ingested and a new file whose bytes are stored but not completed. */
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-crash-'));
  template = path.join(root, 'template');
  fs.mkdirSync(path.join(template, 'objects'), { recursive: true });
  const stores = openCrashStores(path.join(template, 'data'), path.join(template, 'objects'));
  orgId = stores.accounts.createOrg('Crash', 'hospital').id;
  const create = (id: string, fileKey: string) =>
    stores.files.records.create(orgId, {
      id,
      key: fileKey,
      filename: 'cases.csv',
      contentType: 'text/csv',
      size: null,
      uploadedBy: 'usr_test',
    });
  create('old', 'org/old/cases.csv');
  fs.writeFileSync(stores.objectPath('org/old/cases.csv'), csv(0, 'old'));
  await stores.files.complete(orgId, 'org/old/cases.csv');
  await stores.files.idle();
  expect(stores.files.records.get(orgId, 'old')?.status).toBe('ingested');
  // The new file corrects half of the old file's cases, as a re-export would.
  create('new', key);
  fs.writeFileSync(stores.objectPath(key), csv(ROWS / 2, 'new'));
  await stores.close();
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function copyOfTemplate(name: string) {
  const dir = path.join(root, name);
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

function startChild(dir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, path.join(dir, 'data'), path.join(dir, 'objects'), orgId, key],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.line === line)) waiter.resolve();
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const when = (line: string) =>
    lines.includes(line)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ line, resolve }));
  return { child, when, exited, lines };
}

async function kill(child: ChildProcess, exited: Promise<void>) {
  child.kill('SIGKILL');
  await exited;
}

/** Starts again as the server would, and checks that rows and statuses agree. */
async function restartAndCheck(dir: string) {
  const stores = openCrashStores(path.join(dir, 'data'), path.join(dir, 'objects'));
  try {
    expect(stores.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(stores.db.pragma('synchronous', { simple: true })).toBe(1);
    await stores.files.closeInterrupted();
    const old = stores.files.records.get(orgId, 'old')!;
    const added = stores.files.records.get(orgId, 'new')!;
    expect(old.status).toBe('ingested');
    expect(fs.readdirSync(path.join(dir, 'data', 'analytics', 'uploads'))).toEqual([]);
    return { stores, old, added };
  } catch (error) {
    await stores.close();
    throw error;
  }
}

describe('kill -9 during ingestion', () => {
  const points = [
    { after: 'reading', delayMs: 20 },
    { after: 'validating', delayMs: 50 },
    { after: 'writing', delayMs: 30 },
    { after: 'committed', delayMs: 0 },
  ];

  it('leaves rows and status in agreement at every point of the window', { timeout: 180_000 }, async () => {
    for (const point of points) {
      const dir = copyOfTemplate(`kill-${point.after}`);
      const run = startChild(dir);
      await run.when(point.after);
      await new Promise((resolve) => setTimeout(resolve, point.delayMs));
      await kill(run.child, run.exited);
      const { stores, added } = await restartAndCheck(dir);
      // The new file's rows are live exactly when it says ingested (it replaces half of the old file's).
      const isIngested = added.status === 'ingested';
      expect(['failed', 'ingested'], point.after).toContain(added.status);
      expect(await stores.cases.countCases(orgId), point.after).toBe(isIngested ? ROWS * 1.5 : ROWS);
      expect(await stores.cases.committedIngest(orgId, 'new')).toEqual(isIngested ? expect.anything() : null);
      if (isIngested) expect(added.ingest).toMatchObject({ rows: ROWS, rejected_rows: 0 });
      // Killed after the commit, the file must read as ingested: its rows are live.
      if (point.after === 'committed') expect(added.status).toBe('ingested');
      await stores.close();
    }
  });
});

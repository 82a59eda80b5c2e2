import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestSource } from '../cases/types';
import { newId } from '../lib/ids';
import { addOrgWithUser } from '../test/make-app';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';
import { createFileRecords } from './file-records';
import { createFiles, type FileHooks } from './files-service';

/** The seam case ingestion plugs into: what `complete` and `remove` hand over, and how results are kept. */
describe('file hooks', () => {
  let t: TestAppWithStorage;
  let orgId: string;
  const seen: { event: string; fileId: string; format?: string; text?: string }[] = [];
  let nextOutcome: () => Promise<Awaited<ReturnType<NonNullable<FileHooks['onStored']>>>>;

  const hooks: FileHooks = {
    async onStored(_orgId, file, source: IngestSource) {
      const chunks: Buffer[] = [];
      for await (const chunk of await source.open()) chunks.push(Buffer.from(chunk as Uint8Array));
      seen.push({
        event: 'stored',
        fileId: file.id,
        format: source.format,
        text: Buffer.concat(chunks).toString(),
      });
      return nextOutcome();
    },
    async onRemoved(_orgId, file) {
      seen.push({ event: 'removed', fileId: file.id });
    },
  };

  beforeAll(async () => {
    t = await makeTestAppWithStorage();
    orgId = (await addOrgWithUser(t, 'Hooks')).org.id;
  });
  afterAll(() => t.close());

  async function storeAndComplete(filename: string, body: string) {
    const files = createFiles({
      records: createFileRecords(t.deps.db, t.deps.now),
      objects: t.deps.objects,
      maxUploadBytes: 1024,
      log: () => {},
      hooks,
    });
    const id = newId('fil');
    const file = files.records.create(orgId, {
      id,
      key: `${orgId}/${id}/${filename}`,
      filename,
      contentType: 'text/csv',
      size: null,
      uploadedBy: 'test',
    });
    const signed = await t.deps.objects.presign({
      operation: 'put_object',
      key: file.key,
      contentType: 'text/csv',
    });
    expect((await fetch(signed.url, { method: 'PUT', headers: signed.headers, body })).status).toBe(200);
    const completed = await files.complete(orgId, file.key);
    await files.idle();
    return { files, completed, file: files.get(orgId, id) };
  }

  it('hands a stored CSV to ingestion and keeps its result', async () => {
    nextOutcome = async () => ({
      kind: 'ingested',
      rows: 2,
      rejected_rows: 1,
      errors: [{ row: 3, column: 'age', message: 'not a whole number' }],
    });
    const { completed, file } = await storeAndComplete('cases.csv', 'case_id\n1\n2\nx\n');
    expect(completed.status).toBe('ingesting');
    expect(file).toMatchObject({
      status: 'ingested',
      ingest: {
        rows: 2,
        rejected_rows: 1,
        errors: [{ row: 3, column: 'age', message: 'not a whole number' }],
      },
    });
    expect(seen.at(-1)).toMatchObject({ event: 'stored', format: 'csv', text: 'case_id\n1\n2\nx\n' });
  });

  it('leaves a file that is not case data simply uploaded', async () => {
    nextOutcome = async () => ({ kind: 'not_case_data', missing: ['case_id'] });
    const { file } = await storeAndComplete('notes.tsv', 'a\tb\n');
    expect(file).toMatchObject({ status: 'uploaded', ingest: null });
  });

  it('records a failed ingestion with its reason', async () => {
    nextOutcome = async () => {
      throw new Error('The file could not be read: bad magic');
    };
    const { file } = await storeAndComplete('broken.parquet', 'not parquet');
    expect(file.status).toBe('failed');
    expect(file.ingest?.errors[0]?.message).toContain('bad magic');
  });

  it('does not hand over files that are not tabular', async () => {
    const before = seen.length;
    const { file } = await storeAndComplete('scan.pdf', '%PDF-1.7');
    expect(file.status).toBe('uploaded');
    expect(seen.length).toBe(before);
  });

  it('tells ingestion when a file is deleted', async () => {
    nextOutcome = async () => undefined;
    const { files, file } = await storeAndComplete('gone.csv', 'case_id\n');
    await files.remove(orgId, file.id);
    expect(seen.at(-1)).toEqual({ event: 'removed', fileId: file.id });
    expect(await t.deps.objects.head(file.key)).toBeNull();
  });

  it('refuses an object larger than the limit at completion and removes it', async () => {
    await expect(storeAndComplete('huge.csv', 'x'.repeat(2048))).rejects.toMatchObject({
      type: 'payload_too_large',
    });
  });
});

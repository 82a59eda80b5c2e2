import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileRecords } from '../files/file-records';
import { createFiles, type FileHooks } from '../files/files-service';
import { newId } from '../lib/ids';
import { addOrgWithUser, signIn } from '../test/make-app';
import { type Credentials, call, sendSigned, sign } from '../test/upload-calls';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';

// Nothing is lost and nothing half-done is shown as done: a short upload is not recorded as the file, a
// delete cannot be undone by an ingestion finishing after it, and a restart does not leave "ingesting" for ever.

let t: TestAppWithStorage;
let orgId = '';
let user: Credentials;

beforeAll(async () => {
  t = await makeTestAppWithStorage();
  const alpha = await addOrgWithUser(t, 'Integrity');
  orgId = alpha.org.id;
  user = { Authorization: (await signIn(t, alpha.email)).authorization };
});
afterAll(() => t.close());

describe('complete', () => {
  it('refuses an object shorter than the announced file, and accepts the whole file afterwards', async () => {
    const whole = 'case_id,admit_date,discharge_date\nA1,2026-01-02,2026-01-05\n';
    const signed = await call(t, user, 'POST', '/upload/presigned-url/', {
      filename: 'cut.txt',
      size: whole.length,
    });
    expect((await sendSigned(signed.json, whole.slice(0, 20))).status).toBe(200);
    const cut = await call(t, user, 'POST', '/upload/complete/', { key: signed.json.key });
    expect(cut.status).toBe(409);
    expect(cut.json.message).toMatch(/20 bytes.*has 59\. Upload the whole file again/);
    const file = await call(t, user, 'GET', `/files/${signed.json.file_id}/`);
    expect(file.json).toMatchObject({ status: 'pending', uploaded_at: null, etag: null });

    // A URL signed in the same second as the spent one would be that very URL (the test clock stands still).
    t.clock.advance(1000);
    const again = await sign(t, user, { operation: 'put_object', key: signed.json.key });
    expect((await sendSigned(again.json, whole)).status).toBe(200);
    const completed = await call(t, user, 'POST', '/upload/complete/', { key: signed.json.key });
    expect(completed.status).toBe(200);
    expect(completed.json).toMatchObject({ status: 'uploaded', size: whole.length });
  });
});

describe('files with hooks that can be held', () => {
  const order: string[] = [];
  let release = () => {};

  const hooks: FileHooks = {
    async onStored() {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('ingested');
      return { kind: 'ingested', rows: 1, rejected_rows: 0, errors: [] };
    },
    async onRemoved() {
      order.push('rows removed');
    },
  };
  const files = () =>
    createFiles({
      records: createFileRecords(t.deps.db, t.deps.now),
      objects: t.deps.objects,
      maxUploadBytes: 1024,
      log: () => {},
      hooks,
    });

  async function stored(service: ReturnType<typeof files>, body: string) {
    const id = newId('fil');
    const file = service.records.create(orgId, {
      id,
      key: `${orgId}/${id}/held.csv`,
      filename: 'held.csv',
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
    return file;
  }

  it('a delete during ingestion waits for it, so the file’s rows are removed after they were written', async () => {
    const service = files();
    const file = await stored(service, 'case_id\nA\n');
    expect((await service.complete(orgId, file.key)).status).toBe('ingesting');
    const removal = service.remove(orgId, file.id);
    // Without the wait, the whole removal (one local HTTP call) is over long before this.
    const first = await Promise.race([
      removal.then(() => 'removed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300)),
    ]);
    expect(first).toBe('still waiting');
    expect(order).toEqual([]);
    release();
    await removal;
    expect(order).toEqual(['ingested', 'rows removed']);
    expect(service.records.get(orgId, file.id)).toBeNull();
  });

  it('a file left ingesting by a stopped process is marked failed at start-up, saying why', async () => {
    const service = files();
    const file = await stored(service, 'case_id\nB\n');
    service.records.setStatus(orgId, file.id, 'ingesting');
    expect(await service.closeInterrupted()).toBe(1);
    const closed = service.records.get(orgId, file.id)!;
    expect(closed.status).toBe('failed');
    expect(closed.ingest?.errors[0]?.message).toMatch(/none of its rows were added/);
    expect(await service.closeInterrupted()).toBe(0);
  });
});

describe('ingestion errors', () => {
  it('name the uploaded file, never a path inside the data folder', async () => {
    for (const [filename, body] of [
      ['broken.parquet', 'not parquet at all'],
      ['broken.csv', 'case_id,admit_date,discharge_date\n"unterminated,1,2\nx,y'],
    ]) {
      const presigned = await call(t, user, 'POST', '/upload/presigned-url/', { filename });
      expect((await sendSigned(presigned.json, body)).status).toBe(200);
      await call(t, user, 'POST', '/upload/complete/', { key: presigned.json.key });
      await t.deps.files.idle();
      const file = await call(t, user, 'GET', `/files/${presigned.json.file_id}/`);
      const message = (file.json.ingest as { errors: { message: string }[] }).errors[0]!.message;
      expect(file.json.status, filename).toBe('failed');
      expect(message).toContain(`"${filename}"`);
      expect(message).not.toContain(t.deps.config.dataDir);
      expect(message).not.toMatch(/upload-[0-9a-f-]{36}/);
    }
  });
});

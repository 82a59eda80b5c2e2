import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrgWithUser, signIn } from '../test/make-app';
import { type Credentials, call, sendSigned, sign, uploadSmall } from '../test/upload-calls';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';

const MiB = 1024 * 1024;
const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');

describe('the upload API', () => {
  let t: TestAppWithStorage;
  let user: Credentials;
  let orgId: string;

  beforeAll(async () => {
    t = await makeTestAppWithStorage({ maxUploadBytes: 12 * MiB });
    const { org, email } = await addOrgWithUser(t, 'Mercy');
    orgId = org.id;
    user = { Authorization: (await signIn(t, email)).authorization };
  });
  afterAll(() => t.close());

  it('presigns a single PUT whose key the server made from the sanitized name', async () => {
    const { status, json } = await call(t, user, 'POST', '/upload/presigned-url/', {
      filename: '../secret\u202Etxt.csv',
      size: 5,
    });
    expect(status).toBe(201);
    expect(json).toMatchObject({ method: 'PUT', filename: 'secrettxt.csv', max_size: 12 * MiB });
    expect(json.key).toBe(`${orgId}/${json.file_id}/secrettxt.csv`);
    expect(json.headers).toEqual({ 'Content-Type': 'text/csv', 'If-None-Match': '*' });
    expect(Date.parse(String(json.expires_at)) - t.clock.now().getTime()).toBe(15 * 60 * 1000);
  });

  it('stores, completes and lists a small file, reading size and ETag from the store', async () => {
    const body = 'case_id,admit_date,discharge_date\nA1,2026-01-02,2026-01-05\n';
    const file = await uploadSmall(t, user, 'cases.csv', body);
    // Case data goes on to ingestion (wired in createDeps), which reads the object back from the store.
    expect(file).toMatchObject({ status: 'ingesting', size: body.length, etag: `"${md5(body)}"` });
    await t.deps.files.idle();
    const ingested = await call(t, user, 'GET', `/files/${file.id}/`);
    expect(ingested.json).toMatchObject({ status: 'ingested', ingest: { rows: 1, rejected_rows: 0 } });
    expect(file.uploaded_by).toBe('Mercy Analyst <mercy@example.com>');
    const list = await call(t, user, 'GET', '/files/');
    expect((list.json.results as { id: string }[]).map((item) => item.id)).toContain(file.id);

    const download = await call(t, user, 'GET', `/files/${file.id}/download-url/`);
    expect(download.status).toBe(200);
    const fetched = await fetch(String(download.json.url));
    expect(await fetched.text()).toBe(body);
    expect(fetched.headers.get('content-disposition')).toBe(
      `attachment; filename="cases.csv"; filename*=UTF-8''cases.csv`,
    );
  });

  it('makes complete idempotent', async () => {
    const file = await uploadSmall(t, user, 'twice.txt', 'hello');
    const again = await call(t, user, 'POST', '/upload/complete/', { key: file.key });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(file);
  });

  it('refuses to complete an object that was never stored', async () => {
    const presigned = await call(t, user, 'POST', '/upload/presigned-url/', { filename: 'ghost.csv' });
    const completed = await call(t, user, 'POST', '/upload/complete/', { key: presigned.json.key });
    expect(completed.status).toBe(409);
    expect(completed.json.error).toBe('conflict');
    const unknown = await call(t, user, 'POST', '/upload/complete/', { key: `${orgId}/fil_x/none.csv` });
    expect(unknown.status).toBe(404);
  });

  it.each(['run.exe', 'archive.tar.gz', 'noextension', 'script.csv.sh', ''])(
    'refuses the name %j',
    async (filename) => {
      for (const path of ['/upload/presigned-url/', '/upload/sign/']) {
        const { status, json } = await call(t, user, 'POST', path, { filename, operation: 'put_object' });
        expect(status).toBe(400);
        expect(json.fields).toEqual({ filename: 'extension not allowed' });
      }
    },
  );

  it('refuses a declared size above HP_MAX_UPLOAD_BYTES before any byte moves', async () => {
    const { status, json } = await call(t, user, 'POST', '/upload/sign/', {
      operation: 'create_multipart',
      filename: 'big.parquet',
      size: 13 * MiB,
    });
    expect(status).toBe(413);
    expect(json.error).toBe('payload_too_large');
  });

  it('runs a multipart upload through signed requests only', async () => {
    const created = await sign(t, user, { operation: 'create_multipart', filename: 'big.zip' });
    expect(created.status).toBe(200);
    expect(created.json.method).toBe('POST');
    const key = String(created.json.key);
    const createResponse = await sendSigned(created.json);
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await createResponse.text())![1]!;

    const parts = [Buffer.alloc(5 * MiB, 'a'), Buffer.from('tail')];
    const etags: string[] = [];
    for (const [index, part] of parts.entries()) {
      const signed = await sign(t, user, {
        operation: 'upload_part',
        key,
        upload_id: uploadId,
        part_number: index + 1,
      });
      const response = await sendSigned(signed.json, part);
      expect(response.status).toBe(200);
      etags.push(response.headers.get('etag')!);
    }
    const listed = await sign(t, user, { operation: 'list_parts', key, upload_id: uploadId });
    expect(await (await sendSigned(listed.json)).text()).toContain('<PartNumber>2</PartNumber>');

    const complete = await sign(t, user, { operation: 'complete_multipart', key, upload_id: uploadId });
    const xml = `<CompleteMultipartUpload>${etags
      .map((etag, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>${etag}</ETag></Part>`)
      .join('')}</CompleteMultipartUpload>`;
    expect((await sendSigned(complete.json, xml)).status).toBe(200);

    const file = await call(t, user, 'POST', '/upload/complete/', { key });
    expect(file.json).toMatchObject({ status: 'uploaded', size: 5 * MiB + 4 });
    expect(String(file.json.etag)).toMatch(/-2"$/);
  });

  it('signs ListParts from a part-number marker, so a client can page past 1,000 parts', async () => {
    const created = await sign(t, user, { operation: 'create_multipart', filename: 'paged.csv' });
    const key = String(created.json.key);
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await (await sendSigned(created.json)).text())![1]!;
    for (const part_number of [1, 2, 3]) {
      const signed = await sign(t, user, { operation: 'upload_part', key, upload_id: uploadId, part_number });
      expect((await sendSigned(signed.json, `part ${part_number}`)).status).toBe(200);
    }
    const listed = await sign(t, user, {
      operation: 'list_parts',
      key,
      upload_id: uploadId,
      part_number_marker: 1,
    });
    expect(listed.status).toBe(200);
    const xml = await (await sendSigned(listed.json)).text();
    expect([...xml.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((match) => match[1])).toEqual([
      '2',
      '3',
    ]);
    expect(xml).toContain('<PartNumberMarker>1</PartNumberMarker>');
    const refused = await sign(t, user, {
      operation: 'list_parts',
      key,
      upload_id: uploadId,
      part_number_marker: -1,
    });
    expect(refused.status).toBe(400);
  });

  it('marks an aborted multipart upload and refuses further parts', async () => {
    const created = await sign(t, user, { operation: 'create_multipart', filename: 'cancel.csv' });
    const key = String(created.json.key);
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await (await sendSigned(created.json)).text())![1]!;
    const aborted = await sign(t, user, { operation: 'abort_multipart', key, upload_id: uploadId });
    expect((await sendSigned(aborted.json)).status).toBe(204);
    const file = await call(t, user, 'GET', `/files/${created.json.file_id}/`);
    expect(file.json.status).toBe('aborted');
    const part = await sign(t, user, { operation: 'upload_part', key, upload_id: uploadId, part_number: 1 });
    expect(part.status).toBe(409);
    const listed = await sign(t, user, { operation: 'list_parts', key, upload_id: uploadId });
    expect(await (await sendSigned(listed.json)).text()).toContain('NoSuchUpload');
  });

  it('deletes a file and its object', async () => {
    const file = await uploadSmall(t, user, 'remove-me.json', '{}');
    expect((await call(t, user, 'DELETE', `/files/${file.id}/`)).status).toBe(204);
    expect((await call(t, user, 'GET', `/files/${file.id}/`)).status).toBe(404);
    expect(await t.deps.objects.head(String(file.key))).toBeNull();
  });

  it('accepts an API key with the upload scope and refuses one without it', async () => {
    const withScope = t.deps.keys.create({ orgId, name: 'nightly', scopes: ['upload'], expiresInDays: null });
    const file = await uploadSmall(t, { 'X-API-Key': withScope.secret }, 'nightly.csv', 'case_id\n');
    expect(file.uploaded_by).toContain('nightly');
    const withoutScope = t.deps.keys.create({
      orgId,
      name: 'agent-only',
      scopes: ['agent'],
      expiresInDays: null,
    });
    const refused = await call(t, { 'X-API-Key': withoutScope.secret }, 'POST', '/upload/presigned-url/', {
      filename: 'x.csv',
    });
    expect(refused.status).toBe(403);
    expect((await call(t, { 'X-API-Key': withoutScope.secret }, 'GET', '/files/')).status).toBe(403);
  });

  it('pages the list newest first with an opaque cursor', async () => {
    const { org, email } = await addOrgWithUser(t, 'Pager');
    const pager = { Authorization: (await signIn(t, email)).authorization };
    const ids: string[] = [];
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      ids.push(String((await uploadSmall(t, pager, name, name)).id));
      t.clock.advance(1000);
    }
    const first = await call(t, pager, 'GET', '/files/?limit=2');
    expect((first.json.results as { id: string }[]).map((file) => file.id)).toEqual([ids[2], ids[1]]);
    const second = await call(t, pager, 'GET', `/files/?limit=2&cursor=${first.json.next_cursor}`);
    expect((second.json.results as { id: string }[]).map((file) => file.id)).toEqual([ids[0]]);
    expect(second.json.next_cursor).toBeNull();
    expect((await call(t, pager, 'GET', '/files/?cursor=nonsense')).status).toBe(400);
    expect(org.id).not.toBe(orgId);
  });

  it('reports the store in the health check', async () => {
    const health = await call(t, {}, 'GET', '/health/');
    expect((health.json.checks as Record<string, string>).storage).toBe('ok');
  });
});

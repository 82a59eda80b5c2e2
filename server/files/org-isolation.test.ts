import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrgWithUser, signIn } from '../test/make-app';
import { type Credentials, call, sendSigned, sign, uploadSmall } from '../test/upload-calls';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';

/** Organization B holds valid credentials of its own and knows A's keys and ids; none of it may reach A's files. */
describe('files are isolated per organization', () => {
  let t: TestAppWithStorage;
  let orgA: Credentials;
  let orgB: Credentials;
  let stored: Record<string, unknown>;
  let multipart: { key: string; uploadId: string; fileId: string };

  beforeAll(async () => {
    t = await makeTestAppWithStorage();
    const a = await addOrgWithUser(t, 'Alpha');
    const b = await addOrgWithUser(t, 'Bravo', 'payor');
    orgA = { Authorization: (await signIn(t, a.email)).authorization };
    const keyOfB = t.deps.keys.create({
      orgId: b.org.id,
      name: 'bravo',
      scopes: ['upload'],
      expiresInDays: null,
    });
    orgB = { 'X-API-Key': keyOfB.secret };
    stored = await uploadSmall(t, orgA, 'alpha.csv', 'case_id\nA\n');
    const created = await sign(t, orgA, { operation: 'create_multipart', filename: 'alpha-big.csv' });
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await (await sendSigned(created.json)).text())![1]!;
    multipart = { key: String(created.json.key), uploadId, fileId: String(created.json.file_id) };
  });
  afterAll(() => t.close());

  it.each([
    ['upload_part', { part_number: 1 }],
    ['list_parts', {}],
    ['complete_multipart', {}],
    ['abort_multipart', {}],
  ])('refuses to sign %s on a key of another organization', async (operation, extra) => {
    const response = await sign(t, orgB, {
      operation,
      key: multipart.key,
      upload_id: multipart.uploadId,
      ...extra,
    });
    expect(response.status).toBe(404);
    expect(response.json.url).toBeUndefined();
  });

  it('refuses to re-sign a PUT to another organization’s key', async () => {
    const response = await sign(t, orgB, { operation: 'put_object', key: multipart.key });
    expect(response.status).toBe(404);
  });

  it('refuses to complete another organization’s key', async () => {
    expect((await call(t, orgB, 'POST', '/upload/complete/', { key: stored.key })).status).toBe(404);
  });

  it('lists only the caller’s files', async () => {
    const listed = await call(t, orgB, 'GET', '/files/');
    expect(listed.status).toBe(200);
    expect(listed.json.results).toEqual([]);
    const own = await call(t, orgA, 'GET', '/files/');
    expect((own.json.results as unknown[]).length).toBe(2);
  });

  it('refuses get, download and delete of another organization’s file', async () => {
    for (const [method, path] of [
      ['GET', `/files/${stored.id}/`],
      ['GET', `/files/${stored.id}/download-url/`],
      ['DELETE', `/files/${stored.id}/`],
      ['DELETE', `/files/${multipart.fileId}/`],
    ] as const) {
      const response = await call(t, orgB, method, path);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.json.error).toBe('not_found');
    }
    expect(await t.deps.objects.head(String(stored.key))).not.toBeNull();
    expect((await call(t, orgA, 'GET', `/files/${multipart.fileId}/`)).json.status).toBe('pending');
  });

  it('keeps A’s multipart upload usable after B’s attempts', async () => {
    const part = await sign(t, orgA, {
      operation: 'upload_part',
      key: multipart.key,
      upload_id: multipart.uploadId,
      part_number: 1,
    });
    expect((await sendSigned(part.json, 'small last part')).status).toBe(200);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrgWithUser, signIn } from '../test/make-app';
import { type Credentials, call, sendSigned, sign, uploadSmall } from '../test/upload-calls';
import { makeTestAppWithStorage, type TestAppWithStorage } from '../test/with-storage';

const EXPORT = [
  'Encounter ID,DOS,Disch Date,CPT,Payer,Attending Physician,Total Charges,Readmit',
  'E1,03/05/2024,03/07/2024,27447,Aetna,Dr Lee,"$1,234.50",Y',
  'E2,3/6/2024,3/9/2024,27447,Cigna,Dr Lee,$800.00,N',
  'E3,2024-03-07,03/09/2024,27130,Aetna,Dr Ray,$10,N',
].join('\n');
const HEADER = EXPORT.split('\n')[0]!.split(',');

describe('column mappings', () => {
  let t: TestAppWithStorage;
  let user: Credentials;
  let other: Credentials;

  beforeAll(async () => {
    t = await makeTestAppWithStorage();
    user = { Authorization: (await signIn(t, (await addOrgWithUser(t, 'Mercy')).email)).authorization };
    other = { Authorization: (await signIn(t, (await addOrgWithUser(t, 'Other')).email)).authorization };
  });
  afterAll(() => t.close());

  it('proposes exact names, synonyms and formats read from the samples', async () => {
    const samples = EXPORT.split('\n')
      .slice(1, 3)
      .map((line) => line.match(/("[^"]*"|[^,]+)/g)!.map((cell) => cell.replace(/"/g, '')));
    const { status, json } = await call(t, user, 'POST', '/mappings/propose/', { header: HEADER, samples });
    expect(status).toBe(200);
    expect(json.columns).toEqual({
      case_id: { source: 'Encounter ID' },
      admit_date: { source: 'DOS', format: 'MM/DD/YYYY' },
      discharge_date: { source: 'Disch Date', format: 'MM/DD/YYYY' },
      procedure_code: { source: 'CPT' },
      payor: { source: 'Payer' },
      surgeon: { source: 'Attending Physician' },
      revenue: { source: 'Total Charges', format: 'currency' },
      readmitted_30: { source: 'Readmit', format: 'yes_no' },
    });
    expect(json.matched_by).toMatchObject({ case_id: 'synonym', admit_date: 'synonym', payor: 'synonym' });
    expect(json.missing).toEqual([]);
    expect(json.saved).toBeNull();
  });

  it('saves a mapping, proposes it again for the same header, and keeps it to the organization', async () => {
    const created = await call(t, user, 'POST', '/mappings/', {
      name: 'Epic nightly',
      header: HEADER,
      columns: {
        case_id: { source: 'Encounter ID' },
        admit_date: { source: 'DOS', format: 'MM/DD/YYYY' },
        discharge_date: { source: 'Disch Date', format: 'MM/DD/YYYY' },
        revenue: { source: 'Total Charges', format: 'currency' },
        readmitted_30: { source: 'Readmit', format: 'yes_no' },
      },
    });
    expect(created.status).toBe(201);
    const again = await call(t, user, 'POST', '/mappings/propose/', {
      header: HEADER.map((name) => name.toUpperCase()),
    });
    expect((again.json.saved as { id: string }).id).toBe(created.json.id);
    expect((await call(t, other, 'POST', '/mappings/propose/', { header: HEADER })).json.saved).toBeNull();
    expect((await call(t, other, 'GET', `/mappings/${created.json.id}/`)).status).toBe(404);
    expect(
      (await call(t, user, 'POST', '/mappings/', { ...created.json, name: 'Epic nightly' })).status,
    ).toBe(409);
  });

  it('refuses a mapping that reads a column its header lacks', async () => {
    const { status, json } = await call(t, user, 'POST', '/mappings/', {
      name: 'broken',
      header: ['a'],
      columns: { case_id: { source: 'b' } },
    });
    expect(status).toBe(400);
    expect(json.message).toMatch(/"b"/);
  });

  it('ingests an upload with its mapping id, with correct figures and a rejected-rows CSV', async () => {
    const mapping = (await call(t, user, 'GET', '/mappings/')).json.results as { id: string }[];
    const presigned = await call(t, user, 'POST', '/upload/presigned-url/', {
      filename: 'export.csv',
      mapping_id: mapping[0]!.id,
    });
    expect(presigned.status).toBe(201);
    await fetch(String(presigned.json.url), {
      method: 'PUT',
      headers: presigned.json.headers as Record<string, string>,
      body: EXPORT,
    });
    await call(t, user, 'POST', '/upload/complete/', { key: presigned.json.key });
    await t.deps.files.idle();
    const file = (await call(t, user, 'GET', `/files/${presigned.json.file_id}/`)).json;
    expect(file).toMatchObject({
      status: 'ingested',
      mapping_id: mapping[0]!.id,
      has_rejected_rows_file: true,
    });
    expect(file.ingest).toMatchObject({ rows: 2, rejected_rows: 1 });
    const orgId = String(presigned.json.key).split('/')[0]!;
    expect(await t.deps.cases.countCases(orgId)).toBeGreaterThanOrEqual(2);

    const download = await call(t, user, 'GET', `/files/${file.id}/rejected-rows/`);
    expect(download.status).toBe(200);
    const csv = await (await fetch(String(download.json.url))).text();
    expect(csv.trim().split('\n')).toEqual([
      'Encounter ID,DOS,Disch Date,CPT,Payer,Attending Physician,Total Charges,Readmit,rejection_reason',
      'E3,2024-03-07,03/09/2024,27130,Aetna,Dr Ray,$10,N,"admit_date must be a date MM/DD/YYYY (got ""2024-03-07"")"',
    ]);
    expect((await call(t, other, 'GET', `/files/${file.id}/rejected-rows/`)).status).toBe(404);
  });

  it('names the missing columns of a file that is not case data, and reads it again with a mapping', async () => {
    const file = await uploadSmall(t, user, 'plain.csv', EXPORT);
    await t.deps.files.idle();
    const stored = (await call(t, user, 'GET', `/files/${file.id}/`)).json;
    expect(stored).toMatchObject({
      status: 'uploaded',
      missing_columns: ['case_id', 'admit_date', 'discharge_date'],
    });
    // By name: mappings made at the same test-clock instant list in id order, which is random.
    const mappings = (await call(t, user, 'GET', '/mappings/')).json.results as {
      id: string;
      name: string;
    }[];
    const mapping = mappings.find((candidate) => candidate.name === 'Epic nightly')!;
    const started = await call(t, user, 'POST', `/files/${file.id}/ingest/`, { mapping_id: mapping.id });
    expect(started.status).toBe(202);
    await t.deps.files.idle();
    const read = (await call(t, user, 'GET', `/files/${file.id}/`)).json;
    expect(read).toMatchObject({ status: 'ingested', missing_columns: null, mapping_id: mapping.id });
    expect(read.ingest).toMatchObject({ rows: 2, rejected_rows: 1 });
    expect(
      (await call(t, user, 'POST', `/files/${file.id}/ingest/`, { mapping_id: 'map_nope' })).status,
    ).toBe(404);
  });

  it('ingests a multipart Parquet upload with the mapping id its create request named', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-mapped-parquet-'));
    const parquet = path.join(folder, 'export.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT * FROM (VALUES
        ('P1', '03/05/2024', TIMESTAMP '2024-03-07 14:30:00', 1234.5, 'Y'),
        ('P2', '03/06/2024', TIMESTAMP '2024-03-09 00:00:00', 800.0, 'N'),
        ('P3', '2024-03-07', TIMESTAMP '2024-03-09 00:00:00', 10.0, 'N')
      ) AS t(encounter, dos, discharged_at, charges, readmit)) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const body = fs.readFileSync(parquet);
    fs.rmSync(folder, { recursive: true });

    const mapping = await call(t, user, 'POST', '/mappings/', {
      name: 'Parquet nightly',
      header: ['encounter', 'dos', 'discharged_at', 'charges', 'readmit'],
      columns: {
        case_id: { source: 'encounter' },
        admit_date: { source: 'dos', format: 'MM/DD/YYYY' },
        discharge_date: { source: 'discharged_at' },
        revenue: { source: 'charges', format: 'plain' },
        readmitted_30: { source: 'readmit', format: 'yes_no' },
      },
    });
    expect(mapping.status).toBe(201);
    const created = await sign(t, user, {
      operation: 'create_multipart',
      filename: 'export.parquet',
      size: body.length,
      mapping_id: mapping.json.id,
    });
    expect(created.status).toBe(200);
    const key = String(created.json.key);
    const orgId = key.split('/')[0]!;
    const casesBefore = await t.deps.cases.countCases(orgId);
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await (await sendSigned(created.json)).text())![1]!;
    const part = await sign(t, user, { operation: 'upload_part', key, upload_id: uploadId, part_number: 1 });
    const etag = (await sendSigned(part.json, body)).headers.get('ETag');
    const done = await sign(t, user, { operation: 'complete_multipart', key, upload_id: uploadId });
    const assembled = await sendSigned(
      done.json,
      `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${etag}</ETag></Part></CompleteMultipartUpload>`,
    );
    expect(assembled.status).toBe(200);
    expect((await call(t, user, 'POST', '/upload/complete/', { key })).status).toBe(200);
    await t.deps.files.idle();

    const file = (await call(t, user, 'GET', `/files/${created.json.file_id}/`)).json;
    expect(file).toMatchObject({
      status: 'ingested',
      mapping_id: mapping.json.id,
      has_rejected_rows_file: true,
    });
    expect(file.ingest).toEqual({
      rows: 2,
      rejected_rows: 1,
      errors: [
        { row: 3, column: 'admit_date', message: 'admit_date must be a date MM/DD/YYYY (got "2024-03-07")' },
      ],
    });
    expect(await t.deps.cases.countCases(orgId)).toBe(casesBefore + 2);
  });

  it('takes the mapping id at completion from an integration that did not name one when it signed', async () => {
    // By name: mappings made at the same test-clock instant list in id order, which is random.
    const mappings = (await call(t, user, 'GET', '/mappings/')).json.results as {
      id: string;
      name: string;
    }[];
    const mapping = mappings.find((candidate) => candidate.name === 'Epic nightly')!;
    const presigned = await call(t, user, 'POST', '/upload/presigned-url/', { filename: 'late.csv' });
    await fetch(String(presigned.json.url), {
      method: 'PUT',
      headers: presigned.json.headers as Record<string, string>,
      body: EXPORT,
    });
    const key = presigned.json.key;
    expect((await call(t, user, 'POST', '/upload/complete/', { key, mapping_id: 'map_nope' })).status).toBe(
      404,
    );
    const completed = await call(t, user, 'POST', '/upload/complete/', { key, mapping_id: mapping.id });
    expect(completed.status).toBe(200);
    expect(completed.json.mapping_id).toBe(mapping.id);
    await t.deps.files.idle();
    const file = (await call(t, user, 'GET', `/files/${presigned.json.file_id}/`)).json;
    expect(file, JSON.stringify(file.ingest)).toMatchObject({
      status: 'ingested',
      ingest: { rows: 2, rejected_rows: 1 },
    });
    // Completing again is idempotent with the same mapping; another one is a re-ingestion, said so.
    expect((await call(t, user, 'POST', '/upload/complete/', { key, mapping_id: mapping.id })).status).toBe(
      200,
    );
    const other = await call(t, user, 'POST', '/upload/complete/', { key, mapping_id: 'map_other' });
    expect(other.status).toBe(409);
    expect(other.json.message).toMatch(/ingest/);
  });

  it('refuses an unknown mapping id when an upload starts', async () => {
    const { status } = await sign(t, user, {
      operation: 'create_multipart',
      filename: 'x.csv',
      mapping_id: 'map_unknown',
    });
    expect(status).toBe(404);
  });
});

describe('upload activity', () => {
  let t: TestAppWithStorage;
  let user: Credentials;
  let email: string;

  beforeAll(async () => {
    t = await makeTestAppWithStorage();
    email = (await addOrgWithUser(t, 'Mercy')).email;
    user = { Authorization: (await signIn(t, email)).authorization };
  });
  afterAll(() => t.close());

  it('keeps the upload id and last-modified time, and shows an upload idle for 15 minutes as interrupted', async () => {
    const created = await sign(t, user, {
      operation: 'create_multipart',
      filename: 'big.csv',
      last_modified: 1_700_000_000_000,
    });
    const response = await sendSigned(created.json);
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await response.text())![1]!;
    await sign(t, user, {
      operation: 'upload_part',
      key: created.json.key,
      upload_id: uploadId,
      part_number: 1,
    });
    const fileId = String(created.json.file_id);
    const fresh = (await call(t, user, 'GET', `/files/${fileId}/`)).json;
    expect(fresh).toMatchObject({
      status: 'pending',
      upload_id: uploadId,
      source_last_modified: 1_700_000_000_000,
      interrupted: false,
    });
    t.clock.advance(14 * 60_000);
    expect((await call(t, user, 'GET', `/files/${fileId}/`)).json.interrupted).toBe(false);
    t.clock.advance(60_000);
    // Access tokens last 15 minutes too.
    user = { Authorization: (await signIn(t, email)).authorization };
    expect((await call(t, user, 'GET', `/files/${fileId}/`)).json.interrupted).toBe(true);
    // Listing its parts (to show progress) is not activity; sending a part again is.
    await sign(t, user, { operation: 'list_parts', key: created.json.key, upload_id: uploadId });
    expect((await call(t, user, 'GET', `/files/${fileId}/`)).json.interrupted).toBe(true);
    await sign(t, user, {
      operation: 'upload_part',
      key: created.json.key,
      upload_id: uploadId,
      part_number: 2,
    });
    expect((await call(t, user, 'GET', `/files/${fileId}/`)).json.interrupted).toBe(false);
  });
});

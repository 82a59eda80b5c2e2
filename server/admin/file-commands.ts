import fs from 'node:fs';
import path from 'node:path';
import type { StoredFile } from '../../src/contract/files';
import type { Db } from '../db/open-database';
import { createApiKeys } from '../keys/api-keys';
import type { CommandOutput } from './key-commands';

// An operator uploads or re-reads a file through the running API, exactly as an integration would: a
// short-lived upload key is made for the command and revoked when it ends, so the file takes the same path
// (sanitized name, presigned writes to the store, size check, the organization's mapping, ingestion in the
// server process that owns the case database) and its record says who uploaded it.

export const FILE_OPTIONS = {
  path: { type: 'string' },
  mapping: { type: 'string' },
  api: { type: 'string' },
} as const;

export const FILE_USAGE = `  npm run admin -- file:upload --org <org_id> --path export.parquet [--mapping <mapping_id>] [--json]
      (through the running server's API, as an integration; waits for ingestion and prints the outcome)
  npm run admin -- file:ingest --org <org_id> --id <file_id> [--mapping <mapping_id>|none] [--json]
      (reads a stored file again, with a column mapping or with the case column names)
      Both take [--api http://127.0.0.1:8787] when the server listens elsewhere.`;

/** Files up to this size go in one PUT; larger ones in parts of this size (S3 allows 10,000). */
const PART_BYTES = 64 * 1024 * 1024;

type Fail = (message: string) => never;
type Values = Record<string, unknown>;

interface FileCommandOptions {
  /** The API's origin, e.g. http://127.0.0.1:8787. */
  apiUrl: string;
  fail: Fail;
  /** How often to ask whether ingestion has finished; tests shorten it. */
  pollMs?: number;
  /** Bytes per part for a multipart upload (tests shrink it to S3's minimum). */
  partBytes?: number;
}

const text = (values: Values, name: string) => {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

class Api {
  constructor(
    private readonly origin: string,
    private readonly key: string,
    private readonly fail: Fail,
  ) {}

  async call(method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(new URL(`/api/v1${route}`, this.origin), {
        method,
        headers: {
          'X-API-Key': this.key,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      return this.fail(
        `The API at ${this.origin} did not answer (${(error as Error).message}). Start the server (npm start), or pass --api with its address.`,
      );
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok)
      return this.fail(
        `The API refused it (${response.status}): ${String(answer.message ?? response.statusText)}`,
      );
    return answer;
  }
}

/** Sends one presigned request to the store; its ETag for a part. */
async function toStore(
  signed: Record<string, unknown>,
  fail: Fail,
  body?: Buffer | string,
): Promise<Response> {
  const response = await fetch(String(signed.url), {
    method: String(signed.method),
    headers: signed.headers as Record<string, string>,
    // A Buffer is a Uint8Array, which fetch sends as it is; the DOM typings only name ArrayBuffer views.
    body: body as BodyInit | undefined,
  });
  if (!response.ok) fail(`The store refused the upload (${response.status}): ${await response.text()}`);
  return response;
}

async function readPart(file: string, start: number, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function upload(
  api: Api,
  file: string,
  mappingId: string | undefined,
  options: FileCommandOptions,
): Promise<string> {
  const { fail } = options;
  const stat = fs.statSync(file);
  const filename = path.basename(file);
  const partBytes = options.partBytes ?? PART_BYTES;
  const mapping = mappingId ? { mapping_id: mappingId } : {};
  if (stat.size <= partBytes) {
    const signed = await api.call('POST', '/upload/presigned-url/', {
      filename,
      size: stat.size,
      ...mapping,
    });
    await toStore(signed, fail, await fs.promises.readFile(file));
    await api.call('POST', '/upload/complete/', { key: signed.key });
    return String(signed.file_id);
  }
  const created = await api.call('POST', '/upload/sign/', {
    operation: 'create_multipart',
    filename,
    size: stat.size,
    last_modified: Math.trunc(stat.mtimeMs),
    ...mapping,
  });
  const key = String(created.key);
  const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await (await toStore(created, fail)).text())?.[1];
  if (!uploadId) return fail('The store did not start the upload (no UploadId in its answer).');
  const parts: string[] = [];
  for (let start = 0, number = 1; start < stat.size; start += partBytes, number += 1) {
    const signed = await api.call('POST', '/upload/sign/', {
      operation: 'upload_part',
      key,
      upload_id: uploadId,
      part_number: number,
    });
    const response = await toStore(signed, fail, await readPart(file, start, partBytes));
    parts.push(`<Part><PartNumber>${number}</PartNumber><ETag>${response.headers.get('ETag')}</ETag></Part>`);
  }
  const done = await api.call('POST', '/upload/sign/', {
    operation: 'complete_multipart',
    key,
    upload_id: uploadId,
  });
  const assembled = await toStore(
    { ...done, headers: { ...(done.headers as object), 'Content-Type': 'application/xml' } },
    fail,
    `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`,
  );
  const answer = await assembled.text();
  if (answer.includes('<Error>')) fail(`The store did not assemble the upload: ${answer}`);
  await api.call('POST', '/upload/complete/', { key });
  return String(created.file_id);
}

/** Waits until the file's status stops changing on its own (stored, ingested, failed). */
async function settled(api: Api, fileId: string, pollMs: number): Promise<StoredFile> {
  for (;;) {
    const file = (await api.call('GET', `/files/${encodeURIComponent(fileId)}/`)) as unknown as StoredFile;
    if (file.status !== 'ingesting' && file.status !== 'pending') return file;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function describeOutcome(file: StoredFile): string {
  const head = `${file.filename} (${file.id})`;
  if (file.status === 'ingested' && file.ingest) {
    const { rows, rejected_rows, errors } = file.ingest;
    const lines = [
      `${head}: added to the case data, ${rows} row${rows === 1 ? '' : 's'} added, ${rejected_rows} rejected.`,
    ];
    for (const error of errors.slice(0, 5)) lines.push(`    row ${error.row}: ${error.message}`);
    if (rejected_rows > 0)
      lines.push('    The rejected rows with their reasons: GET /api/v1/files/<id>/rejected-rows/.');
    return lines.join('\n');
  }
  if (file.status === 'failed')
    return `${head}: could not be read: ${file.ingest?.errors[0]?.message ?? 'no reason given'}`;
  if (file.missing_columns?.length)
    return `${head}: stored, but not case data: it lacks ${file.missing_columns.join(', ')}. Add a column mapping (mapping:create) and run file:ingest with --mapping.`;
  return `${head}: stored (${file.status}).`;
}

export async function fileCommand(
  command: 'file:upload' | 'file:ingest',
  db: Db,
  values: Values,
  options: FileCommandOptions,
): Promise<CommandOutput> {
  const { fail } = options;
  const orgId = text(values, 'org') ?? fail('--org is required.');
  if (!db.prepare('SELECT 1 FROM organizations WHERE id = ?').get(orgId))
    fail(`There is no organization ${orgId}. See "npm run admin -- list".`);
  const mapping = text(values, 'mapping');
  let file: string | undefined;
  if (command === 'file:upload') {
    file = text(values, 'path') ?? fail('--path is required.');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) fail(`There is no file ${file}.`);
  } else {
    text(values, 'id') ?? fail('--id is required (a file id from GET /api/v1/files/).');
  }
  const keys = createApiKeys(db, () => new Date());
  const { key, secret } = keys.create({
    orgId,
    name: `operator ${command}`,
    scopes: ['upload'],
    expiresInDays: 1,
  });
  try {
    const api = new Api(options.apiUrl, secret, fail);
    let fileId: string;
    if (file) {
      fileId = await upload(api, file, mapping, options);
    } else {
      fileId = text(values, 'id')!;
      const mappingId = mapping === undefined || mapping === 'none' ? null : mapping;
      await api.call('POST', `/files/${encodeURIComponent(fileId)}/ingest/`, { mapping_id: mappingId });
    }
    const stored = await settled(api, fileId, options.pollMs ?? 500);
    return { json: stored, text: describeOutcome(stored) };
  } finally {
    keys.revoke(key.id);
    keys.close();
  }
}

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoredFile } from '../../src/contract/files';
import type { IngestResult, IngestSource } from '../cases/types';
import { badRequest, HttpError, notFound } from '../http/errors';
import type { Log } from '../lib/log';
import type { MappingStore } from '../mappings/mapping-store';
import type { FileRecords } from './file-records';
import type { ObjectStore } from './object-store';

/**
 * Where other domains plug in. The integrator wires case ingestion here:
 * `onStored: (orgId, file, source) => caseStore.ingest(orgId, file.id, source)` and
 * `onRemoved: (orgId, file) => caseStore.removeFile(orgId, file.id)`.
 */
export interface FileHooks {
  /** Runs after `complete` for .csv, .tsv and .parquet files; its result becomes the file's `ingest`. */
  onStored?(orgId: string, file: StoredFile, source: IngestSource): Promise<IngestResult | undefined>;
  /** Runs when a file is deleted, to remove what was derived from it (ingested rows). */
  onRemoved?(orgId: string, file: StoredFile): Promise<unknown>;
  /**
   * At start-up, for a file a stopped process left `ingesting`: what its ingestion committed, if anything.
   * Rows and outcome commit together, so this decides the file's status truthfully.
   */
  committedIngest?(orgId: string, file: StoredFile): Promise<IngestResult | null>;
}

interface FilesOptions {
  records: FileRecords;
  /** The column mappings a file may name (null in tests that have none). */
  mappings?: Pick<MappingStore, 'require'>;
  objects: ObjectStore;
  maxUploadBytes: number;
  log: Log;
  hooks?: FileHooks;
}

const INGEST_FORMATS = { '.csv': 'csv', '.tsv': 'tsv', '.parquet': 'parquet' } as const;

function ingestFormatOf(filename: string): IngestSource['format'] | null {
  const extension = filename.slice(filename.lastIndexOf('.')).toLowerCase();
  return extension in INGEST_FORMATS ? INGEST_FORMATS[extension as keyof typeof INGEST_FORMATS] : null;
}

const conflict = (message: string) => new HttpError('conflict', message);

// Readers name the temporary copy they read, a path inside the data folder; the person knows the file by its name.
const TEMPORARY_COPY = /(["']?)(?:[A-Za-z]:)?[\\/][^"'\s]*upload-[0-9a-f-]{36}\.[a-z]+\1/g;
const publicMessage = (message: string, filename: string) =>
  message.replace(TEMPORARY_COPY, () => `"${filename}"`);
const INTERRUPTED =
  'The server stopped while this file was being ingested, so none of its rows were added. Delete it and upload it again.';

export function createFiles(options: FilesOptions) {
  const { records, objects, log } = options;
  const hooks = options.hooks ?? {};
  // Ingestions under way, by file id: a delete waits for its file's, or the rows would come back after it.
  const running = new Map<string, Promise<void>>();

  const find = (orgId: string, id: string) => {
    const file = records.get(orgId, id);
    if (!file) throw notFound('That file');
    return file;
  };

  /** Where a file's rejected rows are kept: beside the file, under a name no upload can have. */
  const rejectedRowsKey = (file: StoredFile) =>
    `${file.key.slice(0, file.key.lastIndexOf('/'))}/.rejected-rows.csv`;

  async function ingest(orgId: string, file: StoredFile, format: IngestSource['format']) {
    const rejectedRowsFile = path.join(os.tmpdir(), `hp-rejected-${randomUUID()}.csv`);
    try {
      const mapping = file.mapping_id ? options.mappings?.require(orgId, file.mapping_id) : undefined;
      const source: IngestSource = {
        open: () => objects.open(file.key),
        filename: file.filename,
        format,
        ...(mapping ? { mapping: mapping.columns } : {}),
        rejectedRowsFile,
      };
      const result = await hooks.onStored?.(orgId, file, source);
      let storedRejects: string | null = null;
      if (result?.kind === 'ingested' && result.rejected_rows > 0 && fs.existsSync(rejectedRowsFile)) {
        storedRejects = rejectedRowsKey(file);
        await objects.put(storedRejects, rejectedRowsFile, 'text/csv');
      }
      records.setIngestDetails(orgId, file.id, {
        missingColumns: result?.kind === 'not_case_data' ? result.missing : null,
        rejectedRowsKey: storedRejects,
      });
      if (result?.kind === 'ingested') {
        const { rows, rejected_rows, errors } = result;
        records.setStatus(orgId, file.id, 'ingested', { rows, rejected_rows, errors });
      } else {
        // Not case data: the file is simply stored, as the contract says of other files.
        records.setStatus(orgId, file.id, 'uploaded');
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log({ level: 'warn', event: 'ingest_failed', org_id: orgId, file_id: file.id, message });
      records.setIngestDetails(orgId, file.id, { missingColumns: null, rejectedRowsKey: null });
      records.setStatus(orgId, file.id, 'failed', {
        rows: 0,
        rejected_rows: 0,
        errors: [{ row: 0, column: '', message: publicMessage(message, file.filename) }],
      });
    } finally {
      fs.rmSync(rejectedRowsFile, { force: true });
    }
  }

  function startIngest(orgId: string, file: StoredFile) {
    const format = ingestFormatOf(file.filename);
    if (!format || !hooks.onStored) return false;
    records.setStatus(orgId, file.id, 'ingesting');
    const ingesting = records.get(orgId, file.id)!;
    const task = ingest(orgId, ingesting, format).finally(() => running.delete(file.id));
    running.set(file.id, task);
    return true;
  }

  return {
    records,
    list: records.list,
    get: find,
    findByKey(orgId: string, key: string) {
      const file = records.getByKey(orgId, key);
      if (!file) throw notFound('An upload with that key');
      return file;
    },
    async downloadUrl(orgId: string, id: string) {
      const file = find(orgId, id);
      if (file.uploaded_at === null)
        throw conflict('This file has no stored bytes yet; finish its upload first.');
      const signed = await objects.presign({
        operation: 'get_object',
        key: file.key,
        downloadName: file.filename,
      });
      return { url: signed.url, expires_at: signed.expiresAt.toISOString() };
    },
    /** A presigned GET of the CSV of rejected rows (original rows plus a reason column). */
    async rejectedRowsUrl(orgId: string, id: string) {
      const file = find(orgId, id);
      const key = records.rejectedRowsKey(orgId, id);
      if (!key) throw notFound('A rejected-rows file for this upload');
      const stem = file.filename.replace(/\.[^.]+$/, '');
      const signed = await objects.presign({
        operation: 'get_object',
        key,
        downloadName: `${stem}-rejected-rows.csv`,
      });
      return { url: signed.url, expires_at: signed.expiresAt.toISOString() };
    },
    /**
     * Reads a stored case file again, with a column mapping or without (`null`): for a file that was not case
     * data under its own names, and for integrations that upload first and map afterwards.
     */
    async reingest(orgId: string, id: string, mappingId: string | null): Promise<StoredFile> {
      const file = find(orgId, id);
      if (!ingestFormatOf(file.filename)) {
        throw badRequest('Only .csv, .tsv and .parquet files can be read as case data.', {
          id: 'not a case file',
        });
      }
      if (file.uploaded_at === null || file.status === 'pending' || file.status === 'aborted')
        throw conflict('This file has no stored bytes yet; finish its upload first.');
      if (running.has(file.id)) throw conflict('This file is being read already; wait for it to finish.');
      if (mappingId !== null) options.mappings?.require(orgId, mappingId);
      records.setMapping(orgId, file.id, mappingId);
      startIngest(orgId, file);
      return records.get(orgId, file.id)!;
    },
    async remove(orgId: string, id: string) {
      const file = find(orgId, id);
      await running.get(file.id);
      const rejected = records.rejectedRowsKey(orgId, id);
      if (rejected) await objects.remove(rejected);
      await objects.remove(file.key);
      await hooks.onRemoved?.(orgId, file);
      records.remove(orgId, file.id);
    },
    /**
     * Records what the store holds under the key (size and ETag read from the store, never from the client).
     * Idempotent: a second call returns the file as it is now. `mappingId` names the column mapping to ingest
     * it with, when the upload did not name one (or names another) before its bytes were stored.
     */
    async complete(orgId: string, key: string, mappingId?: string): Promise<StoredFile> {
      const file = records.getByKey(orgId, key);
      if (!file) throw notFound('An upload with that key');
      if (file.status === 'aborted') throw conflict('This upload was cancelled; upload the file again.');
      if (file.status !== 'pending') {
        if (mappingId !== undefined && mappingId !== file.mapping_id) {
          throw conflict(
            `This upload is already complete; to read it with another mapping, POST /files/${file.id}/ingest/ with the mapping_id.`,
          );
        }
        return file;
      }
      if (mappingId !== undefined) options.mappings?.require(orgId, mappingId);
      const stored = await objects.head(key);
      if (!stored) {
        throw conflict(
          'Nothing has been stored under this key yet. Send the bytes to the signed URL, then complete.',
        );
      }
      // A cut-off or mismatched upload must not be recorded as the file; the upload stays open for a retry.
      // Its object is removed, because upload URLs only write to an empty key (If-None-Match: *).
      if (file.size !== null && stored.size !== file.size) {
        await objects.remove(key);
        throw conflict(
          `The store holds ${stored.size} bytes for this upload, but the file has ${file.size}. Upload the whole file again, then complete.`,
        );
      }
      if (stored.size > options.maxUploadBytes) {
        await objects.remove(key);
        records.setStatus(orgId, file.id, 'aborted');
        throw new HttpError(
          'payload_too_large',
          `The file is larger than the limit of ${options.maxUploadBytes} bytes.`,
        );
      }
      if (!records.markUploaded(orgId, file.id, stored)) return records.get(orgId, file.id)!;
      if (mappingId !== undefined) records.setMapping(orgId, file.id, mappingId);
      startIngest(orgId, file);
      log({ level: 'info', event: 'file_uploaded', org_id: orgId, file_id: file.id, size: stored.size });
      return records.get(orgId, file.id)!;
    },
    /**
     * At start-up: a file a stopped process left `ingesting` gets the status of what really committed. The
     * rows and the outcome commit in one transaction, so a file whose rows are live is marked ingested with
     * its counts, and one with none of its rows is marked failed, saying so.
     */
    async closeInterrupted(): Promise<number> {
      const interrupted = records.listIngesting();
      for (const { orgId, file } of interrupted) {
        const committed = await hooks.committedIngest?.(orgId, file).catch((error: unknown) => {
          log({ level: 'warn', event: 'ingest_reconcile_failed', file_id: file.id, error: String(error) });
          return null;
        });
        if (committed?.kind === 'ingested') {
          const { rows, rejected_rows, errors } = committed;
          records.setStatus(orgId, file.id, 'ingested', { rows, rejected_rows, errors });
        } else {
          records.setStatus(orgId, file.id, 'failed', {
            rows: 0,
            rejected_rows: 0,
            errors: [{ row: 0, column: '', message: INTERRUPTED }],
          });
        }
      }
      if (interrupted.length > 0)
        log({ level: 'warn', event: 'ingest_interrupted', files: interrupted.length });
      return interrupted.length;
    },
    /** Marks the file aborted when its multipart upload is being aborted. */
    markAborted(orgId: string, id: string) {
      records.setStatus(orgId, id, 'aborted');
    },
    /** Resolves once every ingestion started so far has finished (tests, shutdown). */
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}

export type Files = ReturnType<typeof createFiles>;

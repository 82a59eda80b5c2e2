import {
  type FileStatus,
  type IngestSummary,
  type StoredFile,
  UPLOAD_IDLE_MINUTES,
} from '../../src/contract/files';
import type { PageQuery } from '../../src/contract/pages';
import type { Db } from '../db/open-database';
import { afterKeyset, decodeCursor, pageOf } from '../lib/keyset-cursor';

interface FileRow {
  id: string;
  org_id: string;
  key: string;
  filename: string;
  content_type: string;
  size: number | null;
  status: FileStatus;
  created_at: string;
  uploaded_at: string | null;
  uploaded_by: string;
  etag: string | null;
  ingest: string | null;
  upload_id: string | null;
  source_last_modified: number | null;
  last_activity_at: string | null;
  mapping_id: string | null;
  missing_columns: string | null;
  rejected_rows_key: string | null;
}

const IDLE_MS = UPLOAD_IDLE_MINUTES * 60_000;

const toFile = (row: FileRow, now: Date): StoredFile => ({
  id: row.id,
  key: row.key,
  filename: row.filename,
  size: row.size,
  content_type: row.content_type,
  status: row.status,
  created_at: row.created_at,
  uploaded_at: row.uploaded_at,
  uploaded_by: row.uploaded_by,
  etag: row.etag,
  ingest: row.ingest === null ? null : (JSON.parse(row.ingest) as IngestSummary),
  mapping_id: row.mapping_id,
  missing_columns: row.missing_columns === null ? null : (JSON.parse(row.missing_columns) as string[]),
  has_rejected_rows_file: row.rejected_rows_key !== null,
  upload_id: row.status === 'pending' ? row.upload_id : null,
  source_last_modified: row.status === 'pending' ? row.source_last_modified : null,
  last_activity_at: row.status === 'pending' ? (row.last_activity_at ?? row.created_at) : null,
  // On the server's clock, so a browser with a wrong clock still sees the truth.
  interrupted:
    row.status === 'pending' && now.getTime() - Date.parse(row.last_activity_at ?? row.created_at) >= IDLE_MS,
});

interface NewFile {
  id: string;
  key: string;
  filename: string;
  contentType: string;
  size: number | null;
  uploadedBy: string;
  lastModified?: number | undefined;
  mappingId?: string | undefined;
}

/** Every read and write takes the organization first: there is no way to reach another org's row. */
export function createFileRecords(db: Db, now: () => Date) {
  const byId = db.prepare('SELECT * FROM files WHERE org_id = ? AND id = ?');
  const byKey = db.prepare('SELECT * FROM files WHERE org_id = ? AND key = ?');
  const setStatus = db.prepare('UPDATE files SET status = ?, ingest = ? WHERE org_id = ? AND id = ?');

  return {
    create(orgId: string, file: NewFile): StoredFile {
      db.prepare(
        `INSERT INTO files (id, org_id, key, filename, content_type, size, status, created_at, uploaded_by,
           last_activity_at, source_last_modified, mapping_id)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
      ).run(
        file.id,
        orgId,
        file.key,
        file.filename,
        file.contentType,
        file.size,
        now().toISOString(),
        file.uploadedBy,
        now().toISOString(),
        file.lastModified ?? null,
        file.mappingId ?? null,
      );
      return this.get(orgId, file.id)!;
    },
    get(orgId: string, id: string): StoredFile | null {
      const row = byId.get(orgId, id) as FileRow | undefined;
      return row ? toFile(row, now()) : null;
    },
    getByKey(orgId: string, key: string): StoredFile | null {
      const row = byKey.get(orgId, key) as FileRow | undefined;
      return row ? toFile(row, now()) : null;
    },
    /** Newest first; the cursor is the last shown row's (created_at, id), so new uploads never shift a page. */
    list(orgId: string, page: PageQuery): { results: StoredFile[]; next_cursor: string | null } {
      const after = afterKeyset('created_at', decodeCursor(page.cursor));
      const rows = db
        .prepare(
          `SELECT * FROM files WHERE org_id = ? ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(orgId, ...after.params, page.limit + 1) as FileRow[];
      const at = now();
      return pageOf(
        rows,
        page.limit,
        (row) => ({ at: row.created_at, id: row.id }),
        (row) => toFile(row, at),
      );
    },
    /** True only for the call that moved the file out of `pending`, so its follow-up work runs once. */
    markUploaded(orgId: string, id: string, stored: { size: number; etag: string }): boolean {
      const result = db
        .prepare(
          `UPDATE files SET status = 'uploaded', size = ?, etag = ?, uploaded_at = ?
           WHERE org_id = ? AND id = ? AND status = 'pending'`,
        )
        .run(stored.size, stored.etag, now().toISOString(), orgId, id);
      return result.changes === 1;
    },
    setStatus(orgId: string, id: string, status: FileStatus, ingest: IngestSummary | null = null) {
      setStatus.run(status, ingest === null ? null : JSON.stringify(ingest), orgId, id);
    },
    /** A signed request for a pending upload: it is alive; the first part's sign tells its upload id. */
    touch(orgId: string, id: string, uploadId?: string) {
      db.prepare(
        `UPDATE files SET last_activity_at = ?, upload_id = coalesce(?, upload_id)
         WHERE org_id = ? AND id = ? AND status = 'pending'`,
      ).run(now().toISOString(), uploadId ?? null, orgId, id);
    },
    setMapping(orgId: string, id: string, mappingId: string | null) {
      db.prepare('UPDATE files SET mapping_id = ? WHERE org_id = ? AND id = ?').run(mappingId, orgId, id);
    },
    /** What ingestion found besides rows: the columns a non-case file lacks, the stored rejected rows. */
    setIngestDetails(
      orgId: string,
      id: string,
      details: { missingColumns: string[] | null; rejectedRowsKey: string | null },
    ) {
      db.prepare(
        'UPDATE files SET missing_columns = ?, rejected_rows_key = ? WHERE org_id = ? AND id = ?',
      ).run(
        details.missingColumns === null ? null : JSON.stringify(details.missingColumns),
        details.rejectedRowsKey,
        orgId,
        id,
      );
    },
    rejectedRowsKey(orgId: string, id: string): string | null {
      const row = db
        .prepare('SELECT rejected_rows_key FROM files WHERE org_id = ? AND id = ?')
        .get(orgId, id) as { rejected_rows_key: string | null } | undefined;
      return row?.rejected_rows_key ?? null;
    },
    remove(orgId: string, id: string) {
      db.prepare('DELETE FROM files WHERE org_id = ? AND id = ?').run(orgId, id);
    },
    /** Files left `ingesting` by a process that stopped; their ingestion can never report back. */
    listIngesting(): { orgId: string; file: StoredFile }[] {
      const at = now();
      return (db.prepare(`SELECT * FROM files WHERE status = 'ingesting'`).all() as FileRow[]).map((row) => ({
        orgId: row.org_id,
        file: toFile(row, at),
      }));
    },
    /** Pending records nobody finished (a closed tab, a cancelled single PUT) become `aborted`. */
    abortPendingBefore(cutoff: Date): number {
      return db
        .prepare(
          `UPDATE files SET status = 'aborted' WHERE status = 'pending' AND coalesce(last_activity_at, created_at) < ?`,
        )
        .run(cutoff.toISOString()).changes;
    },
  };
}

export type FileRecords = ReturnType<typeof createFileRecords>;

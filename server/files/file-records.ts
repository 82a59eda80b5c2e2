import type { FileStatus, IngestSummary, StoredFile } from '../../src/contract/files';
import type { Db } from '../db/open-database';

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
}

const toFile = (row: FileRow): StoredFile => ({
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
});

export interface NewFile {
  id: string;
  key: string;
  filename: string;
  contentType: string;
  size: number | null;
  uploadedBy: string;
}

/** Cursor = the last row's (created_at, id), so pages stay stable while new uploads arrive. */
const encodeCursor = (file: StoredFile) =>
  Buffer.from(JSON.stringify([file.created_at, file.id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string')) {
      return value as [string, string];
    }
  } catch {}
  return null;
}

/** Every read and write takes the organization first: there is no way to reach another org's row. */
export function createFileRecords(db: Db, now: () => Date) {
  const byId = db.prepare('SELECT * FROM files WHERE org_id = ? AND id = ?');
  const byKey = db.prepare('SELECT * FROM files WHERE org_id = ? AND key = ?');
  const setStatus = db.prepare('UPDATE files SET status = ?, ingest = ? WHERE org_id = ? AND id = ?');

  return {
    create(orgId: string, file: NewFile): StoredFile {
      db.prepare(
        `INSERT INTO files (id, org_id, key, filename, content_type, size, status, created_at, uploaded_by)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      ).run(
        file.id,
        orgId,
        file.key,
        file.filename,
        file.contentType,
        file.size,
        now().toISOString(),
        file.uploadedBy,
      );
      return this.get(orgId, file.id)!;
    },
    get(orgId: string, id: string): StoredFile | null {
      const row = byId.get(orgId, id) as FileRow | undefined;
      return row ? toFile(row) : null;
    },
    getByKey(orgId: string, key: string): StoredFile | null {
      const row = byKey.get(orgId, key) as FileRow | undefined;
      return row ? toFile(row) : null;
    },
    /** `null` when the cursor is not one this API issued. */
    list(
      orgId: string,
      limit: number,
      cursor?: string,
    ): { results: StoredFile[]; next_cursor: string | null } | null {
      const after = cursor === undefined ? null : decodeCursor(cursor);
      if (cursor !== undefined && after === null) return null;
      const rows = (
        after
          ? db
              .prepare(
                `SELECT * FROM files WHERE org_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
                 ORDER BY created_at DESC, id DESC LIMIT ?`,
              )
              .all(orgId, after[0], after[0], after[1], limit + 1)
          : db
              .prepare('SELECT * FROM files WHERE org_id = ? ORDER BY created_at DESC, id DESC LIMIT ?')
              .all(orgId, limit + 1)
      ) as FileRow[];
      const results = rows.slice(0, limit).map(toFile);
      const last = results.at(-1);
      return { results, next_cursor: rows.length > limit && last ? encodeCursor(last) : null };
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
    remove(orgId: string, id: string) {
      db.prepare('DELETE FROM files WHERE org_id = ? AND id = ?').run(orgId, id);
    },
    /** Files left `ingesting` by a process that stopped; their ingestion can never report back. */
    listIngesting(): { orgId: string; file: StoredFile }[] {
      return (db.prepare(`SELECT * FROM files WHERE status = 'ingesting'`).all() as FileRow[]).map((row) => ({
        orgId: row.org_id,
        file: toFile(row),
      }));
    },
    /** Pending records nobody finished (a closed tab, a cancelled single PUT) become `aborted`. */
    abortPendingBefore(cutoff: Date): number {
      return db
        .prepare(`UPDATE files SET status = 'aborted' WHERE status = 'pending' AND created_at < ?`)
        .run(cutoff.toISOString()).changes;
    },
  };
}

export type FileRecords = ReturnType<typeof createFileRecords>;

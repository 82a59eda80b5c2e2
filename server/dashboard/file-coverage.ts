import type { Coverage } from '../../src/contract/dashboard';
import type { Db } from '../db/open-database';

/** What the files say about the data: how many were stored, the last one, and the rows ingestion turned away. */
export function fileCoverage(
  db: Db,
  orgId: string,
): Pick<Coverage, 'files' | 'last_upload' | 'rows_rejected'> {
  const row = db
    .prepare(
      `SELECT count(*) AS files, max(uploaded_at) AS last_upload,
         coalesce(sum(CASE WHEN status = 'ingested' THEN json_extract(ingest, '$.rejected_rows') END), 0) AS rejected
       FROM files WHERE org_id = ? AND uploaded_at IS NOT NULL AND status != 'aborted'`,
    )
    .get(orgId) as { files: number; last_upload: string | null; rejected: number };
  return { files: row.files, last_upload: row.last_upload, rows_rejected: Number(row.rejected) };
}

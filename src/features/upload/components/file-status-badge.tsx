import type { StoredFile } from '../../../contract/files';

const LABELS: Record<StoredFile['status'], string> = {
  pending: 'Uploading',
  uploaded: 'Uploaded',
  ingesting: 'Adding to case data',
  ingested: 'In case data',
  failed: 'Failed',
  aborted: 'Cancelled',
};

/** A pending upload nobody has sent anything to for 15 minutes is not "Uploading": it is interrupted. */
export function FileStatusBadge({
  file,
}: {
  file: Pick<StoredFile, 'status' | 'interrupted' | 'missing_columns'>;
}) {
  if (file.interrupted) return <span className="file-status file-status-interrupted">Interrupted</span>;
  if (file.status === 'uploaded' && file.missing_columns)
    return <span className="file-status file-status-uploaded">Uploaded (not case data)</span>;
  return <span className={`file-status file-status-${file.status}`}>{LABELS[file.status]}</span>;
}

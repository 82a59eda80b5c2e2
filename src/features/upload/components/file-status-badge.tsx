import type { FileStatus } from '../../../contract/files';

const LABELS: Record<FileStatus, string> = {
  pending: 'Uploading',
  uploaded: 'Uploaded',
  ingesting: 'Adding to case data',
  ingested: 'In case data',
  failed: 'Failed',
  aborted: 'Cancelled',
};

export function FileStatusBadge({ status }: { status: FileStatus }) {
  return <span className={`file-status file-status-${status}`}>{LABELS[status]}</span>;
}

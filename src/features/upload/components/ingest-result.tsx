import type { StoredFile } from '../../../contract/files';
import { useDownloadRejectedRows } from '../api/download-url';

// The presigned URL answers with Content-Disposition: attachment, so the browser saves it and stays here.
const openDownload = (url: string) => window.location.assign(url);

const plural = (count: number, noun: string) => `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;

/** Rows added and rejected, with the reasons for the first rejected rows behind a disclosure. */
export function IngestResult({ file }: { file: StoredFile }) {
  const { ingest } = file;
  const rejectedRows = useDownloadRejectedRows(openDownload);
  if (file.missing_columns) {
    return (
      <span className="ingest-missing">
        Not case data: missing {file.missing_columns.join(', ')}. Upload it with a column mapping to add it.
      </span>
    );
  }
  if (!ingest) return <span className="muted">{file.status === 'ingesting' ? 'Reading…' : '—'}</span>;
  if (file.status === 'failed') {
    return (
      <span className="ingest-failed">{ingest.errors[0]?.message ?? 'The file could not be read.'}</span>
    );
  }
  return (
    <div className="ingest-result">
      <span>
        {plural(ingest.rows, 'row')} added
        {ingest.rejected_rows > 0 && `, ${ingest.rejected_rows.toLocaleString()} rejected`}
      </span>
      {ingest.errors.length > 0 && (
        <details>
          <summary>Why rows were rejected</summary>
          <ul>
            {ingest.errors.map((error) => (
              <li key={`${error.row}-${error.column}`}>
                Row {error.row}
                {error.column && `, ${error.column}`}: {error.message}
              </li>
            ))}
          </ul>
          {ingest.rejected_rows > ingest.errors.length && (
            <p className="muted">
              Showing the first {ingest.errors.length} of {ingest.rejected_rows}.
            </p>
          )}
        </details>
      )}
      {file.has_rejected_rows_file && (
        <button
          type="button"
          className="button subtle"
          disabled={rejectedRows.isPending}
          aria-label={`Download the rejected rows of ${file.filename}`}
          onClick={() => rejectedRows.mutate(file.id)}
        >
          Download rejected rows (CSV)
        </button>
      )}
    </div>
  );
}

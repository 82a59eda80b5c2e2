import { formatInstant } from '../../../lib/format-date';
import { useFiles } from '../api/list-files';
import { formatBytes } from '../lib/format';
import { FileActions } from './file-actions';
import { FileStatusBadge } from './file-status-badge';
import { IngestResult } from './ingest-result';

/** "Name <email>" shows as the name; the whole of it stays in the tooltip. */
const uploaderName = (uploadedBy: string) => uploadedBy.replace(/\s*<[^>]*>\s*$/, '') || uploadedBy;

/** The organization's files, newest first; each row stacks into a card on a phone. */
export function FilesTable() {
  const files = useFiles();
  return (
    <section className="files" aria-labelledby="files-title">
      <h2 id="files-title">Your organization's files</h2>
      {files.isPending && <p role="status">Loading files…</p>}
      {files.isError && <p className="info">The file list could not be loaded. {files.error.message}</p>}
      {files.data?.length === 0 && <p className="muted">No files yet. Uploaded files appear here.</p>}
      {files.data && files.data.length > 0 && (
        <table className="files-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
              <th scope="col">Status</th>
              <th scope="col">Uploaded</th>
              <th scope="col">Case data</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.data.map((file) => (
              <tr key={file.id}>
                <th scope="row" className="file-name" data-label="Name">
                  {file.filename}
                </th>
                <td data-label="Size" className="file-size">
                  {formatBytes(file.size)}
                </td>
                <td data-label="Status">
                  <FileStatusBadge file={file} />
                </td>
                <td data-label="Uploaded">
                  <div>
                    <span className="file-who" title={file.uploaded_by}>
                      {uploaderName(file.uploaded_by)}
                    </span>{' '}
                    <span className="file-when muted">
                      {formatInstant(file.uploaded_at ?? file.created_at)}
                    </span>
                  </div>
                </td>
                <td data-label="Case data">
                  <IngestResult file={file} />
                </td>
                <td data-label="Actions">
                  <FileActions file={file} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {files.hasNextPage && (
        <button
          type="button"
          className="button files-more"
          onClick={() => void files.fetchNextPage()}
          disabled={files.isFetchingNextPage}
        >
          {files.isFetchingNextPage ? 'Loading older files…' : 'Show older files'}
        </button>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { StoredFile } from '../../../contract/files';
import { useDeleteFile, useRemoveUpload } from '../api/delete-file';
import { useDownloadFile } from '../api/download-url';

// The presigned URL answers with Content-Disposition: attachment, so the browser saves it and stays here.
const openDownload = (url: string) => window.location.assign(url);

export function FileActions({ file }: { file: StoredFile }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const download = useDownloadFile(openDownload);
  const remove = useDeleteFile();
  const removeUpload = useRemoveUpload();

  if (file.interrupted) {
    return (
      <div className="file-actions">
        {file.upload_id && (
          <a className="button subtle" href={`#pending-${file.id}`} aria-label={`Resume ${file.filename}`}>
            Resume
          </a>
        )}
        <button
          type="button"
          className="button subtle"
          disabled={removeUpload.isPending}
          aria-label={`Remove ${file.filename}`}
          onClick={() => removeUpload.mutate(file)}
        >
          Remove
        </button>
      </div>
    );
  }

  if (isConfirming) {
    return (
      <fieldset className="file-actions file-delete-confirm">
        <legend>
          Delete {file.filename}
          {file.ingest ? ' and its case rows' : ''}?
        </legend>
        <button
          type="button"
          className="button danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(file.id, { onSettled: () => setIsConfirming(false) })}
        >
          Delete
        </button>
        <button type="button" className="button subtle" onClick={() => setIsConfirming(false)}>
          Keep
        </button>
      </fieldset>
    );
  }
  return (
    <div className="file-actions">
      {file.uploaded_at && (
        <button
          type="button"
          className="button subtle"
          disabled={download.isPending}
          aria-label={`Download ${file.filename}`}
          onClick={() => download.mutate(file.id)}
        >
          Download
        </button>
      )}
      <button
        type="button"
        className="button subtle"
        aria-label={`Delete ${file.filename}`}
        onClick={() => setIsConfirming(true)}
      >
        Delete
      </button>
    </div>
  );
}

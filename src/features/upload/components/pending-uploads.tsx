import { useQuery } from '@tanstack/react-query';
import { useUppyState } from '@uppy/react';
import { useRef, useState } from 'react';
import type { StoredFile } from '../../../contract/files';
import { useRemoveUpload } from '../api/delete-file';
import { useFiles } from '../api/list-files';
import { formatBytes } from '../lib/format';
import { mismatchReason } from '../lib/match-file';
import { storedBytes } from '../uppy/stored-progress';
import type { UploadController } from '../uppy/upload-controller';

type Pending = StoredFile & { upload_id: string };

/**
 * Multipart uploads of this organization that no page is sending: after a reload, a closed tab or a lost
 * connection. The browser no longer has their bytes, so each asks for its file again and continues from the
 * parts already stored, without pressing Upload.
 */
export function PendingUploads({ controller }: { controller: UploadController }) {
  const files = useFiles();
  const queued = useUppyState(controller.uppy, (state) => state.files);
  const running = new Set(
    Object.values(queued).flatMap((file) => [file.meta.hpUploadId, file.meta.hpResume?.uploadId]),
  );
  const pending = (files.data ?? []).filter(
    (file): file is Pending =>
      file.status === 'pending' && file.upload_id !== null && !running.has(file.upload_id),
  );
  if (pending.length === 0) return null;
  return (
    <section className="pending-uploads" aria-labelledby="pending-title">
      <h2 id="pending-title">Uploads waiting for their file</h2>
      <p className="muted">
        These uploads stopped before they finished. Choose each file again and it continues from the parts
        already stored.
      </p>
      <ul>
        {pending.map((file) => (
          <PendingUpload key={file.id} file={file} controller={controller} />
        ))}
      </ul>
    </section>
  );
}

function PendingUpload({ file, controller }: { file: Pending; controller: UploadController }) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = useRemoveUpload();
  const stored = useQuery({
    queryKey: ['stored-bytes', file.upload_id],
    queryFn: () => storedBytes(file.key, file.upload_id),
    staleTime: 30_000,
  });
  const percent = file.size && stored.data !== undefined ? Math.floor((stored.data / file.size) * 100) : null;

  const chosen = (chosenFile: File | undefined) => {
    if (!chosenFile) return;
    const reason = mismatchReason(chosenFile, file);
    setProblem(reason);
    if (input.current) input.current.value = '';
    if (reason) return;
    controller.continueUpload(chosenFile, {
      key: file.key,
      uploadId: file.upload_id,
      mappingId: file.mapping_id,
    });
  };

  return (
    <li className="pending-upload" id={`pending-${file.id}`}>
      <div>
        <strong>{file.filename}</strong>
        {file.interrupted && <span className="file-status file-status-interrupted">Interrupted</span>}
        <p className="muted" data-stored-bytes={stored.data}>
          {percent === null
            ? stored.isPending
              ? 'Checking what is stored…'
              : `${formatBytes(file.size)} in all`
            : `${percent} % stored (${formatBytes(stored.data ?? 0)} of ${formatBytes(file.size)})`}
        </p>
        {problem && (
          <p className="pending-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="file-actions">
        <button type="button" className="button primary" onClick={() => input.current?.click()}>
          Choose the file again to continue
        </button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={`Choose ${file.filename} again`}
          onChange={(event) => chosen(event.target.files?.[0])}
        />
        <button
          type="button"
          className="button subtle"
          disabled={remove.isPending}
          aria-label={`Remove the upload of ${file.filename}`}
          onClick={() => remove.mutate(file)}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

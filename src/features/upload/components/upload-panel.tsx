import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import '../upload.css';
import { useQueryClient } from '@tanstack/react-query';
import Dashboard from '@uppy/react/dashboard';
import { useEffect, useRef } from 'react';
import { ALLOWED_EXTENSIONS, MAX_UPLOAD_BYTES } from '../../../contract/upload';
import { filesQuery } from '../api/list-files';
import { useHeaderChecks } from '../hooks/use-header-checks';
import { useSingleFileListRole } from '../hooks/use-single-file-list-role';
import { formatBytes } from '../lib/format';
import { uploadControllerFor } from '../uppy/upload-controller';
import { HeaderWarnings } from './header-warnings';
import { PendingUploads } from './pending-uploads';
import { TransferStatus } from './transfer-status';

/** Drag-and-drop uploads straight to the organization's storage, with the rules stated up front. */
export function UploadPanel({ orgId }: { orgId: string }) {
  const controller = uploadControllerFor(orgId);
  const queryClient = useQueryClient();
  const checks = useHeaderChecks(controller.uppy);
  const dashboardRef = useRef<HTMLDivElement>(null);
  useSingleFileListRole(dashboardRef);

  useEffect(
    () => controller.onFilesChanged(() => queryClient.invalidateQueries({ queryKey: filesQuery().queryKey })),
    [controller, queryClient],
  );

  return (
    <section className="upload-panel" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload files</h2>
      <div className="upload-rules" id="upload-rules">
        <p>
          Allowed file types: <span className="extensions">{ALLOWED_EXTENSIONS.join(' ')}</span>. Up to{' '}
          {formatBytes(MAX_UPLOAD_BYTES)} per file.
        </p>
        <p className="muted">
          CSV, TSV and Parquet files with the case columns (case_id, admit_date, discharge_date, …) are added
          to your case data for analysis; a file with its own column names can be mapped before upload. Large
          files upload in parts: you can pause, resume, and even reload the page and choose the file again.
        </p>
      </div>
      <PendingUploads controller={controller} />
      <div ref={dashboardRef}>
        <Dashboard
          uppy={controller.uppy}
          theme="auto"
          width="100%"
          height={340}
          proudlyDisplayPoweredByUppy={false}
          // One time-left estimate on the page: ours, from the last seconds' speed (TransferStatus).
          hideProgressDetails
          note={`Allowed: ${ALLOWED_EXTENSIONS.join(' ')} · up to ${formatBytes(MAX_UPLOAD_BYTES)} each`}
          aria-describedby="upload-rules"
        />
      </div>
      <TransferStatus />
      <HeaderWarnings checks={checks} uppy={controller.uppy} />
    </section>
  );
}

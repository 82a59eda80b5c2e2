import type { Uppy } from '@uppy/core';
import type { QueuedHeaderCheck } from '../hooks/use-header-checks';
import type { UploadBody, UploadMeta } from '../uppy/adaptive-s3';
import { MappingEditor } from './mapping-editor';

/**
 * Before an upload starts: which columns a CSV, TSV or Parquet file has, whether they make it case data, and for a file
 * whose header is not the case format, the column mapping that makes it so.
 */
export function HeaderWarnings({
  checks,
  uppy,
}: {
  checks: QueuedHeaderCheck[];
  uppy: Uppy<UploadMeta, UploadBody>;
}) {
  if (checks.length === 0) return null;
  return (
    <section className="header-checks" aria-labelledby="header-checks-title">
      <h2 id="header-checks-title">Column check before upload</h2>
      <ul>
        {checks.map(({ fileId, name, check }) => (
          <li key={fileId} className={check.missing.length > 0 ? 'header-check warning' : 'header-check ok'}>
            <p aria-live="polite">
              <strong>{name}</strong>:{' '}
              {check.missing.length > 0
                ? `its header lacks ${check.missing.join(', ')} under those names. Map its columns below to add it to your case data; without a mapping it is only stored.`
                : 'has the case data columns and will be added to your case data after upload.'}
            </p>
            <p className="muted">
              Detected columns: {check.columns.length > 0 ? check.columns.join(', ') : 'none'}
              {check.missing.length === 0 &&
                check.unknown.length > 0 &&
                ` (not case columns, ignored: ${check.unknown.join(', ')})`}
            </p>
            {check.missing.length > 0 && check.columns.length > 0 && (
              <MappingEditor
                uppy={uppy}
                fileId={fileId}
                fileName={name}
                header={check.columns}
                samples={check.samples}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

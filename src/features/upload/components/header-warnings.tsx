import type { QueuedHeaderCheck } from '../hooks/use-header-checks';

/** Before an upload starts: which columns a CSV or TSV has, and whether they make it case data. */
export function HeaderWarnings({ checks }: { checks: QueuedHeaderCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <section className="header-checks" aria-labelledby="header-checks-title" aria-live="polite">
      <h2 id="header-checks-title">Column check before upload</h2>
      <ul>
        {checks.map(({ fileId, name, check }) => (
          <li key={fileId} className={check.missing.length > 0 ? 'header-check warning' : 'header-check ok'}>
            <p>
              <strong>{name}</strong>:{' '}
              {check.missing.length > 0
                ? `missing ${check.missing.join(', ')}. It will be stored, but not added to your case data.`
                : 'has the case data columns and will be added to your case data after upload.'}
            </p>
            <p className="muted">
              Detected columns: {check.columns.length > 0 ? check.columns.join(', ') : 'none'}
              {check.unknown.length > 0 && ` (not case columns, ignored: ${check.unknown.join(', ')})`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

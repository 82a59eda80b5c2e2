import { useQuery } from '@tanstack/react-query';
import { formatInstant } from '../../../lib/format-date';
import { healthQuery, useHealth } from '../../../lib/health-query';

export function ServiceHealth({ apiBase }: { apiBase: string }) {
  const health = useHealth();
  const { data } = useQuery(healthQuery());
  return (
    <section className="settings-section" aria-labelledby="health-title">
      <h2 id="health-title">Service health</h2>
      <p>
        <span className={`health-summary health-${health.level}`}>{health.detail}</span>{' '}
        <span className="muted">
          at <code>{apiBase}</code>
        </span>
      </p>
      {data && (
        <>
          <ul className="health-checks">
            {Object.entries(data.checks).map(([name, result]) => (
              <li key={name}>
                <span className="check-name">{name}</span>: {result}
              </li>
            ))}
          </ul>
          <p className="muted">
            Version {data.version}, checked {formatInstant(data.time)}.
          </p>
        </>
      )}
    </section>
  );
}

import { useHealth } from '../lib/health-query';

/** Says the state in words; the colour only repeats it. A phone shows only the dot while all is well. */
export function HealthBadge() {
  const health = useHealth();
  return (
    <span className={`health-badge health-${health.level}`} role="status" title={health.detail}>
      <span className="health-dot" aria-hidden="true" />
      <span className="health-text">{health.detail}</span>
    </span>
  );
}

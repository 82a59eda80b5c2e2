export interface RateLimitOptions {
  /** Runs one asker may start per minute. */
  perMinute?: number;
  /** Runs one asker may have going at once. */
  concurrent?: number;
  now?: () => number;
}

/**
 * Per-asker limits, in memory like the sign-in throttle: a run holds a DuckDB connection and a CPU share,
 * so one script must not starve everyone else on a two-core server.
 */
export function createRateLimit({ perMinute = 20, concurrent = 3, now = Date.now }: RateLimitOptions = {}) {
  const started = new Map<string, number[]>();
  const running = new Map<string, number>();
  const windowMs = 60_000;

  return {
    /** Seconds to wait before another run, or 0 after counting this one as started. */
    acquire(key: string): number {
      const since = now() - windowMs;
      const recent = (started.get(key) ?? []).filter((at) => at > since);
      if (recent.length >= perMinute) {
        const oldest = recent[recent.length - perMinute] ?? now();
        return Math.max(1, Math.ceil((oldest + windowMs - now()) / 1000));
      }
      if ((running.get(key) ?? 0) >= concurrent) return 5;
      started.set(key, [...recent, now()]);
      running.set(key, (running.get(key) ?? 0) + 1);
      return 0;
    },
    finish(key: string): void {
      const count = (running.get(key) ?? 1) - 1;
      if (count > 0) running.set(key, count);
      else running.delete(key);
    },
  };
}

/**
 * Counts failures per key inside a sliding window. In memory on purpose: a restart forgives, which is
 * acceptable for a single-process server, and nothing about an attempt is written to disk.
 */
export function createThrottle(options: {
  limit: number;
  windowMs: number;
  now: () => Date;
  /** Keys kept before old ones are swept: each made-up email adds one, so the map must not only grow. */
  sweepAbove?: number;
}) {
  const failures = new Map<string, number[]>();
  const sweepAbove = options.sweepAbove ?? 10_000;

  const recent = (key: string) => {
    const since = options.now().getTime() - options.windowMs;
    const kept = (failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };

  return {
    /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
    retryAfter(key: string): number {
      const kept = recent(key);
      if (kept.length < options.limit) return 0;
      const oldest = kept[kept.length - options.limit]!;
      return Math.max(1, Math.ceil((oldest + options.windowMs - options.now().getTime()) / 1000));
    },
    fail(key: string): void {
      failures.set(key, [...recent(key), options.now().getTime()]);
      if (failures.size > sweepAbove) for (const tracked of [...failures.keys()]) recent(tracked);
    },
    /** Keys with failures in memory (for tests of the sweep). */
    size: () => failures.size,
    reset(key: string): void {
      failures.delete(key);
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;

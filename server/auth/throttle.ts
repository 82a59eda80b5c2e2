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

/**
 * A wait that grows with each failure past the free ones (base, 2×base, 4×base … up to a cap), instead of a
 * hard lock: someone guessing a known email cannot shut its owner out for longer than `maxSeconds` at a time.
 * Failures are forgotten `windowMs` after the last one.
 */
export function createBackoff(options: {
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  windowMs: number;
  now: () => Date;
  sweepAbove?: number;
}) {
  const failures = new Map<string, { count: number; last: number }>();
  const sweepAbove = options.sweepAbove ?? 10_000;

  const current = (key: string) => {
    const entry = failures.get(key);
    if (entry && entry.last + options.windowMs <= options.now().getTime()) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
    retryAfter(key: string): number {
      const entry = current(key);
      if (!entry || entry.count < options.free) return 0;
      const wait = Math.min(options.maxSeconds, options.baseSeconds * 2 ** (entry.count - options.free));
      const remaining = entry.last + wait * 1000 - options.now().getTime();
      return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
    },
    fail(key: string): void {
      const entry = current(key);
      failures.set(key, { count: (entry?.count ?? 0) + 1, last: options.now().getTime() });
      if (failures.size > sweepAbove) for (const tracked of [...failures.keys()]) current(tracked);
    },
    size: () => failures.size,
    reset(key: string): void {
      failures.delete(key);
    },
  };
}

export type Backoff = ReturnType<typeof createBackoff>;

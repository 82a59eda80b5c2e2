// The server's one rate limiter, in memory on purpose: a restart forgives, which is acceptable for a
// single-process server, and nothing about an attempt is written to disk. Every limit answers the same question
// the same way: how many seconds until this key may go again (0: now).

interface KeyedOptions {
  now: () => Date;
  /** Keys kept before old ones are swept: each made-up email adds one, so the map must not only grow. */
  sweepAbove?: number;
}

/** At most `limit` events per key inside a sliding window of `windowMs`. */
export function createWindowLimit(options: KeyedOptions & { limit: number; windowMs: number }) {
  const events = new Map<string, number[]>();
  const sweepAbove = options.sweepAbove ?? 10_000;

  const recent = (key: string) => {
    const since = options.now().getTime() - options.windowMs;
    const kept = (events.get(key) ?? []).filter((at) => at > since);
    if (kept.length) events.set(key, kept);
    else events.delete(key);
    return kept;
  };

  return {
    /** Seconds until the oldest counted event leaves the window, or 0 while under the limit. */
    retryAfter(key: string): number {
      const kept = recent(key);
      if (kept.length < options.limit) return 0;
      const oldest = kept[kept.length - options.limit]!;
      return Math.max(1, Math.ceil((oldest + options.windowMs - options.now().getTime()) / 1000));
    },
    record(key: string): void {
      events.set(key, [...recent(key), options.now().getTime()]);
      if (events.size > sweepAbove) for (const tracked of [...events.keys()]) recent(tracked);
    },
    reset(key: string): void {
      events.delete(key);
    },
    /** Keys held in memory (for tests of the sweep). */
    size: () => events.size,
  };
}

export type WindowLimit = ReturnType<typeof createWindowLimit>;

/**
 * A wait that grows with each event past the free ones (base, 2×base, 4×base … up to a cap), instead of a hard
 * lock: someone guessing a known email cannot shut its owner out for longer than `maxSeconds` at a time. Events
 * are forgotten `windowMs` after the last one.
 */
export function createBackoff(
  options: KeyedOptions & { free: number; baseSeconds: number; maxSeconds: number; windowMs: number },
) {
  const events = new Map<string, { count: number; last: number }>();
  const sweepAbove = options.sweepAbove ?? 10_000;

  const current = (key: string) => {
    const entry = events.get(key);
    if (entry && entry.last + options.windowMs <= options.now().getTime()) {
      events.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    retryAfter(key: string): number {
      const entry = current(key);
      if (!entry || entry.count < options.free) return 0;
      const wait = Math.min(options.maxSeconds, options.baseSeconds * 2 ** (entry.count - options.free));
      const remaining = entry.last + wait * 1000 - options.now().getTime();
      return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
    },
    record(key: string): void {
      const entry = current(key);
      events.set(key, { count: (entry?.count ?? 0) + 1, last: options.now().getTime() });
      if (events.size > sweepAbove) for (const tracked of [...events.keys()]) current(tracked);
    },
    reset(key: string): void {
      events.delete(key);
    },
    size: () => events.size,
  };
}

export type Backoff = ReturnType<typeof createBackoff>;

export interface RunLimitOptions {
  /** Runs one key may start per minute. */
  perMinute?: number;
  /** Runs one key may have going at once. */
  concurrent?: number;
  now?: () => Date;
}

/** Seconds a key at its concurrency limit is asked to wait: a run usually ends within that. */
const BUSY_RETRY_SECONDS = 5;

/** Starts per minute (a sliding window) and runs going at once, per key. */
export function createRunLimit({
  perMinute = 20,
  concurrent = 3,
  now = () => new Date(),
}: RunLimitOptions = {}) {
  const starts = createWindowLimit({ limit: perMinute, windowMs: 60_000, now });
  const running = new Map<string, number>();

  return {
    /** Seconds to wait before another run, or 0 after counting this one as started. */
    acquire(key: string): number {
      const wait = starts.retryAfter(key);
      if (wait > 0) return wait;
      if ((running.get(key) ?? 0) >= concurrent) return BUSY_RETRY_SECONDS;
      starts.record(key);
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

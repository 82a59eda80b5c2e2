import type { Db } from '../db/open-database';

const LAST_USED_FLUSH_MS = 60_000;

/**
 * Remembers when each key was last used without writing on every request: uses are kept in memory and
 * written in one transaction at most once per interval (and at close), so a busy integration costs one
 * small write a minute instead of one per call. Readers in this process see the fresh value through `seen`.
 */
export function createLastUsedTracker(db: Db, flushIntervalMs = LAST_USED_FLUSH_MS) {
  const pending = new Map<string, string>();
  // The guard keeps the stored time moving forward only, whatever order two processes flush in.
  const update = db.prepare(
    'UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
  );
  const flush = () => {
    if (pending.size === 0) return 0;
    const entries = [...pending];
    pending.clear();
    db.transaction(() => {
      for (const [keyId, at] of entries) update.run(at, keyId, at);
    })();
    return entries.length;
  };
  const timer = setInterval(() => {
    try {
      flush();
    } catch {
      // A busy or closing database loses at most one interval of "last used" times, never a request.
    }
  }, flushIntervalMs);
  timer.unref();

  return {
    touch(keyId: string, at: Date) {
      pending.set(keyId, at.toISOString());
    },
    /** The newest use not yet written, if any. */
    seen: (keyId: string): string | undefined => pending.get(keyId),
    flush,
    close() {
      clearInterval(timer);
      flush();
    },
  };
}

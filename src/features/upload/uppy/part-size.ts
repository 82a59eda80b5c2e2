export const MiB = 1024 * 1024;

/** S3's smallest part (every part but the last) and its part-count limit. */
export const MIN_PART = 5 * MiB;
export const MAX_PARTS = 10_000;

/**
 * The largest part: measured on loopback (bench/upload-bench.ts, Chromium → embedded store, 2-core machine)
 * throughput stops rising at 32–64 MiB parts; beyond that a retried or paused part only costs more.
 */
export const MAX_PART = 64 * MiB;

/**
 * How many seconds of transfer one round of parts in flight should hold. Pausing (or a dropped connection)
 * throws away what the parts in flight had sent, so this bounds the work lost to about this many seconds at
 * any speed (at 5 MiB parts below ~2.6 MB/s per part, S3's minimum sets the bound instead). Short parts cost a
 * signing round trip and a request each, which the second part in flight hides; 1.5 s keeps that overhead
 * under ~5 % on the 20–80 ms round trips of real links while a pause at 8 MB/s loses ~12 MB at worst.
 */
export const TARGET_ROUND_SECONDS = 1.5;

/** A part at most doubles the last one, so one lucky fast sample cannot make a 64 MiB part on a slow link. */
const MAX_GROWTH = 2;

/**
 * A file above one starting part goes multipart: it then survives pauses, dropped connections and reloads;
 * below it a single PUT saves the create and complete calls and risks at most this much on a retry.
 */
export const MULTIPART_THRESHOLD = 8 * MiB;

/** The first part, before anything is measured: small, so a slow link learns its speed quickly. */
export const FIRST_PART = MIN_PART;

const roundToMiB = (bytes: number) => Math.max(MiB, Math.round(bytes / MiB) * MiB);

/**
 * The size of the next part from the measured throughput (bytes/s over the last few seconds, all parts of the
 * file together), the parts in flight, the previous part's size and what is left of the file.
 */
export function nextPartSize(input: {
  throughput: number | null;
  concurrency: number;
  previous: number | null;
  remaining: number;
  partsLeft: number;
}): number {
  const { throughput, concurrency, previous, remaining, partsLeft } = input;
  let size =
    throughput === null || previous === null
      ? FIRST_PART
      : Math.min((throughput * TARGET_ROUND_SECONDS) / concurrency, previous * MAX_GROWTH);
  size = Math.min(MAX_PART, Math.max(MIN_PART, roundToMiB(size)));
  // Within S3's 10 000 parts whatever happens later: never below an even share of what is left.
  size = Math.max(size, Math.ceil(remaining / Math.max(1, partsLeft)));
  // A tail shorter than S3's minimum would be refused at completion: it joins this part instead.
  if (remaining - size < MIN_PART) return remaining;
  return size;
}

/**
 * Parts in flight: two hide each part's signing and request round trip behind the other's transfer; a third
 * or fourth is added only while it measurably raises throughput (high-latency links where one connection
 * cannot fill the pipe), and dropped again when it does not.
 */
export const MIN_CONCURRENCY = 2;
export const MAX_CONCURRENCY = 4;
/** A new connection must add this much throughput to stay. */
const WORTH_IT = 1.15;

export function nextConcurrency(
  current: number,
  throughputNow: number,
  throughputBefore: number | null,
): number {
  if (throughputBefore === null) return current;
  if (throughputNow >= throughputBefore * WORTH_IT) return Math.min(MAX_CONCURRENCY, current + 1);
  if (throughputNow < throughputBefore / WORTH_IT) return Math.max(MIN_CONCURRENCY, current - 1);
  return current;
}

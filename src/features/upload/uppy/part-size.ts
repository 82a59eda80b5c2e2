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
 * How long one part's bytes should take to send. Pausing (or a dropped connection) throws away what the parts
 * in flight had sent; with every part taking about this long, that is about this many seconds of the link's
 * work at any speed (below ~5 MB/s per part S3's 5 MiB minimum sets the bound instead: 2 parts of 5 MiB).
 * Short parts cost a signing round trip, a CORS preflight and a request each, which the second part in flight
 * hides. Measured (bench/upload-bench.ts, loaded 2-core machine): at 1.5 s one pause on an 8 MB/s link lost
 * 9.3 MiB (1.2 s of work); at 1 s it lost 3.5 MiB (0.5 s), and 512 MiB over loopback ran at 28 MiB/s in 29 parts
 * (2.6× @aws-sdk/lib-storage with 32 MiB parts, 4 in parallel, in the same run).
 */
export const TARGET_PART_SECONDS = 1;

/** A part at most doubles (or halves) the last one, so one odd sample cannot swing the size. */
const MAX_STEP = 2;

/**
 * A file above one starting part goes multipart: it then survives pauses, dropped connections and reloads;
 * below it a single PUT saves the create and complete calls and risks at most this much on a retry.
 */
export const MULTIPART_THRESHOLD = 8 * MiB;

/** The first part, before anything is measured: small, so a slow link learns its speed quickly. */
const FIRST_PART = MIN_PART;

const roundToMiB = (bytes: number) => Math.max(MiB, Math.round(bytes / MiB) * MiB);

/**
 * The size of the next part from how long the last one took to send (its bytes from first to last byte on
 * the wire, without the signing and the store's answer, so per-part overhead never shrinks parts), what is
 * left of the file and the parts S3 still allows. Measuring each part's own transfer follows the link as it
 * speeds up or slows down, whatever the number of parts in flight.
 */
export function nextPartSize(input: {
  last: { bytes: number; seconds: number } | null;
  remaining: number;
  partsLeft: number;
}): number {
  const { last, remaining, partsLeft } = input;
  let size = FIRST_PART;
  if (last) {
    const step = Math.min(
      MAX_STEP,
      Math.max(1 / MAX_STEP, TARGET_PART_SECONDS / Math.max(last.seconds, 0.01)),
    );
    size = last.bytes * step;
  }
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

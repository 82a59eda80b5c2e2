const MiB = 1024 * 1024;

/**
 * Chosen by measurement (bench/upload-bench.ts: Chromium → embedded store on loopback, 512 MiB, parts sent
 * one after another as @uppy/aws-s3 6 does, 2-core machine): 8 MiB parts 51 MiB/s, 16 MiB 49 MiB/s,
 * 32 MiB 70 MiB/s, 64 MiB 68 MiB/s. Every part costs a signing round trip plus a request to the store,
 * so below 32 MiB the round trips show; above it nothing is gained, while a failed part is sent again
 * whole. At 32 MiB a part still fits the 15-minute URL lifetime down to ~40 KB/s.
 */
export const PART_SIZE = 32 * MiB;

/**
 * A file bigger than one part goes multipart: it then survives a dropped connection or a reload without
 * starting over, which a single PUT cannot; below that a single PUT saves the create and complete calls.
 */
export const MULTIPART_THRESHOLD = PART_SIZE;

/** S3 allows 10 000 parts; a file above 312 GiB needs bigger parts than PART_SIZE. */
const MAX_PARTS = 10_000;

export const partSizeFor = (size: number) => Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS));

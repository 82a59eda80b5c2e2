import { INGEST_LIMITS } from './ingest-sql';

/** The file could not be parsed at all (as opposed to rows that fail validation). */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/** The file is readable but over a limit (see INGEST_LIMITS and HP_INGEST_MAX_EXPANSION); nothing was loaded. */
export class RefusedFileError extends UnreadableFileError {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedFileError';
  }
}

export const bytes = (count: number) => `${Math.round(count).toLocaleString('en-US')} bytes`;

/** DuckDB's error as the person who uploaded the file should read it. */
export function readFailure(error: unknown): UnreadableFileError {
  const full = (error as Error).message;
  const message = full.split('\n')[0] ?? '';
  if (/Maximum line size of \d+ bytes exceeded/.test(full)) {
    return new RefusedFileError(
      `A line of the file is longer than ${bytes(INGEST_LIMITS.rowBytes)} (1 MB), the most one row may hold. Shorten it and upload the file again.`,
    );
  }
  return new UnreadableFileError(`The file could not be read: ${message}`);
}

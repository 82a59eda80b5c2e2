import fs from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { bytes, RefusedFileError, readFailure } from './ingest-errors';
import {
  INGEST_LIMITS,
  needsSequentialRead,
  parquetDeclaredSizeSql,
  readerCall,
  sizeScanSql,
} from './ingest-sql';
import type { IngestSource } from './types';

/**
 * Measures the columns ingestion will read before loading any of them, and refuses a file over a limit with
 * the reason: a cell over 64 KB, a row over 1 MB, or data that expands past `maxExpansion` times the file's
 * size (a small compressed file that would fill memory and disk). Returns the reader to load with.
 */
export async function refuseOversized(
  connection: DuckDBConnection,
  source: IngestSource,
  file: string,
  columns: string[],
  maxExpansion: number,
): Promise<string> {
  const fileBytes = Math.max(1, fs.statSync(file).size);
  const tooBig = (declared: number) =>
    new RefusedFileError(
      `The file expands to about ${bytes(declared)} from ${bytes(fileBytes)}, more than ${maxExpansion} times its size. Upload the data uncompressed or split it into smaller files.`,
    );
  if (source.format === 'parquet') {
    const [declared] = (await connection.runAndReadAll(parquetDeclaredSizeSql(file))).getRowObjectsJS();
    if (Number(declared?.bytes ?? 0) > maxExpansion * fileBytes) throw tooBig(Number(declared?.bytes));
  }
  let reader = readerCall(source.format, file);
  let scan: Record<string, unknown> | undefined;
  try {
    [scan] = (await connection.runAndReadAll(sizeScanSql(reader, columns))).getRowObjectsJS();
  } catch (error) {
    if (!needsSequentialRead(error)) throw readFailure(error);
    reader = readerCall(source.format, file, { sequential: true });
    [scan] = (
      await connection.runAndReadAll(sizeScanSql(reader, columns)).catch((again: unknown) => {
        throw readFailure(again);
      })
    ).getRowObjectsJS();
  }
  const widths = columns.map((column, index) => ({ column, width: Number(scan?.[`cell_${index}`] ?? 0) }));
  const widest = widths.reduce((a, b) => (b.width > a.width ? b : a), { column: '', width: 0 });
  if (widest.width > INGEST_LIMITS.cellBytes) {
    throw new RefusedFileError(
      `A cell in column "${widest.column}" holds ${bytes(widest.width)}; a cell may hold at most ${bytes(INGEST_LIMITS.cellBytes)} (64 KB). Shorten it and upload the file again.`,
    );
  }
  if (Number(scan?.widest_row ?? 0) > INGEST_LIMITS.rowBytes) {
    throw new RefusedFileError(
      `A row holds ${bytes(Number(scan?.widest_row))}; a row may hold at most ${bytes(INGEST_LIMITS.rowBytes)} (1 MB). Shorten it and upload the file again.`,
    );
  }
  if (Number(scan?.total ?? 0) > maxExpansion * fileBytes) throw tooBig(Number(scan?.total));
  return reader;
}

import { type AsyncBuffer, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';

/**
 * A Parquet file's own column names and its first values, read in the browser from the footer (the last
 * bytes) and, when the first row group is small, its first rows. This module is loaded only when a Parquet
 * file is chosen, so its reader never weighs on pages without one.
 */
export interface ParquetColumns {
  columns: string[];
  samples: string[][];
}

const SAMPLE_ROWS = 5;
/** Samples come from the first row group's column chunks; past this many compressed bytes they are skipped. */
const SAMPLE_BYTES_LIMIT = 8 * 1024 * 1024;

const asyncBuffer = (file: Blob): AsyncBuffer => ({
  byteLength: file.size,
  slice: (start, end) => file.slice(start, end).arrayBuffer(),
});

/** A value as ingestion will read it: dates and timestamps as YYYY-MM-DD (ingestion reads a timestamp's date). */
export function sampleText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim().slice(0, 200);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  // Nested, binary and other values are not case data; the column can still be mapped by its name.
  return '';
}

export async function readParquetColumns(file: Blob): Promise<ParquetColumns> {
  const buffer = asyncBuffer(file);
  const metadata = await parquetMetadataAsync(buffer);
  const columns = parquetSchema(metadata).children.map((child) => child.element.name);
  const firstGroup = metadata.row_groups[0];
  const groupBytes = firstGroup?.columns.reduce(
    (sum, chunk) => sum + Number(chunk.meta_data?.total_compressed_size ?? 0),
    0,
  );
  if (!firstGroup || groupBytes === undefined || groupBytes > SAMPLE_BYTES_LIMIT)
    return { columns, samples: [] };
  try {
    const rows = await parquetReadObjects({ file: buffer, metadata, rowStart: 0, rowEnd: SAMPLE_ROWS });
    return { columns, samples: rows.map((row) => columns.map((column) => sampleText(row[column]))) };
  } catch {
    // A codec the reader lacks (hyparquet reads Snappy itself; ZSTD, Brotli… need more): names alone still map.
    return { columns, samples: [] };
  }
}

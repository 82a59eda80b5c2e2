import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAPPING_PROBLEMS, mappedReader } from './column-mapping';
import { readFailure } from './ingest-errors';
import { refuseOversized } from './ingest-limits';
import {
  acceptedRowsSql,
  COUNTS_SQL,
  checkedSql,
  FIRST_PROBLEMS_SQL,
  mapHeader,
  readerCall,
  rejectedRowsSql,
  timestampsAsDates,
} from './ingest-sql';
import { bumpDataVersion, type OrgDatabase } from './org-database';
import { CASE_COLUMNS } from './schema';
import type { IngestError, IngestProgress, IngestResult, IngestSource } from './types';

export { RefusedFileError, UnreadableFileError } from './ingest-errors';

type Progress = (progress: IngestProgress) => void;

export async function ingestFile(
  database: OrgDatabase,
  fileId: string,
  source: IngestSource,
  onProgress: Progress = () => {},
): Promise<IngestResult> {
  onProgress({ phase: 'reading', fraction: 0 });
  // Streamed to disk first so memory stays flat; DuckDB's readers then work from the file.
  const tempFile = path.join(database.uploadDir, `upload-${randomUUID()}.${source.format}`);
  try {
    await pipeline(await source.open(), fs.createWriteStream(tempFile));
    onProgress({ phase: 'reading', fraction: 1 });
    return await database.write((connection) =>
      loadFile(connection, fileId, source, tempFile, onProgress, database.maxExpansion),
    );
  } finally {
    fs.rmSync(tempFile, { force: true });
  }
}

async function sourceColumns(connection: DuckDBConnection, reader: string): Promise<string[]> {
  try {
    const result = await connection.runAndReadAll(`SELECT * FROM ${reader} LIMIT 0`);
    return result.columnNames();
  } catch (error) {
    throw readFailure(error);
  }
}

async function columnTypes(
  connection: DuckDBConnection,
  reader: string,
): Promise<{ name: string; type: string }[]> {
  try {
    const result = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
    return result
      .getRowObjectsJS()
      .map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  } catch (error) {
    throw readFailure(error);
  }
}

async function loadFile(
  connection: DuckDBConnection,
  fileId: string,
  source: IngestSource,
  file: string,
  onProgress: Progress,
  maxExpansion: number,
): Promise<IngestResult> {
  if (fs.statSync(file).size === 0)
    return { kind: 'not_case_data', missing: ['case_id', 'admit_date', 'discharge_date'] };
  const columns = await sourceColumns(connection, readerCall(source.format, file));
  const mappedColumns = source.mapping
    ? await sourceColumns(connection, mappedReader(readerCall(source.format, file), source.mapping, columns))
    : columns;
  const { map, missing } = mapHeader(mappedColumns);
  if (missing.length > 0) return { kind: 'not_case_data', missing };
  // Parquet reads only the mapped columns; a CSV line is read whole, so every column counts. A column mapping
  // renames and converts on top of the file's own reader, so the size check sees the file's own columns.
  const measured = source.format === 'parquet' && !source.mapping ? Object.values(map) : columns;
  const fileReader = await refuseOversized(connection, source, file, measured, maxExpansion);
  const typedReader =
    source.format === 'parquet'
      ? timestampsAsDates(fileReader, await columnTypes(connection, fileReader))
      : fileReader;
  const reader = source.mapping ? mappedReader(typedReader, source.mapping, columns) : typedReader;

  onProgress({ phase: 'validating', fraction: 0 });
  try {
    await connection.run(checkedSql(reader, map, source.mapping ? MAPPING_PROBLEMS : undefined));
  } catch (error) {
    throw readFailure(error);
  }
  onProgress({ phase: 'validating', fraction: 0.8 });
  const [counts] = (await connection.runAndReadAll(COUNTS_SQL)).getRowObjectsJS();
  const errors = (await connection.runAndReadAll(FIRST_PROBLEMS_SQL)).getRowObjectsJS().map(
    (row): IngestError => ({
      row: Number(row.row),
      column: String(row.column),
      message: String(row.message),
    }),
  );
  const rejected = Number(counts?.rejected ?? 0);
  if (rejected > 0 && source.rejectedRowsFile) {
    for (const statement of rejectedRowsSql(fileReader, source.rejectedRowsFile))
      await connection.run(statement);
  }
  const valid = Number(counts?.valid ?? 0);
  const accepted = Number(counts?.distinct_valid ?? 0);
  onProgress({ phase: 'validating', fraction: 1 });

  onProgress({ phase: 'writing', fraction: 0 });
  const result = {
    kind: 'ingested',
    rows: accepted,
    rejected_rows: rejected,
    errors,
  } as const;
  await replaceFileRows(connection, fileId, acceptedRowsSql(accepted < valid), result);
  onProgress({ phase: 'writing', fraction: 1 });
  await connection.run('DROP TABLE checked');
  return result;
}

/**
 * One transaction: a crash leaves the previous state, and re-ingesting a file replaces its rows. The outcome is
 * written in the same transaction, so after a crash the file's status can be set from what really committed.
 */
async function replaceFileRows(
  connection: DuckDBConnection,
  fileId: string,
  acceptedRows: string,
  result: Extract<IngestResult, { kind: 'ingested' }>,
): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run('DELETE FROM ingests WHERE file_id = ?', [fileId]);
    await connection.run('INSERT INTO ingests VALUES (?, ?, ?, ?, current_timestamp)', [
      fileId,
      result.rows,
      result.rejected_rows,
      JSON.stringify(result.errors),
    ]);
    await connection.run('DELETE FROM cases WHERE file_id = ?', [fileId]);
    await connection.run(
      'DELETE FROM cases WHERE case_id IN (SELECT case_id FROM checked WHERE problems IS NULL)',
    );
    await connection.run(
      `INSERT INTO cases (${CASE_COLUMNS.join(', ')}, file_id) SELECT *, ? FROM (${acceptedRows})`,
      [fileId],
    );
    await bumpDataVersion(connection);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

export async function removeFileRows(database: OrgDatabase, fileId: string): Promise<{ rows: number }> {
  return database.write(async (connection) => {
    await connection.run('BEGIN TRANSACTION');
    try {
      const result = await connection.run('DELETE FROM cases WHERE file_id = ?', [fileId]);
      await connection.run('DELETE FROM ingests WHERE file_id = ?', [fileId]);
      await bumpDataVersion(connection);
      await connection.run('COMMIT');
      return { rows: Number(result.rowsChanged) };
    } catch (error) {
      await connection.run('ROLLBACK');
      throw error;
    }
  });
}

/** What a committed ingestion of the file recorded, or null when none committed (see replaceFileRows). */
export async function committedIngest(
  database: OrgDatabase,
  fileId: string,
): Promise<Extract<IngestResult, { kind: 'ingested' }> | null> {
  const [row] = await database.query('SELECT rows, rejected_rows, errors FROM ingests WHERE file_id = ?', [
    fileId,
  ]);
  if (!row) return null;
  return {
    kind: 'ingested',
    rows: Number(row.rows),
    rejected_rows: Number(row.rejected_rows),
    errors: JSON.parse(String(row.errors)) as IngestError[],
  };
}

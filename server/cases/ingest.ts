import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MAPPING_PROBLEMS, mappedReader } from './column-mapping';
import {
  acceptedRowsSql,
  COUNTS_SQL,
  checkedSql,
  FIRST_PROBLEMS_SQL,
  mapHeader,
  readerCall,
  rejectedRowsSql,
} from './ingest-sql';
import type { OrgDatabase } from './org-database';
import { CASE_COLUMNS } from './schema';
import type { IngestError, IngestProgress, IngestResult, IngestSource } from './types';

/** The file could not be parsed at all (as opposed to rows that fail validation). */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

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
    return await database.write((connection) => loadFile(connection, fileId, source, tempFile, onProgress));
  } finally {
    fs.rmSync(tempFile, { force: true });
  }
}

async function sourceColumns(connection: DuckDBConnection, reader: string): Promise<string[]> {
  try {
    const result = await connection.runAndReadAll(`SELECT * FROM ${reader} LIMIT 0`);
    return result.columnNames();
  } catch (error) {
    throw new UnreadableFileError(`The file could not be read: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function loadFile(
  connection: DuckDBConnection,
  fileId: string,
  source: IngestSource,
  file: string,
  onProgress: Progress,
): Promise<IngestResult> {
  if (fs.statSync(file).size === 0)
    return { kind: 'not_case_data', missing: ['case_id', 'admit_date', 'discharge_date'] };
  const fileReader = readerCall(source.format, file);
  const fileColumns = await sourceColumns(connection, fileReader);
  const reader = source.mapping ? mappedReader(fileReader, source.mapping, fileColumns) : fileReader;
  const { map, missing } = mapHeader(source.mapping ? await sourceColumns(connection, reader) : fileColumns);
  if (missing.length > 0) return { kind: 'not_case_data', missing };

  onProgress({ phase: 'validating', fraction: 0 });
  try {
    await connection.run(checkedSql(reader, map, source.mapping ? MAPPING_PROBLEMS : undefined));
  } catch (error) {
    throw new UnreadableFileError(`The file could not be read: ${(error as Error).message.split('\n')[0]}`);
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
  await replaceFileRows(connection, fileId, acceptedRowsSql(accepted < valid));
  onProgress({ phase: 'writing', fraction: 1 });
  await connection.run('DROP TABLE checked');
  return { kind: 'ingested', rows: accepted, rejected_rows: rejected, errors };
}

/** One transaction: a crash leaves the previous state, and re-ingesting a file replaces its rows. */
async function replaceFileRows(
  connection: DuckDBConnection,
  fileId: string,
  acceptedRows: string,
): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run('DELETE FROM cases WHERE file_id = ?', [fileId]);
    await connection.run(
      'DELETE FROM cases WHERE case_id IN (SELECT case_id FROM checked WHERE problems IS NULL)',
    );
    await connection.run(
      `INSERT INTO cases (${CASE_COLUMNS.join(', ')}, file_id) SELECT *, ? FROM (${acceptedRows})`,
      [fileId],
    );
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

export async function removeFileRows(database: OrgDatabase, fileId: string): Promise<{ rows: number }> {
  return database.write(async (connection) => {
    const result = await connection.run('DELETE FROM cases WHERE file_id = ?', [fileId]);
    return { rows: Number(result.rowsChanged) };
  });
}

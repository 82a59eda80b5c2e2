import { normalizeHeader } from '../../src/contract/files';
import { CASE_COLUMNS, type CaseColumn, NUMBER_COLUMNS, REQUIRED_COLUMNS, TEXT_COLUMNS } from './schema';
import { quoteIdentifier, quoteString } from './sql-text';

type HeaderMap = Partial<Record<CaseColumn, string>>;

/** Which source column feeds each case column (first one wins), and which required columns are absent. */
export function mapHeader(sourceColumns: string[]): { map: HeaderMap; missing: string[] } {
  const map: HeaderMap = {};
  const wanted = new Set<string>(CASE_COLUMNS);
  for (const source of sourceColumns) {
    const normalized = normalizeHeader(source);
    if (wanted.has(normalized) && !(normalized in map)) map[normalized as CaseColumn] = source;
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !(column in map));
  return { map, missing };
}

/** What one file may hold: past these it is refused with the reason, before any of it is loaded. */
export const INGEST_LIMITS = { cellBytes: 64 * 1024, rowBytes: 1024 * 1024 };

/**
 * `sequential`: DuckDB's parallel CSV reader refuses null_padding when a quoted cell holds a line break, so a
 * file with one is read again on one thread (only then: the parallel reader is faster).
 */
export function readerCall(
  format: 'csv' | 'tsv' | 'parquet',
  file: string,
  options: { sequential?: boolean } = {},
): string {
  if (format === 'parquet') return `read_parquet(${quoteString(file)})`;
  const delimiter = format === 'tsv' ? '\t' : ',';
  // Every column as text so validation sees what the file says; null_padding keeps short rows
  // (they fail validation with a reason) and strict_mode=false tolerates extra trailing fields.
  return `read_csv(${quoteString(file)}, header = true, all_varchar = true, delim = ${quoteString(delimiter)},
    quote = '"', escape = '"', null_padding = true, strict_mode = false,
    max_line_size = ${INGEST_LIMITS.rowBytes}${options.sequential ? ', parallel = false' : ''})`;
}

/**
 * Parquet keeps types: a date written as a TIMESTAMP (as pandas and Spark write dates) is read as its date,
 * so it is checked like a `YYYY-MM-DD` cell instead of being refused for its time of day. Other columns pass
 * as they are; the rejected-rows file reads the file's own reader, so it still shows the timestamp.
 */
export function timestampsAsDates(reader: string, columns: { name: string; type: string }[]): string {
  const timestamps = columns.filter((column) => /^TIMESTAMP/i.test(column.type));
  if (timestamps.length === 0) return reader;
  const replaced = timestamps.map(
    ({ name }) => `CAST(${quoteIdentifier(name)} AS DATE) AS ${quoteIdentifier(name)}`,
  );
  return `(SELECT * REPLACE (${replaced.join(', ')}) FROM ${reader})`;
}

/** The refusal that means "read this CSV on one thread" (see readerCall). */
export const needsSequentialRead = (error: unknown) =>
  error instanceof Error && /Parameter Not Allowed|parallel/i.test(error.message);

/**
 * One pass over the columns ingestion will read, measuring without keeping: the widest cell per column, the
 * widest row and the total. Lengths of repeated (dictionary) values are read without copying them.
 */
export function sizeScanSql(reader: string, columns: string[]): string {
  const lengths = columns.map((column) => `coalesce(strlen(CAST(${quoteIdentifier(column)} AS VARCHAR)), 0)`);
  const row = lengths.length > 0 ? lengths.join(' + ') : '0';
  return `SELECT ${[
    ...lengths.map((length, index) => `max(${length}) AS cell_${index}`),
    `max(${row}) AS widest_row`,
    `CAST(sum(${row}) AS DOUBLE) AS total`,
    `CAST(count(*) AS DOUBLE) AS row_count`,
  ].join(', ')} FROM ${reader}`;
}

/** The decompressed size Parquet's own metadata declares, read before any page is decompressed. */
export const parquetDeclaredSizeSql = (file: string) =>
  `SELECT CAST(coalesce(sum(total_uncompressed_size), 0) AS DOUBLE) AS bytes FROM parquet_metadata(${quoteString(file)})`;

function raw(column: CaseColumn, map: HeaderMap): string {
  const source = map[column];
  return source ? `NULLIF(trim(CAST(${quoteIdentifier(source)} AS VARCHAR)), '')` : 'CAST(NULL AS VARCHAR)';
}

function issue(condition: string, column: string, message: string): { condition: string; entry: string } {
  return {
    condition,
    entry: `CASE WHEN ${condition} THEN {'field': '${column}', 'message': ${message}} END`,
  };
}

function shown(column: string): string {
  // Its own literal joined with ||: two adjacent literals would read as one with an escaped quote.
  return ` || ' (got "' || left(raw_${column}, 40) || '")'`;
}

const PARSED = [
  'raw_case_id AS case_id',
  ...['admit_date', 'discharge_date'].map(
    (column) => `CAST(TRY_STRPTIME(raw_${column}, '%Y-%m-%d') AS DATE) AS ${column}`,
  ),
  ...TEXT_COLUMNS.map((column) => `raw_${column} AS ${column}`),
  `CASE WHEN upper(raw_gender) IN ('M', 'F') THEN upper(raw_gender) END AS gender`,
  `CASE WHEN TRY_CAST(raw_age AS DOUBLE) BETWEEN 0 AND 120 AND TRY_CAST(raw_age AS DOUBLE) = floor(TRY_CAST(raw_age AS DOUBLE))
     THEN CAST(TRY_CAST(raw_age AS DOUBLE) AS INTEGER) END AS age`,
  ...NUMBER_COLUMNS.map((column) => `TRY_CAST(raw_${column} AS DOUBLE) AS ${column}`),
  `CAST(CASE WHEN lower(raw_readmitted_30) IN ('1', '1.0', 'true') THEN 1
     WHEN lower(raw_readmitted_30) IN ('0', '0.0', 'false') THEN 0 END AS TINYINT) AS readmitted_30`,
];

const ISSUES = [
  issue('case_id IS NULL', 'case_id', `'case_id is required'`),
  ...['admit_date', 'discharge_date'].flatMap((column) => [
    issue(`raw_${column} IS NULL`, column, `'${column} is required'`),
    issue(
      `raw_${column} IS NOT NULL AND ${column} IS NULL`,
      column,
      `'${column} must be a date YYYY-MM-DD'${shown(column)}`,
    ),
  ]),
  issue('discharge_date < admit_date', 'discharge_date', `'discharge_date is before admit_date'`),
  issue(
    'raw_gender IS NOT NULL AND gender IS NULL',
    'gender',
    `'gender must be M, F or empty'${shown('gender')}`,
  ),
  issue(
    'raw_age IS NOT NULL AND age IS NULL',
    'age',
    `'age must be a whole number from 0 to 120'${shown('age')}`,
  ),
  ...NUMBER_COLUMNS.flatMap((column) => [
    issue(
      `raw_${column} IS NOT NULL AND (${column} IS NULL OR NOT isfinite(${column}))`,
      column,
      `'${column} must be a number'${shown(column)}`,
    ),
    issue(`${column} < 0`, column, `'${column} must be 0 or more'${shown(column)}`),
  ]),
  issue(
    'raw_readmitted_30 IS NOT NULL AND readmitted_30 IS NULL',
    'readmitted_30',
    `'readmitted_30 must be 0 or 1'${shown('readmitted_30')}`,
  ),
];

/**
 * Reads the file once into a typed table with each row's problems (NULL when it has none). The table keeps
 * the file's order, so a row's rowid + 1 is its data row number. The problem list is only built for rows
 * that fail a check, which keeps the common case cheap.
 */
export function checkedSql(reader: string, map: HeaderMap, mappingProblems?: string): string {
  const rawColumns = CASE_COLUMNS.map((column) => `${raw(column, map)} AS raw_${column}`);
  const failsAny = ISSUES.map(({ condition }) => `coalesce(${condition}, false)`).join('\n    OR ');
  const ownProblems = `list_filter([${ISSUES.map(({ entry }) => entry).join(',\n      ')}], problem -> problem IS NOT NULL)`;
  // A column mapping (column-mapping.ts) reports values it could not convert; they are this row's problems
  // too, and stand instead of the "is required" that the NULL they became would add.
  const problems = mappingProblems
    ? `CASE WHEN ${mappingProblems} IS NOT NULL OR ${failsAny}
    THEN list_concat(coalesce(${mappingProblems}, []), list_filter(${ownProblems},
      problem -> NOT list_contains(list_transform(coalesce(${mappingProblems}, []), m -> m.field), problem.field)))
  END`
    : `CASE WHEN ${failsAny}
    THEN ${ownProblems}
  END`;
  const carried = mappingProblems ? `, ${mappingProblems}` : '';
  return `CREATE OR REPLACE TEMP TABLE checked AS
SELECT ${CASE_COLUMNS.join(', ')},
  ${problems} AS problems
FROM (
  SELECT ${PARSED.join(',\n    ')}, ${CASE_COLUMNS.map((column) => `raw_${column}`).join(', ')}${carried}
  FROM (SELECT ${rawColumns.join(', ')}${carried} FROM ${reader})
)`;
}

/**
 * The file's original rows that were rejected, with the reasons in a last column, ready to fix and upload
 * again. `reader` reads the file as it is (not through a column mapping), so the rows are the analyst's own.
 * Both tables keep the file's order, so rowid + 1 is the data row number on each side.
 */
export function rejectedRowsSql(reader: string, target: string): string[] {
  return [
    `CREATE OR REPLACE TEMP TABLE source_rows AS SELECT * FROM ${reader}`,
    `COPY (
  SELECT source.* EXCLUDE (hp_row), rejected.rejection_reason
  FROM (SELECT rowid AS hp_row, * FROM source_rows) AS source
  JOIN (
    SELECT rowid AS hp_row,
      array_to_string(list_transform(problems, problem -> problem.message), '; ') AS rejection_reason
    FROM checked WHERE problems IS NOT NULL
  ) AS rejected USING (hp_row)
  ORDER BY hp_row
) TO ${quoteString(target)} (FORMAT csv, HEADER true)`,
    'DROP TABLE source_rows',
  ];
}

export const COUNTS_SQL = `SELECT
  CAST(count(*) FILTER (WHERE problems IS NOT NULL) AS INTEGER) AS rejected,
  CAST(count(*) FILTER (WHERE problems IS NULL) AS INTEGER) AS valid,
  CAST(count(DISTINCT case_id) FILTER (WHERE problems IS NULL) AS INTEGER) AS distinct_valid
FROM checked`;

/** Duplicate case_ids within one file: the last valid row wins (later rows are corrections). */
export function acceptedRowsSql(hasDuplicates: boolean): string {
  const valid = `SELECT ${CASE_COLUMNS.join(', ')} FROM checked WHERE problems IS NULL`;
  return hasDuplicates
    ? `${valid} QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY rowid DESC) = 1`
    : valid;
}

export const FIRST_PROBLEMS_SQL = `SELECT source_row AS "row", problem.field AS "column", problem.message AS message
FROM (
  SELECT source_row, unnest(problems) AS problem, generate_subscripts(problems, 1) AS position
  FROM (SELECT rowid + 1 AS source_row, problems FROM checked WHERE problems IS NOT NULL ORDER BY rowid LIMIT 100)
)
ORDER BY source_row, position
LIMIT 100`;

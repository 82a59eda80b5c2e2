import { CASE_DATA_COLUMNS, normalizeHeader, REQUIRED_CASE_COLUMNS } from '../../../contract/files';

/** Enough for any real header line; the rest of the file is never read in the browser. */
const HEADER_BYTES = 64 * 1024;

export interface HeaderCheck {
  columns: string[];
  /** Required case columns the header lacks: the file will be stored but not added to the case data. */
  missing: string[];
  /** Header columns that are not case columns (ignored by ingestion). */
  unknown: string[];
  /** The first data rows, cell by cell, to show sample values and let the API propose formats. */
  samples: string[][];
}

const SAMPLE_ROWS = 5;

/** Splits one delimited line, honouring double quotes (RFC 4180). */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (isQuoted) {
      if (character === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') isQuoted = false;
      else cell += character;
    } else if (character === '"') isQuoted = true;
    else if (character === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += character;
  }
  cells.push(cell);
  return cells;
}

export function checkHeader(text: string, delimiter: ',' | '\t', isCutOff = false): HeaderCheck {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // The last line of a cut-off read may be incomplete, so it is never a sample.
  if (isCutOff) lines.pop();
  const firstLine = lines[0] ?? '';
  const samples = lines
    .slice(1, SAMPLE_ROWS + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => splitLine(line, delimiter).map((cell) => cell.trim().slice(0, 200)));
  const columns = splitLine(firstLine, delimiter)
    .map((column) => column.trim())
    .filter(Boolean);
  return checkColumns(columns, samples);
}

/** What a file's own column names (and first values) mean for ingestion, whatever the file format. */
function checkColumns(columns: string[], samples: string[][]): HeaderCheck {
  const present = new Set(columns.map(normalizeHeader));
  const known = new Set<string>(CASE_DATA_COLUMNS);
  return {
    columns,
    missing: REQUIRED_CASE_COLUMNS.filter((column) => !present.has(column)),
    unknown: columns.filter((column) => !known.has(normalizeHeader(column))),
    samples,
  };
}

/**
 * Reads only the first bytes of a .csv or .tsv file, or a .parquet file's footer (and first rows when they
 * are small, with a reader loaded only then); null for other files.
 */
export async function readHeaderCheck(file: Blob, name: string): Promise<HeaderCheck | null> {
  const extension = name.slice(name.lastIndexOf('.')).toLowerCase();
  if (extension === '.parquet') {
    const { readParquetColumns } = await import('./parquet-columns');
    const { columns, samples } = await readParquetColumns(file);
    return checkColumns(columns, samples);
  }
  if (extension !== '.csv' && extension !== '.tsv') return null;
  const text = await file.slice(0, HEADER_BYTES).text();
  return checkHeader(text, extension === '.tsv' ? '\t' : ',', file.size > HEADER_BYTES);
}

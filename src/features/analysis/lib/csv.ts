import type { CellValue, TableColumn } from '../../../contract/agent';

// Cells that start with these are formulas to a spreadsheet; a leading quote keeps them as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with raw numbers (no grouping or currency signs), so a spreadsheet can compute with them. */
export function toCsv(columns: TableColumn[], rows: Record<string, CellValue>[]): string {
  const header = columns.map((column) =>
    csvCell(column.unit ? `${column.label} (${column.unit})` : column.label),
  );
  const lines = rows.map((row) => columns.map((column) => csvCell(row[column.key])).join(','));
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Tab-separated text for the clipboard, which spreadsheets paste into cells. */
export function toTsv(columns: TableColumn[], rows: Record<string, CellValue>[]): string {
  const clean = (value: CellValue | undefined) =>
    value === null || value === undefined ? '' : String(value).replace(/[\t\n\r]/g, ' ');
  return [
    columns.map((column) => clean(column.label)),
    ...rows.map((row) => columns.map((column) => clean(row[column.key]))),
  ]
    .map((cells) => cells.join('\t'))
    .join('\n');
}

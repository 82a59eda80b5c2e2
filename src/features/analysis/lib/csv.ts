import type { CellValue, TableColumn } from '../../../contract/agent';

// Text that starts with these is a formula to a spreadsheet (OWASP, CSV injection); a leading quote keeps it
// as text. A plain number such as -12.5 is not a formula and stays a number, so a sheet can still compute.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The cell's text with any formula defused; numbers (and text that is only a number) pass unchanged. */
function neutralise(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function csvCell(value: CellValue | undefined): string {
  const text = neutralise(value);
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

/**
 * Tab-separated text for the clipboard, which spreadsheets paste into cells. Formulas are defused first, as in
 * the CSV; tabs and line breaks inside a cell then become spaces so a cell stays one cell.
 */
export function toTsv(columns: TableColumn[], rows: Record<string, CellValue>[]): string {
  const clean = (value: CellValue | undefined) => neutralise(value).replace(/[\t\n\r]/g, ' ');
  return [
    columns.map((column) => clean(column.label)),
    ...rows.map((row) => columns.map((column) => clean(row[column.key]))),
  ]
    .map((cells) => cells.join('\t'))
    .join('\n');
}

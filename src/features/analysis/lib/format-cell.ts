import type { CellValue, TableColumn } from '../../../contract/agent';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const currencies = new Map<string, Intl.NumberFormat>();

function currency(code: string) {
  let format = currencies.get(code);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code, maximumFractionDigits: 0 });
    currencies.set(code, format);
  }
  return format;
}

/** A cell as a person reads it: grouped digits, the currency sign, a % for rates, the unit for the rest. */
export function formatCell(value: CellValue | undefined, column: Pick<TableColumn, 'type' | 'unit'>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (column.type) {
    case 'currency':
      return currency(column.unit && /^[A-Z]{3}$/.test(column.unit) ? column.unit : 'USD').format(value);
    case 'percent':
      return `${percent.format(value)}%`;
    case 'integer':
      return integer.format(value);
    case 'number':
      return column.unit ? `${decimal.format(value)} ${column.unit}` : decimal.format(value);
    default:
      return String(value);
  }
}

export const isNumericColumn = (column: Pick<TableColumn, 'type'>) =>
  column.type === 'integer' ||
  column.type === 'number' ||
  column.type === 'currency' ||
  column.type === 'percent';

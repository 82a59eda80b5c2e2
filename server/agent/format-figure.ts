const grouped = (value: number, digits: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A figure in words for the written answer, by its unit: `$12,345`, `3.4 days`, `12.5%`. */
export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'no figure';
  if (unit === 'USD') {
    const sign = value < 0 ? '−' : '';
    return `${sign}$${grouped(Math.abs(value), Math.abs(value) >= 100 ? 0 : 2)}`;
  }
  // A typographic minus, as for money, so "−3.0%" reads like "−$1,200" beside it.
  if (unit === '%') {
    const shown = grouped(Math.abs(value), 1);
    return `${value < 0 && shown !== '0.0' ? '−' : ''}${shown}%`;
  }
  if (unit === 'cases') return formatCount(value, 'case');
  if (unit === 'days') return `${grouped(value, 1)} days`;
  if (unit === 'minutes') return `${grouped(value, 0)} minutes`;
  return unit ? `${grouped(value, 2)} ${unit}` : grouped(value, 2);
}

export const formatCount = (value: number, noun: string) =>
  `${Math.round(value).toLocaleString('en-US')} ${noun}${Math.round(value) === 1 ? '' : 's'}`;

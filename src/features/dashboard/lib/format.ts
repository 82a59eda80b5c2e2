// Figures as an analyst reads them: whole dollars with separators, compact millions on tiles, one decimal for
// days and minutes. Dates are formatted by src/lib/format-date.ts.

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compactMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 2,
});
const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

export function formatFigure(value: number | null, unit: string, compact = false): string {
  if (value === null) return '—';
  switch (unit) {
    case 'USD':
      return compact ? compactMoney.format(value) : money.format(value);
    case '%':
      return `${oneDecimal.format(value)} %`;
    case 'days':
      return `${oneDecimal.format(value)} days`;
    case 'minutes':
      return `${oneDecimal.format(value)} min`;
    default:
      return whole.format(value);
  }
}

/** "+3.2 %" or "−1.4 points"; the sign is a real minus so screen readers say it. */
export function formatChange(change: number | null, unit: '%' | 'points'): string {
  if (change === null) return 'no earlier figure';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${oneDecimal.format(Math.abs(change))}${unit === '%' ? ' %' : ' pts'}`;
}

export function formatCell(value: string | number | null, type: string, unit?: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (type === 'currency') return money.format(value);
  if (type === 'percent') return `${oneDecimal.format(value)} %`;
  if (type === 'integer') return whole.format(value);
  if (type === 'number') return `${oneDecimal.format(value)}${unit && unit !== 'cases' ? ` ${unit}` : ''}`;
  return String(value);
}

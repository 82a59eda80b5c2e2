import { describe, expect, it } from 'vitest';
import { formatCell } from './format-cell';

describe('formatCell', () => {
  it('formats by type and unit', () => {
    expect(formatCell(12345.6, { type: 'currency', unit: 'USD' })).toBe('$12,346');
    expect(formatCell(12.345, { type: 'percent', unit: '%' })).toBe('12.3%');
    expect(formatCell(1204, { type: 'integer' })).toBe('1,204');
    expect(formatCell(3.456, { type: 'number', unit: 'days' })).toBe('3.46 days');
    expect(formatCell(null, { type: 'number' })).toBe('—');
    expect(formatCell('<img src=x>', { type: 'string' })).toBe('<img src=x>');
  });
});

import { describe, expect, it } from 'vitest';
import { formatChange, formatFigure } from './format';

describe('format', () => {
  it('writes figures and changes as an analyst reads them', () => {
    expect(formatFigure(326_951_660.84, 'USD', true)).toBe('$326.95M');
    expect(formatFigure(12.44, '%')).toBe('12.4 %');
    expect(formatFigure(null, 'days')).toBe('—');
    expect(formatChange(-1.25, 'points')).toBe('−1.3 pts');
    expect(formatChange(2.5, '%')).toBe('+2.5 %');
    expect(formatChange(null, '%')).toBe('no earlier figure');
  });
});

import { describe, expect, it } from 'vitest';
import { sortRows } from './sort-rows';

const column = (values: (string | number | null)[]) => values.map((value, index) => ({ value, index }));
const values = (rows: { value: string | number | null }[]) => rows.map((row) => row.value);

describe('sortRows', () => {
  it('sorts numbers by value and text naturally', () => {
    expect(values(sortRows(column([10, 2, 33]), 'value', 'ascending'))).toEqual([2, 10, 33]);
    expect(values(sortRows(column(['Dr. B 10', 'Dr. B 9']), 'value', 'ascending'))).toEqual([
      'Dr. B 9',
      'Dr. B 10',
    ]);
  });

  it('puts empty cells last in both directions', () => {
    const rows = column([10, null, 2, '', 33]);
    expect(values(sortRows(rows, 'value', 'ascending'))).toEqual([2, 10, 33, null, '']);
    expect(values(sortRows(rows, 'value', 'descending'))).toEqual([33, 10, 2, null, '']);
  });

  it('keeps equal cells in their order and leaves the input as it was', () => {
    const rows = column([1, 1, 0]);
    expect(sortRows(rows, 'value', 'descending').map((row) => row.index)).toEqual([0, 1, 2]);
    expect(values(rows)).toEqual([1, 1, 0]);
  });
});

import type { CellValue } from '../../../contract/agent';

export type SortDirection = 'ascending' | 'descending';

/** Empty as formatCell shows it: no value, or an empty string (both read '—'). */
const isEmpty = (value: CellValue | undefined) => value === null || value === undefined || value === '';

/** Compares two filled cells: numbers by value, text naturally ('Dr. B 9' before 'Dr. B 10'). */
function compareFilled(left: CellValue, right: CellValue): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return String(left).localeCompare(String(right), 'en-US', { numeric: true });
}

/**
 * The rows ordered by one column. Empty cells go last in both directions: a descending sort shows the largest
 * figures first, not the rows that have none. Equal cells keep their order, so a sort is stable.
 */
export function sortRows<Row extends Record<string, CellValue>>(
  rows: readonly Row[],
  key: string,
  direction: SortDirection,
): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((leftRow, rightRow) => {
    const left = leftRow[key];
    const right = rightRow[key];
    const isLeftEmpty = isEmpty(left);
    const isRightEmpty = isEmpty(right);
    if (isLeftEmpty || isRightEmpty) return Number(isLeftEmpty) - Number(isRightEmpty);
    return sign * compareFilled(left!, right!);
  });
}

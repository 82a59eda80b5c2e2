import { useCallback, useMemo, useState } from 'react';
import type { CellValue } from '../../contract/agent';
import { compareCells } from './lib/format-cell';

export type TableSort = { key: string; direction: 'ascending' | 'descending' } | null;

/** One sort per result, shared by its table, its chart and its exports, so all three show the same order. */
export function useTableSort(source: Record<string, CellValue>[]) {
  const [sort, setSort] = useState<TableSort>(null);
  const rows = useMemo(() => {
    if (!sort) return source;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...source].sort((left, right) => sign * compareCells(left[sort.key], right[sort.key]));
  }, [source, sort]);
  const toggle = useCallback(
    (key: string) =>
      setSort((current) =>
        current?.key === key
          ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
          : { key, direction: 'ascending' },
      ),
    [],
  );
  return { sort, rows, toggle };
}

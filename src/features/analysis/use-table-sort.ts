import { useCallback, useMemo, useState } from 'react';
import type { CellValue } from '../../contract/agent';
import { type SortDirection, sortRows } from './lib/sort-rows';

export type TableSort = { key: string; direction: SortDirection } | null;

/** One sort per result, shared by its table, its chart and its exports, so all three show the same order. */
export function useTableSort(source: Record<string, CellValue>[]) {
  const [sort, setSort] = useState<TableSort>(null);
  const rows = useMemo(() => {
    if (!sort) return source;
    return sortRows(source, sort.key, sort.direction);
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

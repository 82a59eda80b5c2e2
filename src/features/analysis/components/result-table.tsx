import { memo } from 'react';
import type { CellValue, TableBlock } from '../../../contract/agent';
import { formatCell, isNumericColumn } from '../lib/format-cell';
import type { TableSort } from '../use-table-sort';

interface Props {
  table: TableBlock;
  /** The rows in the order shown; the sort is owned by the result, so exports follow it. */
  rows: Record<string, CellValue>[];
  sort: TableSort;
  onSort: (key: string) => void;
}

/** A result table: sortable by any column, numbers formatted by type and unit. */
export const ResultTable = memo(function ResultTable({ table, rows, sort, onSort }: Props) {
  return (
    <div className="result-table">
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort?.key === column.key ? sort.direction : undefined}
                  className={isNumericColumn(column) ? 'numeric' : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
                    {column.label}
                    <span aria-hidden="true">
                      {sort?.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <tr key={index}>
                {table.columns.map((column) => (
                  <td key={column.key} className={isNumericColumn(column) ? 'numeric' : undefined}>
                    {formatCell(row[column.key], column)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.truncated && (
        <p className="muted small-print">
          Showing {table.rows.length.toLocaleString('en-US')} of {table.row_count.toLocaleString('en-US')}{' '}
          rows.
        </p>
      )}
    </div>
  );
});

import { memo, useMemo, useState } from 'react';
import type { TableBlock } from '../../../contract/agent';
import { toCsv, toTsv } from '../lib/csv';
import { compareCells, formatCell, isNumericColumn } from '../lib/format-cell';
import { CopyButton } from './copy-button';

type Sort = { key: string; direction: 'ascending' | 'descending' } | null;

function downloadCsv(table: TableBlock) {
  const url = URL.createObjectURL(
    new Blob([toCsv(table.columns, table.rows)], { type: 'text/csv;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = `${
    table.title
      .replace(/[^\w -]+/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase() || 'table'
  }.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A result table: sortable by any column, numbers formatted by type and unit, CSV export and copy. */
export const ResultTable = memo(function ResultTable({
  table,
  showTitle = true,
}: {
  table: TableBlock;
  showTitle?: boolean;
}) {
  const [sort, setSort] = useState<Sort>(null);
  const rows = useMemo(() => {
    if (!sort) return table.rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...table.rows].sort((left, right) => sign * compareCells(left[sort.key], right[sort.key]));
  }, [table.rows, sort]);
  const toggle = (key: string) =>
    setSort((current) =>
      current?.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );
  return (
    <div className="result-table">
      <div className="result-toolbar">
        {showTitle && <h3 className="result-title">{table.title}</h3>}
        <CopyButton text={() => toTsv(table.columns, rows)} label={`Copy table ${table.title}`} />
        <button type="button" className="button subtle small" onClick={() => downloadCsv(table)}>
          Download CSV
        </button>
      </div>
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
                  <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
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

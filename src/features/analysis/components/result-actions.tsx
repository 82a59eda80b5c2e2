import { CopyButton } from '../../../components/copy-button';
import type { CellValue, TableBlock } from '../../../contract/agent';
import { toCsv, toTsv } from '../lib/csv';

const fileNameOf = (title: string) =>
  `${
    title
      .replace(/[^\w -]+/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase() || 'table'
  }.csv`;

function downloadCsv(table: TableBlock, rows: Record<string, CellValue>[]) {
  const url = URL.createObjectURL(new Blob([toCsv(table.columns, rows)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(table.title);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy and Download CSV of the rows in the order shown, from the chart view as from the table view. */
export function ResultActions({ table, rows }: { table: TableBlock; rows: Record<string, CellValue>[] }) {
  return (
    <>
      <CopyButton text={() => toTsv(table.columns, rows)} label={`Copy table ${table.title}`} />
      <button
        type="button"
        className="button subtle small"
        onClick={() => downloadCsv(table, rows)}
        aria-label={`Download CSV of ${table.title}`}
      >
        Download CSV
      </button>
    </>
  );
}

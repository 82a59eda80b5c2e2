import { lazy, memo, Suspense, useMemo, useState } from 'react';
import type { ChartBlock, TableBlock } from '../../../contract/agent';
import { chooseChart } from '../lib/chart-choice';
import { useTableSort } from '../use-table-sort';
import { ChartBoundary } from './chart-boundary';
import { ResultActions } from './result-actions';
import { ResultTable } from './result-table';

// Its own chunk: the page shows steps and tables before any chart code has loaded.
const SvgChart = lazy(() => import('../charts/svg-chart'));

/**
 * One result: its table, and its chart when a chart says more than the table (never for an empty or one-row
 * result). Chart and table share one sort, and Copy and Download CSV work from either view in that order.
 */
export const ResultBlock = memo(function ResultBlock({
  table,
  chart,
}: {
  table: TableBlock;
  chart: ChartBlock | undefined;
}) {
  const choice = useMemo(() => chooseChart(chart, table), [chart, table]);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const { sort, rows, toggle } = useTableSort(table.rows);
  const tableView = <ResultTable table={table} rows={rows} sort={sort} onSort={toggle} />;
  return (
    <section className="result-block" aria-label={table.title}>
      <div className="result-toolbar">
        <h3 className="result-title">{table.title}</h3>
        {choice && (
          <fieldset className="view-switch">
            <legend className="visually-hidden">Show as</legend>
            <button
              type="button"
              className="button subtle small"
              aria-pressed={view === 'chart'}
              onClick={() => setView('chart')}
            >
              Chart
            </button>
            <button
              type="button"
              className="button subtle small"
              aria-pressed={view === 'table'}
              onClick={() => setView('table')}
            >
              Table
            </button>
          </fieldset>
        )}
        <ResultActions table={table} rows={rows} />
      </div>
      {choice && view === 'chart' ? (
        <ChartBoundary
          fallback={
            <>
              <p className="muted">The chart could not be shown; here is its table.</p>
              {tableView}
            </>
          }
        >
          <Suspense fallback={<p className="muted">Loading the chart…</p>}>
            <SvgChart choice={choice} table={table} rows={rows} />
          </Suspense>
        </ChartBoundary>
      ) : (
        tableView
      )}
    </section>
  );
});

import { lazy, memo, Suspense, useState } from 'react';
import type { ChartBlock, TableBlock } from '../../../contract/agent';
import { ChartBoundary } from './chart-boundary';
import { ResultTable } from './result-table';

// Its own chunk: the page shows steps and tables before any chart code has loaded.
const SvgChart = lazy(() => import('../charts/svg-chart'));

/** A chart over its table, with a switch to the table itself. */
export const ChartView = memo(function ChartView({ chart, table }: { chart: ChartBlock; table: TableBlock }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <section className="chart-view" aria-label={table.title}>
      <div className="result-toolbar">
        <h3 className="result-title">{table.title}</h3>
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
      </div>
      {view === 'chart' ? (
        <ChartBoundary
          fallback={
            <>
              <p className="muted">The chart could not be shown; here is its table.</p>
              <ResultTable table={table} showTitle={false} />
            </>
          }
        >
          <Suspense fallback={<p className="muted">Loading the chart…</p>}>
            <SvgChart chart={chart} table={table} />
          </Suspense>
        </ChartBoundary>
      ) : (
        <ResultTable table={table} showTitle={false} />
      )}
    </section>
  );
});

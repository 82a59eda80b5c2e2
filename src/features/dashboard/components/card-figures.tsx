import type { CardResult } from '../../../contract/dashboard';
import { formatCell } from '../lib/format';

type Figures = Extract<CardResult, { status: 'ok' }>;

const SHOWN_ROWS = 8;

/** What a small card shows: the label column and the figures; codes and a repeated case count stay in Analysis. */
function shownColumns(result: Figures): Figures['columns'] {
  const keys = new Set(result.columns.map((column) => column.key));
  return result.columns.filter(
    (column, index) =>
      index === 0 || !(column.key.endsWith('_code') || (column.key === 'cases' && keys.has('cases_count'))),
  );
}

/** A time series as a line: oldest on the left, its first and last values written beside it. */
function LineFigure({ result, yKey }: { result: Figures; yKey: string }) {
  const xKey = result.chart?.x ?? result.columns[0]?.key ?? '';
  const column = result.columns.find((item) => item.key === yKey);
  const points = result.rows
    .map((row) => ({
      x: String(row[xKey] ?? ''),
      y: typeof row[yKey] === 'number' ? (row[yKey] as number) : null,
    }))
    .filter((point): point is { x: string; y: number } => point.y !== null);
  if (points.length < 2 || !column) return null;
  const width = 320;
  const height = 80;
  const min = Math.min(...points.map((point) => point.y));
  const max = Math.max(...points.map((point) => point.y));
  const span = max - min || 1;
  const line = points
    .map(
      (point, index) =>
        `${((index / (points.length - 1)) * width).toFixed(1)},${(height - 4 - ((point.y - min) / span) * (height - 8)).toFixed(1)}`,
    )
    .join(' ');
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <figure className="line-figure">
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <polyline
          points={line}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <figcaption className="muted small">
        {column.label}: {formatCell(first.y, column.type, column.unit)} in {first.x} →{' '}
        {formatCell(last.y, column.type, column.unit)} in {last.x} (low{' '}
        {formatCell(min, column.type, column.unit)}, high {formatCell(max, column.type, column.unit)})
      </figcaption>
    </figure>
  );
}

/** The card's answer as a small table; a bar under the charted figure shows its size against the largest. */
export function CardFigures({ result, title }: { result: Figures; title: string }) {
  const isLine = result.chart?.kind === 'line' && result.chart.y[0] !== undefined;
  const rows = result.rows.slice(0, isLine ? 0 : SHOWN_ROWS);
  const columns = shownColumns(result);
  const barKey =
    result.chart?.kind === 'bar' || result.chart?.kind === 'line' ? result.chart.y[0] : undefined;
  const largest = barKey
    ? Math.max(
        ...rows.map((row) => (typeof row[barKey] === 'number' ? Math.abs(row[barKey] as number) : 0)),
        0,
      )
    : 0;
  return (
    <div className="card-figures">
      {isLine && <LineFigure result={result} yKey={result.chart!.y[0]!} />}
      {rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard
        <section className="table-scroll card-table" tabIndex={0} aria-label={`${title}: figures`}>
          <table className="compact-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.type === 'string' || column.type === 'date' ? '' : 'number'}
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                // Rows have no id of their own; their order is the answer's order.
                // biome-ignore lint/suspicious/noArrayIndexKey: the answer's rows are positional
                <tr key={index}>
                  {columns.map((column, columnIndex) => {
                    const value = row[column.key] ?? null;
                    const text = formatCell(value, column.type, column.unit);
                    const isNumber = column.type !== 'string' && column.type !== 'date';
                    const width =
                      column.key === barKey && typeof value === 'number' && largest > 0
                        ? (100 * Math.abs(value)) / largest
                        : null;
                    return columnIndex === 0 ? (
                      <th key={column.key} scope="row">
                        {text}
                      </th>
                    ) : (
                      <td key={column.key} className={isNumber ? 'number' : ''}>
                        {text}
                        {width !== null && (
                          <span className="cell-bar" aria-hidden="true">
                            <span style={{ width: `${width.toFixed(1)}%` }} />
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {!isLine && result.row_count > rows.length && (
        <p className="muted small">
          Showing {rows.length} of {result.row_count} rows; open the question for all of them.
        </p>
      )}
    </div>
  );
}

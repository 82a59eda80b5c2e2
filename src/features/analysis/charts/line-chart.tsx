import { ChartFrame, type ChartProps, columnOf, labelOf, numberOf, scale, WIDTH } from './chart-parts';

const HEIGHT = 260;
const LEFT = 90;
const BOTTOM = HEIGHT - 48;

/** One line per series over an ordered x (months, dates). */
export function LineChart({ table, x, y }: ChartProps) {
  const xColumn = columnOf(table, x);
  const series = y.map((key) => ({
    column: columnOf(table, key),
    values: table.rows.map((row) => numberOf(row[key])),
  }));
  const all = series.flatMap((line) => line.values.filter((value): value is number => value !== null));
  const min = Math.min(0, ...all);
  const max = Math.max(...all, 0);
  const toY = scale(min, max, BOTTOM, 14);
  const toX = scale(0, Math.max(1, table.rows.length - 1), LEFT, WIDTH - 20);
  const description = `${series.map((line) => line.column.label).join(' and ')} by ${xColumn.label}, ${table.rows.length} points.`;
  const first = table.rows[0]?.[x];
  const last = table.rows.at(-1)?.[x];
  return (
    <ChartFrame title={table.title} description={description} height={HEIGHT}>
      <line x1={LEFT} x2={WIDTH - 20} y1={BOTTOM} y2={BOTTOM} className="chart-axis" />
      <text x={LEFT - 6} y={toY(max)} textAnchor="end" dominantBaseline="middle" className="chart-label">
        {series[0] ? labelOf(max, series[0].column) : ''}
      </text>
      <text x={LEFT - 6} y={toY(min)} textAnchor="end" dominantBaseline="middle" className="chart-label">
        {series[0] ? labelOf(min, series[0].column) : ''}
      </text>
      {series.map((line, index) => {
        const points = line.values
          .map((value, position) => (value === null ? null : `${toX(position)},${toY(value)}`))
          .filter((point) => point !== null)
          .join(' ');
        return (
          <polyline
            key={line.column.key}
            points={points}
            className={`chart-line chart-series-${index}`}
            fill="none"
          />
        );
      })}
      <text x={LEFT} y={BOTTOM + 18} className="chart-label">
        {first === undefined ? '' : labelOf(first, xColumn)}
      </text>
      <text x={WIDTH - 20} y={BOTTOM + 18} textAnchor="end" className="chart-label">
        {last === undefined ? '' : labelOf(last, xColumn)}
      </text>
      {series.map((line, index) => (
        <g key={line.column.key} transform={`translate(${LEFT + index * 170}, ${HEIGHT - 12})`}>
          <line x1="0" x2="18" y1="-4" y2="-4" className={`chart-line chart-series-${index}`} />
          <text x="24" y="0" className="chart-label">
            {line.column.label}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}

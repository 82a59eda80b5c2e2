import {
  ChartFrame,
  type ChartProps,
  clamp,
  columnOf,
  Legend,
  labelOf,
  legendHeight,
  numberOf,
  scale,
} from './chart-parts';

const PLOT = 200;

/** Rounds an axis end away from zero to 1, 2, 2.5 or 5 times a power of ten, so the axis labels read well. */
export function niceBound(value: number): number {
  if (value === 0) return 0;
  const size = Math.abs(value);
  const power = 10 ** Math.floor(Math.log10(size));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= size) ?? 10;
  return Math.sign(value) * step * power;
}

/** One line per series over an ordered x (months, quarters, years, dates), drawn in time order. */
export function LineChart({ table, x, y, width }: ChartProps) {
  // Time runs left to right whatever the table is sorted by.
  const rows = table.rows;
  const xColumn = columnOf(table, x);
  const series = y.slice(0, 4).map((key) => ({
    column: columnOf(table, key),
    values: rows.map((row) => numberOf(row[key])),
  }));
  const all = series.flatMap((line) => line.values.filter((value): value is number => value !== null));
  const min = niceBound(Math.min(0, ...all));
  const max = niceBound(Math.max(...all, 0));
  const left = Math.round(clamp(width * 0.17, 64, 92));
  const right = width - 16;
  const bottom = PLOT + 14;
  const labels = series.map((line) => line.column.label);
  const legend = series.length > 1 ? legendHeight(labels, width - left) : 0;
  const height = bottom + 28 + legend;
  const toY = scale(min, max, bottom, 14);
  const toX = scale(0, Math.max(1, rows.length - 1), left, right);
  const description = `${labels.join(' and ')} by ${xColumn.label}, ${rows.length} points from ${labelOf(
    rows[0]?.[x],
    xColumn,
  )} to ${labelOf(rows.at(-1)?.[x], xColumn)}.`;
  // As many x labels as fit without overlapping: first, last and evenly spaced ones between.
  const room = Math.max(2, Math.floor((right - left) / 90));
  const step = Math.max(1, Math.ceil((rows.length - 1) / (room - 1)));
  const ticks = rows
    .map((_, index) => index)
    .filter((index) => index % step === 0 && rows.length - 1 - index >= step);
  ticks.push(rows.length - 1);
  const shownTicks = [...new Set(ticks)];
  return (
    <ChartFrame title={table.title} description={description} width={width} height={height}>
      <line x1={left} x2={right} y1={bottom} y2={bottom} className="chart-axis" />
      {[max, (max + min) / 2, min].map((value) => (
        <g key={value}>
          <line x1={left} x2={right} y1={toY(value)} y2={toY(value)} className="chart-grid" />
          <text
            x={left - 6}
            y={toY(value)}
            textAnchor="end"
            dominantBaseline="middle"
            className="chart-label"
          >
            {series[0] ? labelOf(value, series[0].column) : ''}
          </text>
        </g>
      ))}
      {series.map((line, index) => {
        const points = line.values
          .map((value, position) => (value === null ? null : `${toX(position)},${toY(value)}`))
          .filter((point) => point !== null)
          .join(' ');
        return (
          <g key={line.column.key}>
            <polyline points={points} className={`chart-line chart-series-${index}`} fill="none" />
            {line.values.map((value, position) => {
              if (value === null) return null;
              const when = labelOf(rows[position]?.[x], xColumn);
              return (
                <circle
                  key={`${when}-${toX(position)}`}
                  cx={toX(position)}
                  cy={toY(value)}
                  r="3"
                  className={`chart-dot-${index}`}
                >
                  <title>{`${when}: ${line.column.label} ${labelOf(value, line.column)}`}</title>
                </circle>
              );
            })}
          </g>
        );
      })}
      {shownTicks.map((index) => (
        <text
          key={index}
          x={toX(index)}
          y={bottom + 18}
          textAnchor={index === 0 ? 'start' : index === rows.length - 1 ? 'end' : 'middle'}
          className="chart-label"
        >
          {labelOf(rows[index]?.[x], xColumn)}
        </text>
      ))}
      {series.length > 1 && (
        <g transform={`translate(${left}, ${bottom + 28 + 14})`}>
          <Legend labels={labels} width={width - left} top={0} mark="line" />
        </g>
      )}
    </ChartFrame>
  );
}

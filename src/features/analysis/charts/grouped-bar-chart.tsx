import {
  CHARACTER_WIDTH,
  ChartFrame,
  type ChartProps,
  clamp,
  columnOf,
  Legend,
  labelOf,
  legendHeight,
  numberOf,
  scale,
  shorten,
  valueRoom,
} from './chart-parts';

const BAR = 14;
const GAP = 10;
const MAX_GROUPS = 15;

/** A comparison: one group per row, one bar per figure side by side, with a legend naming the figures. */
export function GroupedBarChart({ table, rows: allRows, x, y, width }: ChartProps) {
  const series = y.slice(0, 4).map((key) => columnOf(table, key));
  const rows = allRows.slice(0, MAX_GROUPS);
  const all = rows.flatMap((row) => series.map((column) => numberOf(row[column.key]) ?? 0));
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const labelWidth = Math.round(clamp(width * 0.32, 80, 180));
  const room = valueRoom(rows.flatMap((row) => series.map((column) => labelOf(row[column.key], column))));
  const position = scale(min, max, labelWidth, Math.max(labelWidth + 40, width - room));
  const labels = series.map((column) => column.label);
  const legend = legendHeight(labels, width);
  const groupHeight = series.length * BAR + GAP;
  const height = legend + 8 + rows.length * groupHeight;
  const description = `${labels.join(' and ')} side by side for ${rows.length} values of ${columnOf(table, x).label}${
    allRows.length > MAX_GROUPS ? `, the first ${MAX_GROUPS} shown` : ''
  }.`;
  return (
    <ChartFrame title={table.title} description={description} width={width} height={height}>
      <Legend labels={labels} width={width} top={14} mark="box" />
      {rows.map((row, index) => {
        const top = legend + 8 + index * groupHeight;
        const name = String(row[x] ?? '—');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups follow the result's row order
          <g key={index}>
            <title>{`${name}: ${series.map((column) => `${column.label} ${labelOf(row[column.key], column)}`).join(', ')}`}</title>
            <text
              x={labelWidth - 8}
              y={top + (series.length * BAR) / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-label"
            >
              {shorten(name, Math.floor((labelWidth - 12) / CHARACTER_WIDTH))}
            </text>
            {series.map((column, seriesIndex) => {
              const value = numberOf(row[column.key]) ?? 0;
              const start = position(Math.min(0, value));
              const end = position(Math.max(0, value));
              const barTop = top + seriesIndex * BAR;
              return (
                <g key={column.key}>
                  <rect
                    x={start}
                    y={barTop + 1}
                    width={Math.max(1, end - start)}
                    height={BAR - 2}
                    className={`chart-fill-${seriesIndex}`}
                    rx="2"
                  />
                  <text x={end + 6} y={barTop + BAR / 2} dominantBaseline="middle" className="chart-value">
                    {labelOf(row[column.key], column)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}

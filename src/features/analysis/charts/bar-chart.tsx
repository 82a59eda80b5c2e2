import {
  CHARACTER_WIDTH,
  ChartFrame,
  type ChartProps,
  clamp,
  columnOf,
  labelOf,
  numberOf,
  scale,
  shorten,
  valueRoom,
} from './chart-parts';

const ROW = 26;
const MAX_BARS = 25;

/** Horizontal bars: category names stay readable however long they are, at any width. */
export function BarChart({ table, rows: allRows, x, y, width }: ChartProps) {
  const key = y[0] ?? '';
  const valueColumn = columnOf(table, key);
  const rows = allRows.slice(0, MAX_BARS);
  const values = rows.map((row) => numberOf(row[key]) ?? 0);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const labelWidth = Math.round(clamp(width * 0.36, 90, 200));
  const room = valueRoom(rows.map((row) => labelOf(row[key], valueColumn)));
  const position = scale(min, max, labelWidth, Math.max(labelWidth + 40, width - room));
  const height = rows.length * ROW + 8;
  const description = `${valueColumn.label} for ${rows.length} values of ${columnOf(table, x).label}${
    allRows.length > MAX_BARS ? `, the first ${MAX_BARS} shown` : ''
  }.`;
  return (
    <ChartFrame title={table.title} description={description} width={width} height={height}>
      {rows.map((row, index) => {
        const value = values[index] ?? 0;
        const top = index * ROW + 4;
        const start = position(Math.min(0, value));
        const end = position(Math.max(0, value));
        const name = String(row[x] ?? '—');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: bars follow the result's row order
          <g key={index}>
            <title>{`${name}: ${labelOf(row[key], valueColumn)}`}</title>
            <text
              x={labelWidth - 8}
              y={top + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-label"
            >
              {shorten(name, Math.floor((labelWidth - 12) / CHARACTER_WIDTH))}
            </text>
            <rect
              x={start}
              y={top + 3}
              width={Math.max(1, end - start)}
              height={ROW - 8}
              className="chart-bar"
              rx="2"
            />
            <text x={end + 6} y={top + ROW / 2} dominantBaseline="middle" className="chart-value">
              {labelOf(row[key], valueColumn)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

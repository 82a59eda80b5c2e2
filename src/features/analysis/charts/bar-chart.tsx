import {
  ChartFrame,
  type ChartProps,
  columnOf,
  labelOf,
  numberOf,
  scale,
  shorten,
  WIDTH,
} from './chart-parts';

const ROW = 26;
const LABEL_WIDTH = 190;
const MAX_BARS = 25;

/** Horizontal bars: category names stay readable however long they are. */
export function BarChart({ table, x, y }: ChartProps) {
  const key = y[0] ?? '';
  const valueColumn = columnOf(table, key);
  const rows = table.rows.slice(0, MAX_BARS);
  const values = rows.map((row) => numberOf(row[key]) ?? 0);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const position = scale(min, max, LABEL_WIDTH, WIDTH - 90);
  const height = rows.length * ROW + 8;
  const description = `${valueColumn.label} for ${rows.length} values of ${columnOf(table, x).label}${
    table.rows.length > MAX_BARS ? `, the first ${MAX_BARS} shown` : ''
  }.`;
  return (
    <ChartFrame title={table.title} description={description} height={height}>
      {rows.map((row, index) => {
        const value = values[index] ?? 0;
        const top = index * ROW + 4;
        const start = position(Math.min(0, value));
        const end = position(Math.max(0, value));
        const name = String(row[x] ?? '—');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: bars follow the table's row order
          <g key={index}>
            <title>{`${name}: ${labelOf(row[key], valueColumn)}`}</title>
            <text
              x={LABEL_WIDTH - 8}
              y={top + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-label"
            >
              {shorten(name)}
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

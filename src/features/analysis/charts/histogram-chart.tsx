import { ChartFrame, type ChartProps, columnOf, labelOf, numberOf, scale } from './chart-parts';

const HEIGHT = 240;
const BINS = 12;
const BOTTOM = HEIGHT - 28;

/** The spread of one numeric column in equal-width bins. */
export function HistogramChart({ table, x, width: WIDTH }: ChartProps) {
  const column = columnOf(table, x);
  const values = table.rows.map((row) => numberOf(row[x])).filter((value): value is number => value !== null);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = max > min ? (max - min) / BINS : 1;
  const counts = new Array<number>(BINS).fill(0);
  for (const value of values) counts[Math.min(BINS - 1, Math.floor((value - min) / width))]! += 1;
  const tallest = Math.max(1, ...counts);
  const top = scale(0, tallest, BOTTOM, 12);
  const barWidth = (WIDTH - 40) / BINS;
  const description = values.length
    ? `${values.length} cases by ${column.label}, from ${labelOf(min, column)} to ${labelOf(max, column)}; the fullest bin holds ${tallest}.`
    : 'No values to show.';
  return (
    <ChartFrame title={table.title} description={description} width={WIDTH} height={HEIGHT}>
      {values.length > 0 &&
        counts.map((count, index) => {
          const low = min + index * width;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: bins are positional
            <g key={index}>
              <title>{`${labelOf(low, column)} – ${labelOf(low + width, column)}: ${count} cases`}</title>
              <rect
                x={20 + index * barWidth + 1}
                y={top(count)}
                width={barWidth - 2}
                height={BOTTOM - top(count)}
                className="chart-bar"
              />
            </g>
          );
        })}
      <line x1="20" x2={WIDTH - 20} y1={BOTTOM} y2={BOTTOM} className="chart-axis" />
      {values.length > 0 && (
        <>
          <text x="20" y={HEIGHT - 8} className="chart-label">
            {labelOf(min, column)}
          </text>
          <text x={WIDTH - 20} y={HEIGHT - 8} textAnchor="end" className="chart-label">
            {labelOf(max, column)}
          </text>
        </>
      )}
    </ChartFrame>
  );
}

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

const ROW = 40;
const LABEL_WIDTH = 170;

/**
 * Ranges with a middle mark (low, middle, high). Rows may carry different units (dollars, days), so each row
 * has its own scale from zero to its high end.
 */
export function IntervalChart({ table, x, y }: ChartProps) {
  const [lowKey = '', middleKey = '', highKey = ''] = y;
  const height = table.rows.length * ROW + 8;
  const middleColumn = columnOf(table, middleKey);
  const description = `${table.rows.length} ranges from ${columnOf(table, lowKey).label} to ${columnOf(table, highKey).label}, marked at ${middleColumn.label}.`;
  return (
    <ChartFrame title={table.title} description={description} height={height}>
      {table.rows.map((row, index) => {
        const low = numberOf(row[lowKey]);
        const middle = numberOf(row[middleKey]);
        const high = numberOf(row[highKey]);
        const top = index * ROW + 4;
        const name = String(row[x] ?? '—');
        if (low === null || high === null) return null;
        const at = scale(Math.min(0, low), Math.max(high, 0) * 1.1 || 1, LABEL_WIDTH, WIDTH - 20);
        // Units differ per row here, so each row formats with the row's own column where the table has one.
        const unitColumn = {
          ...middleColumn,
          unit: typeof row.unit === 'string' ? row.unit : middleColumn.unit,
        };
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows follow the table's order
          <g key={index}>
            <title>{`${name}: ${labelOf(low, unitColumn)} – ${labelOf(high, unitColumn)}${middle === null ? '' : `, ${labelOf(middle, unitColumn)}`}`}</title>
            <text
              x={LABEL_WIDTH - 8}
              y={top + 14}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-label"
            >
              {shorten(name, 22)}
            </text>
            <line x1={at(low)} x2={at(high)} y1={top + 14} y2={top + 14} className="chart-range" />
            {middle !== null && <circle cx={at(middle)} cy={top + 14} r="5" className="chart-point" />}
            <text x={at(low)} y={top + 32} textAnchor="middle" className="chart-value">
              {labelOf(low, unitColumn)}
            </text>
            <text x={at(high)} y={top + 32} textAnchor="middle" className="chart-value">
              {labelOf(high, unitColumn)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

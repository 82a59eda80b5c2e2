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
} from './chart-parts';

const ROW = 40;

/**
 * Ranges with a middle mark (low, middle, high). Rows may carry different units (dollars, days), so each row
 * has its own scale from zero to its high end.
 */
export function IntervalChart({ table, x, y, width }: ChartProps) {
  const LABEL_WIDTH = Math.round(clamp(width * 0.3, 90, 170));
  const [lowKey = '', middleKey = '', highKey = ''] = y;
  const height = table.rows.length * ROW + 8;
  const middleColumn = columnOf(table, middleKey);
  const description = `${table.rows.length} ranges from ${columnOf(table, lowKey).label} to ${columnOf(table, highKey).label}, marked at ${middleColumn.label}.`;
  return (
    <ChartFrame title={table.title} description={description} width={width} height={height}>
      {table.rows.map((row, index) => {
        const low = numberOf(row[lowKey]);
        const middle = numberOf(row[middleKey]);
        const high = numberOf(row[highKey]);
        const top = index * ROW + 4;
        const name = String(row[x] ?? '—');
        if (low === null || high === null) return null;
        const at = scale(Math.min(0, low), Math.max(high, 0) * 1.1 || 1, LABEL_WIDTH, width - 40);
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
              {shorten(name, Math.floor((LABEL_WIDTH - 12) / CHARACTER_WIDTH))}
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

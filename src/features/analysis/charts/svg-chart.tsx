import { useRef } from 'react';
import type { CellValue, TableBlock } from '../../../contract/agent';
import type { ChartChoice } from '../lib/chart-choice';
import { BarChart } from './bar-chart';
import { useWidth } from './chart-parts';
import { GroupedBarChart } from './grouped-bar-chart';
import { HistogramChart } from './histogram-chart';
import { IntervalChart } from './interval-chart';
import { LineChart } from './line-chart';

const CHARTS = {
  bar: BarChart,
  'grouped-bar': GroupedBarChart,
  line: LineChart,
  histogram: HistogramChart,
  interval: IntervalChart,
} as const;

/**
 * Small hand-written SVG charts, loaded as their own chunk when an answer has a chart. Each one is laid out
 * for the width it has and redrawn when that changes, so a phone gets readable 12 px labels, not a scaled-down
 * desktop drawing.
 */
export default function SvgChart({
  choice,
  table,
  rows,
}: {
  choice: ChartChoice;
  table: TableBlock;
  rows: Record<string, CellValue>[];
}) {
  const ref = useRef<HTMLElement>(null);
  const width = useWidth(ref);
  const Chart = CHARTS[choice.kind];
  return (
    <figure className="svg-chart" ref={ref}>
      {width > 0 && <Chart table={table} rows={rows} x={choice.x} y={choice.y} width={width} />}
    </figure>
  );
}

import type { ChartBlock, TableBlock } from '../../../contract/agent';
import { BarChart } from './bar-chart';
import { HistogramChart } from './histogram-chart';
import { IntervalChart } from './interval-chart';
import { LineChart } from './line-chart';

const CHARTS = {
  bar: BarChart,
  line: LineChart,
  histogram: HistogramChart,
  interval: IntervalChart,
} as const;

/** Small hand-written SVG charts, loaded as their own chunk when an answer has a chart. */
export default function SvgChart({ chart, table }: { chart: ChartBlock; table: TableBlock }) {
  const Chart = CHARTS[chart.kind];
  return <Chart table={table} x={chart.x} y={chart.y} />;
}

import type { ChartBlock, TableBlock } from '../../../contract/agent';
import { TIME_GRAINS } from '../../../contract/query-plan';

type ChartKind = 'bar' | 'grouped-bar' | 'line' | 'histogram' | 'interval';
export interface ChartChoice {
  kind: ChartKind;
  x: string;
  y: string[];
}

const TIME_KEYS = new Set<string>([...TIME_GRAINS, 'date', 'admit_date', 'period']);

const isTimeAxis = (table: TableBlock, x: string) =>
  TIME_KEYS.has(x) || table.columns.find((column) => column.key === x)?.type === 'date';

const hasFigure = (table: TableBlock, keys: string[]) =>
  table.rows.some((row) => keys.some((key) => typeof row[key] === 'number' && Number.isFinite(row[key])));

/**
 * Which chart a result gets, if any. A chart of nothing or of one value says less than the table, so empty and
 * one-row results have none. Time on the x axis is a line whatever the server suggested, and several figures
 * per row are bars side by side with a legend.
 */
export function chooseChart(chart: ChartBlock | undefined, table: TableBlock): ChartChoice | null {
  if (!chart || table.rows.length < 2) return null;
  const { x, y } = chart;
  if (chart.kind === 'histogram') return hasFigure(table, [x]) ? { kind: 'histogram', x, y } : null;
  if (y.length === 0 || !hasFigure(table, y)) return null;
  if (chart.kind === 'interval') return { kind: 'interval', x, y };
  if (chart.kind === 'line' || isTimeAxis(table, x)) return { kind: 'line', x, y };
  return { kind: y.length > 1 ? 'grouped-bar' : 'bar', x, y };
}

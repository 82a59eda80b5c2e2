import { describe, expect, it } from 'vitest';
import type { ChartBlock, TableBlock } from '../../../contract/agent';
import { chooseChart } from './chart-choice';

const table = (rows: TableBlock['rows'], x = 'payor'): TableBlock => ({
  block_id: 't1',
  title: 'Cost',
  columns: [
    { key: x, label: x, type: 'string' },
    { key: 'cost', label: 'Cost', type: 'currency', unit: 'USD' },
    { key: 'cost_2024', label: '2024', type: 'currency', unit: 'USD' },
  ],
  rows,
  row_count: rows.length,
  truncated: false,
});
const chart = (change: Partial<ChartBlock> = {}): ChartBlock => ({
  block_id: 'c1',
  title: 'Cost',
  kind: 'bar',
  table_block_id: 't1',
  x: 'payor',
  y: ['cost'],
  ...change,
});
const two = [
  { payor: 'Aetna', month: '2025-01', cost: 10, cost_2024: 8 },
  { payor: 'Cigna', month: '2025-02', cost: 12, cost_2024: 9 },
];

describe('chooseChart', () => {
  it('draws no chart for an empty or one-row result, or one without figures', () => {
    expect(chooseChart(chart(), table([]))).toBeNull();
    expect(chooseChart(chart(), table(two.slice(0, 1)))).toBeNull();
    expect(
      chooseChart(
        chart(),
        table([
          { payor: 'A', cost: null },
          { payor: 'B', cost: null },
        ]),
      ),
    ).toBeNull();
    expect(chooseChart(undefined, table(two))).toBeNull();
  });

  it('draws a time grain as a line, whatever kind was suggested', () => {
    expect(chooseChart(chart({ x: 'month' }), table(two, 'month'))?.kind).toBe('line');
    expect(chooseChart(chart({ kind: 'line', x: 'month' }), table(two, 'month'))?.kind).toBe('line');
  });

  it('draws a comparison of several figures as grouped bars, one figure as bars', () => {
    expect(chooseChart(chart({ y: ['cost', 'cost_2024'] }), table(two))).toEqual({
      kind: 'grouped-bar',
      x: 'payor',
      y: ['cost', 'cost_2024'],
    });
    expect(chooseChart(chart(), table(two))?.kind).toBe('bar');
  });
});

describe('niceBound', () => {
  it('rounds axis ends to readable figures', async () => {
    const { niceBound } = await import('../charts/line-chart');
    expect([16284, 8142, 0, -730, 1, 0.3].map(niceBound)).toEqual([20000, 10000, 0, -1000, 1, 0.5]);
  });
});

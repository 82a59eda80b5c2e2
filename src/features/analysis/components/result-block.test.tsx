import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ResultBlock } from './result-block';

const costTable = {
  block_id: 'table_1',
  title: 'Cost by surgeon',
  columns: [
    { key: 'value', label: 'Surgeon', type: 'string' as const },
    { key: 'figure', label: 'Cost', type: 'currency' as const, unit: 'USD' },
  ],
  rows: [
    { value: 'B', figure: 2000 },
    { value: '=HYPERLINK("http://x","y")', figure: 15000 },
  ],
  row_count: 2,
  truncated: false,
};
const costChart = {
  block_id: 'chart_1',
  title: 'Cost by surgeon',
  kind: 'bar' as const,
  table_block_id: 'table_1',
  x: 'value',
  y: ['figure'],
};

describe('ResultBlock', () => {
  it('sorts by a column and formats cells by type', async () => {
    render(<ResultBlock table={costTable} chart={undefined} />);
    const cells = () => screen.getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells()).toEqual(['B', '$2,000', '=HYPERLINK("http://x","y")', '$15,000']);
    await userEvent.click(screen.getByRole('button', { name: 'Cost' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cost' }));
    expect(screen.getByRole('columnheader', { name: /Cost/ })).toHaveAttribute('aria-sort', 'descending');
    expect(cells()).toEqual(['=HYPERLINK("http://x","y")', '$15,000', 'B', '$2,000']);
  });

  it('keeps empty cells last whichever way a column is sorted', async () => {
    const rows = [{ value: 'None', figure: null }, ...costTable.rows];
    render(<ResultBlock table={{ ...costTable, rows, row_count: 3 }} chart={undefined} />);
    const surgeons = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.querySelector('th, td')?.textContent);
    await userEvent.click(screen.getByRole('button', { name: 'Cost' }));
    expect(surgeons()).toEqual(['B', '=HYPERLINK("http://x","y")', 'None']);
    await userEvent.click(screen.getByRole('button', { name: 'Cost' }));
    expect(screen.getByRole('columnheader', { name: /Cost/ })).toHaveAttribute('aria-sort', 'descending');
    expect(surgeons()).toEqual(['=HYPERLINK("http://x","y")', 'B', 'None']);
  });

  it('copies in the order shown, formulas defused, from the chart view too', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<ResultBlock table={costTable} chart={costChart} />);
    expect(screen.getByRole('button', { name: 'Chart' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Table' }));
    await user.click(screen.getByRole('button', { name: 'Cost' }));
    await user.click(screen.getByRole('button', { name: 'Cost' }));
    await user.click(screen.getByRole('button', { name: 'Chart' }));
    await user.click(screen.getByRole('button', { name: 'Copy table Cost by surgeon' }));
    expect(writeText).toHaveBeenCalledWith('Surgeon\tCost\n\'=HYPERLINK("http://x","y")\t15000\nB\t2000');
    expect(screen.getByRole('button', { name: 'Download CSV of Cost by surgeon' })).toBeInTheDocument();
  });

  it('draws no chart for a one-row result, and keeps its table and exports', () => {
    render(<ResultBlock table={{ ...costTable, rows: costTable.rows.slice(0, 1) }} chart={costChart} />);
    expect(screen.queryByRole('button', { name: 'Chart' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Cost by surgeon' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy table Cost by surgeon' })).toBeInTheDocument();
  });
});

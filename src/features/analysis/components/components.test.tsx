import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerHandle } from './composer';
import { MarkdownAnswer } from './markdown-answer';
import { ResultBlock } from './result-block';

describe('Composer', () => {
  it('sends on Enter, breaks the line on Shift+Enter, and never sends while composing', async () => {
    const onSend = vi.fn();
    render(<Composer isStreaming={false} onSend={onSend} onStop={() => {}} />);
    const box = screen.getByRole('textbox', { name: 'Your question' });
    await userEvent.type(box, 'cost by{Shift>}{Enter}{/Shift}surgeon');
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveValue('cost by\nsurgeon');
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(onSend).not.toHaveBeenCalled();
    await userEvent.type(box, '{Enter}');
    expect(onSend).toHaveBeenCalledWith('cost by\nsurgeon');
    expect(box).toHaveValue('');
  });

  it('says Stopping… while the server decides, and takes an earlier question back to edit', async () => {
    const ref = createRef<ComposerHandle>();
    const { rerender } = render(
      <Composer ref={ref} isStreaming={false} isStopping onSend={() => {}} onStop={() => {}} />,
    );
    expect(screen.getByRole('button', { name: 'Stopping…' })).toBeDisabled();
    rerender(<Composer ref={ref} isStreaming={false} onSend={() => {}} onStop={() => {}} />);
    act(() => ref.current?.setDraft('total cost by payor'));
    const box = screen.getByRole('textbox', { name: 'Your question' });
    expect(box).toHaveValue('total cost by payor');
    expect(box).toHaveFocus();
  });

  it('shows Stop instead of Send while an answer streams', async () => {
    const onStop = vi.fn();
    render(<Composer isStreaming onSend={() => {}} onStop={onStop} />);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalled();
  });
});

describe('MarkdownAnswer', () => {
  it('renders markdown with tables, and raw HTML as text', () => {
    const { container } = render(
      <MarkdownAnswer content={'**Bold** <img src=x onerror=alert(1)>\n\n| a |\n| --- |\n| 1 |\n'} />,
    );
    expect(screen.getByText('Bold').tagName).toBe('STRONG');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByRole('table')).toBeInTheDocument();
  });
});

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

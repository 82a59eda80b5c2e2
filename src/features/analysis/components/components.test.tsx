import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from './composer';
import { MarkdownAnswer } from './markdown-answer';
import { ResultTable } from './result-table';

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

describe('ResultTable', () => {
  it('sorts by a column and formats cells by type', async () => {
    render(
      <ResultTable
        table={{
          block_id: 'table_1',
          title: 'Cost by surgeon',
          columns: [
            { key: 'value', label: 'Surgeon', type: 'string' },
            { key: 'figure', label: 'Cost', type: 'currency', unit: 'USD' },
          ],
          rows: [
            { value: 'B', figure: 2000 },
            { value: 'A', figure: 15000 },
          ],
          row_count: 2,
          truncated: false,
        }}
      />,
    );
    const cells = () => screen.getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells()).toEqual(['B', '$2,000', 'A', '$15,000']);
    await userEvent.click(screen.getByRole('button', { name: 'Cost' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cost' }));
    expect(screen.getByRole('columnheader', { name: /Cost/ })).toHaveAttribute('aria-sort', 'descending');
    expect(cells()).toEqual(['A', '$15,000', 'B', '$2,000']);
  });
});

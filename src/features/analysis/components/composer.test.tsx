import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerHandle } from './composer';

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

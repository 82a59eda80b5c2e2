import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPIED_FOR_MS, CopyButton } from './copy-button';

// userEvent.setup() puts a clipboard on navigator (jsdom has none); the spy then decides what it answers.
const spyOnClipboard = () => {
  userEvent.setup();
  return vi.spyOn(navigator.clipboard, 'writeText');
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('CopyButton', () => {
  it('copies exactly the text and announces it in a live region that was there before', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<CopyButton text="X-API-Key: $HPX_API_KEY" label="Copy API key header" />);
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    await user.click(screen.getByRole('button', { name: 'Copy API key header' }));
    expect(writeText).toHaveBeenCalledWith('X-API-Key: $HPX_API_KEY');
    expect(screen.getByRole('status')).toBe(status);
    expect(status).toHaveTextContent('Copied');
  });

  it('reads a text function when copying, not when drawn', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    let rows = 'a\tb';
    render(<CopyButton text={() => rows}>Copy as text</CopyButton>);
    rows = 'b\ta';
    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(writeText).toHaveBeenCalledWith('b\ta');
  });

  it('works from the keyboard, Enter and Space alike, and keeps focus on the button', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<CopyButton text="SELECT 1;" label="Copy SQL" />);
    await user.tab();
    const button = screen.getByRole('button', { name: 'Copy SQL' });
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(writeText).toHaveBeenCalledTimes(2);
    expect(button).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
  });

  it('says how to copy by hand when the browser refuses, and keeps saying it', async () => {
    vi.useFakeTimers();
    spyOnClipboard().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    render(<CopyButton text="secret" label="Copy key" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy key' })));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Copying is blocked in this browser: select the text and copy it.',
    );
    act(() => vi.advanceTimersByTime(COPIED_FOR_MS * 2));
    expect(screen.getByRole('status')).toHaveTextContent('select the text and copy it');
  });

  it('clears "Copied" after a moment', async () => {
    vi.useFakeTimers();
    spyOnClipboard().mockResolvedValue();
    render(<CopyButton text="x" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy' })));
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    act(() => vi.advanceTimersByTime(COPIED_FOR_MS - 1));
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});

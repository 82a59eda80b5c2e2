import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ConversationList } from './conversation-list';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const conversation = (id: string, updatedAt: string) => ({
  id,
  title: 'total cost by surgeon last year',
  created_at: updatedAt,
  updated_at: updatedAt,
});

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function renderList(activeId: string | null = null) {
  const onOpen = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ConversationList activeId={activeId} onOpen={onOpen} onNew={vi.fn()} />
    </QueryClientProvider>,
  );
  return onOpen;
}

it('tells conversations with the same question apart by when they were last used', async () => {
  fetchMock.mockResolvedValue(
    json({
      results: [conversation('cnv_2', '2026-11-28T21:26:00Z'), conversation('cnv_1', '2026-11-27T09:05:00Z')],
      next_cursor: null,
    }),
  );
  const onOpen = renderList('cnv_2');
  const history = screen.getByRole('navigation', { name: 'Conversations' });
  const opens = await within(history).findAllByRole('button', { name: /^total cost by surgeon last year/ });
  expect(opens).toHaveLength(2);
  expect(opens[0]).toHaveAttribute('aria-current', 'page');
  expect(opens[0]!.textContent).not.toBe(opens[1]!.textContent);
  expect(
    within(history).getAllByRole('button', { name: 'Delete conversation: total cost by surgeon last year' }),
  ).toHaveLength(2);
  await userEvent.click(opens[1]!);
  expect(onOpen).toHaveBeenCalledWith('cnv_1');
});

it('says what the history is for before there is any', async () => {
  fetchMock.mockResolvedValueOnce(json({ results: [], next_cursor: null }));
  renderList();
  expect(screen.getByText('Loading your conversations…')).toHaveAttribute('role', 'status');
  expect(await screen.findByText('Your questions and their answers will be kept here.')).toBeVisible();
});

it('says so when the history cannot be loaded', async () => {
  fetchMock.mockResolvedValue(json({ error: 'internal', message: 'Broken.' }, 500));
  renderList();
  expect(await screen.findByText('Your conversations could not be loaded.')).toBeVisible();
});

it('pages past the first 50 conversations instead of stopping there', async () => {
  const page = (from: number, count: number, next: string | null) =>
    json({
      results: Array.from({ length: count }, (_, index) => ({
        ...conversation(`cnv_${from + index}`, '2026-11-27T09:05:00Z'),
        title: `question ${from + index}`,
      })),
      next_cursor: next,
    });
  fetchMock.mockResolvedValueOnce(page(0, 3, 'cursor_3')).mockResolvedValueOnce(page(3, 2, null));
  renderList();
  const history = screen.getByRole('navigation', { name: 'Conversations' });
  expect(await within(history).findAllByRole('button', { name: /^Delete conversation/ })).toHaveLength(3);
  expect(String(fetchMock.mock.calls[0]?.[0])).toContain('limit=50');
  await userEvent.click(within(history).getByRole('button', { name: 'Show older conversations' }));
  expect(await within(history).findByRole('button', { name: /^question 4/ })).toBeVisible();
  expect(within(history).getAllByRole('button', { name: /^Delete conversation/ })).toHaveLength(5);
  expect(String(fetchMock.mock.calls[1]?.[0])).toContain('cursor=cursor_3');
  expect(within(history).queryByRole('button', { name: 'Show older conversations' })).toBeNull();
});

it('deletes with an Undo: the conversation hides at once and comes back, and no delete is sent', async () => {
  fetchMock.mockResolvedValue(
    json({ results: [conversation('cnv_1', '2026-11-27T09:05:00Z')], next_cursor: null }),
  );
  renderList();
  const history = screen.getByRole('navigation', { name: 'Conversations' });
  await userEvent.click(
    await within(history).findByRole('button', {
      name: 'Delete conversation: total cost by surgeon last year',
    }),
  );
  expect(within(history).queryByRole('button', { name: /^total cost by surgeon/ })).toBeNull();
  expect(screen.getByText(/Deleted/)).toBeVisible();
  await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
  expect(within(history).getByRole('button', { name: /^total cost by surgeon/ })).toBeVisible();
  expect(
    fetchMock.mock.calls.some(([, init]) => (init as RequestInit | undefined)?.method === 'DELETE'),
  ).toBe(false);
});

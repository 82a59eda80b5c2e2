import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AssistantMessage, Message } from '../../../contract/agent';
import { conversationQuery } from '../api/get-conversation';
import { type LiveRun, useLiveRun } from '../live-run-store';
import { MessageThread } from './message-thread';

const at = '2026-11-29T10:00:00.000Z';
const question = (id: string, content: string): Message => ({
  id,
  role: 'user',
  content,
  blocks: [],
  status: 'complete',
  created_at: at,
});
const answer = (id: string, content: string, status: Message['status']): AssistantMessage => ({
  id,
  role: 'assistant',
  content,
  blocks: [],
  status,
  created_at: at,
  run_id: `run_${id}`,
  error: null,
});
const run = (over: Partial<LiveRun> & Pick<LiveRun, 'question' | 'message'>): LiveRun => ({
  conversationId: 'cnv_1',
  runId: 'run_x',
  phase: 'done',
  error: null,
  isReconnecting: false,
  stopOutcome: null,
  ...over,
});

function renderThread(stored: Message[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(conversationQuery('cnv_1').queryKey, {
    id: 'cnv_1',
    title: 'First',
    created_at: at,
    updated_at: at,
    messages: stored,
  });
  return render(
    <QueryClientProvider client={client}>
      <MessageThread conversationId="cnv_1" onAsk={() => {}} onEdit={() => {}} />
    </QueryClientProvider>,
  );
}

beforeEach(() => useLiveRun.getState().clear());

// A follow-up replaces the live copy of the answer before it: if the loaded conversation still holds that answer
// half-written (or not at all), the answer must not shrink and grow back later above the follow-up.
describe('MessageThread, when a follow-up starts before the conversation has reloaded', () => {
  const whole = answer('msg_a1', 'Whole answer, every figure.', 'complete');

  it('keeps the completed answer above the follow-up while its loaded copy is still running', async () => {
    useLiveRun.getState().begin('First', 'cnv_1');
    useLiveRun.setState({ run: run({ question: 'First', message: whole }) });
    useLiveRun.getState().begin('Follow-up', 'cnv_1');
    renderThread([question('msg_q1', 'First'), answer('msg_a1', 'Whole', 'running')]);
    const completed = await screen.findByText('Whole answer, every figure.');
    expect(completed).toBeVisible();
    // Once, and below the answer it follows.
    const followUp = screen.getByText('Follow-up');
    expect(completed.compareDocumentPosition(followUp)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('keeps the completed turn when the loaded conversation does not hold it yet', async () => {
    useLiveRun.setState({ run: run({ question: 'Second', message: whole }) });
    useLiveRun.getState().begin('Third', 'cnv_1');
    const { container } = renderThread([
      question('msg_q0', 'First'),
      answer('msg_a0', 'Earlier answer.', 'complete'),
    ]);
    expect(await screen.findByText('Whole answer, every figure.')).toBeVisible();
    const questions = [...container.querySelectorAll('[data-question] .message-text')].map(
      (node) => node.textContent,
    );
    expect(questions).toEqual(['First', 'Second', 'Third']);
  });

  it('shows the loaded copy once it has ended, and forgets a stopped run', async () => {
    useLiveRun.setState({ run: run({ question: 'First', message: whole, stopOutcome: 'cancelled' }) });
    useLiveRun.getState().begin('Follow-up', 'cnv_1');
    expect(useLiveRun.getState().previous).toBeNull();
    renderThread([question('msg_q1', 'First'), answer('msg_a1', 'Stopped early.', 'cancelled')]);
    expect(await screen.findByText('Stopped early.')).toBeVisible();
  });
});

it('keeps the completed turn above the follow-up while the conversation is still loading', async () => {
  useLiveRun.setState({
    run: run({ question: 'First', message: answer('msg_a1', 'Loaded later, shown now.', 'complete') }),
  });
  useLiveRun.getState().begin('Follow-up', 'cnv_1');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The conversation's first load has not answered yet.
  client.setQueryDefaults(conversationQuery('cnv_1').queryKey, { queryFn: () => new Promise(() => {}) });
  const { container } = render(
    <QueryClientProvider client={client}>
      <MessageThread conversationId="cnv_1" onAsk={() => {}} onEdit={() => {}} />
    </QueryClientProvider>,
  );
  expect(await screen.findByText('Loaded later, shown now.')).toBeVisible();
  const questions = [...container.querySelectorAll('[data-question] .message-text')].map(
    (node) => node.textContent,
  );
  expect(questions).toEqual(['First', 'Follow-up']);
});

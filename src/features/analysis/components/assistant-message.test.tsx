import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AgentEventInput, AssistantMessage } from '../../../contract/agent';
import { emptyAssistantMessage, foldAgentEvents } from '../../../contract/agent-message';
import { AssistantMessageView } from './assistant-message';

const fold = (events: AgentEventInput[]): AssistantMessage =>
  foldAgentEvents(
    emptyAssistantMessage('msg_1', '2026-11-29T00:00:00Z'),
    events.map((event, index) => ({ ...event, id: index + 1 }) as never),
  );

const started: AgentEventInput = {
  event: 'run.started',
  data: { run_id: 'run_1', conversation_id: 'cnv_1', message_id: 'msg_1', question: 'q' },
};

function view(message: AssistantMessage, question: string, onAsk = vi.fn(), isStreaming = false) {
  render(
    <AssistantMessageView
      message={message}
      question={question}
      isStreaming={isStreaming}
      streamError={null}
      onAsk={onAsk}
      onRetry={null}
    />,
  );
  return onAsk;
}

describe('AssistantMessageView', () => {
  it('shows what the plan was read as, with the dates it covered', () => {
    view(
      fold([
        started,
        {
          event: 'plan',
          data: {
            block_id: 'plan_1',
            workflow: 'analytics',
            plan: {
              measures: [{ measure: 'cost', aggregation: 'avg' }],
              group_by: ['month'],
              filters: [],
              conditions: [],
              having: [],
              comparison: null,
              order: null,
              limit: null,
              window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
            },
            reading: 'average cost per case by month in 2025',
            dates: { from: '2025-01-01', to: '2025-12-31' },
          },
        },
        { event: 'run.completed', data: { run_id: 'run_1', duration_ms: 5 } },
      ]),
      'avg cost by month 2025',
    );
    expect(screen.getByText(/average cost per case by month in 2025/)).toBeVisible();
    expect(screen.getByText('(admitted Jan 1, 2025 – Dec 31, 2025)')).toBeVisible();
  });

  it('shows the reading once: the written answer that opens with it replaces the "Read as" line', () => {
    const plan: AgentEventInput = {
      event: 'plan',
      data: {
        block_id: 'plan_1',
        workflow: 'analytics',
        plan: {
          measures: [{ measure: 'revenue', aggregation: 'sum' }],
          group_by: [],
          filters: [],
          conditions: [],
          having: [],
          comparison: null,
          order: null,
          limit: null,
          window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        },
        reading: 'total revenue of all cases, in 2025',
        dates: { from: '2025-01-01', to: '2025-12-31' },
      },
    };
    view(
      fold([
        started,
        plan,
        {
          event: 'text.delta',
          data: { delta: 'I read this as **total revenue of all cases, in 2025**, 12 cases.' },
        },
        { event: 'run.completed', data: { run_id: 'run_1', duration_ms: 5 } },
      ]),
      'revenue in 2025',
    );
    expect(screen.getAllByText(/total revenue of all cases, in 2025/)).toHaveLength(1);
    expect(screen.queryByText('Read as')).toBeNull();
  });

  it('offers a clarification as buttons that ask again with the choice, each name once', async () => {
    const onAsk = view(
      fold([
        started,
        {
          event: 'clarify',
          data: {
            text: 'Patel',
            question: 'Which Patel do you mean?',
            options: [
              { kind: 'surgeon', id: 's1', name: 'Dr. Anil Patel', cases: 120 },
              { kind: 'surgeon', id: 's2', name: 'Dr. Nita Patel', cases: 1 },
            ],
          },
        },
        { event: 'run.completed', data: { run_id: 'run_1', duration_ms: 5 } },
      ]),
      'average cost for Dr. Patel',
    );
    const group = screen.getByRole('group', { name: 'Which Patel do you mean?' });
    const options = within(group).getAllByRole('button');
    expect(options.map((option) => option.textContent)).toEqual([
      'Dr. Anil Patelsurgeon · 120 cases',
      'Dr. Nita Patelsurgeon · 1 case',
    ]);
    await userEvent.click(options[1]!);
    expect(onAsk).toHaveBeenCalledWith('average cost for Dr. Nita Patel');
  });

  it('shows a thinking state until the first event, and copy and ask again once complete', async () => {
    const { unmount } = render(
      <AssistantMessageView
        message={emptyAssistantMessage('msg_1', '2026-11-29T00:00:00Z')}
        question="q"
        isStreaming
        streamError={null}
        onAsk={vi.fn()}
        onRetry={null}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Thinking…');
    unmount();
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const onAsk = view(
      fold([
        started,
        { event: 'text.delta', data: { delta: 'Total cost was **$1,200** over 4 cases.' } },
        { event: 'run.completed', data: { run_id: 'run_1', duration_ms: 5 } },
      ]),
      'total cost',
    );
    expect(screen.queryByText('Thinking…')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Copy answer as Markdown' }));
    expect(writeText).toHaveBeenLastCalledWith('Total cost was **$1,200** over 4 cases.');
    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(writeText.mock.lastCall?.[0]).not.toContain('**');
    await user.click(screen.getByRole('button', { name: 'Ask again' }));
    expect(onAsk).toHaveBeenCalledWith('total cost');
  });
});

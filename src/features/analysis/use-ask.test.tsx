import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentEvent } from '../../contract/agent';
import { useLiveRun } from './live-run-store';
import { useAsk } from './use-ask';

const mocks = vi.hoisted(() => ({
  cancelRun: vi.fn<(runId: string) => Promise<'cancelling' | 'finished'>>(),
  storedStatus: 'cancelled' as string,
}));

vi.mock('./api/cancel-run', () => ({ cancelRun: mocks.cancelRun }));
vi.mock('./api/get-conversation', () => ({
  conversationQuery: (id: string) => ({
    queryKey: ['agent', 'conversation', id],
    queryFn: async () => ({
      id,
      title: 'q',
      created_at: '',
      updated_at: '',
      messages: [
        {
          id: 'msg_1',
          role: 'assistant',
          content: '',
          blocks: [],
          status: mocks.storedStatus,
          created_at: '',
        },
      ],
    }),
  }),
}));
// The stream: `run.started`, then nothing until the reader is aborted, as a long answer on a slow link.
vi.mock('./api/stream-run', () => ({
  streamRun: ({ signal, onEvent }: { signal: AbortSignal; onEvent: (event: AgentEvent) => void }) => {
    onEvent({
      id: 1,
      event: 'run.started',
      data: { run_id: 'run_1', conversation_id: 'cnv_1', message_id: 'msg_1', question: 'q' },
    });
    return new Promise((_resolve, reject) =>
      signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
    );
  },
}));

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(() => useAsk(() => {}), { wrapper }).result;
}

beforeEach(() => useLiveRun.getState().clear());
afterEach(() => vi.clearAllMocks());

describe('Stop tells what the server decided', () => {
  it('says Stopped when the server cancelled the run', async () => {
    mocks.cancelRun.mockResolvedValue('cancelling');
    mocks.storedStatus = 'cancelled';
    const result = setup();
    act(() => void result.current.ask('q', null));
    await waitFor(() => expect(useLiveRun.getState().run?.runId).toBe('run_1'));
    const stopping = act(() => result.current.stop());
    expect(useLiveRun.getState().run?.phase).toBe('stopping');
    await stopping;
    expect(mocks.cancelRun).toHaveBeenCalledWith('run_1');
    const run = useLiveRun.getState().run;
    expect(run?.stopOutcome).toBe('cancelled');
    expect(run?.message.status).toBe('cancelled');
    expect(run?.phase).toBe('done');
  });

  it('keeps the whole answer when the run had already finished', async () => {
    mocks.cancelRun.mockResolvedValue('finished');
    mocks.storedStatus = 'complete';
    const result = setup();
    act(() => void result.current.ask('q', null));
    await waitFor(() => expect(useLiveRun.getState().run?.runId).toBe('run_1'));
    await act(() => result.current.stop());
    const run = useLiveRun.getState().run;
    expect(run?.stopOutcome).toBe('finished');
    // Not marked cancelled: the stored, complete message is what the page shows from now on.
    expect(run?.message.status).not.toBe('cancelled');
    expect(run?.phase).toBe('done');
  });
});

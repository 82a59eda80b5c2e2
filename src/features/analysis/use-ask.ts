import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { AgentEvent } from '../../contract/agent';
import { ApiError } from '../../lib/api-client';
import { cancelRun } from './api/cancel-run';
import { conversationQuery } from './api/get-conversation';
import { conversationsQuery } from './api/list-conversations';
import { streamRun } from './api/stream-run';
import { type StopOutcome, useLiveRun } from './live-run-store';

let current: AbortController | null = null;
/** Resolves with the run's id once `run.started` has arrived, so a Stop pressed before it still reaches the run. */
let started: { promise: Promise<string>; resolve: (runId: string) => void } | null = null;

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : 'The answer could not be received. Try again.';

const SETTLE_TRIES = 20;
const SETTLE_PAUSE_MS = 250;

/** Reloads the conversation until the server has stored the run's message as ended (or gives up quietly). */
async function waitUntilStored(queryClient: QueryClient, conversationId: string, messageId: string) {
  for (let attempt = 0; attempt < SETTLE_TRIES; attempt += 1) {
    const conversation = await queryClient
      .fetchQuery({ ...conversationQuery(conversationId), staleTime: 0 })
      .catch(() => null);
    const stored = conversation?.messages.find((message) => message.id === messageId);
    if (stored && stored.status !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_PAUSE_MS));
  }
}

/**
 * Asking and stopping. Events are queued and applied once per animation frame: a burst of deltas costs one
 * render, not one per delta.
 */
export function useAsk(onConversation: (conversationId: string) => void) {
  const queryClient = useQueryClient();

  const ask = useCallback(
    async (question: string, conversationId: string | null) => {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      let resolveStarted: (runId: string) => void = () => {};
      started = { promise: new Promise((resolve) => (resolveStarted = resolve)), resolve: resolveStarted };
      const store = useLiveRun.getState();
      store.begin(question, conversationId);
      const pending: AgentEvent[] = [];
      let frame = 0;
      const flush = () => {
        frame = 0;
        if (current === controller) useLiveRun.getState().apply(pending.splice(0));
      };
      try {
        await streamRun({
          question,
          conversationId,
          signal: controller.signal,
          onReconnect: () => useLiveRun.getState().setReconnecting(true),
          onEvent(event) {
            pending.push(event);
            if (event.event === 'run.started') {
              flush();
              resolveStarted(event.data.run_id);
              onConversation(event.data.conversation_id);
              void queryClient.invalidateQueries({ queryKey: conversationsQuery().queryKey });
            } else if (!frame) {
              frame = requestAnimationFrame(flush);
            }
          },
        });
        cancelAnimationFrame(frame);
        flush();
        if (current === controller) useLiveRun.getState().finish('done');
      } catch (error) {
        cancelAnimationFrame(frame);
        flush();
        if (current === controller) {
          useLiveRun.getState().finish(controller.signal.aborted ? 'stopped' : 'failed', messageOf(error));
        }
      } finally {
        if (current === controller) {
          const id = useLiveRun.getState().run?.conversationId;
          if (id) void queryClient.invalidateQueries({ queryKey: conversationQuery(id).queryKey });
          void queryClient.invalidateQueries({ queryKey: conversationsQuery().queryKey });
        }
      }
    },
    [queryClient, onConversation],
  );

  /**
   * Stop tells the truth: the page says "Stopping…" at once, asks the server, and then shows what the server
   * decided and stored: a cancelled answer with what it had, or, when the run had already finished, the whole
   * answer. The reader stops as soon as the server has answered, so a slow link cannot hold the page.
   */
  const stop = useCallback(async () => {
    const live = useLiveRun.getState();
    if (live.run?.phase !== 'streaming' || !current || !started) return;
    live.stopping();
    const reader = current;
    const runId = live.run.runId ?? (await started.promise);
    let outcome: StopOutcome = 'cancelled';
    try {
      outcome = (await cancelRun(runId)) === 'finished' ? 'finished' : 'cancelled';
    } catch {
      // The server could not be asked; the run may go on, and the stored copy will say how it ended.
    }
    if (current !== reader) return;
    current = null;
    reader.abort(new DOMException('Stopped by the user.', 'AbortError'));
    const run = useLiveRun.getState().run;
    if (!run) return;
    if (outcome === 'cancelled') useLiveRun.getState().finish('stopped');
    if (run.conversationId) {
      await waitUntilStored(queryClient, run.conversationId, run.message.id);
      void queryClient.invalidateQueries({ queryKey: conversationsQuery().queryKey });
    }
    if (useLiveRun.getState().run?.message.id === run.message.id) useLiveRun.getState().settleStop(outcome);
  }, [queryClient]);

  /** Stops reading without stopping the run, e.g. when another conversation is opened; it finishes in history. */
  const detach = useCallback(() => {
    current?.abort();
    current = null;
    useLiveRun.getState().clear();
  }, []);

  return { ask, stop, detach };
}

/** Stops reading (not the run) when the page goes away; the run finishes on the server and shows in history. */
export function useStopReadingOnLeave() {
  useEffect(
    () => () => {
      current?.abort();
      current = null;
      useLiveRun.getState().clear();
    },
    [],
  );
}

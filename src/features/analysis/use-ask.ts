import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { AgentEvent } from '../../contract/agent';
import { ApiError } from '../../lib/api-client';
import { cancelRun } from './api/cancel-run';
import { conversationQuery } from './api/get-conversation';
import { conversationsQuery } from './api/list-conversations';
import { streamRun } from './api/stream-run';
import { useLiveRun } from './live-run-store';

let current: AbortController | null = null;

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : 'The answer could not be received. Try again.';

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
        const id = useLiveRun.getState().run?.conversationId;
        if (id) void queryClient.invalidateQueries({ queryKey: conversationQuery(id).queryKey });
        void queryClient.invalidateQueries({ queryKey: conversationsQuery().queryKey });
      }
    },
    [queryClient, onConversation],
  );

  const stop = useCallback(async () => {
    const runId = useLiveRun.getState().run?.runId;
    // The reader stops at once so the page answers the click; the server stops the work in parallel.
    current?.abort(new DOMException('Stopped by the user.', 'AbortError'));
    if (runId) await cancelRun(runId).catch(() => undefined);
  }, []);

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

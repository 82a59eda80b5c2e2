import { create } from 'zustand';
import type { AgentEvent, AssistantMessage, StepFailure } from '../../contract/agent';
import { applyAgentEvent, emptyAssistantMessage } from '../../contract/agent-message';

type LivePhase = 'streaming' | 'stopping' | 'done' | 'failed' | 'stopped';

/** What the server said about a Stop: it cancelled the run, or the run had already finished. */
export type StopOutcome = 'cancelled' | 'finished';

/** The answer being streamed right now; finished answers live in the conversation query. */
export interface LiveRun {
  question: string;
  conversationId: string | null;
  runId: string | null;
  message: AssistantMessage;
  phase: LivePhase;
  /** Why the stream failed, for the message shown in place. */
  error: string | null;
  isReconnecting: boolean;
  /** Set once the server has answered a Stop; the stored message is then the truth shown. */
  stopOutcome: StopOutcome | null;
}

interface LiveRunState {
  run: LiveRun | null;
  /**
   * The run a new question replaced, when it had completed: shown in place of its stored copy until the
   * conversation's next load has it ended, so an answer above a follow-up never falls back to a half-written
   * copy (and grows back later, pushing the follow-up down).
   */
  previous: LiveRun | null;
  begin(question: string, conversationId: string | null): void;
  apply(events: AgentEvent[]): void;
  finish(phase: Exclude<LivePhase, 'streaming' | 'stopping'>, error?: string): void;
  /** Stop pressed: the answer is still shown as it is while the server decides. */
  stopping(): void;
  /** The server decided; from now on the stored copy of the message is shown. */
  settleStop(outcome: StopOutcome): void;
  setReconnecting(isReconnecting: boolean): void;
  clear(): void;
}

/** Marks steps still running as stopped, so a stopped or broken answer shows no spinner forever. */
function settleSteps(message: AssistantMessage, error: StepFailure, reason: string): AssistantMessage {
  return {
    ...message,
    blocks: message.blocks.map((block) =>
      block.type === 'step' && block.status === 'running'
        ? { ...block, status: 'failed', error, message: reason }
        : block,
    ),
  };
}

export const useLiveRun = create<LiveRunState>((set) => ({
  run: null,
  previous: null,
  begin: (question, conversationId) =>
    set(({ run }) => ({
      previous:
        run?.phase === 'done' && run.stopOutcome === null && run.runId !== null && run.conversationId !== null
          ? run
          : null,
      run: {
        question,
        conversationId,
        runId: null,
        message: emptyAssistantMessage(`pending-${Date.now()}`, new Date().toISOString()),
        phase: 'streaming',
        error: null,
        isReconnecting: false,
        stopOutcome: null,
      },
    })),
  apply: (events) =>
    set(({ run }) => {
      if (!run || events.length === 0) return {};
      let { message, conversationId, runId } = run;
      for (const event of events) {
        message = applyAgentEvent(message, event);
        if (event.event === 'run.started') {
          conversationId = event.data.conversation_id;
          runId = event.data.run_id;
        }
      }
      return { run: { ...run, message, conversationId, runId, isReconnecting: false } };
    }),
  finish: (phase, error) =>
    set(({ run }) => {
      if (!run) return {};
      const isSettled = run.message.status !== 'running';
      const message = isSettled
        ? run.message
        : {
            ...(phase === 'stopped'
              ? settleSteps(run.message, 'cancelled', 'Stopped.')
              : settleSteps(run.message, 'interrupted', 'Interrupted.')),
            status:
              phase === 'stopped'
                ? ('cancelled' as const)
                : phase === 'failed'
                  ? ('failed' as const)
                  : run.message.status,
          };
      return { run: { ...run, message, phase, error: error ?? null, isReconnecting: false } };
    }),
  stopping: () =>
    set(({ run }) => (run?.phase === 'streaming' ? { run: { ...run, phase: 'stopping' } } : {})),
  settleStop: (stopOutcome) =>
    set(({ run }) => (run ? { run: { ...run, phase: 'done', stopOutcome, isReconnecting: false } } : {})),
  setReconnecting: (isReconnecting) => set(({ run }) => (run ? { run: { ...run, isReconnecting } } : {})),
  clear: () => set({ run: null, previous: null }),
}));

import { performance } from 'node:perf_hooks';
import {
  type AgentEvent,
  type AgentEventInput,
  type AssistantMessage,
  isFinalEvent,
} from '../../src/contract/agent';
import { applyAgentEvent, emptyAssistantMessage, foldAgentEvents } from '../../src/contract/agent-message';
import type { OrgType } from '../cases/types';
import { notFound, rateLimited } from '../http/errors';
import type { Log } from '../lib/log';
import { createRunLimit, type RunLimitOptions } from '../lib/rate-limit';
import type { AgentStore, Owner, RunRow } from './agent-store';
import type { Analyst } from './analyst';
import type { ParsedQuery } from './parser';
import { RunTimedOut, runPipeline, type StepError } from './run-pipeline';

type Listener = (event: AgentEvent) => void;

interface LiveRun {
  conversationId: string;
  controller: AbortController;
  listeners: Set<Listener>;
  message: AssistantMessage;
  done: Promise<void>;
  /** Set once the final event is stored; work still winding down after that is not recorded. */
  hasEnded: boolean;
}

interface AgentServiceOptions {
  store: AgentStore;
  analyst: Analyst;
  today: () => string;
  log: Log;
  limits?: RunLimitOptions;
  /** Longest a run may take before it is stopped and reported as timed out. */
  maxRunMs?: number;
}

export interface Asker extends Owner {
  orgType: OrgType;
}

/** A run holds a DuckDB connection and a concurrency slot; one that never ends would lock its asker out. */
const MAX_RUN_MS = 120_000;
/** How long stopped work gets to wind down by itself before the run is ended without it. */
const STOP_GRACE_MS = 2_000;

/** Rejects a little after the signal aborts, so work that ignores the signal cannot keep the run open. */
function afterStop(signal: AbortSignal, timers: Set<NodeJS.Timeout>) {
  return new Promise<never>((_, reject) => {
    signal.addEventListener(
      'abort',
      () => timers.add(setTimeout(() => reject(signal.reason), STOP_GRACE_MS)),
      { once: true },
    );
  });
}

const TITLE_LENGTH = 80;
const titleOf = (question: string) =>
  question.length > TITLE_LENGTH ? `${question.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : question;

export function createAgentService({
  store,
  analyst,
  today,
  log,
  limits,
  maxRunMs = MAX_RUN_MS,
}: AgentServiceOptions) {
  const live = new Map<string, LiveRun>();
  const rateLimit = createRunLimit(limits);

  /** Every event is numbered and stored before any listener sees it, so a replay can never miss one. */
  function emitter(runId: string, run: LiveRun) {
    return (input: AgentEventInput) => {
      if (run.hasEnded) return;
      const event = store.appendEvent(runId, input);
      if (isFinalEvent(event)) run.hasEnded = true;
      run.message = applyAgentEvent(run.message, event);
      for (const listener of run.listeners) listener(event);
    };
  }

  async function execute(row: RunRow, asker: Asker, run: LiveRun) {
    const emit = emitter(row.id, run);
    const started = performance.now();
    const signal = run.controller.signal;
    const timers = new Set<NodeJS.Timeout>();
    timers.add(setTimeout(() => run.controller.abort(new RunTimedOut()), maxRunMs));
    let parsedQuery: ParsedQuery | undefined;
    emit({
      event: 'run.started',
      data: {
        run_id: row.id,
        conversation_id: row.conversation_id,
        message_id: row.message_id,
        question: row.question,
      },
    });
    try {
      const previous = store.previousQuery(asker, row.conversation_id);
      const previousUnanswered = store.lastTurnUnanswered(asker, row.conversation_id);
      const work = runPipeline({
        analyst,
        request: {
          orgId: asker.orgId,
          orgType: asker.orgType,
          question: row.question,
          today: today(),
          ...(previous ? { previous } : {}),
          previousUnanswered,
        },
        emit,
        signal,
      });
      // Once the run has been ended without it, the work's own failure has nobody left to tell.
      work.catch(() => {});
      parsedQuery = await Promise.race([work, afterStop(signal, timers)]);
      signal.throwIfAborted();
      emit({
        event: 'run.completed',
        data: { run_id: row.id, duration_ms: Math.round(performance.now() - started) },
      });
    } catch (error) {
      parsedQuery = undefined;
      if (signal.reason instanceof RunTimedOut) {
        emit({
          event: 'run.failed',
          data: {
            error: 'timeout',
            message: `This answer took longer than ${Math.round(maxRunMs / 1000)} s and was stopped. Ask a narrower question: a shorter window, one procedure or one surgeon.`,
          },
        });
      } else if (signal.aborted) {
        emit({
          event: 'run.failed',
          data: { error: 'cancelled', message: 'Stopped before the answer was finished.' },
        });
      } else {
        log({
          level: 'error',
          event: 'agent_run_failed',
          run_id: row.id,
          error: String((error as StepError).cause ?? error),
        });
        emit({
          event: 'run.failed',
          data: { error: 'internal_error', message: 'Something went wrong while answering. Try again.' },
        });
      }
    } finally {
      for (const timer of timers) clearTimeout(timer);
      store.finishRun(row.id, run.message, parsedQuery);
      live.delete(row.id);
      rateLimit.finish(asker.owner);
    }
  }

  return {
    store,
    examples: (orgId: string, orgType: OrgType) => analyst.examples(orgId, orgType, today()),

    /** Starts a run that goes on whether or not anyone listens; `done` settles when it has ended. */
    start(asker: Asker, question: string, conversationId: string | undefined) {
      const existing = conversationId ? store.findConversation(asker, conversationId) : undefined;
      if (conversationId && !existing) throw notFound('That conversation');
      const retryAfter = rateLimit.acquire(asker.owner);
      if (retryAfter > 0) {
        throw rateLimited(
          retryAfter,
          `You are asking faster than the agent can answer. Try again in ${retryAfter} s.`,
        );
      }
      store.pruneEventsIfDue();
      const conversation = existing ?? store.createConversation(asker, titleOf(question));
      const row = store.createRun(asker, conversation.id, question);
      const run: LiveRun = {
        conversationId: row.conversation_id,
        controller: new AbortController(),
        listeners: new Set(),
        message: emptyAssistantMessage(row.message_id, row.created_at, row.id),
        done: Promise.resolve(),
        hasEnded: false,
      };
      live.set(row.id, run);
      run.done = execute(row, asker, run);
      return { run: row, done: run.done, message: () => run.message };
    },

    /**
     * The events after `after`, then every later one as it happens. Reading the log and registering happen in
     * one synchronous turn, so no event falls between them. `isLive` is false when the run has already ended.
     */
    follow(who: Owner, runId: string, after: number, listener: Listener) {
      const row = store.findRun(who, runId);
      if (!row) throw notFound('That run');
      const backlog = store.eventsAfter(runId, after);
      const run = live.get(runId);
      if (run) run.listeners.add(listener);
      return { backlog, isLive: run !== undefined, stop: () => run?.listeners.delete(listener) };
    },

    /** Throws not found unless the run belongs to this asker. */
    checkRun(who: Owner, runId: string): void {
      if (!store.findRun(who, runId)) throw notFound('That run');
    },

    /** Asks the run to stop; false when it is not running any more. */
    cancel(who: Owner, runId: string): boolean {
      if (!store.findRun(who, runId)) throw notFound('That run');
      const run = live.get(runId);
      run?.controller.abort();
      return run !== undefined;
    },

    /** Stops the conversation's runs, then deletes it with everything it holds. */
    async deleteConversation(who: Owner, conversationId: string): Promise<boolean> {
      if (!store.findConversation(who, conversationId)) return false;
      const pending = [...live.values()]
        .filter((run) => run.conversationId === conversationId)
        .map((run) => {
          run.controller.abort();
          return run.done;
        });
      await Promise.all(pending);
      return store.deleteConversation(who, conversationId);
    },

    /** Closes runs a previous process left unfinished, so their resume streams end. */
    closeInterrupted() {
      for (const row of store.runningRuns()) {
        const event = store.appendEvent(row.id, {
          event: 'run.failed',
          data: {
            error: 'interrupted',
            message: 'The server restarted before this answer was finished. Ask again.',
          },
        });
        const events = store.eventsAfter(row.id, 0);
        store.finishRun(
          row.id,
          foldAgentEvents(emptyAssistantMessage(row.message_id, row.created_at, row.id), events),
          undefined,
        );
        log({ level: 'warn', event: 'agent_run_interrupted', run_id: row.id, last_event: event.id });
      }
    },

    async close() {
      const pending = [...live.values()].map((run) => {
        run.controller.abort();
        return run.done;
      });
      await Promise.all(pending);
    },
  };
}

export type AgentService = ReturnType<typeof createAgentService>;

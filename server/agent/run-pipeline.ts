import { performance } from 'node:perf_hooks';
import type { AgentEventInput, StepFailure } from '../../src/contract/agent';
import { EngineRefusal } from '../cases/types';
import { type Analyst, AnalystRefusal, type AnalystRequest } from './analyst';
import { formatCount } from './format-figure';
import type { ParsedQuery } from './parser';
import { clarificationText, refusalText, suggestionsFor } from './refusal-text';
import { textPieces } from './text-pieces';

type Emit = (input: AgentEventInput) => void;

interface PipelineOptions {
  analyst: Analyst;
  request: AnalystRequest;
  emit: Emit;
  signal: AbortSignal;
}

export class StepError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly code: StepFailure,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** The reason the service aborts a run with on its deadline; a Stop from the asker aborts with none. */
export class RunTimedOut extends Error {
  override name = 'RunTimedOut';
}

const errorCodeOf = (error: unknown, signal: AbortSignal): StepFailure =>
  signal.aborted
    ? signal.reason instanceof RunTimedOut
      ? 'timeout'
      : 'cancelled'
    : error instanceof AnalystRefusal || error instanceof EngineRefusal
      ? 'refused'
      : 'internal_error';

const publicMessageOf = (code: StepFailure, error: unknown) =>
  code === 'cancelled'
    ? 'Stopped at your request.'
    : code === 'timeout'
      ? 'Stopped: this step took too long. Narrow the question, for example with a shorter period.'
      : code === 'refused' && error instanceof Error
        ? error.message
        : 'This step failed unexpectedly.';

/** Runs the work as one numbered step: started, then completed with its duration, or failed. */
function stepRunner(emit: Emit, signal: AbortSignal) {
  let count = 0;
  return async function step<T>(
    kind: 'resolve' | 'plan' | 'query' | 'compute' | 'summarize',
    label: string,
    work: () => Promise<T>,
    detail?: (value: T) => string | undefined,
  ): Promise<T> {
    count += 1;
    const stepId = `step_${count}`;
    emit({ event: 'step.started', data: { step_id: stepId, kind, label } });
    const started = performance.now();
    try {
      signal.throwIfAborted();
      const value = await work();
      signal.throwIfAborted();
      const text = detail?.(value);
      emit({
        event: 'step.completed',
        data: {
          step_id: stepId,
          label,
          ...(text ? { detail: text } : {}),
          duration_ms: Math.round(performance.now() - started),
        },
      });
      return value;
    } catch (error) {
      const code = errorCodeOf(error, signal);
      emit({
        event: 'step.failed',
        data: { step_id: stepId, error: code, message: publicMessageOf(code, error) },
      });
      throw new StepError(error, code);
    }
  };
}

/** Sends the written answer in pieces, yielding between them so each reaches the client as it is produced. */
async function streamText(emit: Emit, text: string, signal: AbortSignal) {
  for (const piece of textPieces(text)) {
    signal.throwIfAborted();
    emit({ event: 'text.delta', data: { delta: piece } });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const WORK_LABELS: Record<ParsedQuery['workflow'], { kind: 'query' | 'compute'; label: string }> = {
  analytics: { kind: 'query', label: 'Querying the cases' },
  dashboard: { kind: 'query', label: 'Summarizing the cases' },
  entity_resolver: { kind: 'query', label: 'Looking up names and codes' },
  predictions: { kind: 'compute', label: 'Estimating from similar cases' },
  simulation: { kind: 'compute', label: 'Simulating the change' },
};

/**
 * Emits a run's events from the first step to the suggestions (the caller adds run.started and the final
 * event). Returns the parsed query when the question was answered, so a follow-up can build on it.
 */
export async function runPipeline({
  analyst,
  request,
  emit,
  signal,
}: PipelineOptions): Promise<ParsedQuery | undefined> {
  const step = stepRunner(emit, signal);
  // The reading goes out once, in the plan event (and the answer's opening line), not as this step's detail too.
  const outcome = await step('resolve', 'Reading the question', () => analyst.read(request, signal));
  if (outcome.kind === 'clarify') {
    // The run ends with the question; the page shows each option as a button that asks again with it.
    emit({
      event: 'clarify',
      data: {
        text: outcome.text,
        question: outcome.message,
        options: outcome.options.map((option) => ({
          kind: option.kind,
          id: option.id,
          name: option.name,
          cases: option.cases ?? 0,
        })),
      },
    });
    await streamText(emit, clarificationText(outcome), signal);
    return undefined;
  }
  if (outcome.kind !== 'query') {
    await streamText(emit, refusalText(outcome.message, outcome.examples), signal);
    emit({ event: 'suggestions', data: { questions: suggestionsFor(outcome, request.question) } });
    return undefined;
  }
  for (const resolution of outcome.resolutions) {
    if (!resolution.best) continue;
    emit({
      event: 'entity.resolved',
      data: {
        text: resolution.text,
        domain: resolution.best.kind,
        id: resolution.best.id,
        name: resolution.best.name,
        score: resolution.best.score,
        alternatives: resolution.alternatives.map(({ kind, ...rest }) => ({ domain: kind, ...rest })),
      },
    });
  }
  emit({
    event: 'plan',
    data: {
      block_id: 'plan_1',
      workflow: outcome.query.workflow,
      plan: outcome.query.plan,
      reading: outcome.reading,
      dates: outcome.dates,
    },
  });
  const work = WORK_LABELS[outcome.query.workflow];
  let answer: Awaited<ReturnType<Analyst['answer']>>;
  try {
    answer = await step(
      work.kind,
      work.label,
      () => analyst.answer(request, outcome, signal),
      (value) => (value.tables[0] ? formatCount(value.tables[0].rowCount, 'row') : undefined),
    );
  } catch (error) {
    if (!(error instanceof StepError) || error.code !== 'refused') throw error;
    const examples = error.cause instanceof AnalystRefusal ? error.cause.examples : [];
    await streamText(emit, refusalText(error.message, examples), signal);
    if (examples.length) emit({ event: 'suggestions', data: { questions: examples.slice(0, 4) } });
    return undefined;
  }
  answer.sql.forEach((text, index) => {
    emit({ event: 'query', data: { block_id: `sql_${index + 1}`, language: 'sql', text } });
  });
  answer.tables.forEach((table, index) => {
    emit({
      event: 'table',
      data: {
        block_id: `table_${index + 1}`,
        title: table.title,
        columns: table.columns,
        rows: table.rows,
        row_count: table.rowCount,
        truncated: table.truncated,
      },
    });
  });
  if (answer.chart && answer.tables[answer.chart.table]) {
    const chart = answer.chart;
    emit({
      event: 'chart',
      data: {
        block_id: 'chart_1',
        title: answer.tables[chart.table]?.title ?? '',
        kind: chart.kind,
        table_block_id: `table_${chart.table + 1}`,
        x: chart.x,
        y: chart.y,
      },
    });
  }
  await step('summarize', 'Writing the answer', () => streamText(emit, answer.summary, signal));
  if (answer.suggestions.length) emit({ event: 'suggestions', data: { questions: answer.suggestions } });
  return outcome.query;
}

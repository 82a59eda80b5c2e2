import { memo, type ReactNode, useMemo, useRef } from 'react';
import { CopyButton } from '../../../components/copy-button';
import type {
  AssistantMessage,
  ChartBlock,
  MessageBlock,
  PlanBlock,
  QueryBlock,
  StepBlock,
  TableBlock,
} from '../../../contract/agent';
import { ClarifyOptions } from './clarify-options';
import { MarkdownAnswer } from './markdown-answer';
import { PlanReading, statesReading } from './plan-reading';
import { ResultBlock } from './result-block';
import { SqlPanel } from './sql-panel';
import { StepTimeline } from './step-timeline';
import { SuggestionChips } from './suggestion-chips';

const ofType = <T extends MessageBlock['type']>(blocks: MessageBlock[], type: T) =>
  blocks.filter((block): block is Extract<MessageBlock, { type: T }> => block.type === type);

/** Extra actions the app adds to a complete answer that has a plan (e.g. pin it to the dashboard). */
export type AnswerActions = (answer: { question: string; plan: PlanBlock }) => ReactNode;

interface Props {
  message: AssistantMessage;
  /** The question this message answers, to ask it again or with a clarification's choice. */
  question: string | null;
  isStreaming: boolean;
  isStopping?: boolean;
  /** Shown in place when the stream broke; what arrived stays on screen. */
  streamError: string | null;
  /** Set when Stop reached the server after the run had finished: the answer shown is the whole one. */
  finishedBeforeStop?: boolean;
  onAsk: (question: string) => void;
  onRetry: (() => void) | null;
  answerActions?: AnswerActions | undefined;
}

/** One answer: steps, what it was read as, results (each table with its chart), the written answer, the SQL. */
export const AssistantMessageView = memo(function AssistantMessageView({
  message,
  question,
  isStreaming,
  isStopping = false,
  streamError,
  finishedBeforeStop = false,
  onAsk,
  onRetry,
  answerActions,
}: Props) {
  const answerRef = useRef<HTMLDivElement>(null);
  // Text deltas leave `blocks` as it was, so everything but the written answer skips re-rendering per delta.
  const { steps, tables, charts, queries, suggestions, entities, plans, clarify } = useMemo(
    () => ({
      steps: ofType(message.blocks, 'step') as StepBlock[],
      tables: ofType(message.blocks, 'table') as (TableBlock & { type: 'table' })[],
      charts: ofType(message.blocks, 'chart') as (ChartBlock & { type: 'chart' })[],
      queries: ofType(message.blocks, 'query') as (QueryBlock & { type: 'query' })[],
      suggestions: ofType(message.blocks, 'suggestions').flatMap((block) => block.questions),
      entities: ofType(message.blocks, 'entity'),
      plans: ofType(message.blocks, 'plan'),
      clarify: ofType(message.blocks, 'clarify').at(-1) ?? null,
    }),
    [message.blocks],
  );
  const failure =
    streamError ?? (message.status === 'failed' ? (message.error?.message ?? 'The answer failed.') : null);
  const isWaiting = isStreaming && message.blocks.length === 0 && !message.content;
  const isSettled = !isStreaming && !isStopping && message.status !== 'running';
  // innerText keeps the line breaks a reader sees; textContent stands in where layout is not available.
  const plainText = () => {
    const element = answerRef.current;
    // biome-ignore lint/performance/useDomNodeTextContent: the plain copy needs the line breaks a reader sees
    return element ? (element.innerText ?? element.textContent ?? '').trim() : message.content;
  };
  return (
    <article className="message assistant" aria-busy={isStreaming} aria-label="Answer">
      {isWaiting && !isStopping && (
        <p className="thinking" role="status">
          <span className="thinking-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          Thinking…
        </p>
      )}
      <StepTimeline steps={steps} />
      {/* The written answer opens with the reading; the block stands in only until it does (or when the
          answer is a refusal that does not repeat it), so the reading shows once. */}
      {!statesReading(message.content) && <PlanReading plans={plans} />}
      {entities.length > 0 && (
        <p className="entities muted">
          Matched{' '}
          {entities.map((entity, index) => (
            <span key={`${entity.text}-${entity.id}`}>
              {index > 0 && ', '}“{entity.text}” → <strong>{entity.name}</strong> ({entity.domain})
            </span>
          ))}
        </p>
      )}
      {tables.map((table) => (
        <ResultBlock
          key={table.block_id}
          table={table}
          chart={charts.find((item) => item.table_block_id === table.block_id)}
        />
      ))}
      <div ref={answerRef}>
        <MarkdownAnswer content={message.content} isStreaming={isStreaming} />
      </div>
      {clarify && (
        <ClarifyOptions clarify={clarify} question={question} onAsk={onAsk} isDisabled={isStreaming} />
      )}
      {isStopping && (
        <p className="muted" role="status">
          Stopping…
        </p>
      )}
      {finishedBeforeStop && message.status === 'complete' && (
        <p className="muted stop-note" role="status">
          The answer had already finished when you pressed Stop, so here it is in full.
        </p>
      )}
      {message.status === 'cancelled' && !failure && (
        <div className="answer-stopped" role="status">
          <p className="muted">Stopped. What arrived before the stop is kept above.</p>
          {onRetry && (
            <button type="button" className="button small" onClick={onRetry}>
              Retry
            </button>
          )}
        </div>
      )}
      {failure && (
        <div className="answer-error" role="alert">
          <p>{failure}</p>
          {onRetry && (
            <button type="button" className="button small" onClick={onRetry}>
              Retry
            </button>
          )}
        </div>
      )}
      {answerActions &&
        question &&
        message.status === 'complete' &&
        plans[0] &&
        answerActions({ question, plan: plans[0] })}
      <SqlPanel queries={queries} />
      {isSettled && message.status === 'complete' && (message.content || tables.length > 0) && (
        <div className="answer-actions">
          {message.content && (
            <>
              <CopyButton text={() => message.content} label="Copy answer as Markdown">
                Copy answer
              </CopyButton>
              <CopyButton text={plainText}>Copy as text</CopyButton>
            </>
          )}
          {question && (
            <button type="button" className="button subtle small" onClick={() => onAsk(question)}>
              Ask again
            </button>
          )}
        </div>
      )}
      <SuggestionChips questions={suggestions} onAsk={onAsk} isDisabled={isStreaming} />
    </article>
  );
});

import { memo, type ReactNode, useMemo } from 'react';
import type {
  AssistantMessage,
  ChartBlock,
  MessageBlock,
  PlanBlock,
  QueryBlock,
  StepBlock,
  TableBlock,
} from '../../../contract/agent';
import { ChartView } from './chart-view';
import { MarkdownAnswer } from './markdown-answer';
import { ResultTable } from './result-table';
import { SqlPanel } from './sql-panel';
import { StepTimeline } from './step-timeline';
import { SuggestionChips } from './suggestion-chips';

const ofType = <T extends MessageBlock['type']>(blocks: MessageBlock[], type: T) =>
  blocks.filter((block): block is Extract<MessageBlock, { type: T }> => block.type === type);

/** Extra actions the app adds to a complete answer that has a plan (e.g. pin it to the dashboard). */
export type AnswerActions = (answer: { question: string; plan: PlanBlock }) => ReactNode;

interface Props {
  message: AssistantMessage;
  isStreaming: boolean;
  /** Shown in place when the stream broke; what arrived stays on screen. */
  streamError: string | null;
  onAsk: (question: string) => void;
  onRetry: (() => void) | null;
  /** The question this answers, for `answerActions`. */
  question?: string | null;
  answerActions?: AnswerActions | undefined;
}

/** One answer: steps, results (each table with its chart), the written answer, the SQL and follow-ups. */
export const AssistantMessageView = memo(function AssistantMessageView({
  message,
  isStreaming,
  streamError,
  onAsk,
  onRetry,
  question = null,
  answerActions,
}: Props) {
  // Text deltas leave `blocks` as it was, so everything but the written answer skips re-rendering per delta.
  const { steps, tables, charts, queries, suggestions, entities, plan } = useMemo(
    () => ({
      steps: ofType(message.blocks, 'step') as StepBlock[],
      tables: ofType(message.blocks, 'table') as (TableBlock & { type: 'table' })[],
      charts: ofType(message.blocks, 'chart') as (ChartBlock & { type: 'chart' })[],
      queries: ofType(message.blocks, 'query') as (QueryBlock & { type: 'query' })[],
      suggestions: ofType(message.blocks, 'suggestions').flatMap((block) => block.questions),
      entities: ofType(message.blocks, 'entity'),
      plan: ofType(message.blocks, 'plan').map(({ type: _type, ...block }) => block as PlanBlock)[0],
    }),
    [message.blocks],
  );
  const failure =
    streamError ?? (message.status === 'failed' ? (message.error?.message ?? 'The answer failed.') : null);
  return (
    <article className="message assistant" aria-busy={isStreaming} aria-label="Answer">
      <StepTimeline steps={steps} />
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
      {tables.map((table) => {
        const chart = charts.find((item) => item.table_block_id === table.block_id);
        return chart ? (
          <ChartView key={table.block_id} chart={chart} table={table} />
        ) : (
          <ResultTable key={table.block_id} table={table} />
        );
      })}
      <MarkdownAnswer content={message.content} isStreaming={isStreaming} />
      {message.status === 'cancelled' && !failure && (
        <div className="answer-stopped">
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
        plan &&
        answerActions({ question, plan })}
      <SqlPanel queries={queries} />
      <SuggestionChips questions={suggestions} onAsk={onAsk} isDisabled={isStreaming} />
    </article>
  );
});

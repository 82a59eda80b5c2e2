import type { ReactNode } from 'react';
import type { AssistantMessage, Message } from '../../../contract/agent';
import { useConversation } from '../api/get-conversation';
import { type LiveRun, useLiveRun } from '../live-run-store';
import { type AnswerActions, AssistantMessageView } from './assistant-message';

interface Props {
  conversationId: string | null;
  onAsk: (question: string) => void;
  answerActions?: AnswerActions | undefined;
  /** Puts a question back into the question box to change it and ask again as a new message. */
  onEdit: (question: string) => void;
}

/**
 * The live answer replaces its stored copy until the stored one has ended; from then on the stored copy is
 * the truth (after a Stop, it says whether the server cancelled the run or had finished it).
 */
function prefersLive(stored: Message, live: LiveRun | null): boolean {
  return (
    live !== null &&
    stored.id === live.message.id &&
    (live.phase === 'streaming' || live.phase === 'stopping' || stored.status === 'running')
  );
}

function UserMessage({ text, onEdit }: { text: string; onEdit: (question: string) => void }) {
  return (
    <div className="message user" data-question="">
      <button
        type="button"
        className="button subtle small edit-question"
        aria-label={`Edit question: ${text}`}
        onClick={() => onEdit(text)}
      >
        Edit
      </button>
      <p className="message-text">{text}</p>
    </div>
  );
}

/** A question and its answer; the last one is at least a view high so its question can sit at the top. */
function Turn({ isLast, children }: { isLast: boolean; children: ReactNode }) {
  return <div className={isLast ? 'turn turn-last' : 'turn'}>{children}</div>;
}

export function MessageThread({ conversationId, onAsk, onEdit, answerActions }: Props) {
  const conversation = useConversation(conversationId);
  const live = useLiveRun((state) => state.run);
  const previous = useLiveRun((state) => state.previous);
  const isLiveHere =
    live !== null && (live.conversationId === conversationId || live.conversationId === null);
  const liveRun = isLiveHere ? live : null;
  const messages = conversation.data?.messages ?? [];
  const hasLiveCopy = liveRun !== null && messages.some((message) => message.id === liveRun.message.id);
  const lastAssistant = [...messages].reverse().find((message) => message.role === 'assistant');

  // Turns: each question with the answers that follow it.
  const turns: { question: Message | null; answers: { message: Message; index: number }[] }[] = [];
  messages.forEach((message, index) => {
    if (message.role === 'user' || turns.length === 0)
      turns.push({ question: message.role === 'user' ? message : null, answers: [] });
    if (message.role === 'assistant') turns.at(-1)?.answers.push({ message, index });
  });
  const showLiveTurn = liveRun !== null && !hasLiveCopy;
  const settled = previous !== null && previous.conversationId === conversationId ? previous : null;
  // The completed answer a follow-up replaced, while this conversation is still loading or its loaded copy
  // lacks it (or its end).
  const showSettledTurn = settled !== null && !messages.some((message) => message.id === settled.message.id);

  const answerView = (message: Message, question: string | null) => {
    const isLive = prefersLive(message, liveRun);
    const isSettledLater = settled?.message.id === message.id && message.status === 'running';
    const shown = (
      isLive && liveRun ? liveRun.message : isSettledLater && settled ? settled.message : message
    ) as AssistantMessage;
    const isLast = message.id === lastAssistant?.id;
    const canRetry =
      isLast &&
      (shown.status === 'failed' || shown.status === 'cancelled' || (isLive && liveRun?.phase === 'failed'));
    const isThisRun = liveRun?.message.id === message.id;
    return (
      <AssistantMessageView
        key={message.id}
        message={shown}
        question={question}
        isStreaming={isLive && liveRun?.phase === 'streaming'}
        isStopping={isLive && liveRun?.phase === 'stopping'}
        streamError={isLive ? (liveRun?.phase === 'failed' ? liveRun.error : null) : null}
        finishedBeforeStop={isThisRun && liveRun?.stopOutcome === 'finished'}
        onAsk={onAsk}
        onRetry={canRetry && question ? () => onAsk(question) : null}
        answerActions={answerActions}
      />
    );
  };

  // Every turn has the same shape and is keyed by its answer's id, so when the live or settled copy gives way to
  // the stored one the answer stays mounted: a remount would lay out its chart afresh, shrink it for a moment
  // and let the browser move the anchored question.
  const turnViews = turns.map((turn, turnIndex) => ({
    key: turn.answers[0]?.message.id ?? turn.question?.id ?? 'start',
    isLast: !showLiveTurn && turnIndex === turns.length - 1,
    question: turn.question?.content ?? null,
    answers: turn.answers.map(({ message }) => answerView(message, turn.question?.content ?? null)),
    isReconnecting: false,
  }));
  if (showSettledTurn && settled)
    turnViews.push({
      key: settled.message.id,
      isLast: false,
      question: settled.question,
      answers: [
        <AssistantMessageView
          key={settled.message.id}
          message={settled.message}
          question={settled.question}
          isStreaming={false}
          isStopping={false}
          streamError={null}
          finishedBeforeStop={false}
          onAsk={onAsk}
          onRetry={null}
          answerActions={answerActions}
        />,
      ],
      isReconnecting: false,
    });
  if (showLiveTurn && liveRun)
    turnViews.push({
      key: liveRun.message.id,
      isLast: true,
      question: liveRun.question,
      answers: [
        <AssistantMessageView
          key={liveRun.message.id}
          message={liveRun.message}
          question={liveRun.question}
          isStreaming={liveRun.phase === 'streaming'}
          isStopping={liveRun.phase === 'stopping'}
          streamError={liveRun.phase === 'failed' ? liveRun.error : null}
          finishedBeforeStop={liveRun.stopOutcome === 'finished'}
          onAsk={onAsk}
          onRetry={
            liveRun.phase === 'failed' || liveRun.phase === 'stopped' ? () => onAsk(liveRun.question) : null
          }
          answerActions={answerActions}
        />,
      ],
      isReconnecting: liveRun.isReconnecting,
    });

  return (
    <>
      {conversation.isError && (
        <p className="answer-error" role="alert">
          This conversation could not be loaded.
        </p>
      )}
      {turnViews.map((turn) => (
        <Turn key={turn.key} isLast={turn.isLast}>
          {turn.question !== null && <UserMessage text={turn.question} onEdit={onEdit} />}
          {turn.answers}
          {turn.isReconnecting && (
            <p className="muted" role="status">
              Connection lost. Reconnecting…
            </p>
          )}
        </Turn>
      ))}
      {liveRun?.isReconnecting && hasLiveCopy && (
        <p className="muted" role="status">
          Connection lost. Reconnecting…
        </p>
      )}
    </>
  );
}

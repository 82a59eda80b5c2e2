import type { AssistantMessage, Message } from '../../../contract/agent';
import { useConversation } from '../api/get-conversation';
import { type LiveRun, useLiveRun } from '../live-run-store';
import type { AnswerActions } from './assistant-message';
import { AssistantMessageView } from './assistant-message';

interface Props {
  conversationId: string | null;
  onAsk: (question: string) => void;
  answerActions?: AnswerActions | undefined;
}

/** The live answer replaces its stored copy until the stored one has caught up. */
function prefersLive(stored: Message, live: LiveRun | null): boolean {
  return (
    live !== null && stored.id === live.message.id && (live.phase !== 'done' || stored.status === 'running')
  );
}

function UserMessage({ text }: { text: string }) {
  return (
    <div className="message user">
      <p className="message-text">{text}</p>
    </div>
  );
}

export function MessageThread({ conversationId, onAsk, answerActions }: Props) {
  const conversation = useConversation(conversationId);
  const live = useLiveRun((state) => state.run);
  const isLiveHere =
    live !== null && (live.conversationId === conversationId || live.conversationId === null);
  const liveRun = isLiveHere ? live : null;
  const messages = conversation.data?.messages ?? [];
  const hasLiveCopy = liveRun !== null && messages.some((message) => message.id === liveRun.message.id);
  const lastAssistant = [...messages].reverse().find((message) => message.role === 'assistant');

  const questionBefore = (index: number) =>
    [...messages.slice(0, index)].reverse().find((message) => message.role === 'user')?.content ?? null;
  const retryOf = (question: string | null) => (question ? () => onAsk(question) : null);

  return (
    <>
      {conversation.isError && (
        <p className="answer-error" role="alert">
          This conversation could not be loaded.
        </p>
      )}
      {messages.map((message, index) => {
        if (message.role === 'user') return <UserMessage key={message.id} text={message.content} />;
        const isLive = prefersLive(message, liveRun);
        const shown = (isLive && liveRun ? liveRun.message : message) as AssistantMessage;
        const isLast = message.id === lastAssistant?.id;
        const canRetry =
          isLast &&
          (shown.status === 'failed' ||
            shown.status === 'cancelled' ||
            (isLive && liveRun?.phase === 'failed'));
        return (
          <AssistantMessageView
            key={message.id}
            message={shown}
            isStreaming={isLive && liveRun?.phase === 'streaming'}
            streamError={isLive ? (liveRun?.phase === 'failed' ? liveRun.error : null) : null}
            onAsk={onAsk}
            onRetry={canRetry ? retryOf(questionBefore(index)) : null}
            question={questionBefore(index)}
            answerActions={answerActions}
          />
        );
      })}
      {liveRun && !hasLiveCopy && (
        <>
          <UserMessage text={liveRun.question} />
          <AssistantMessageView
            message={liveRun.message}
            isStreaming={liveRun.phase === 'streaming'}
            streamError={liveRun.phase === 'failed' ? liveRun.error : null}
            onAsk={onAsk}
            onRetry={
              liveRun.phase === 'failed' || liveRun.phase === 'stopped' ? () => onAsk(liveRun.question) : null
            }
            question={liveRun.question}
            answerActions={answerActions}
          />
        </>
      )}
      {liveRun?.isReconnecting && (
        <p className="muted" role="status">
          Connection lost. Reconnecting…
        </p>
      )}
    </>
  );
}

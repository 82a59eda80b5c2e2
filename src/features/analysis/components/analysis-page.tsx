import '../analysis.css';
import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { PlanBlock } from '../../../contract/agent';
import { useConversation } from '../api/get-conversation';
import { useLiveRun } from '../live-run-store';
import { useAsk, useStopReadingOnLeave } from '../use-ask';
import { useAutoScroll } from '../use-auto-scroll';
import type { AnswerActions } from './assistant-message';
import { Composer } from './composer';
import { ConversationList } from './conversation-list';
import { EmptyState } from './empty-state';
import { MessageThread } from './message-thread';

/** What an answer offers besides its own controls (the app adds "Pin to dashboard"). */
export interface AnswerActionsProps {
  question: string;
  plan: PlanBlock;
}

interface Props {
  /** A question to ask at once in a new conversation (a dashboard card's "Open in Analysis"). */
  askOnOpen?: string | null;
  onAskedOnOpen?: () => void;
  answerActions?: AnswerActions;
}

/** The chat: history beside the thread, the composer under it. The open conversation is in the URL (?c=). */
export function AnalysisPage({ askOnOpen = null, onAskedOnOpen, answerActions }: Props = {}) {
  const [params, setParams] = useSearchParams();
  const conversationId = params.get('c');
  const openConversation = useCallback(
    (id: string | null, replace = false) => setParams(id ? { c: id } : {}, { replace }),
    [setParams],
  );
  const { ask, stop, detach } = useAsk(
    useCallback(
      (id: string) =>
        setParams((current) => (current.get('c') === id ? current : { c: id }), { replace: true }),
      [setParams],
    ),
  );
  useStopReadingOnLeave();
  const isStreaming = useLiveRun((state) => state.run?.phase === 'streaming');
  const hasLive = useLiveRun((state) => state.run !== null);
  const conversation = useConversation(conversationId);
  const scroll = useAutoScroll<HTMLDivElement>();

  const { pin } = scroll;
  const send = useCallback(
    (question: string) => {
      pin(true);
      void ask(question, conversationId);
    },
    [pin, ask, conversationId],
  );
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!askOnOpen || asked.current === askOnOpen) return;
    asked.current = askOnOpen;
    detach();
    pin(true);
    void ask(askOnOpen, null);
    onAskedOnOpen?.();
  }, [askOnOpen, ask, detach, pin, onAskedOnOpen]);
  const switchTo = (id: string | null) => {
    detach();
    openConversation(id);
  };
  const isEmpty = !conversationId && !hasLive;

  return (
    <div className="analysis-layout">
      <ConversationList
        activeId={conversationId}
        onOpen={(id) => switchTo(id)}
        onNew={() => switchTo(null)}
      />
      <section className="chat" aria-label="Chat">
        <h2 className="visually-hidden">{conversation.data?.title ?? 'New conversation'}</h2>
        <div className="thread" ref={scroll.ref} role="log" aria-live="off">
          <div ref={scroll.contentRef}>
            {isEmpty ? (
              <EmptyState onAsk={send} />
            ) : (
              <MessageThread conversationId={conversationId} onAsk={send} answerActions={answerActions} />
            )}
          </div>
        </div>
        {!scroll.isPinned && !isEmpty && (
          <button type="button" className="button small jump-to-latest" onClick={scroll.jumpToLatest}>
            Jump to latest ↓
          </button>
        )}
        <Composer isStreaming={isStreaming} onSend={send} onStop={() => void stop()} />
      </section>
    </div>
  );
}

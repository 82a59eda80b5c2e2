import '../analysis.css';
import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { PlanBlock } from '../../../contract/agent';
import { useConversation } from '../api/get-conversation';
import { useLiveRun } from '../live-run-store';
import { useAsk, useStopReadingOnLeave } from '../use-ask';
import { useAutoScroll } from '../use-auto-scroll';
import type { AnswerActions } from './assistant-message';
import { Composer, type ComposerHandle } from './composer';
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

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The chat: history beside the thread, the composer under it. The open conversation is in the URL (?c=). */
export function AnalysisPage({ askOnOpen = null, onAskedOnOpen, answerActions }: Props = {}) {
  const [params, setParams] = useSearchParams();
  const conversationId = params.get('c');
  const composer = useRef<ComposerHandle>(null);
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
  const phase = useLiveRun((state) => state.run?.phase);
  const isStreaming = phase === 'streaming';
  const hasLive = useLiveRun((state) => state.run !== null);
  const conversation = useConversation(conversationId);
  const scroll = useAutoScroll<HTMLDivElement>();

  const { anchorLastQuestion } = scroll;
  const send = useCallback(
    (question: string) => {
      anchorLastQuestion();
      // A chip or Retry button that started this is disabled while the answer streams; the box keeps focus.
      composer.current?.focus();
      void ask(question, conversationId);
    },
    [anchorLastQuestion, ask, conversationId],
  );
  const stopAnswer = useCallback(() => {
    composer.current?.focus();
    void stop();
  }, [stop]);
  const edit = useCallback((question: string) => composer.current?.setDraft(question), []);
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!askOnOpen || asked.current === askOnOpen) return;
    asked.current = askOnOpen;
    detach();
    anchorLastQuestion();
    void ask(askOnOpen, null);
    onAskedOnOpen?.();
  }, [askOnOpen, ask, detach, anchorLastQuestion, onAskedOnOpen]);
  const switchTo = (id: string | null) => {
    detach();
    scroll.pin(true);
    openConversation(id);
  };
  const isEmpty = !conversationId && !hasLive;

  // Escape stops a running answer from anywhere on the page; "/" goes to the question box, as in most apps.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape' && useLiveRun.getState().run?.phase === 'streaming') {
        event.preventDefault();
        stopAnswer();
      } else if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        composer.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [stopAnswer]);

  // Arriving on the page (after sign-in, from the menu) puts the cursor in the question box, unless the
  // reader is already somewhere.
  useEffect(() => {
    const active = document.activeElement;
    // The shell puts focus on the page's content (main) when nothing holds it; here the box is that place.
    if (active === null || active === document.body || active.id === 'main') composer.current?.focus();
  }, []);

  return (
    <div className="analysis-layout">
      <ConversationList
        activeId={conversationId}
        onOpen={(id) => switchTo(id)}
        onNew={() => switchTo(null)}
        onFocusQuestion={() => composer.current?.focus()}
      />
      <section className="chat" aria-label="Chat">
        <h2 className="visually-hidden">{conversation.data?.title ?? 'New conversation'}</h2>
        <div className="thread" ref={scroll.ref} role="log" aria-live="off">
          <div ref={scroll.contentRef} className="thread-content">
            {isEmpty ? (
              <EmptyState onAsk={send} />
            ) : (
              <MessageThread
                conversationId={conversationId}
                onAsk={send}
                onEdit={edit}
                answerActions={answerActions}
              />
            )}
          </div>
        </div>
        {!scroll.isPinned && scroll.hasMoreBelow && !isEmpty && (
          <button type="button" className="button small jump-to-latest" onClick={scroll.jumpToLatest}>
            Jump to latest ↓
          </button>
        )}
        <Composer
          ref={composer}
          isStreaming={isStreaming}
          isStopping={phase === 'stopping'}
          onSend={send}
          onStop={stopAnswer}
        />
      </section>
    </div>
  );
}

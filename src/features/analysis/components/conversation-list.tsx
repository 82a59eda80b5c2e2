import { useId, useRef, useState } from 'react';
import { formatRecent } from '../../../lib/format-date';
import { useDeleteConversation } from '../api/delete-conversation';
import { useConversations } from '../api/list-conversations';
import { useUndoableDelete } from '../use-undoable-delete';

interface Props {
  activeId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
  /** Where focus goes when the list has nothing left to hold it. */
  onFocusQuestion?: () => void;
}

/** The history: titles in full (they wrap), paged without limit, deleted with an Undo. */
export function ConversationList({ activeId, onOpen, onNew, onFocusQuestion }: Props) {
  const conversations = useConversations();
  const remove = useDeleteConversation();
  const list = useRef<HTMLUListElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const { pending, schedule, undo } = useUndoableDelete((id) => remove.mutate(id));
  // On a phone the history folds away so the conversation and its question box fill the screen.
  const [isOpen, setOpen] = useState(false);
  const bodyId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  // On a phone, opening a conversation folds the history away; focus moves to its toggle rather than vanish.
  const fold = () => {
    if (!isOpen) return;
    setOpen(false);
    if (toggle.current?.offsetParent && document.activeElement?.closest('.history-body'))
      toggle.current.focus();
  };
  const items = (conversations.data?.pages.flatMap((page) => page.results) ?? []).filter(
    (conversation) => conversation.id !== pending?.id,
  );

  const focusOpenButton = (id: string) =>
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>(`[data-conversation="${CSS.escape(id)}"]`)?.focus(),
    );

  const onDelete = (id: string, title: string) => {
    const index = items.findIndex((conversation) => conversation.id === id);
    const next = items[index + 1] ?? items[index - 1];
    schedule(id, title);
    if (id === activeId) onNew();
    // Focus stays in the list: on the next conversation, or on New conversation when none is left.
    if (next) focusOpenButton(next.id);
    else requestAnimationFrame(() => (newButton.current ? newButton.current.focus() : onFocusQuestion?.()));
  };

  const onUndo = () => {
    const restored = undo();
    if (!restored) return;
    focusOpenButton(restored.id);
  };

  return (
    <nav className="conversation-list" aria-label="Conversations" data-open={isOpen}>
      <div className="history-bar">
        <button
          ref={newButton}
          type="button"
          className="button primary new-conversation"
          onClick={() => {
            fold();
            onNew();
          }}
        >
          New conversation
        </button>
        <button
          ref={toggle}
          type="button"
          className="button history-toggle"
          aria-expanded={isOpen}
          aria-controls={bodyId}
          onClick={() => setOpen((open) => !open)}
        >
          History
        </button>
      </div>
      <div className="history-body" id={bodyId}>
        {conversations.isPending && (
          <p className="muted conversation-note" role="status">
            Loading your conversations…
          </p>
        )}
        {conversations.isError && (
          <p className="muted conversation-note">Your conversations could not be loaded.</p>
        )}
        {conversations.isSuccess && items.length === 0 && (
          <p className="muted conversation-note">Your questions and their answers will be kept here.</p>
        )}
        <ul ref={list}>
          {items.map((conversation) => (
            <li key={conversation.id} className={conversation.id === activeId ? 'active' : undefined}>
              <button
                type="button"
                className="conversation-open"
                data-conversation={conversation.id}
                aria-current={conversation.id === activeId ? 'page' : undefined}
                onClick={() => {
                  setOpen(false);
                  onOpen(conversation.id);
                }}
              >
                <span className="conversation-title">{conversation.title}</span>
                <span className="conversation-time">{formatRecent(conversation.updated_at)}</span>
              </button>
              <button
                type="button"
                className="conversation-delete"
                aria-label={`Delete conversation: ${conversation.title}`}
                title="Delete"
                onClick={() => onDelete(conversation.id, conversation.title)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
        {conversations.hasNextPage && (
          <button
            type="button"
            className="button subtle small show-older"
            disabled={conversations.isFetchingNextPage}
            onClick={() => void conversations.fetchNextPage()}
          >
            {conversations.isFetchingNextPage ? 'Loading…' : 'Show older conversations'}
          </button>
        )}
      </div>
      <div className="undo-toast-region" role="status" aria-live="polite">
        {pending && (
          <div className="undo-toast">
            <span>
              Deleted “<span className="undo-title">{pending.title}</span>”.
            </span>
            <button type="button" className="button small" onClick={onUndo}>
              Undo
            </button>
          </div>
        )}
      </div>
    </nav>
  );
}

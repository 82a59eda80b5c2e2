import { useDeleteConversation } from '../api/delete-conversation';
import { useConversations } from '../api/list-conversations';

const shortTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

interface Props {
  activeId: string | null;
  onOpen: (id: string) => void;
  onNew: () => void;
}

export function ConversationList({ activeId, onOpen, onNew }: Props) {
  const conversations = useConversations();
  const remove = useDeleteConversation();
  return (
    <nav className="conversation-list" aria-label="Conversations">
      <button type="button" className="button primary new-conversation" onClick={onNew}>
        New conversation
      </button>
      {conversations.isPending && (
        <p className="muted conversation-note" role="status">
          Loading your conversations…
        </p>
      )}
      {conversations.isError && (
        <p className="muted conversation-note">Your conversations could not be loaded.</p>
      )}
      {conversations.data?.results.length === 0 && (
        <p className="muted conversation-note">Your questions and their answers will be kept here.</p>
      )}
      <ul>
        {conversations.data?.results.map((conversation) => (
          <li key={conversation.id} className={conversation.id === activeId ? 'active' : undefined}>
            <button
              type="button"
              className="conversation-open"
              aria-current={conversation.id === activeId ? 'page' : undefined}
              onClick={() => onOpen(conversation.id)}
              title={conversation.title}
            >
              <span className="conversation-title">{conversation.title}</span>
              <span className="conversation-time">{shortTime.format(new Date(conversation.updated_at))}</span>
            </button>
            <button
              type="button"
              className="conversation-delete"
              aria-label={`Delete conversation: ${conversation.title}`}
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(conversation.id, {
                  onSuccess: () => {
                    if (conversation.id === activeId) onNew();
                  },
                })
              }
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

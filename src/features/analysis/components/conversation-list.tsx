import { useDeleteConversation } from '../api/delete-conversation';
import { useConversations } from '../api/list-conversations';

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
      {conversations.isPending && <p className="muted">Loading history…</p>}
      {conversations.data?.results.length === 0 && <p className="muted">No conversations yet.</p>}
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
              {conversation.title}
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
              ×
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

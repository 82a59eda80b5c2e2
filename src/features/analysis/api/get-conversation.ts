import { queryOptions, useQuery } from '@tanstack/react-query';
import { Conversation } from '../../../contract/agent';
import { api } from '../../../lib/api-client';

export const conversationQuery = (id: string) =>
  queryOptions({
    queryKey: ['agent', 'conversation', id],
    queryFn: ({ signal }) =>
      api.get(`/agent/conversations/${encodeURIComponent(id)}/`, { schema: Conversation, signal }),
  });

export function useConversation(id: string | null) {
  return useQuery({ ...conversationQuery(id ?? ''), enabled: id !== null });
}

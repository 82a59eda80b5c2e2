import { queryOptions, useQuery } from '@tanstack/react-query';
import { ConversationList } from '../../../contract/agent';
import { api } from '../../../lib/api-client';

export const conversationsQuery = () =>
  queryOptions({
    queryKey: ['agent', 'conversations'],
    queryFn: ({ signal }) => api.get('/agent/conversations/?limit=50', { schema: ConversationList, signal }),
  });

export function useConversations() {
  return useQuery(conversationsQuery());
}

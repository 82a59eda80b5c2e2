import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { conversationQuery } from './get-conversation';
import { conversationsQuery } from './list-conversations';

const deleteConversation = (id: string) => api.delete(`/agent/conversations/${encodeURIComponent(id)}/`);

export function useDeleteConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteConversation,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: conversationQuery(id).queryKey });
      return queryClient.invalidateQueries({ queryKey: conversationsQuery().queryKey });
    },
  });
}

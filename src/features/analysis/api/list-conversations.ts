import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { ConversationList } from '../../../contract/agent';
import { api } from '../../../lib/api-client';

const PAGE = 50;

/** The history, newest first, a page at a time: older conversations are one "Show older" away, never cut off. */
export const conversationsQuery = () =>
  infiniteQueryOptions({
    queryKey: ['agent', 'conversations'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get(
        `/agent/conversations/?limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        { schema: ConversationList, signal },
      ),
    getNextPageParam: (page) => page.next_cursor,
  });

export function useConversations() {
  return useInfiniteQuery(conversationsQuery());
}

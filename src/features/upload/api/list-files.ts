import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { FilePage, isFileInFlight, type StoredFile } from '../../../contract/files';
import { api } from '../../../lib/api-client';

const PAGE_SIZE = 50;

export const filesQuery = () =>
  infiniteQueryOptions({
    queryKey: ['files'],
    queryFn: ({ pageParam, signal }) =>
      api.get(`/files/?limit=${PAGE_SIZE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, {
        schema: FilePage,
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });

const hasWorkInFlight = (files: StoredFile[]) => files.some((file) => isFileInFlight(file));

/**
 * The organization's files, newest first, a page at a time ("Show older files" loads the next);
 * polled every 2 s while an upload or an ingestion is still running.
 */
export function useFiles() {
  const query = useInfiniteQuery({
    ...filesQuery(),
    select: (data) => data.pages.flatMap((page) => page.results),
    refetchInterval: (current) =>
      hasWorkInFlight(current.state.data?.pages.flatMap((page) => page.results) ?? []) ? 2000 : false,
  });
  return query;
}

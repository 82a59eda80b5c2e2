import { queryOptions, useQuery } from '@tanstack/react-query';
import { FilePage, isFileInFlight } from '../../../contract/files';
import { api } from '../../../lib/api-client';

const FILES_SHOWN = 100;

export const filesQuery = () =>
  queryOptions({
    queryKey: ['files'],
    queryFn: ({ signal }) => api.get(`/files/?limit=${FILES_SHOWN}`, { schema: FilePage, signal }),
  });

const hasWorkInFlight = (page: FilePage | undefined) =>
  page?.results.some((file) => isFileInFlight(file)) ?? false;

/** The organization's latest files; polled every 2 s while an upload or an ingestion is still running. */
export function useFiles() {
  return useQuery({
    ...filesQuery(),
    refetchInterval: (query) => (hasWorkInFlight(query.state.data) ? 2000 : false),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { AgentExamples } from '../../../contract/agent';
import { api } from '../../../lib/api-client';

export const examplesQuery = () =>
  queryOptions({
    queryKey: ['agent', 'examples'],
    queryFn: ({ signal }) => api.get('/agent/examples/', { schema: AgentExamples, signal }),
    staleTime: 10 * 60_000,
  });

export function useExamples() {
  return useQuery(examplesQuery());
}

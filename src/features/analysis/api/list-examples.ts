import { queryOptions, useQuery } from '@tanstack/react-query';
import { AgentExamples } from '../../../contract/agent';
import { api } from '../../../lib/api-client';

const examplesQuery = () =>
  queryOptions({
    queryKey: ['agent', 'examples'],
    queryFn: ({ signal }) => api.get('/agent/examples/', { schema: AgentExamples, signal }),
    // Examples come from the organization's data, which an upload just changed: fetched fresh on every visit.
    staleTime: 0,
  });

export function useExamples() {
  return useQuery(examplesQuery());
}

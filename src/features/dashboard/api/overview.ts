import { queryOptions, useQuery } from '@tanstack/react-query';
import { Overview } from '../../../contract/dashboard';
import { api } from '../../../lib/api-client';

const overviewQuery = () =>
  queryOptions({
    queryKey: ['dashboard', 'overview'],
    queryFn: ({ signal }) => api.get('/dashboard/overview/', { schema: Overview, signal }),
    // The server keeps it per data version; asking again on each visit costs nothing and picks up new data.
    staleTime: 0,
  });

export const useOverview = () => useQuery(overviewQuery());

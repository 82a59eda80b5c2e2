import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiKeyList } from '../../../contract/keys';
import { api } from '../../../lib/api-client';

/** An organization holds a handful of keys; one page of the newest 200 is all this page ever needs. */
export const API_KEYS_PAGE = 200;

const apiKeysQuery = () =>
  queryOptions({
    queryKey: ['api-keys'],
    queryFn: ({ signal }) => api.get(`/api-keys/?limit=${API_KEYS_PAGE}`, { schema: ApiKeyList, signal }),
  });

export const useApiKeys = () => useQuery(apiKeysQuery());

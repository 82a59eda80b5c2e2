import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError | Error;
    mutationMeta: { handlesOwnErrors?: boolean };
  }
}

/**
 * One place decides what a failed request means for the user: every failure is reported to `onError`
 * (the app shows it), unless the mutation shows its own error in place.
 */
export function createQueryClient(onError: (error: unknown) => void) {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.handlesOwnErrors) onError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // 4xx answers will not change on a retry; network and 5xx failures may.
        retry: (count, error) =>
          count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
    },
  });
}

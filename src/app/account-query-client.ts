import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useSession } from '../features/auth/session-store';

/**
 * One query cache per signed-in account: when the session ends for any reason (sign-out, expiry, revocation)
 * or another account signs in on the same tab, the old cache is dropped and a fresh one starts, so no answer
 * of one account (even one still in flight) can show up for the next.
 */
export function useAccountQueryClient(create: () => QueryClient): QueryClient {
  const account = useSession((state) =>
    state.user ? `${state.user.organization.id}/${state.user.id}` : null,
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new cache per account is the point.
  const client = useMemo(create, [account]);
  useEffect(() => () => client.clear(), [client]);
  return client;
}

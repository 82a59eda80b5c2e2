import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { signOutRequest } from '../api/session-api';
import { useSession } from '../session-store';

/** Ends the session here at once; telling the server is best effort so sign-out works offline too. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(
    (reason: 'signed_out' | 'idle' = 'signed_out') => {
      void signOutRequest().catch(() => undefined);
      useSession.getState().end(reason);
      queryClient.clear();
    },
    [queryClient],
  );
}

import { useMutation } from '@tanstack/react-query';
import { signInRequest } from '../api/session-api';
import { useSession } from '../session-store';

export function useSignIn() {
  return useMutation({
    mutationFn: signInRequest,
    meta: { handlesOwnErrors: true },
    onSuccess: (session) => useSession.getState().start(session),
  });
}

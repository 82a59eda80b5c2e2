import * as z from 'zod/mini';
import { type LoginRequest, Session } from '../../../contract/auth';
import { ApiError, type AuthBridge, api } from '../../../lib/api-client';
import { useSession } from '../session-store';

export const signInRequest = (body: LoginRequest) =>
  api.post('/auth/login/', body, { schema: Session, withSession: false });

export const signOutRequest = () => api.post('/auth/logout/', undefined, { withSession: false });

let inFlight: Promise<string | null> | null = null;

const endAs = (reason: 'expired' | 'signed_out') => useSession.getState().end(reason);

/**
 * Exchanges the refresh cookie for a new access token. Single-flight: the rotated cookie may be used only
 * once, so two parallel refreshes would look like token theft to the server and end the session.
 */
export function refreshSession(): Promise<string | null> {
  // 204 (no body) is the server's "no session cookie": a signed-out visitor, answered without an error.
  inFlight ??= api
    .post('/auth/refresh/', undefined, { schema: z.optional(Session), withSession: false })
    .then((session) => {
      if (!session) {
        endAs(useSession.getState().status === 'signed_in' ? 'expired' : 'signed_out');
        return null;
      }
      useSession.getState().start(session);
      return session.access_token;
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        endAs(useSession.getState().status === 'signed_in' ? 'expired' : 'signed_out');
        return null;
      }
      // A network failure while restoring must not look like a sign-out; it is reported and retried by the caller.
      if (useSession.getState().status === 'restoring') useSession.getState().end('signed_out');
      throw error;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** What the API client needs of the session; src/app connects it, so importing this file changes nothing. */
export const sessionAuth: AuthBridge = {
  accessToken: () => useSession.getState().accessToken,
  refresh: () => refreshSession().catch(() => null),
};

export const restoreSession = () => refreshSession().catch(() => null);

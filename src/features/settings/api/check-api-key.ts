import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiKeyIdentity } from '../../../contract/auth';
import { ApiError, api } from '../../../lib/api-client';

/** Asks who a pasted key belongs to, with that key alone: the signed-in session must not travel along. */
const checkApiKey = (key: string, signal?: AbortSignal) =>
  api.get('/auth/me/', {
    schema: ApiKeyIdentity,
    withSession: false,
    headers: { 'X-API-Key': key },
    ...(signal ? { signal } : {}),
  });

type KeyCheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'valid'; identity: ApiKeyIdentity }
  | { status: 'invalid'; message: string };

const messageOf = (error: unknown) =>
  error instanceof ApiError
    ? error.message
    : 'The key could not be checked. Try again; if it keeps failing, contact support.';

/**
 * Deliberately not a TanStack query or mutation: a query key or mutation variables would keep the pasted
 * key in the cache. The key lives only in this call's arguments; the state holds what the API answered.
 */
export function useKeyCheck() {
  const [state, setState] = useState<KeyCheckState>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  const check = useCallback(async (key: string) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ status: 'checking' });
    try {
      const identity = await checkApiKey(key, controller.signal);
      if (!controller.signal.aborted) setState({ status: 'valid', identity });
    } catch (error) {
      if (!controller.signal.aborted) setState({ status: 'invalid', message: messageOf(error) });
    }
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, check, reset };
}

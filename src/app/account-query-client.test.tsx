import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { beforeEach, expect, it } from 'vitest';
import { useSession } from '../features/auth/session-store';
import { sessionWith, TEST_USER } from '../test/session-fixture';
import { useAccountQueryClient } from './account-query-client';

const account = (id: string, orgId: string) =>
  sessionWith(`jwt-${id}`, {
    ...TEST_USER,
    id,
    email: `${id}@example.com`,
    organization: { id: orgId, name: orgId, type: 'hospital' },
  });

beforeEach(() => {
  useSession.setState({ status: 'restoring', accessToken: null, user: null, endedBecause: null });
});

it('drops the cache when the session expires and gives the next account a fresh one', () => {
  act(() => useSession.getState().start(account('usr_a', 'org_a')));
  const { result } = renderHook(() => useAccountQueryClient(() => new QueryClient()));
  const first = result.current;
  first.setQueryData(['files'], ['a-file.csv']);

  // Not a sign-out from the menu: the refresh failed because the session expired or was revoked.
  act(() => useSession.getState().end('expired'));
  expect(first.getQueryData(['files'])).toBeUndefined();

  act(() => useSession.getState().start(account('usr_b', 'org_b')));
  expect(result.current).not.toBe(first);
  expect(result.current.getQueryData(['files'])).toBeUndefined();
  // An answer for the first account arriving late lands in its own, discarded cache.
  first.setQueryData(['files'], ['late.csv']);
  expect(result.current.getQueryData(['files'])).toBeUndefined();
});

it('keeps the cache while the same account renews its session', () => {
  act(() => useSession.getState().start(account('usr_a', 'org_a')));
  const { result } = renderHook(() => useAccountQueryClient(() => new QueryClient()));
  result.current.setQueryData(['files'], ['a-file.csv']);
  act(() => useSession.getState().start(account('usr_a', 'org_a')));
  expect(result.current.getQueryData(['files'])).toEqual(['a-file.csv']);
});

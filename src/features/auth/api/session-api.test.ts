import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionWith } from '../../../test/session-fixture';
import { useSession } from '../session-store';
import { refreshSession } from './session-api';

const fetchMock = vi.fn<typeof fetch>();
const session = sessionWith('jwt');

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  useSession.setState({ status: 'restoring', accessToken: null, user: null, endedBecause: null });
});

describe('restoring the session', () => {
  it('reads 204 (no refresh cookie) as a signed-out visitor, not an error', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(refreshSession()).resolves.toBeNull();
    expect(useSession.getState()).toMatchObject({ status: 'signed_out', endedBecause: 'signed_out' });
  });

  it('reads 204 while signed in as an ended session', async () => {
    useSession.getState().start(session);
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(refreshSession()).resolves.toBeNull();
    expect(useSession.getState()).toMatchObject({ status: 'signed_out', endedBecause: 'expired' });
  });

  it('starts the session from a 200', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify(session), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    await expect(refreshSession()).resolves.toBe('jwt');
    expect(useSession.getState()).toMatchObject({ status: 'signed_in', user: { id: 'usr_1' } });
  });
});

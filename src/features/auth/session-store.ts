import { create } from 'zustand';
import type { Session, User } from '../../contract/auth';

type SessionStatus = 'restoring' | 'signed_in' | 'signed_out';

interface SessionState {
  status: SessionStatus;
  /** In memory only: never written to storage, so a script injected later cannot read it back. */
  accessToken: string | null;
  user: User | null;
  /** Why the last session ended, for the sign-in page to explain. */
  endedBecause: 'signed_out' | 'idle' | 'expired' | null;
  start(session: Session): void;
  end(reason: 'signed_out' | 'idle' | 'expired'): void;
}

export const useSession = create<SessionState>()((set) => ({
  status: 'restoring',
  accessToken: null,
  user: null,
  endedBecause: null,
  start: (session) =>
    set({ status: 'signed_in', accessToken: session.access_token, user: session.user, endedBecause: null }),
  end: (reason) => set({ status: 'signed_out', accessToken: null, user: null, endedBecause: reason }),
}));

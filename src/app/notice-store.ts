import { create } from 'zustand';
import { ApiError } from '../lib/api-client';

interface NoticeState {
  message: string | null;
  requestId: string | null;
  show(error: unknown): void;
  dismiss(): void;
}

export const useNotice = create<NoticeState>()((set) => ({
  message: null,
  requestId: null,
  show: (error) => {
    // An ended session is handled by the redirect to sign-in; saying it twice helps nobody.
    if (error instanceof ApiError && error.status === 401) return;
    set({
      message: error instanceof Error ? error.message : 'Something went wrong.',
      requestId: error instanceof ApiError ? (error.request_id ?? null) : null,
    });
  },
  dismiss: () => set({ message: null, requestId: null }),
}));

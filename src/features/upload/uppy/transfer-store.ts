import { create } from 'zustand';

/** What the page shows about an upload under way: measured over the last seconds, not since it began. */
export interface Transfer {
  name: string;
  sent: number;
  total: number;
  /** Null while there is not enough recent progress to say. */
  bytesPerSecond: number | null;
  paused: boolean;
}

interface TransferState {
  transfers: Record<string, Transfer>;
  update(fileId: string, transfer: Partial<Transfer> & Pick<Transfer, 'name'>): void;
  remove(fileId: string): void;
}

export const useTransfers = create<TransferState>((set) => ({
  transfers: {},
  update: (fileId, transfer) =>
    set((state) => {
      const previous = state.transfers[fileId] ?? { sent: 0, total: 0, bytesPerSecond: null, paused: false };
      return { transfers: { ...state.transfers, [fileId]: { ...previous, ...transfer } } };
    }),
  remove: (fileId) =>
    set((state) => {
      const { [fileId]: _gone, ...rest } = state.transfers;
      return { transfers: rest };
    }),
}));

/** Seconds left at the recent rate; null when the rate is unknown or nothing moves. */
export function secondsLeft(transfer: Transfer): number | null {
  if (transfer.paused || !transfer.bytesPerSecond || transfer.bytesPerSecond <= 0) return null;
  return Math.max(0, (transfer.total - transfer.sent) / transfer.bytesPerSecond);
}

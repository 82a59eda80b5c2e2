import { formatBytes } from '../lib/format';
import { secondsLeft, type Transfer, useTransfers } from '../uppy/transfer-store';

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function summarize(transfer: Transfer): string {
  const done = transfer.total > 0 ? Math.floor((transfer.sent / transfer.total) * 100) : 0;
  const amount = `${done} % (${formatBytes(transfer.sent)} of ${formatBytes(transfer.total)})`;
  if (transfer.paused) return `Paused at ${amount}: what is shown is stored and kept.`;
  const left = secondsLeft(transfer);
  if (left === null || !transfer.bytesPerSecond) return `${amount}, measuring speed…`;
  return `${amount} at ${formatBytes(transfer.bytesPerSecond)}/s, about ${formatDuration(left)} left`;
}

/** Each running upload's progress and time left, from the last seconds' speed (not the average since it began). */
export function TransferStatus() {
  const transfers = useTransfers((state) => state.transfers);
  const entries = Object.entries(transfers);
  if (entries.length === 0) return null;
  return (
    <ul className="transfer-status" aria-label="Uploads in progress">
      {entries.map(([fileId, transfer]) => (
        <li key={fileId} data-sent-bytes={transfer.sent} data-paused={transfer.paused}>
          <strong>{transfer.name}</strong>: {summarize(transfer)}
        </li>
      ))}
    </ul>
  );
}

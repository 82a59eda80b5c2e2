import { formatBytes } from './format';

interface PendingSource {
  filename: string;
  size: number | null;
  source_last_modified: number | null;
}

/**
 * Whether a file chosen again is the one a pending upload was sending: same name, size and last-modified
 * time. Anything else would splice another file's bytes onto the stored parts, so it is refused, saying why.
 */
export function mismatchReason(
  chosen: { name: string; size: number; lastModified: number },
  pending: PendingSource,
): string | null {
  // The server keeps the sanitized name; a name it had to clean up compares by its visible characters.
  const plain = (name: string) => name.normalize('NFC').replace(/[^\p{L}\p{N}._ -]/gu, '');
  if (plain(chosen.name) !== plain(pending.filename))
    return `That is ${chosen.name}, not ${pending.filename}. Choose ${pending.filename} to continue it.`;
  if (pending.size !== null && chosen.size !== pending.size)
    return `${chosen.name} is ${formatBytes(chosen.size)} now but was ${formatBytes(pending.size)} when its upload started, so it has changed. Upload it again as a new file.`;
  if (pending.source_last_modified !== null && chosen.lastModified !== pending.source_last_modified)
    return `${chosen.name} was modified after its upload started, so the stored parts no longer match it. Upload it again as a new file.`;
  return null;
}

import type { MultipartState, PlannedPart } from './multipart-upload';

/**
 * The part plan of each multipart upload of this browser, by upload id, so a reload continues without
 * sending a stored part again (ListParts says which part numbers exist; only the plan says which bytes each
 * holds once parts finished out of order). Byte ranges and ETags only: nothing here is a credential.
 */
const PREFIX = 'hp-upload-plan:';

type Compact = [number, number, number, string?][];

export function savePlan(state: MultipartState): void {
  const compact: Compact = state.parts.map((part) =>
    part.etag ? [part.partNumber, part.start, part.end, part.etag] : [part.partNumber, part.start, part.end],
  );
  try {
    localStorage.setItem(PREFIX + state.uploadId, JSON.stringify({ key: state.key, parts: compact }));
  } catch {
    // Storage full or blocked: a reload then continues from the store's own list of parts.
  }
}

export function loadPlan(uploadId: string): PlannedPart[] | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + uploadId);
    if (!raw) return undefined;
    const { parts } = JSON.parse(raw) as { parts: Compact };
    return parts.map(([partNumber, start, end, etag]) =>
      etag ? { partNumber, start, end, etag } : { partNumber, start, end },
    );
  } catch {
    return undefined;
  }
}

export function forgetPlan(uploadId: string): void {
  try {
    localStorage.removeItem(PREFIX + uploadId);
  } catch {}
}

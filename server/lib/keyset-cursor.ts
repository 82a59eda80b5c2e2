import { CURSOR_PROBLEM } from '../../src/contract/pages';
import { badRequest } from '../http/errors';

/**
 * Keyset paging for every list, newest first: a cursor holds the last shown row's sort time and id, so the next
 * page starts right after it however many rows arrive meanwhile (an offset would repeat or skip them).
 */
interface Keyset {
  at: string;
  id: string;
}

export const encodeCursor = (at: string, id: string): string =>
  Buffer.from(JSON.stringify([at, id])).toString('base64url');

/** Null for no cursor; a cursor this API did not issue is a 400 that says to start again. */
export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (cursor === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && typeof id === 'string') return { at, id };
    }
  } catch {}
  throw badRequest(`The query string is not valid (cursor: ${CURSOR_PROBLEM}).`, { cursor: CURSOR_PROBLEM });
}

/**
 * The condition that keeps rows after the keyset, for `ORDER BY <column> DESC, id DESC`; `column` is the
 * caller's own constant, never input. Empty (and no parameters) on the first page.
 */
export function afterKeyset(column: string, after: Keyset | null): { sql: string; params: string[] } {
  if (!after) return { sql: '', params: [] };
  return { sql: `AND (${column} < ? OR (${column} = ? AND id < ?))`, params: [after.at, after.at, after.id] };
}

/** Rows were read with `LIMIT limit + 1`: the extra one only says that another page exists. */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => Keyset,
  toItem: (row: Row) => Item,
): { results: Item[]; next_cursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const next = rows.length > limit && last ? keyOf(last) : null;
  return { results: shown.map(toItem), next_cursor: next ? encodeCursor(next.at, next.id) : null };
}

import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors';
import { afterKeyset, decodeCursor, encodeCursor, pageOf } from './keyset-cursor';

const rows = ['e', 'd', 'c'].map((id, index) => ({ id, created_at: `2026-11-0${5 - index}T00:00:00Z` }));
const keyOf = (row: (typeof rows)[number]) => ({ at: row.created_at, id: row.id });

describe('keyset cursor', () => {
  it('reads back what it wrote, and nothing of its form shows', () => {
    const cursor = encodeCursor('2026-11-05T00:00:00Z', 'fil_1');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ at: '2026-11-05T00:00:00Z', id: 'fil_1' });
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'nonsense'],
    ['the wrong shape', Buffer.from('{"at":"x","id":"y"}').toString('base64url')],
    ['a number where text belongs', Buffer.from('["2026-11-05",7]').toString('base64url')],
    ['three parts', Buffer.from('["a","b","c"]').toString('base64url')],
    ['the old "at|id" form', Buffer.from('2026-11-05|cnv_1').toString('base64url')],
  ])('refuses %s with a 400 that says to start again', (_, cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({
      status: 400,
      type: 'validation_error',
      message:
        'The query string is not valid (cursor: was not issued by this API; start again from the first page).',
      extra: { fields: { cursor: 'was not issued by this API; start again from the first page' } },
    });
  });

  it('adds no condition on the first page, and one bound to parameters after it', () => {
    expect(afterKeyset('created_at', null)).toEqual({ sql: '', params: [] });
    expect(afterKeyset('updated_at', { at: 'T', id: 'x' })).toEqual({
      sql: 'AND (updated_at < ? OR (updated_at = ? AND id < ?))',
      params: ['T', 'T', 'x'],
    });
  });

  it('shows `limit` rows and points the cursor at the last one only when a further row was read', () => {
    const full = pageOf(rows, 2, keyOf, (row) => row.id);
    expect(full.results).toEqual(['e', 'd']);
    expect(decodeCursor(full.next_cursor ?? undefined)).toEqual({ at: rows[1]!.created_at, id: 'd' });
    expect(pageOf(rows, 3, keyOf, (row) => row.id)).toEqual({ results: ['e', 'd', 'c'], next_cursor: null });
    expect(pageOf([], 3, keyOf, (row) => row.id)).toEqual({ results: [], next_cursor: null });
  });
});

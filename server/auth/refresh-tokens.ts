import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/open-database';
import { newId } from '../lib/ids';

export const REFRESH_TOKEN_DAYS = 7;
/**
 * Two tabs restoring the session at once (a browser reopening its tabs) present the same cookie within
 * moments of each other. Inside this window the second one gets the *same* successor token the first one got
 * (no new token, no new session), as long as that successor has not been used; any other replay ends the family.
 */
export const CONCURRENT_REFRESH_MS = 20_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

interface TokenRow {
  family_id: string;
  rotated_at: string | null;
  user_id: string;
  expires_at: string;
  revoked_at: string | null;
}

type RefreshOutcome =
  | { ok: true; userId: string; token: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

/**
 * Only hashes are stored, so a copy of the database cannot be replayed as sessions. A token's successor is
 * derived from it with the server's key, so a concurrent refresh can be handed the same successor again
 * without its plain text ever being stored.
 */
export function createRefreshTokens(db: Db, now: () => Date, key: Uint8Array) {
  const successorOf = (token: string) =>
    createHmac('sha256', key).update(`refresh-successor:${token}`).digest('base64url');

  const rowOf = (token: string) =>
    db
      .prepare(
        `SELECT t.family_id, t.rotated_at, f.user_id, f.expires_at, f.revoked_at
         FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id WHERE t.token_hash = ?`,
      )
      .get(hashOf(token)) as TokenRow | undefined;

  const isWithinGrace = (row: TokenRow) =>
    row.rotated_at !== null && now().getTime() - Date.parse(row.rotated_at) < CONCURRENT_REFRESH_MS;

  const insertToken = (familyId: string, token = randomBytes(32).toString('base64url')) => {
    db.prepare('INSERT INTO refresh_tokens (token_hash, family_id, created_at) VALUES (?, ?, ?)').run(
      hashOf(token),
      familyId,
      now().toISOString(),
    );
    return token;
  };

  const revokeFamily = (familyId: string, reason: string) =>
    db
      .prepare(
        'UPDATE refresh_families SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL',
      )
      .run(now().toISOString(), reason, familyId);

  return {
    start(userId: string): string {
      const familyId = newId('fam');
      const expires = new Date(now().getTime() + REFRESH_TOKEN_DAYS * 86_400_000);
      return db.transaction(() => {
        db.prepare(
          'INSERT INTO refresh_families (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        ).run(familyId, userId, now().toISOString(), expires.toISOString());
        return insertToken(familyId);
      })();
    },

    rotate(token: string): RefreshOutcome {
      return db.transaction((): RefreshOutcome => {
        const row = rowOf(token);
        if (!row) return { ok: false, reason: 'unknown' };
        if (row.revoked_at) return { ok: false, reason: 'revoked' };
        if (row.rotated_at) {
          // A concurrent sibling gets the successor the first exchange issued, if nobody has used it yet.
          const successor = successorOf(token);
          const next = rowOf(successor);
          if (isWithinGrace(row) && next && !next.rotated_at && new Date(row.expires_at) > now()) {
            return { ok: true, userId: row.user_id, token: successor };
          }
          // Otherwise a token that was already exchanged is being replayed: someone else holds this family.
          revokeFamily(row.family_id, 'reuse_detected');
          return { ok: false, reason: 'reused' };
        }
        if (new Date(row.expires_at) <= now()) return { ok: false, reason: 'expired' };
        db.prepare('UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?').run(
          now().toISOString(),
          hashOf(token),
        );
        return { ok: true, userId: row.user_id, token: insertToken(row.family_id, successorOf(token)) };
      })();
    },

    /** Whether the token belongs to a live session: known, not revoked, not expired, not replaced long ago. */
    isLive(token: string): boolean {
      const row = rowOf(token);
      return (
        row !== undefined &&
        row.revoked_at === null &&
        new Date(row.expires_at) > now() &&
        (row.rotated_at === null || isWithinGrace(row))
      );
    },

    revoke(token: string): void {
      const row = db
        .prepare('SELECT family_id FROM refresh_tokens WHERE token_hash = ?')
        .get(hashOf(token)) as { family_id: string } | undefined;
      if (row) revokeFamily(row.family_id, 'logout');
    },
  };
}

export type RefreshTokens = ReturnType<typeof createRefreshTokens>;

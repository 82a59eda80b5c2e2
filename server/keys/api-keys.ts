import { API_KEY_PATTERN, type ApiKey, type ApiKeyList, type ApiKeyScope } from '../../src/contract/keys';
import type { PageQuery } from '../../src/contract/pages';
import type { ApiKeyPrincipal, KeyVerifier } from '../app-env';
import type { Db } from '../db/open-database';
import { newId } from '../lib/ids';
import { afterKeyset, decodeCursor, pageOf } from '../lib/keyset-cursor';
import { hashOf, isSameHash, newSecret, prefixOf } from './key-secret';
import { createLastUsedTracker } from './last-used';

interface KeyRow {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface NewApiKey {
  orgId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Null for a key that never expires. */
  expiresInDays: number | null;
}

export type StoredApiKey = ApiKey & { org_id: string };

const COLUMNS =
  'id, org_id, name, prefix, secret_hash, scopes, created_at, expires_at, last_used_at, revoked_at';
const DAY_MS = 86_400_000;
const SUPPORT = 'Ask your administrator to request a new key from admin@valiancehealth.ai.';

const scopesOf = (text: string) => (text ? (text.split(',') as ApiKeyScope[]) : []);
const dayOf = (iso: string) => iso.slice(0, 10);

export function createApiKeys(db: Db, now: () => Date, options: { flushIntervalMs?: number } = {}) {
  const lastUsed = createLastUsedTracker(db, options.flushIntervalMs);

  const toKey = (row: KeyRow): StoredApiKey => {
    const pending = lastUsed.seen(row.id);
    const latest = pending && (!row.last_used_at || pending > row.last_used_at) ? pending : row.last_used_at;
    return {
      id: row.id,
      org_id: row.org_id,
      name: row.name,
      prefix: row.prefix,
      scopes: scopesOf(row.scopes),
      created_at: row.created_at,
      expires_at: row.expires_at,
      last_used_at: latest,
      revoked_at: row.revoked_at,
    };
  };
  const withoutOrg = ({ org_id: _, ...key }: StoredApiKey): ApiKey => key;
  const rowOf = (id: string) =>
    db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE id = ?`).get(id) as KeyRow | undefined;

  const verify: KeyVerifier['verify'] = async (raw) => {
    if (!API_KEY_PATTERN.test(raw))
      return {
        problem:
          'That is not a Healthproximate API key: a key is "hpx_" followed by at least 32 letters and digits. Check that the whole key was sent.',
      };
    const candidateHash = hashOf(raw);
    const candidates = db
      .prepare(`SELECT ${COLUMNS} FROM api_keys WHERE prefix = ?`)
      .all(prefixOf(raw)) as KeyRow[];
    const row = candidates.find((candidate) => isSameHash(candidate.secret_hash, candidateHash));
    if (!row)
      return { problem: `This API key is not recognised; it may be mistyped or no longer exist. ${SUPPORT}` };
    if (row.revoked_at)
      return { problem: `This API key (${row.prefix}…) was revoked on ${dayOf(row.revoked_at)}. ${SUPPORT}` };
    const at = now();
    if (row.expires_at && new Date(row.expires_at) <= at)
      return { problem: `This API key (${row.prefix}…) expired on ${dayOf(row.expires_at)}. ${SUPPORT}` };
    lastUsed.touch(row.id, at);
    const principal: ApiKeyPrincipal = {
      kind: 'api_key',
      keyId: row.id,
      orgId: row.org_id,
      name: row.name,
      prefix: row.prefix,
      scopes: scopesOf(row.scopes),
    };
    return principal;
  };

  return {
    verify,

    /** Returns the secret once; only its hash is stored, so it can never be shown again. */
    create(input: NewApiKey): { key: StoredApiKey; secret: string } {
      const secret = newSecret();
      const created = now();
      const expires =
        input.expiresInDays === null ? null : new Date(created.getTime() + input.expiresInDays * DAY_MS);
      const id = newId('key');
      db.prepare(`INSERT INTO api_keys (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`).run(
        id,
        input.orgId,
        input.name,
        prefixOf(secret),
        hashOf(secret),
        [...new Set(input.scopes)].join(','),
        created.toISOString(),
        expires?.toISOString() ?? null,
      );
      return { key: toKey(rowOf(id)!), secret };
    },

    /** Idempotent: revoking a revoked key keeps its first revocation time. Null when there is no such key. */
    revoke(id: string): StoredApiKey | null {
      db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
        now().toISOString(),
        id,
      );
      const row = rowOf(id);
      return row ? toKey(row) : null;
    },

    list(orgId: string, page: PageQuery): ApiKeyList {
      const after = afterKeyset('created_at', decodeCursor(page.cursor));
      const rows = db
        .prepare(
          `SELECT ${COLUMNS} FROM api_keys WHERE org_id = ? ${after.sql}
           ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all(orgId, ...after.params, page.limit + 1) as KeyRow[];
      return pageOf(
        rows,
        page.limit,
        (row) => ({ at: row.created_at, id: row.id }),
        (row) => withoutOrg(toKey(row)),
      );
    },

    /** Every organization's keys, for the operator's `list`. */
    listAll(): StoredApiKey[] {
      return (
        db.prepare(`SELECT ${COLUMNS} FROM api_keys ORDER BY org_id, created_at`).all() as KeyRow[]
      ).map(toKey);
    },

    flushLastUsed: () => lastUsed.flush(),
    close: () => lastUsed.close(),
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;

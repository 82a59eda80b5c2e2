import { API_KEY_SCOPES, type ApiKeyScope } from '../../src/contract/keys';
import { createAccounts } from '../auth/accounts';
import type { Db } from '../db/open-database';
import { createApiKeys, type StoredApiKey } from '../keys/api-keys';

/** Options the key commands add to the CLI's parser. */
export const KEY_OPTIONS = {
  scopes: { type: 'string' },
  'expires-days': { type: 'string' },
  id: { type: 'string' },
} as const;

export const KEY_USAGE = `  npm run admin -- key:create --org <org_id> --name "nightly-upload" [--scopes upload,agent] [--expires-days 365|never] [--json]
      (prints the key once; only its hash is kept)
  npm run admin -- key:revoke --id <key_id> [--json]`;

export interface CommandOutput {
  json: object;
  text: string;
}

type Values = Record<string, unknown>;
type Fail = (message: string) => never;

const DEFAULT_EXPIRES_DAYS = 365;
const MAX_EXPIRES_DAYS = 3650;

const text = (values: Values, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : undefined;
};

function scopesOf(values: Values, fail: Fail): ApiKeyScope[] {
  const raw = text(values, 'scopes') ?? API_KEY_SCOPES.join(',');
  const scopes = raw.split(',').map((scope) => scope.trim());
  for (const scope of scopes) {
    if (!(API_KEY_SCOPES as readonly string[]).includes(scope))
      fail(`--scopes takes a comma-separated list of: ${API_KEY_SCOPES.join(', ')} (got "${scope}").`);
  }
  return [...new Set(scopes)] as ApiKeyScope[];
}

function expiresDaysOf(values: Values, fail: Fail): number | null {
  const raw = text(values, 'expires-days') ?? String(DEFAULT_EXPIRES_DAYS);
  if (raw === 'never') return null;
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || days < 1 || days > MAX_EXPIRES_DAYS)
    fail(`--expires-days must be a whole number from 1 to ${MAX_EXPIRES_DAYS}, or "never".`);
  return days;
}

const summaryOf = (key: StoredApiKey) =>
  `${key.prefix}…  "${key.name}"  scopes ${key.scopes.join(',')}  ` +
  `expires ${key.expires_at?.slice(0, 10) ?? 'never'}  last used ${key.last_used_at ?? 'never'}` +
  (key.revoked_at ? `  REVOKED ${key.revoked_at}` : '');

export function createKeyCommand(db: Db, values: Values, fail: Fail): CommandOutput {
  const orgId = text(values, 'org') || fail('--org is required.');
  const name = text(values, 'name') || fail('--name is required.');
  if (name.length > 100 || /\p{Cc}/u.test(name))
    fail('--name is at most 100 characters, without control characters.');
  const org = createAccounts(db, () => new Date()).getOrg(orgId);
  if (!org) fail(`There is no organization ${orgId}. See "npm run admin -- list".`);
  const keys = createApiKeys(db, () => new Date());
  try {
    const { key, secret } = keys.create({
      orgId,
      name,
      scopes: scopesOf(values, fail),
      expiresInDays: expiresDaysOf(values, fail),
    });
    return {
      json: { ...key, key: secret },
      text: [
        `Created API key ${key.id} for ${org.name}: ${summaryOf(key)}`,
        '',
        `    ${secret}`,
        '',
        'This is the only time the key is shown; only its hash is stored. Put it in a secrets manager or an',
        'environment variable now (never in version control or an email). A lost key is revoked and replaced.',
      ].join('\n'),
    };
  } finally {
    keys.close();
  }
}

export function revokeKeyCommand(db: Db, values: Values, fail: Fail): CommandOutput {
  const id = text(values, 'id') || fail('--id is required.');
  const keys = createApiKeys(db, () => new Date());
  try {
    const key = keys.revoke(id) ?? fail(`There is no API key ${id}. See "npm run admin -- list".`);
    return { json: key, text: `Revoked API key ${key.id}: ${summaryOf(key)}` };
  } finally {
    keys.close();
  }
}

/** Every key, for `list --json`, and the lines to print under one organization. */
export function keyListing(db: Db) {
  const keys = createApiKeys(db, () => new Date());
  try {
    const all = keys.listAll();
    return {
      keys: all,
      linesFor: (orgId: string) =>
        all.filter((key) => key.org_id === orgId).map((key) => `key ${key.id}  ${summaryOf(key)}`),
    };
  } finally {
    keys.close();
  }
}

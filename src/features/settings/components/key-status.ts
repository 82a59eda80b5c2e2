import type { Org } from '../../../contract/auth';
import type { ApiKey } from '../../../contract/keys';
import { formatIsoDay } from '../../../lib/format-date';

export const EXPIRY_WARNING_DAYS = 30;
export const SUPPORT_EMAIL = 'admin@valiancehealth.ai';

const DAY_MS = 86_400_000;

export type KeyStatus =
  | { kind: 'revoked'; at: string }
  | { kind: 'expired'; at: string }
  | { kind: 'expiring'; days: number }
  | { kind: 'active' };

export function keyStatusOf(key: ApiKey, now: Date): KeyStatus {
  if (key.revoked_at) return { kind: 'revoked', at: key.revoked_at };
  if (!key.expires_at) return { kind: 'active' };
  const left = new Date(key.expires_at).getTime() - now.getTime();
  if (left <= 0) return { kind: 'expired', at: key.expires_at };
  const days = Math.ceil(left / DAY_MS);
  return days <= EXPIRY_WARNING_DAYS ? { kind: 'expiring', days } : { kind: 'active' };
}

export interface Requester {
  name: string;
  email: string;
}

/**
 * Support identifies a key by its name and prefix; the mail is built only from the listed key, which never
 * holds the secret, so a rotation request cannot leak one.
 */
export function rotationMailto(key: ApiKey, organization: Org, requester: Requester | null): string {
  const subject = `API key rotation: "${key.name}" (${key.prefix}…), ${organization.name}`;
  const body = [
    'Hello Valiance Health support,',
    '',
    'Please rotate this API key of our organization and tell us when the new key is ready.',
    '',
    `Organization: ${organization.name} (${organization.id})`,
    `Key name: ${key.name}`,
    `Key prefix: ${key.prefix}…`,
    `Key id: ${key.id}`,
    `Scopes: ${key.scopes.join(', ') || 'none'}`,
    `Expires: ${formatIsoDay(key.expires_at) ?? 'never'}`,
    '',
    'The key itself is deliberately not included in this message.',
    ...(requester ? ['', `Requested by ${requester.name} <${requester.email}>`] : []),
  ].join('\n');
  return `mailto:${SUPPORT_EMAIL}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

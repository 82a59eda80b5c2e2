import { createHash, timingSafeEqual } from 'node:crypto';
import { randomBase62 } from '../lib/ids';

/** 40 base62 characters hold about 238 random bits; the contract asks for at least 32. */
const SECRET_LENGTH = 40;
/** `hpx_` and 8 characters: enough to tell keys apart in a list, far too little to guess the rest. */
const PREFIX_LENGTH = 'hpx_'.length + 8;

export const newSecret = () => `hpx_${randomBase62(SECRET_LENGTH)}`;

export const prefixOf = (secret: string) => secret.slice(0, PREFIX_LENGTH);

/**
 * A plain SHA-256 is enough here (unlike passwords): the secret is long and random, so there is nothing
 * for a slow hash to protect against, and verifying stays cheap on every request.
 */
export const hashOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Compares two hex digests without an early exit, so timing says nothing about how much matched. */
export function isSameHash(storedHex: string, candidateHex: string): boolean {
  const stored = Buffer.from(storedHex, 'hex');
  const candidate = Buffer.from(candidateHex, 'hex');
  return stored.length === candidate.length && timingSafeEqual(stored, candidate);
}

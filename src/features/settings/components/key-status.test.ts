import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../../../contract/keys';
import { keyStatusOf, rotationMailto } from './key-status';

const now = new Date('2026-11-28T12:00:00Z');
const key = (overrides: Partial<ApiKey> = {}): ApiKey => ({
  id: 'key_abc',
  name: 'nightly-upload',
  prefix: 'hpx_AbCd1234',
  scopes: ['upload'],
  created_at: '2026-01-01T00:00:00Z',
  expires_at: '2027-06-01T00:00:00Z',
  last_used_at: null,
  revoked_at: null,
  ...overrides,
});
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

describe('keyStatusOf', () => {
  it('warns from 30 days before expiry, and says expired and revoked plainly', () => {
    expect(keyStatusOf(key({ expires_at: inDays(31) }), now)).toEqual({ kind: 'active' });
    expect(keyStatusOf(key({ expires_at: inDays(30) }), now)).toEqual({ kind: 'expiring', days: 30 });
    expect(keyStatusOf(key({ expires_at: inDays(0.5) }), now)).toEqual({ kind: 'expiring', days: 1 });
    expect(keyStatusOf(key({ expires_at: inDays(-1) }), now)).toMatchObject({ kind: 'expired' });
    expect(keyStatusOf(key({ expires_at: null }), now)).toEqual({ kind: 'active' });
    expect(keyStatusOf(key({ revoked_at: inDays(-2), expires_at: inDays(3) }), now)).toMatchObject({
      kind: 'revoked',
    });
  });
});

describe('rotationMailto', () => {
  const organization = { id: 'org_1', name: 'Mercy General Hospital', type: 'hospital' as const };

  it('names the key by name and prefix and the organization, addressed to support', () => {
    const link = rotationMailto(key(), organization, { name: 'Ana Analyst', email: 'ana@mercy.example' });
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('admin@valiancehealth.ai');
    const subject = url.searchParams.get('subject')!;
    const body = url.searchParams.get('body')!;
    expect(subject).toContain('nightly-upload');
    expect(subject).toContain('hpx_AbCd1234');
    expect(subject).toContain('Mercy General Hospital');
    expect(body).toContain('Organization: Mercy General Hospital (org_1)');
    expect(body).toContain('Key prefix: hpx_AbCd1234…');
    expect(body).toContain('Ana Analyst <ana@mercy.example>');
  });

  it('never contains anything shaped like a whole key', () => {
    const link = decodeURIComponent(rotationMailto(key(), organization, null));
    expect(link).not.toMatch(/hpx_[0-9A-Za-z]{13,}/);
  });
});

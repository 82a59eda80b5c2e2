import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'hp_device';
export const DEVICE_COOKIE_DAYS = 180;

/**
 * A browser that has signed in to an account before carries a signed device cookie for that email. It lets the
 * owner in past the per-email wait that someone guessing the password from elsewhere builds up (OWASP's
 * "device cookies"); the cookie is HttpOnly, names no secret, and is worth nothing for another email.
 */
export function createKnownDevices(key: Uint8Array) {
  const mac = (id: string, email: string) =>
    createHmac('sha256', key).update(`device:${id}:${email.toLowerCase()}`).digest('base64url');

  return {
    issue(email: string): string {
      const id = randomBytes(16).toString('base64url');
      return `${id}.${mac(id, email)}`;
    },
    /** The device id when the cookie was issued to this email, else null. */
    verify(cookie: string | undefined, email: string): string | null {
      const [id, signature, extra] = (cookie ?? '').split('.');
      if (!id || !signature || extra !== undefined) return null;
      const expected = Buffer.from(mac(id, email));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
    },
  };
}

export type KnownDevices = ReturnType<typeof createKnownDevices>;

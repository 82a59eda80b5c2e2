import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginRequest, type Session } from '../../src/contract/auth';
import type { AppEnv } from '../app-env';
import type { Deps } from '../deps';
import { forbidden, rateLimited, unauthorized } from '../http/errors';
import { jsonBody } from '../http/validate';
import { ACCESS_TOKEN_SECONDS } from './access-tokens';
import { authenticate } from './authenticate';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './known-devices';
import { decoyHash, verifyPassword } from './passwords';
import { REFRESH_TOKEN_DAYS } from './refresh-tokens';

const REFRESH_COOKIE = 'hp_refresh';
const COOKIE_PATH = '/api/v1/auth/';
const WRONG_CREDENTIALS = 'That email and password do not match an account. Check both and try again.';

/**
 * The socket address, or, behind a proxy the operator trusts (HP_TRUST_PROXY_HOPS), the address that many hops
 * back in X-Forwarded-For: each trusted proxy appends the address it saw, so earlier entries could be forged.
 */
function clientAddress(c: Context, trustedHops: number): string {
  if (trustedHops > 0) {
    const forwarded = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const address = forwarded[forwarded.length - trustedHops];
    if (address) return address;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Behind a proxy that ends TLS the request arrives as plain HTTP; the page's origins still say whether the
 * browser talks HTTPS, and then the cookie must never travel without it.
 */
const isSecure = (c: Context, allowedOrigins: string[]) =>
  new URL(c.req.url).protocol === 'https:' ||
  (allowedOrigins.length > 0 && allowedOrigins.every((origin) => origin.startsWith('https:')));

function setRefreshCookie(c: Context, token: string, isSecureCookie: boolean) {
  setCookie(c, REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: COOKIE_PATH,
    secure: isSecureCookie,
    maxAge: REFRESH_TOKEN_DAYS * 86_400,
  });
}

/**
 * The session cookie is SameSite=Strict, which a page on a sibling origin of the same site still passes. So
 * every auth POST must come from a page the dashboard trusts: a browser's Origin must be allowed, or, without
 * one, Sec-Fetch-Site must say the page is ours. Clients that are not browsers send neither and pass.
 */
function refuseForeignPage(c: Context, allowedOrigins: string[]) {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const isTrusted =
    origin !== undefined
      ? allowedOrigins.includes(origin) || origin === new URL(c.req.url).origin
      : site === undefined || site === 'same-origin' || site === 'none';
  if (!isTrusted) {
    throw forbidden(
      `Requests to sign in or out must come from the dashboard's own page, not from ${origin ?? `a ${site} page`}.`,
    );
  }
}

export const authRoutes = (deps: Deps) => {
  const session = async (userId: string): Promise<Session> => {
    const user = deps.accounts.getUser(userId);
    if (!user) throw unauthorized('Your account no longer exists. Ask your administrator.');
    return {
      access_token: await deps.accessTokens.issue({ userId: user.id, orgId: user.organization.id }),
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      user,
    };
  };

  return (
    new Hono<AppEnv>()
      .post('/login/', async (c) => {
        refuseForeignPage(c, deps.config.allowedOrigins);
        const { email, password } = await jsonBody(c, LoginRequest);
        const throttle = deps.loginThrottle;
        const emailKey = `email:${email.toLowerCase()}`;
        const addressKey = `address:${clientAddress(c, deps.config.trustProxyHops)}`;
        const device = deps.knownDevices.verify(getCookie(c, DEVICE_COOKIE), email);
        const deviceKey = device ? `device:${device}` : null;
        // A device this account signed in from before skips the per-email wait someone else built up.
        const isKnownDevice = deviceKey !== null && throttle.byDevice.retryAfter(deviceKey) === 0;
        const wait = Math.max(
          isKnownDevice ? 0 : throttle.byEmail.retryAfter(emailKey),
          throttle.byAddress.retryAfter(addressKey),
        );
        if (wait > 0) {
          throw rateLimited(
            wait,
            wait < 120
              ? `Too many failed sign-in attempts. Try again in ${wait} second(s).`
              : `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`,
          );
        }
        const found = deps.accounts.findLogin(email);
        const isValid = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
        if (!found || !isValid) {
          throttle.byEmail.record(emailKey);
          throttle.byAddress.record(addressKey);
          if (deviceKey) throttle.byDevice.record(deviceKey);
          throw unauthorized(WRONG_CREDENTIALS);
        }
        throttle.byEmail.reset(emailKey);
        if (deviceKey) throttle.byDevice.reset(deviceKey);
        const secure = isSecure(c, deps.config.allowedOrigins);
        setRefreshCookie(c, deps.refreshTokens.start(found.user.id), secure);
        setCookie(c, DEVICE_COOKIE, deps.knownDevices.issue(email), {
          httpOnly: true,
          sameSite: 'Strict',
          path: COOKIE_PATH,
          secure,
          maxAge: DEVICE_COOKIE_DAYS * 86_400,
        });
        return c.json(await session(found.user.id));
      })
      .post('/refresh/', async (c) => {
        refuseForeignPage(c, deps.config.allowedOrigins);
        const token = getCookie(c, REFRESH_COOKIE);
        // No cookie at all is a signed-out visitor, the normal case on the sign-in page, not an error.
        if (!token) return c.body(null, 204);
        const outcome = deps.refreshTokens.rotate(token);
        if (!outcome.ok) {
          deleteCookie(c, REFRESH_COOKIE, { path: COOKIE_PATH });
          if (outcome.reason === 'reused') {
            deps.log({ level: 'warn', event: 'refresh_token_reuse', request_id: c.get('requestId') });
            throw unauthorized('For your safety this session was signed out everywhere. Sign in again.');
          }
          throw unauthorized('Your session has ended. Sign in again.');
        }
        setRefreshCookie(c, outcome.token, isSecure(c, deps.config.allowedOrigins));
        return c.json(await session(outcome.userId));
      })
      // Without a live session nothing changes, not even the cookie: a forged or stale request has no effect.
      .post('/logout/', (c) => {
        refuseForeignPage(c, deps.config.allowedOrigins);
        const token = getCookie(c, REFRESH_COOKIE);
        if (!token || !deps.refreshTokens.isLive(token)) throw unauthorized('You are not signed in.');
        deps.refreshTokens.revoke(token);
        deleteCookie(c, REFRESH_COOKIE, {
          path: COOKIE_PATH,
          secure: isSecure(c, deps.config.allowedOrigins),
        });
        return c.body(null, 204);
      })
      .get('/me/', authenticate(deps, { apiKeys: true }), (c) => {
        const principal = c.get('principal');
        if (principal.kind === 'api_key') {
          const organization = deps.accounts.getOrg(principal.orgId);
          if (!organization) throw unauthorized('This API key belongs to no organization.');
          return c.json({
            api_key: { name: principal.name, prefix: principal.prefix, scopes: principal.scopes },
            organization,
          });
        }
        const user = deps.accounts.getUser(principal.userId);
        if (!user) throw unauthorized();
        return c.json(user);
      })
  );
};

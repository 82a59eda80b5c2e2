import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginRequest, type Session } from '../../src/contract/auth';
import type { AppEnv } from '../app-env';
import type { Deps } from '../deps';
import { rateLimited, unauthorized } from '../http/errors';
import { jsonBody } from '../http/validate';
import { ACCESS_TOKEN_SECONDS } from './access-tokens';
import { authenticate } from './authenticate';
import { decoyHash, verifyPassword } from './passwords';
import { REFRESH_TOKEN_DAYS } from './refresh-tokens';

export const REFRESH_COOKIE = 'hp_refresh';
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

  return new Hono<AppEnv>()
    .post('/login/', async (c) => {
      const { email, password } = await jsonBody(c, LoginRequest);
      const emailKey = `email:${email.toLowerCase()}`;
      const addressKey = `address:${clientAddress(c, deps.config.trustProxyHops)}`;
      const wait = Math.max(
        deps.loginThrottle.byEmail.retryAfter(emailKey),
        deps.loginThrottle.byAddress.retryAfter(addressKey),
      );
      if (wait > 0) {
        throw rateLimited(
          wait,
          `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`,
        );
      }
      const found = deps.accounts.findLogin(email);
      const isValid = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
      if (!found || !isValid) {
        deps.loginThrottle.byEmail.fail(emailKey);
        deps.loginThrottle.byAddress.fail(addressKey);
        throw unauthorized(WRONG_CREDENTIALS);
      }
      deps.loginThrottle.byEmail.reset(emailKey);
      setRefreshCookie(c, deps.refreshTokens.start(found.user.id), isSecure(c, deps.config.allowedOrigins));
      c.header('Cache-Control', 'no-store');
      return c.json(await session(found.user.id));
    })
    .post('/refresh/', async (c) => {
      const token = getCookie(c, REFRESH_COOKIE);
      if (!token) throw unauthorized('You are not signed in.');
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
      c.header('Cache-Control', 'no-store');
      return c.json(await session(outcome.userId));
    })
    .post('/logout/', (c) => {
      const token = getCookie(c, REFRESH_COOKIE);
      if (token) deps.refreshTokens.revoke(token);
      deleteCookie(c, REFRESH_COOKIE, { path: COOKIE_PATH, secure: isSecure(c, deps.config.allowedOrigins) });
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
    });
};

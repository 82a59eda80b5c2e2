import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Principal } from '../app-env';
import type { Deps } from '../deps';
import { forbidden, unauthorized } from '../http/errors';

type Scope = 'upload' | 'agent';

async function fromApiKey(deps: Deps, raw: string, scope: Scope | undefined): Promise<Principal> {
  const verified = await deps.keys.verify(raw);
  if ('problem' in verified) throw unauthorized(verified.problem);
  if (scope && !verified.scopes.includes(scope)) {
    const held = verified.scopes.length ? verified.scopes.join(', ') : 'none';
    throw forbidden(`This API key is not allowed to use ${scope} endpoints. It holds the scopes: ${held}.`, {
      required_scope: scope,
      scopes: verified.scopes,
    });
  }
  return verified;
}

async function fromBearer(deps: Deps, header: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('Send the token as "Authorization: Bearer <token>".');
  const claims = await deps.accessTokens.verify(match[1]!);
  if ('problem' in claims) throw unauthorized(claims.problem);
  // A token outlives nothing: a deleted user or an org change invalidates it at once.
  const user = deps.accounts.getUser(claims.userId);
  if (!user || user.organization.id !== claims.orgId)
    throw unauthorized('Your session is no longer valid. Sign in again.');
  return { kind: 'user', userId: user.id, orgId: user.organization.id };
}

async function principalOf(deps: Deps, c: Context, options: AuthOptions): Promise<Principal> {
  const apiKey = c.req.header('x-api-key');
  const bearer = c.req.header('authorization');
  if (apiKey !== undefined && options.apiKeys) return fromApiKey(deps, apiKey, options.scope);
  if (bearer !== undefined) return fromBearer(deps, bearer);
  if (apiKey !== undefined)
    throw unauthorized('API keys are not accepted on this endpoint. Sign in and use a Bearer token.');
  throw unauthorized(
    options.apiKeys
      ? 'Send an "X-API-Key" header or "Authorization: Bearer <token>".'
      : 'Send "Authorization: Bearer <token>".',
  );
}

interface AuthOptions {
  /** Whether `X-API-Key` is accepted here (uploads, files, agent and /auth/me/). */
  apiKeys: boolean;
  /** The API-key scope this route needs; JWTs carry every scope of their user. */
  scope?: Scope;
}

export const authenticate = (deps: Deps, options: AuthOptions) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = await principalOf(deps, c, options);
    c.set('principal', principal);
    c.set('orgId', principal.orgId);
    await next();
  });

import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'healthproximate';

interface AccessClaims {
  userId: string;
  orgId: string;
}

export function createAccessTokens(key: Uint8Array, now: () => Date) {
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  return {
    issue({ userId, orgId }: AccessClaims): Promise<string> {
      const issuedAt = nowSeconds();
      return new SignJWT({ org: orgId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
        .setJti(randomUUID())
        .sign(key);
    },
    /** Returns the claims, or a reason in words when the token cannot be used. */
    async verify(token: string): Promise<AccessClaims | { problem: string }> {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          currentDate: now(),
          requiredClaims: ['sub', 'org', 'exp', 'iat', 'jti'],
        });
        if (typeof payload.sub !== 'string' || typeof payload.org !== 'string') {
          return { problem: 'Your session token is not valid. Sign in again.' };
        }
        return { userId: payload.sub, orgId: payload.org };
      } catch (error) {
        if (error instanceof errors.JWTExpired)
          return { problem: 'Your session has expired. Sign in again.' };
        return { problem: 'Your session token is not valid. Sign in again.' };
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;

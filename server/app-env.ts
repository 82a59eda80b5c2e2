/** Who is calling: a signed-in user (JWT) or a service with an API key. */
export type Principal =
  | { kind: 'user'; userId: string; orgId: string }
  | { kind: 'api_key'; keyId: string; orgId: string; name: string; prefix: string; scopes: string[] };

export type ApiKeyPrincipal = Extract<Principal, { kind: 'api_key' }>;

/** Turns a raw API key into who is calling, or says why it cannot. */
export interface KeyVerifier {
  verify(raw: string): Promise<ApiKeyPrincipal | { problem: string }>;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
    /** Shorthand for principal.orgId, set by the auth middleware. */
    orgId: string;
  };
}

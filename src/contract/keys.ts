import * as z from 'zod/mini';
import { pageOf } from './pages';

export const API_KEY_SCOPES = ['upload', 'agent'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** `hpx_` and at least 32 base62 characters; anything else is not a key and is refused before any lookup. */
export const API_KEY_PATTERN = /^hpx_[0-9A-Za-z]{32,128}$/;

/** What anyone may see of a key: the secret itself is shown once, by the operator command, and never again. */
export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  created_at: z.string(),
  expires_at: z.nullable(z.string()),
  last_used_at: z.nullable(z.string()),
  revoked_at: z.nullable(z.string()),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const ApiKeyList = pageOf(ApiKey);
export type ApiKeyList = z.infer<typeof ApiKeyList>;

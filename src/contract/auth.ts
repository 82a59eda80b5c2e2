import * as z from 'zod/mini';

export const ORG_TYPES = ['hospital', 'provider', 'payor'] as const;
export const ROLES = ['analyst', 'admin'] as const;

export const Org = z.object({ id: z.string(), name: z.string(), type: z.enum(ORG_TYPES) });
export type Org = z.infer<typeof Org>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  organization: Org,
});
export type User = z.infer<typeof User>;

export const LoginRequest = z.object({
  email: z.string().check(z.trim(), z.email({ error: 'Enter a valid email address.' })),
  password: z
    .string()
    .check(
      z.minLength(1, { error: 'Enter your password.' }),
      z.maxLength(1024, { error: 'A password is at most 1024 characters.' }),
    ),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Session = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
  user: User,
});
export type Session = z.infer<typeof Session>;

export const ApiKeyIdentity = z.object({
  api_key: z.object({ name: z.string(), prefix: z.string(), scopes: z.array(z.string()) }),
  organization: Org,
});
export type ApiKeyIdentity = z.infer<typeof ApiKeyIdentity>;

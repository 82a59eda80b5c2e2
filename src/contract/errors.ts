import * as z from 'zod/mini';

/** Error types of the contract, each with the one status code it travels with. */
export const ERROR_STATUS = {
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  request_id: z.optional(z.string()),
  fields: z.optional(z.record(z.string(), z.string())),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Client-supplied request ids are echoed only when they look like ids (contract: Conventions). */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

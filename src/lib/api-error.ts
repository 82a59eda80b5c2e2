/** Every failed API call surfaces as this, whatever went wrong, so callers handle one shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly request_id: string | undefined;
  readonly fields: Record<string, string> | undefined;
  /** Seconds, from `Retry-After` on a 429 or 503. */
  readonly retry_after: number | undefined;

  constructor(init: {
    status: number;
    error: string;
    message: string;
    request_id?: string | undefined;
    fields?: Record<string, string> | undefined;
    retry_after?: number | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.error = init.error;
    this.request_id = init.request_id;
    this.fields = init.fields;
    this.retry_after = init.retry_after;
  }

  get isUnauthorized() {
    return this.status === 401;
  }
}

export const networkError = (cause: unknown) =>
  new ApiError({
    status: 0,
    error: 'network_error',
    message: 'Cannot reach the Healthproximate API. Check your connection and try again.',
    ...(cause instanceof Error ? { request_id: undefined } : {}),
  });

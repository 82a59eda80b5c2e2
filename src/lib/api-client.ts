import type * as z from 'zod/mini';
import { apiUrl } from '../config/env';
import { ErrorBody } from '../contract/errors';
import { ApiError, networkError } from './api-error';

export { ApiError } from './api-error';

/**
 * The session lives in the auth feature; it plugs in here so this module stays free of feature imports.
 * `refresh` must be single-flight: concurrent 401s share one refresh.
 */
export interface AuthBridge {
  accessToken(): string | null;
  refresh(): Promise<string | null>;
}

let auth: AuthBridge | null = null;
export const connectAuth = (bridge: AuthBridge) => {
  auth = bridge;
};

interface RequestOptions<T extends z.core.$ZodType | undefined> {
  body?: unknown;
  schema?: T;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** False for calls that must not carry or renew the session (sign-in, refresh, a pasted key check). */
  withSession?: boolean;
}

type Result<T> = T extends z.core.$ZodType ? z.infer<T> : unknown;

function retryAfterOf(response: Response): number | undefined {
  const raw = response.headers.get('retry-after');
  const seconds = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) ? seconds : undefined;
}

async function errorOf(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  const body = parsed.success ? parsed.data : null;
  return new ApiError({
    status: response.status,
    error: body?.error ?? 'http_error',
    message: body?.message ?? `The API answered ${response.status} ${response.statusText}.`,
    request_id: body?.request_id ?? requestId,
    fields: body?.fields,
    retry_after: retryAfterOf(response),
  });
}

/** Sends one request; the caller decides about retries. Exported for the SSE reader, which needs the raw response. */
export async function send(
  method: string,
  path: string,
  options: RequestOptions<undefined> & { accept?: string },
) {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json',
    ...options.headers,
  };
  const token = options.withSession === false ? null : auth?.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(apiUrl(path), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      // The refresh cookie is scoped to /api/v1/auth/ and must travel when the API is on another origin.
      credentials: path.startsWith('/auth/') ? 'include' : 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw networkError(error);
  }
}

/** Like `send`, but renews an expired session once and retries; non-2xx answers become `ApiError`s. */
export async function sendWithSession(
  method: string,
  path: string,
  options: RequestOptions<undefined> & { accept?: string },
): Promise<Response> {
  let response = await send(method, path, options);
  if (response.status === 401 && options.withSession !== false && auth?.accessToken()) {
    const renewed = await auth.refresh();
    if (renewed) response = await send(method, path, options);
  }
  if (!response.ok) throw await errorOf(response);
  return response;
}

async function request<T extends z.core.$ZodType | undefined = undefined>(
  method: string,
  path: string,
  options: RequestOptions<T> = {},
): Promise<Result<T>> {
  const { schema, ...rest } = options;
  const response = await sendWithSession(method, path, rest);
  if (response.status === 204) return undefined as Result<T>;
  // A proxy's HTML error page with a 200 must surface as an ApiError too, not as a SyntaxError.
  const data: unknown = await response.json().catch(() => undefined);
  if (!schema && data !== undefined) return data as Result<T>;
  const parsed = schema ? (schema as unknown as z.ZodMiniType).safeParse(data) : { success: false as const };
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      error: 'unexpected_response',
      message: 'The API answered in a shape this dashboard does not understand. Reload, or contact support.',
      request_id: response.headers.get('x-request-id') ?? undefined,
    });
  }
  return parsed.data as Result<T>;
}

export const api = {
  get: <T extends z.core.$ZodType | undefined = undefined>(path: string, options?: RequestOptions<T>) =>
    request('GET', path, options),
  post: <T extends z.core.$ZodType | undefined = undefined>(
    path: string,
    body?: unknown,
    options?: RequestOptions<T>,
  ) => request('POST', path, { ...options, body }),
  put: <T extends z.core.$ZodType | undefined = undefined>(
    path: string,
    body?: unknown,
    options?: RequestOptions<T>,
  ) => request('PUT', path, { ...options, body }),
  patch: <T extends z.core.$ZodType | undefined = undefined>(
    path: string,
    body?: unknown,
    options?: RequestOptions<T>,
  ) => request('PATCH', path, { ...options, body }),
  delete: <T extends z.core.$ZodType | undefined = undefined>(path: string, options?: RequestOptions<T>) =>
    request('DELETE', path, options),
};

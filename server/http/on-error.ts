import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../../src/contract/errors';
import type { AppEnv } from '../app-env';
import type { Log } from '../lib/log';
import { HttpError } from './errors';

function send(c: Context<AppEnv>, error: HttpError) {
  const requestId = c.get('requestId');
  const body: ErrorBody & object = {
    ...(error.extra.body ?? {}),
    error: error.type,
    message: error.message,
    request_id: requestId,
    ...(error.extra.fields ? { fields: error.extra.fields } : {}),
  };
  if (error.extra.retryAfterSeconds !== undefined) {
    c.header('Retry-After', String(Math.max(1, Math.ceil(error.extra.retryAfterSeconds))));
  }
  c.header('X-Request-Id', requestId);
  return c.json(body, error.status as ContentfulStatusCode);
}

/** Hono's own exceptions (e.g. the body limit) become contract errors too. */
function fromHonoException(error: HTTPException): HttpError {
  switch (error.status) {
    case 413:
      return new HttpError('payload_too_large', 'The request body is too large for this endpoint.');
    case 415:
      return new HttpError('unsupported_media_type', 'Send the request body as application/json.');
    case 401:
      return new HttpError('unauthorized', 'Sign in to continue.');
    default:
      return new HttpError('validation_error', error.message || 'The request could not be read.');
  }
}

export const onError =
  (log: Log): ErrorHandler<AppEnv> =>
  (error, c) => {
    if (error instanceof HttpError) return send(c, error);
    if (error instanceof HTTPException) return send(c, fromHonoException(error));
    log({
      level: 'error',
      event: 'request_failed',
      request_id: c.get('requestId'),
      path: c.req.path,
      error: String(error.stack ?? error),
    });
    return send(
      c,
      new HttpError('internal_error', 'Something went wrong on our side. Try again in a moment.'),
    );
  };

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  send(c, new HttpError('not_found', `There is no ${c.req.method} ${c.req.path} endpoint. Check the URL.`));

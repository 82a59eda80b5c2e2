import { ERROR_STATUS, type ErrorType } from '../../src/contract/errors';

/** Every failure the API reports goes through this one type, so one handler can shape the body. */
export class HttpError extends Error {
  readonly status: (typeof ERROR_STATUS)[ErrorType];

  constructor(
    readonly type: ErrorType,
    message: string,
    readonly extra: { fields?: Record<string, string>; retryAfterSeconds?: number; body?: object } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = ERROR_STATUS[type];
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new HttpError('validation_error', message, fields ? { fields } : {});
export const unauthorized = (message = 'Sign in to continue.') => new HttpError('unauthorized', message);
export const forbidden = (message: string, body?: object) =>
  new HttpError('forbidden', message, body ? { body } : {});
export const notFound = (what = 'That resource') =>
  new HttpError('not_found', `${what} was not found in your organization.`);
export const rateLimited = (retryAfterSeconds: number, message: string) =>
  new HttpError('rate_limited', message, { retryAfterSeconds });

import type { MiddlewareHandler } from 'hono';
import { accessDenied } from './s3-error';

const ALLOWED_METHODS = ['PUT', 'POST', 'GET', 'DELETE', 'HEAD'];
const EXPOSED_HEADERS = 'ETag, Location, x-amz-request-id, Content-Range, Content-Length';
const MAX_AGE_SECONDS = '3600';
const ALLOWED_HEADER_NAMES = new Set([
  'content-type',
  'content-md5',
  'content-length',
  'range',
  'authorization',
  // Upload URLs are signed with If-None-Match: * (see checkWritePreconditions).
  'if-none-match',
  'if-match',
]);

const isAllowedHeader = (name: string) => ALLOWED_HEADER_NAMES.has(name) || name.startsWith('x-amz-');

/**
 * S3-style CORS: an allowed origin is echoed exactly (never `*`, so credentials-free fetches and caches
 * agree); a disallowed origin gets no CORS headers at all, and its preflight is refused as S3 does.
 */
export function cors(allowedOrigins: string[]): MiddlewareHandler {
  const isAllowedOrigin = (origin: string) => allowedOrigins.includes(origin) || allowedOrigins.includes('*');

  return async (c, next) => {
    const origin = c.req.header('origin');
    const requestedMethod = c.req.header('access-control-request-method');
    if (c.req.method === 'OPTIONS' && origin !== undefined && requestedMethod !== undefined) {
      const requestedHeaders = (c.req.header('access-control-request-headers') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name.length > 0);
      if (
        !isAllowedOrigin(origin) ||
        !ALLOWED_METHODS.includes(requestedMethod.toUpperCase()) ||
        !requestedHeaders.every(isAllowedHeader)
      ) {
        throw accessDenied('CORSResponse: This CORS request is not allowed.');
      }
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', ALLOWED_METHODS.join(', '));
      if (requestedHeaders.length > 0) c.header('Access-Control-Allow-Headers', requestedHeaders.join(', '));
      c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      c.header('Access-Control-Max-Age', MAX_AGE_SECONDS);
      c.header('Vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method');
      return c.body(null, 200);
    }
    await next();
    if (origin !== undefined && isAllowedOrigin(origin)) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
      c.res.headers.append('Vary', 'Origin');
    }
  };
}

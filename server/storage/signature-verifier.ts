import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { accessDenied, S3Error } from './s3-error';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';
/** S3 tolerates this much clock difference between signer and store. */
const ALLOWED_SKEW_MS = 15 * 60 * 1000;

interface SignedRequest {
  method: string;
  /** The path exactly as it arrived on the wire (still percent-encoded): S3 signs it without re-encoding. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export type Authorization =
  | { kind: 'presigned'; signature: string; expiresAt: Date }
  | { kind: 'header'; signature: string; payloadHash: string };

interface SignatureVerifierOptions {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  now: () => Date;
  maxExpiresSeconds: number;
}

const queryError = (message: string) => new S3Error('AuthorizationQueryParametersError', 400, message);
const headerError = (message: string) => new S3Error('AuthorizationHeaderMalformed', 400, message);
const signatureMismatch = () =>
  new S3Error(
    'SignatureDoesNotMatch',
    403,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

function parseAmzDate(text: string | undefined): Date | undefined {
  const match = text ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text) : null;
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isSameSignature(expected: string, provided: string): boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  const providedBytes = Buffer.from(provided, 'utf8');
  return expectedBytes.length === providedBytes.length && timingSafeEqual(expectedBytes, providedBytes);
}

const singleValue = (value: string | string[] | undefined) => (Array.isArray(value) ? undefined : value);

/**
 * Verifies SigV4 (presigned query or Authorization header) by re-signing the request with the SDK's own
 * signer, restricted to the headers the client says it signed, and comparing signatures.
 */
export function createSignatureVerifier(options: SignatureVerifierOptions) {
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
  });

  function checkCredential(credential: string, date: Date, fail: (message: string) => S3Error) {
    const [accessKeyId, shortDate, region, service, terminator, ...rest] = credential.split('/');
    if (!terminator || rest.length > 0 || service !== 's3' || terminator !== 'aws4_request') {
      throw fail(`Error parsing the Credential parameter: '${credential}'.`);
    }
    if (accessKeyId !== options.credentials.accessKeyId) {
      throw new S3Error(
        'InvalidAccessKeyId',
        403,
        'The AWS Access Key Id you provided does not exist in our records.',
      );
    }
    if (region !== options.region) {
      throw fail(`The region '${region}' is wrong; expecting '${options.region}'.`);
    }
    if (shortDate !== date.toISOString().slice(0, 10).replace(/-/g, '')) {
      throw fail('Invalid credential date. Date is not the same as X-Amz-Date.');
    }
  }

  function pickSignedHeaders(request: SignedRequest, signedHeaderNames: string[]) {
    if (!signedHeaderNames.includes('host')) throw signatureMismatch();
    const headers: Record<string, string> = {};
    for (const name of signedHeaderNames) {
      const value = request.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    return headers;
  }

  async function verifyPresigned(request: SignedRequest): Promise<Authorization> {
    const parameter = (name: string) => singleValue(request.query[name]);
    const [algorithm, credential, amzDate, expires, signedHeaders, signature] = [
      'X-Amz-Algorithm',
      'X-Amz-Credential',
      'X-Amz-Date',
      'X-Amz-Expires',
      'X-Amz-SignedHeaders',
      'X-Amz-Signature',
    ].map(parameter);
    if (!algorithm || !credential || !amzDate || !expires || !signedHeaders || !signature) {
      throw queryError(
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      );
    }
    if (algorithm !== ALGORITHM) throw queryError(`X-Amz-Algorithm only supports "${ALGORITHM}".`);
    const signingDate = parseAmzDate(amzDate);
    if (!signingDate)
      throw queryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".");
    if (!/^\d{1,7}$/.test(expires) || Number(expires) < 1) {
      throw queryError('X-Amz-Expires must be a positive integer number of seconds.');
    }
    const expiresIn = Number(expires);
    if (expiresIn > options.maxExpiresSeconds) {
      throw queryError(`X-Amz-Expires must be less than or equal to ${options.maxExpiresSeconds} seconds.`);
    }
    checkCredential(credential, signingDate, queryError);
    const now = options.now().getTime();
    const expiresAt = new Date(signingDate.getTime() + expiresIn * 1000);
    if (now > expiresAt.getTime()) throw accessDenied('Request has expired');
    if (now < signingDate.getTime() - ALLOWED_SKEW_MS) throw accessDenied('Request is not valid yet');

    const signedHeaderNames = signedHeaders.split(';');
    const headers = pickSignedHeaders(request, signedHeaderNames);
    const isPayloadHashSigned = PAYLOAD_HASH_HEADER in headers;
    // Presigned URLs always sign UNSIGNED-PAYLOAD; the signer reads the hash from this header.
    if (!isPayloadHashSigned) headers[PAYLOAD_HASH_HEADER] = UNSIGNED_PAYLOAD;
    const { 'X-Amz-Signature': _, ...query } = request.query;
    const presigned = await signer.presign(
      new HttpRequest({ method: request.method, path: request.path, query, headers }),
      {
        signingDate,
        expiresIn,
        signableHeaders: new Set(signedHeaderNames),
        unsignableHeaders: isPayloadHashSigned ? undefined : new Set([PAYLOAD_HASH_HEADER]),
        unhoistableHeaders: new Set(Object.keys(headers)),
      },
    );
    const expected = presigned.query?.['X-Amz-Signature'];
    if (typeof expected !== 'string' || !isSameSignature(expected, signature)) throw signatureMismatch();
    return { kind: 'presigned', signature, expiresAt };
  }

  async function verifyHeader(request: SignedRequest, authorization: string): Promise<Authorization> {
    const match =
      /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-f]+)\s*$/.exec(
        authorization,
      );
    if (!match) {
      if (!authorization.startsWith(`${ALGORITHM} `)) {
        throw new S3Error('InvalidRequest', 400, `Only ${ALGORITHM} authorization is supported.`);
      }
      throw headerError('The authorization header is malformed.');
    }
    const [, credential = '', signedHeaders = '', signature = ''] = match;
    const signingDate = parseAmzDate(request.headers['x-amz-date']);
    if (!signingDate) throw accessDenied('AWS authentication requires a valid x-amz-date header');
    checkCredential(credential, signingDate, headerError);
    if (Math.abs(options.now().getTime() - signingDate.getTime()) > ALLOWED_SKEW_MS) {
      throw new S3Error(
        'RequestTimeTooSkewed',
        403,
        'The difference between the request time and the current time is too large.',
      );
    }
    const payloadHash = request.headers[PAYLOAD_HASH_HEADER];
    if (!payloadHash) {
      throw new S3Error(
        'InvalidRequest',
        400,
        `Missing required header for this request: ${PAYLOAD_HASH_HEADER}`,
      );
    }
    const signedHeaderNames = signedHeaders.split(';');
    const headers = pickSignedHeaders(request, signedHeaderNames);
    const isPayloadHashSigned = PAYLOAD_HASH_HEADER in headers;
    headers[PAYLOAD_HASH_HEADER] = payloadHash;
    const signed = await signer.sign(
      new HttpRequest({ method: request.method, path: request.path, query: request.query, headers }),
      {
        signingDate,
        signableHeaders: new Set(signedHeaderNames),
        unsignableHeaders: isPayloadHashSigned ? undefined : new Set([PAYLOAD_HASH_HEADER]),
      },
    );
    const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
    if (!isSameSignature(expected, signature)) throw signatureMismatch();
    return { kind: 'header', signature, payloadHash };
  }

  return async function verify(request: SignedRequest): Promise<Authorization> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return verifyHeader(request, authorization);
    if (request.query['X-Amz-Signature'] !== undefined || request.query['X-Amz-Credential'] !== undefined) {
      return verifyPresigned(request);
    }
    throw accessDenied();
  };
}

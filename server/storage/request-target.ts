import { S3Error } from './s3-error';

export interface RequestTarget {
  /** The path as sent, percent-encoding intact: what the client signed. */
  rawPath: string;
  bucket: string;
  /** Decoded object key; empty for requests on the bucket itself. */
  key: string;
  /** Decoded query parameters; a repeated name becomes an array, a bare name (`?uploads`) is ''. */
  query: Record<string, string | string[]>;
}

const MAX_KEY_BYTES = 1024;

const invalidUri = () => new S3Error('InvalidURI', 400, "Couldn't parse the specified URI.");

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidUri();
  }
}

/** Splits a path-style request target (`/<bucket>/<key…>?<query>`) without normalizing it. */
export function parseRequestTarget(target: string): RequestTarget {
  const queryStart = target.indexOf('?');
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  const rawQuery = queryStart < 0 ? '' : target.slice(queryStart + 1);
  if (!rawPath.startsWith('/')) throw invalidUri();

  const bucketEnd = rawPath.indexOf('/', 1);
  const bucket = decode(bucketEnd < 0 ? rawPath.slice(1) : rawPath.slice(1, bucketEnd));
  const key = bucketEnd < 0 ? '' : decode(rawPath.slice(bucketEnd + 1));
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    throw new S3Error('KeyTooLongError', 400, 'Your key is too long.');
  }

  const query: Record<string, string | string[]> = {};
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const name = decode(separator < 0 ? pair : pair.slice(0, separator));
    const value = separator < 0 ? '' : decode(pair.slice(separator + 1));
    const existing = query[name];
    query[name] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return { rawPath, bucket, key, query };
}

export function queryValue(query: RequestTarget['query'], name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

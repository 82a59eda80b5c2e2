import { S3Error } from './s3-error';

interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * Resolves a `Range: bytes=…` header against an object size. Like S3, anything but one well-formed range
 * is ignored (the whole object is sent); a well-formed range that misses the object is InvalidRange.
 */
export function resolveByteRange(header: string | undefined, size: number): ByteRange | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, startText = '', endText = ''] = match;
  if (startText === '' && endText === '') return undefined;
  let range: ByteRange;
  if (startText === '') {
    const suffixLength = Number(endText);
    if (suffixLength === 0) throw invalidRange(size);
    range = { start: Math.max(0, size - suffixLength), end: size - 1 };
  } else {
    const start = Number(startText);
    const end = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
    if (endText !== '' && Number(endText) < start) return undefined;
    range = { start, end };
  }
  if (range.start >= size || range.end < range.start) throw invalidRange(size);
  return range;
}

function invalidRange(size: number) {
  return new S3Error('InvalidRange', 416, 'The requested range is not satisfiable', {
    'Content-Range': `bytes */${size}`,
  });
}

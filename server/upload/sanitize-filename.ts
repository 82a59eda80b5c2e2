import { type AllowedExtension, allowedExtensionOf } from '../../src/contract/upload';

/** Object keys and download names stay well inside every store's and file system's limits. */
export const MAX_FILENAME_BYTES = 200;
/** What is left when a name holds nothing usable: plain, obviously generated, never hidden. */
export const FALLBACK_STEM = 'untitled';

// Bidi embeddings, overrides and isolates (U+202E makes "evil‮fdp.exe" read as "evilexe.pdf"), the
// Arabic letter mark, line and paragraph separators, and the byte order mark. Zero-width joiners stay:
// emoji sequences need them.
const INVISIBLE_CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF\uFFFD]/gu;
const PATH_SEPARATOR = /[/\\]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cuts at whole graphemes, so neither a code point nor an emoji sequence is split. */
function truncateToBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Bytes(segment);
    if (used + size > maxBytes) break;
    kept += segment;
    used += size;
  }
  return kept;
}

export interface SanitizedFilename {
  filename: string;
  /** Null when the name does not end in an allowed extension (the caller refuses it). */
  extension: AllowedExtension | null;
}

/**
 * The contract's rules: Unicode NFC; a path keeps only its last segment (as a browser's File.name would);
 * no control or bidi characters; no leading dots; at most 200 bytes of UTF-8, cut from the stem so the
 * extension survives; "untitled" when nothing is left of the stem.
 */
export function sanitizeFilename(raw: string): SanitizedFilename {
  const lastSegment = raw.replace(LONE_SURROGATE, '').normalize('NFC').split(PATH_SEPARATOR).pop() ?? '';
  // Tabs and line breaks separate words, so they become spaces before the other controls go.
  const cleaned = lastSegment.replace(/\s+/g, ' ').replace(INVISIBLE_CONTROLS, '').trim();
  const extension = allowedExtensionOf(cleaned);
  const rawStem = extension ? cleaned.slice(0, cleaned.length - extension.length) : cleaned;
  // Trailing dots and spaces vanish on Windows, which would change the extension there.
  const stem = rawStem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const ending = extension ? cleaned.slice(cleaned.length - extension.length) : '';
  const kept = truncateToBytes(stem, MAX_FILENAME_BYTES - utf8Bytes(ending)).trimEnd() || FALLBACK_STEM;
  return { filename: `${kept}${ending}`, extension };
}

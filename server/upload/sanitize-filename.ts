import { type AllowedExtension, allowedExtensionOf } from '../../src/contract/upload';

/** Object keys and download names stay well inside every store's and file system's limits. */
export const MAX_FILENAME_BYTES = 200;
/** What is left when a name holds nothing usable: plain, obviously generated, never hidden. */
const FALLBACK_STEM = 'untitled';

// Bidi embeddings, overrides and isolates (U+202E makes "evil‮fdp.exe" read as "evilexe.pdf"), the
// Arabic letter mark, line and paragraph separators, and the byte order mark.
const INVISIBLE_CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF\uFFFD]/gu;
// Zero-width characters that only hide text: zero-width space and non-joiner, word joiner, invisible
// operators, the Mongolian vowel separator and the soft hyphen. A zero-width joiner stays only inside an
// emoji sequence (👩‍⚕️ needs it); anywhere else it hides too.
const ZERO_WIDTH = /[\u00AD\u180E\u200B\u200C\u2060-\u2064]/g;
const STRAY_JOINER =
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}]\uFE0F?)\u200D|\u200D(?![\p{Extended_Pictographic}])/gu;
// Look-alikes of / and \ (fullwidth ／ and ＼, division and fraction slashes, big solidi) make a name read
// as a folder path.
const LOOKALIKE_SEPARATORS = /[\uFF0F\uFF3C\u2215\u2044\u29F8\u29F9]/g;
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

interface SanitizedFilename {
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
  const cleaned = lastSegment
    .replace(/\s+/g, ' ')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(ZERO_WIDTH, '')
    .replace(STRAY_JOINER, '')
    .replace(LOOKALIKE_SEPARATORS, '')
    .trim();
  const extension = allowedExtensionOf(cleaned);
  const rawStem = extension ? cleaned.slice(0, cleaned.length - extension.length) : cleaned;
  // Trailing dots and spaces vanish on Windows, which would change the extension there.
  const stem = rawStem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const ending = extension ? cleaned.slice(cleaned.length - extension.length) : '';
  const kept = truncateToBytes(stem, MAX_FILENAME_BYTES - utf8Bytes(ending)).trimEnd() || FALLBACK_STEM;
  return { filename: `${kept}${ending}`, extension };
}

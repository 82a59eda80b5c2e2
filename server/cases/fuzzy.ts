// Similarity for entity names: character trigrams (robust to typos and plural endings) combined with
// token coverage (robust to word order and extra words). Scores run 0..1.

/** Words that tell no name from another ("of", "the", and a surgeon's title). */
export const NAME_STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'of',
  'the',
  'with',
  'without',
  'for',
  'in',
  'on',
  'to',
  'or',
  'dr',
  's',
]);

export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/\.(?![a-z0-9])|(?<![a-z0-9])\./g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export function tokens(text: string): string[] {
  return normalizeText(text)
    .split(' ')
    .filter((token) => token !== '' && !NAME_STOPWORDS.has(token));
}

const trigramCache = new Map<string, Set<string>>();

export function trigrams(word: string): Set<string> {
  const cached = trigramCache.get(word);
  if (cached) return cached;
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let index = 0; index + 3 <= padded.length; index++) grams.add(padded.slice(index, index + 3));
  if (trigramCache.size > 50_000) trigramCache.clear();
  trigramCache.set(word, grams);
  return grams;
}

/** Dice coefficient over character trigrams. */
export function trigramSimilarity(left: string, right: string): number {
  if (left === right) return 1;
  const a = trigrams(left);
  const b = trigrams(right);
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Near-misses count only when they are close; a shared suffix alone should not look like a match. */
function closeness(left: string, right: string): number {
  const similarity = trigramSimilarity(left, right);
  return similarity >= 0.5 ? similarity : 0;
}

/** How a word typed with one or two slips scores against the word meant. */
const TYPO_SIMILARITY = [1, 0.9, 0.8];

/**
 * Scores candidate names against one text. Each distinct candidate word is compared with the text's words
 * once and remembered, so scoring thousands of names against a whole question stays cheap.
 */
export class TextMatcher {
  readonly tokens: string[];
  private readonly rows = new Map<string, number[]>();

  /** `known`: the words of every candidate name. A text word that is one of them is taken as written; any other
   *  word may be a typo of a name's word (`isTypoOf`) and then scores nearly as well as the word itself. */
  constructor(
    text: string,
    private readonly known: ReadonlySet<string> = new Set(),
  ) {
    this.tokens = tokens(text);
  }

  private row(word: string): number[] {
    let row = this.rows.get(word);
    if (!row) {
      row = this.tokens.map((token) => {
        const near = closeness(token, word);
        if (near === 1 || this.known.has(token) || !isTypoOf(token, word)) return near;
        return Math.max(near, TYPO_SIMILARITY[editDistance(token, word, 2)] ?? 0);
      });
      this.rows.set(word, row);
    }
    return row;
  }

  /** What the words of `start..end` say weighs more than what the candidate adds beyond them. */
  private windowScore(candidate: string[], start: number, end: number): number {
    const rows = candidate.map((word) => this.row(word));
    let textCoverage = 0;
    for (let index = start; index < end; index++) {
      let best = 0;
      for (const row of rows) best = Math.max(best, row[index] ?? 0);
      textCoverage += best;
    }
    let candidateCoverage = 0;
    for (const row of rows) {
      let best = 0;
      for (let index = start; index < end; index++) best = Math.max(best, row[index] ?? 0);
      candidateCoverage += best;
    }
    return 0.6 * (textCoverage / (end - start)) + 0.4 * (candidateCoverage / candidate.length);
  }

  /**
   * Best similarity of the candidate to any stretch of the text about its own length, so an entity
   * mentioned inside a whole question scores as if it had been given alone. Exact wording scores 1.
   */
  score(candidate: string[]): number {
    if (this.tokens.length === 0 || candidate.length === 0) return 0;
    const phrase = candidate.join(' ');
    if (this.tokens.length <= candidate.length + 1) {
      if (this.tokens.join(' ') === phrase) return 1;
      const whole = trigramSimilarity(this.tokens.join(' '), phrase);
      return Math.min(0.99, Math.max(whole, this.windowScore(candidate, 0, this.tokens.length)));
    }
    let best = 0;
    for (const size of new Set([Math.max(1, candidate.length - 1), candidate.length, candidate.length + 1])) {
      for (let start = 0; start + size <= this.tokens.length; start++) {
        if (size === candidate.length && this.tokens.slice(start, start + size).join(' ') === phrase)
          return 1;
        best = Math.max(best, this.windowScore(candidate, start, start + size));
      }
    }
    return Math.min(0.99, best);
  }
}

export function phraseSimilarity(text: string, candidate: string): number {
  return new TextMatcher(text).score(tokens(candidate));
}

/** Codes compare without case or dots: "m17.11", "M1711" and "M17.11" are one code. */
export function compactCode(code: string): string {
  return code.toUpperCase().replace(/[.\s]/g, '');
}

/**
 * Edits a typo may hold and still be read as the word meant, scaled to the word's length: short words are
 * too easily another word (none for up to 3 letters), long ones survive two slips.
 */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of
 * two neighbouring letters each count one). Stops early: any distance above `limit` comes back as `limit + 1`.
 */
export function editDistance(left: string, right: string, limit = Number.POSITIVE_INFINITY): number {
  if (left === right) return 0;
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  const width = right.length + 1;
  let twoBack = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let row = 1; row <= left.length; row++) {
    current[0] = row;
    let rowBest = row;
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (
        row > 1 &&
        column > 1 &&
        left[row - 1] === right[column - 2] &&
        left[row - 2] === right[column - 1]
      ) {
        value = Math.min(value, twoBack[column - 2]! + 1);
      }
      current[column] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  const distance = previous[right.length]!;
  return distance > limit ? limit + 1 : distance;
}

/**
 * True when `typed` reads as a slip of `word`: within the edits its length allows, and with its first letter
 * kept (or swapped with the second). People rarely mistype the first letter, and allowing it would turn one
 * real word into another ("lobectomy" into "colectomy").
 */
export function isTypoOf(typed: string, word: string): boolean {
  if (typed === word) return false;
  const allowed = allowedEdits(typed.length);
  if (allowed === 0) return false;
  const keepsStart =
    typed[0] === word[0] || (typed[0] === word[1] && typed[1] === word[0] && typed.length > 1);
  return keepsStart && editDistance(typed, word, allowed) <= allowed;
}

// The question as a string from which recognised phrases are cut out one by one; what is left
// over at the end is the entity text. Cut-out spans become a separator character so that no
// later pattern can match across them and the leftover splits naturally into segments.

const CUT = '\uE000';

type Taken = RegExpExecArray & { originals: string[] };

/** Tidies the question so patterns only deal with one spelling of quotes, dashes and spaces. */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[?!;:"()[\]{}\u201c\u201d]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');
}

export class Remainder {
  private original: string;
  private lower: string;

  constructor(text: string) {
    const lower = text.toLowerCase();
    // Lower-casing can change the length of a few scripts; then positions no longer line up.
    this.original = lower.length === text.length ? text : lower;
    this.lower = lower;
  }

  /** Cuts every match out and returns them (matched against the lower-case text). */
  takeAll(pattern: RegExp): RegExpExecArray[] {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    const matches = [...this.lower.matchAll(global)] as RegExpExecArray[];
    for (const match of matches) this.cut(match.index, match[0].length);
    return matches;
  }

  /** Cuts the first match out and returns it, with the original-case text of each group in `originals`. */
  take(pattern: RegExp): Taken | null {
    const match = new RegExp(pattern.source, `${pattern.flags.replace(/[gd]/g, '')}d`).exec(this.lower);
    if (!match) return null;
    const originals = (match.indices ?? []).map((span) =>
      span ? this.original.slice(span[0], span[1]) : '',
    );
    this.cut(match.index, match[0].length);
    return Object.assign(match, { originals });
  }

  /** The first match, without cutting it. */
  find(pattern: RegExp): RegExpExecArray | null {
    return new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(this.lower);
  }

  test(pattern: RegExp): boolean {
    return new RegExp(pattern.source, pattern.flags.replace('g', '')).test(this.lower);
  }

  /** The leftover pieces in their original case, split at cuts and commas. */
  segments(): string[] {
    return this.original
      .split(new RegExp(`[${CUT},]+`))
      .map((piece) => piece.trim())
      .filter((piece) => piece.length > 0);
  }

  private cut(start: number, length: number): void {
    const cuts = CUT.repeat(length);
    this.lower = this.lower.slice(0, start) + cuts + this.lower.slice(start + length);
    this.original = this.original.slice(0, start) + cuts + this.original.slice(start + length);
  }
}

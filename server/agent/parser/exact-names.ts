import type { EntityKind, MatchCandidate } from '../../cases/types';
import { wordsOf } from './entities';
import { EXCLUDING_WORDS } from './filters';
import type { Piece } from './pieces';
import type { Remainder } from './remainder';
import type { Resolve } from './types';

/** Candidates scoring below this against the whole question are not worth looking for word for word. */
const EXACT_CANDIDATE_SCORE = 0.9;
const EXCLUDING = EXCLUDING_WORDS;

/**
 * A clinical name written out in full, as the catalog spells it, is cut out before anything else reads the
 * question, so its commas, "with" or "without" cannot split it and "total" or "except" inside it are not
 * read as words of the question. The longest such name wins; one-word names are left to the resolver, and
 * a name after "excluding" is left to the exclusion reader. A "with" just before it is kept as its lead.
 */
export function takeExactName(
  remainder: Remainder,
  resolve: Resolve,
  kinds: EntityKind[],
): Piece | undefined {
  const text = remainder.segments().join(' ');
  if (!text) return undefined;
  const resolution = resolve(text, kinds);
  const names = [resolution.best, ...resolution.alternatives]
    .filter(
      (candidate): candidate is MatchCandidate => !!candidate && candidate.score >= EXACT_CANDIDATE_SCORE,
    )
    .map((candidate) => candidate.name)
    .filter((name) => wordsOf(name).length >= 2)
    .sort((left, right) => right.length - left.length);
  for (const name of names) {
    const literal = literalPattern(name);
    if (remainder.test(new RegExp(`\\b${EXCLUDING} (?:\\S+ ){0,3}?${literal}`, 'u'))) continue;
    const taken = remainder.take(new RegExp(`(?:\\b(with) )?(${literal})`, 'u'));
    if (taken) return { lead: taken[1] ? 'with' : '', text: taken.originals[2] ?? name };
  }
  return undefined;
}

/** The name's words in order, with any punctuation or spacing between them, and an optional plural. */
function literalPattern(name: string): string {
  return `(?<![\\p{L}\\p{N}])${wordsOf(name).join('[^\\p{L}\\p{N}\\uE000]+')}(?:e?s)?(?![\\p{L}\\p{N}])`;
}

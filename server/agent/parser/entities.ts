import { isTypoOf, NAME_STOPWORDS } from '../../cases/fuzzy';
import { LAY_SYNONYMS } from '../../cases/lay-synonyms';
import type { EntityKind, MatchCandidate, Pivot, Resolution } from '../../cases/types';
import { stripFiller } from './filler';
import { namesEveryWord, type Piece, splitJoined, splitPieces, trimJoiners } from './pieces';
import { clarify } from './problem';
import { QUESTION_WORDS } from './question-words';
import type { Resolve } from './types';

export const CLINICAL_KINDS: EntityKind[] = ['procedure', 'condition', 'drg'];
export const DIMENSION_KINDS: Pivot[] = ['surgeon', 'payor', 'provider', 'client'];

interface Resolved {
  piece: Piece;
  resolution: Resolution;
  match: MatchCandidate;
  /** One of several entries a shorthand names together ("OA"): kept as one filter, never compared. */
  grouped?: boolean;
}

interface ResolvedPieces {
  matches: Resolved[];
  /** Pieces no kind recognised, in the question's words. */
  unknown: string[];
  /** The same pieces with the word that led each one ("for", "dr"…). */
  unknownPieces: Piece[];
  resolutions: Resolution[];
}

// Adjectives people use for a condition, mapped to the noun a catalog names it by.
const CONDITION_ADJECTIVES: Record<string, string> = {
  diabetic: 'diabetes',
  hypertensive: 'hypertension',
  obese: 'obesity',
  asthmatic: 'asthma',
  arthritic: 'arthritis',
  anemic: 'anemia',
  anaemic: 'anaemia',
};

const KEYWORD_KINDS: [RegExp, EntityKind[]][] = [
  [/^(?:dr\.?|doctor|surgeon|physician)\s+/i, ['surgeon']],
  [/^(?:payor|payer|insurer|plan)\s+/i, ['payor']],
  [/^(?:client|customer)\s+/i, ['client']],
  [/^(?:provider|facility|hospital|site)\s+/i, ['provider']],
  [/^(?:drg|ms-drg)\s*#?\s*/i, ['drg']],
  [/^(?:cpt|hcpcs|icd-10-pcs|pcs)\s*#?\s*/i, ['procedure']],
  [/^(?:icd-10-cm|icd-10|icd10|icd|diagnosis)\s*#?\s*/i, ['condition']],
];

/**
 * Like splitPieces, but keeps a segment whole when its full text resolves to a name holding every one of
 * its words, so names with prepositions ("Replacement of right knee joint") are not cut apart.
 */
export function piecesOf(segments: string[], choice: KindChoice, resolve: Resolve): Piece[] {
  return segments.flatMap((segment) => {
    const pieces = splitPieces([segment]);
    if (pieces.length < 2) return pieces;
    const whole: Piece = { lead: '', text: trimJoiners(stripFiller(segment)) };
    const { resolution } = resolvePiece(whole, choice, resolve);
    const best = resolution.best;
    return best && !resolution.ambiguous && namesEveryWord(best.name, whole.text) ? [whole] : pieces;
  });
}

export interface KindChoice {
  clinical: EntityKind[];
  dimensions: EntityKind[];
  /** Kinds for a piece led by "with" (predictions read it as a secondary condition). */
  withKinds?: EntityKind[];
}

/**
 * Resolves each piece against clinical and dimension kinds and keeps whichever fits better. A piece
 * joined by "and"/"or" stays whole only when the match names every word of it (as "Major hip and knee
 * joint replacement" does); otherwise each side is resolved alone, so no name is silently dropped.
 */
export function resolvePieces(pieces: Piece[], choice: KindChoice, resolve: Resolve): ResolvedPieces {
  const result: ResolvedPieces = { matches: [], unknown: [], unknownPieces: [], resolutions: [] };
  // "knee vs hip replacement": the comparison cut the question into "knee" and "hip replacement".
  const shared = pieces.map((piece, index) =>
    index + 1 < pieces.length ? shareHeadNoun([piece, pieces[index + 1]!], choice, resolve)[0]! : piece,
  );
  for (const piece of shared) {
    const whole = resolvePiece(piece, choice, resolve);
    const parts = splitJoined(piece);
    const best = whole.resolution.best;
    if (parts.length > 1 && !(best && !whole.resolution.ambiguous && namesEveryWord(best.name, piece.text))) {
      for (const part of shareHeadNoun(parts, choice, resolve)) {
        for (const side of splitTwoNames(resolvePiece(part, choice, resolve), choice, resolve))
          record(result, settleWeak(side, choice, resolve));
      }
    } else {
      for (const side of splitTwoNames(whole, choice, resolve))
        record(result, settleWeak(side, choice, resolve));
    }
  }
  return result;
}

/**
 * "knee vs hip replacement", "hip and knee replacements": a lone word joined to a longer name shares that name's
 * head noun, when the word with it is a clear name and the word alone is not.
 */
function shareHeadNoun(parts: Piece[], choice: KindChoice, resolve: Resolve): Piece[] {
  const last = parts[parts.length - 1]!;
  const tail = last.text.split(' ').slice(1).join(' ');
  if (!tail) return parts;
  return parts.map((part, index) => {
    if (index === parts.length - 1 || part.text.includes(' ')) return part;
    const alone = resolvePiece(part, choice, resolve).resolution;
    if (alone.best && !alone.ambiguous && alone.best.score >= SURE_MATCH) return part;
    const joined = { lead: part.lead, text: `${part.text} ${tail}` };
    const resolution = resolvePiece(joined, choice, resolve).resolution;
    return resolution.best && !resolution.ambiguous && resolution.best.score >= SURE_MATCH ? joined : part;
  });
}

/** A side of a split this sure of its name is taken even when the whole matched one name better. */
const CLEAR_SIDE = 0.8;

/** Longest piece worth trying every two-way split of (each split costs a few resolver calls). */
const MAX_SPLIT_WORDS = 8;

/**
 * A piece such as "Aetna knee replacement" holds two names with nothing between them. When its match
 * leaves some of its words unnamed, the best two-way split whose sides each match at least as well
 * (and clearly) replaces it.
 */
function splitTwoNames(
  outcome: { piece: Piece; resolution: Resolution },
  choice: KindChoice,
  resolve: Resolve,
): { piece: Piece; resolution: Resolution }[] {
  const { piece, resolution } = outcome;
  const words = piece.text.split(' ');
  const best = resolution.best;
  if (!best || words.length < 2 || words.length > MAX_SPLIT_WORDS || namesEveryWord(best.name, piece.text)) {
    return [outcome];
  }
  let chosen: { piece: Piece; resolution: Resolution }[] = [outcome];
  let chosenScore = best.score;
  for (let cut = 1; cut < words.length; cut++) {
    const sides = [words.slice(0, cut), words.slice(cut)].map((side) =>
      resolvePiece({ lead: piece.lead, text: side.join(' ') }, choice, resolve),
    );
    const scores = sides.map((side) =>
      side.resolution.ambiguous ? -1 : (side.resolution.best?.score ?? -1),
    );
    const weakest = Math.min(...scores);
    // Two clear names side by side beat one name that leaves words unread ("knee replacements Medicare").
    if ((weakest >= chosenScore || weakest >= CLEAR_SIDE) && weakest > 0) {
      chosen = sides;
      chosenScore = weakest + Number.EPSILON;
    }
  }
  return chosen;
}

/** Below this an ambiguous match is read again without its generic words before asking which one. */
const WEAKEST_CLARIFICATION = 0.6;
export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const GENERIC_WORD = /^(?:surger(?:y|ies)|surgical|procedures?|operations?|treatments?|cases?)$/;

/**
 * "unicorn surgery" matches every "… surgery" only through its generic word, and "knee surgery" matches
 * knee procedures no better than any other surgery. Read without the generic words, the first names
 * nothing and the second asks among the knee procedures.
 */
function settleWeak(
  outcome: { piece: Piece; resolution: Resolution },
  choice: KindChoice,
  resolve: Resolve,
): { piece: Piece; resolution: Resolution } {
  const { piece, resolution } = outcome;
  if (!resolution.best || !resolution.ambiguous || resolution.best.score >= WEAKEST_CLARIFICATION)
    return outcome;
  const words = wordsOf(piece.text);
  const telling = words.filter((word) => !GENERIC_WORD.test(word));
  if (telling.length === words.length) return outcome;
  const nothing: Resolution = { text: piece.text, best: null, alternatives: [], ambiguous: false };
  if (telling.length === 0) return { piece, resolution: nothing };
  const again = resolvePiece({ lead: piece.lead, text: telling.join(' ') }, choice, resolve).resolution;
  return { piece, resolution: again.best ? again : nothing };
}

const normalizeName = (text: string) => wordsOf(text).join(' ');

/** Options offered in a clarifying question stay this close to the best one. */
const OPTION_SPREAD = 0.2;

/** A match this sure (a name or lay term written out) is taken whatever its words. */
const SURE_MATCH = 0.75;
/** Everyday words: matched only as written, never as a slip of a name's word ("lose" is not "lobe"). */
const EVERYDAY = new Set(QUESTION_WORDS.map((word) => word.toLowerCase()));

function phrasesOfOption(option: MatchCandidate): string[] {
  const lay = LAY_SYNONYMS.filter((synonym) => synonym.kind === option.kind && synonym.code === option.id);
  return [option.name, option.id, ...lay.map((synonym) => synonym.phrase)];
}

/** Whether a word of the text is one of the phrase's words, a plural or form of one, or a slip of one. */
function wordMatches(word: string, phraseWords: string[]): boolean {
  const stem = word.replace(/(?:es|s)$/, '');
  return phraseWords.some(
    (candidate) =>
      candidate === word ||
      candidate.replace(/(?:es|s)$/, '') === stem ||
      (stem.length >= 4 && candidate.startsWith(stem)) ||
      (!EVERYDAY.has(word) && isTypoOf(word, candidate)),
  );
}

/** The words of a text that tell what it names: not joiners, generic words ("surgery") or everyday words. */
function tellingWords(text: string): string[] {
  return wordsOf(text).filter(
    (word) => !NAME_STOPWORDS.has(word) && !GENERIC_WORD.test(word) && !EVERYDAY.has(word),
  );
}

/** True when every telling word is in the option's name or one of its lay terms. */
function coversWords(option: MatchCandidate, telling: string[]): boolean {
  const words = phrasesOfOption(option).flatMap((phrase) => wordsOf(phrase));
  return telling.every((word) => wordMatches(word, words));
}

function record(result: ResolvedPieces, outcome: { piece: Piece; resolution: Resolution }): void {
  const { piece, resolution } = outcome;
  const best = resolution.best;
  if (!best) {
    result.unknown.push(piece.text);
    result.unknownPieces.push(piece);
    return;
  }
  if (resolution.group && resolution.group.length > 1) {
    for (const member of resolution.group)
      result.matches.push({ piece, resolution, match: member, grouped: true });
    result.resolutions.push(resolution);
    return;
  }
  // A name written exactly as the catalog spells it is the one meant, however close the others score.
  const exact = [best, ...resolution.alternatives].find(
    (option) =>
      normalizeName(option.name) === normalizeName(piece.text) ||
      option.id.toLowerCase() === piece.text.toLowerCase(),
  );
  if (exact && resolution.ambiguous) {
    const settled = { ...resolution, best: exact, ambiguous: false };
    result.matches.push({ piece, resolution: settled, match: exact });
    result.resolutions.push(settled);
    return;
  }
  // Options that leave a telling word of the text unmatched are not what was meant ("heart transplant" against
  // every cardiac procedure): the text is a name the organization does not have, told apart as "not found".
  if (best.score < SURE_MATCH && !piece.kinds?.length) {
    const options = [best, ...resolution.alternatives];
    const telling = tellingWords(piece.text);
    // Everyday words alone ("lose", "more", "not") name nothing unless they are a whole name as written.
    if (telling.length === 0) {
      const words = wordsOf(piece.text);
      const isWholeName = (option: MatchCandidate) =>
        wordsOf(option.name)
          .filter((word) => !NAME_STOPWORDS.has(word))
          .every((word) => words.includes(word));
      if (!options.some(isWholeName)) return;
    } else if (!options.some((option) => coversWords(option, telling))) {
      result.unknown.push(piece.text);
      result.unknownPieces.push(piece);
      return;
    }
  }
  if (resolution.ambiguous) {
    const options = [best, ...resolution.alternatives]
      .filter((option) => option.score >= best.score - OPTION_SPREAD)
      .slice(0, 5);
    clarify(`"${piece.text}" could mean several things. Which one did you mean?`, piece.text, options);
  }
  result.matches.push({ piece, resolution, match: best });
  result.resolutions.push(resolution);
}

function resolvePiece(
  piece: Piece,
  choice: KindChoice,
  resolve: Resolve,
): { piece: Piece; resolution: Resolution } {
  const text = CONDITION_ADJECTIVES[piece.text.toLowerCase()] ?? piece.text;
  for (const [keyword, kinds] of KEYWORD_KINDS) {
    if (keyword.test(text)) {
      const name = text.replace(keyword, '');
      return { piece: { lead: piece.lead, text: name, kinds }, resolution: resolve(name, kinds) };
    }
  }
  if (piece.lead === 'with' && choice.withKinds) {
    return { piece, resolution: resolve(text, choice.withKinds) };
  }
  const tries = [choice.clinical, choice.dimensions]
    .filter((kinds) => kinds.length > 0)
    .map((kinds) => resolve(text, kinds));
  const best = tries.reduce<Resolution | undefined>(
    (winner, next) => (winner && (next.best?.score ?? -1) <= (winner.best?.score ?? -1) ? winner : next),
    undefined,
  );
  return { piece, resolution: best ?? resolve(text) };
}

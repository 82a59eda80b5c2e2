import { conditionAbbreviationVocabulary } from '../../cases/condition-abbreviations';
import { EVERYDAY_WORDS } from '../../cases/everyday-words';
import { editDistance, isTypoOf } from '../../cases/fuzzy';
import { LAY_SYNONYMS } from '../../cases/lay-synonyms';
import { abbreviationVocabulary } from '../../cases/procedure-abbreviations';
import { DIMENSION_MODEL, MEASURE_MODEL } from '../../cases/semantic-model';
import type { Catalog } from '../../cases/types';
import { ANALYSIS_WORDS, QUESTION_WORDS } from './question-words';

// Typos in a question's words are read as the word meant when exactly one known word is that close (edit
// distance scaled to the word's length, see `isTypoOf`). Each correction is reported so the reading can show
// it ("reading 'aetan' as 'Aetna'"): a wrong guess is visible at once.

export interface Correction {
  from: string;
  to: string;
}

interface Vocabulary {
  /** Words a typo may be corrected to, lower case, indexed by first letter (a swap of the first two letters
   *  looks under the second). */
  readonly byFirstLetter: ReadonlyMap<string, readonly string[]>;
  /** Words that are never corrected: every target, and common words that are not targets. */
  readonly known: ReadonlySet<string>;
  /** Targets that are everyday words ("them", "most"): a tie between one of these and a word of the data or the
   *  model goes to the latter. */
  readonly common: ReadonlySet<string>;
}

const WORD = /\p{L}+/gu;

function wordsOf(phrase: string): string[] {
  return phrase.toLowerCase().match(WORD) ?? [];
}

/**
 * A vocabulary from phrases (split into words) and everyday words. Phrase words and `commonWords` are targets a
 * typo may be corrected to, the phrases' words winning a tie; `knownWords` are only protected, never targets.
 */
export function buildVocabulary(
  phrases: Iterable<string>,
  commonWords: Iterable<string> = [],
  knownWords: Iterable<string> = [],
): Vocabulary {
  const targets = new Set<string>();
  const domain = new Set<string>();
  for (const phrase of phrases) for (const word of wordsOf(phrase)) domain.add(word);
  const common = new Set<string>();
  for (const phrase of commonWords)
    for (const word of wordsOf(phrase)) if (!domain.has(word)) common.add(word);
  for (const word of [...domain, ...common]) if (word.length >= 3) targets.add(word);
  const byFirstLetter = new Map<string, string[]>();
  for (const word of targets) {
    const list = byFirstLetter.get(word[0]!) ?? [];
    list.push(word);
    byFirstLetter.set(word[0]!, list);
  }
  const known = new Set([...domain, ...common]);
  for (const phrase of knownWords) for (const word of wordsOf(phrase)) known.add(word);
  return { byFirstLetter, known, common };
}

/** True when the word is known as it is, or as the plural or possessive of a known word. */
function isKnown(word: string, vocabulary: Vocabulary): boolean {
  const { known } = vocabulary;
  if (known.has(word)) return true;
  if (word.endsWith('s') && known.has(word.slice(0, -1))) return true;
  if (word.endsWith('es') && known.has(word.slice(0, -2))) return true;
  if (word.endsWith('ies') && known.has(`${word.slice(0, -3)}y`)) return true;
  return false;
}

/**
 * The one known word `typed` is a slip of, or null: null when the word is known itself, when nothing is close
 * enough, and when two words are equally close (a correction must be unambiguous).
 */
export function closestWord(typed: string, vocabulary: Vocabulary): string | null {
  const word = typed.toLowerCase();
  if (word.length <= 3 || isKnown(word, vocabulary)) return null;
  const candidates = new Set([
    ...(vocabulary.byFirstLetter.get(word[0]!) ?? []),
    ...(vocabulary.byFirstLetter.get(word[1] ?? '') ?? []),
  ]);
  let best = Number.POSITIVE_INFINITY;
  let closest: string[] = [];
  for (const candidate of candidates) {
    if (!isTypoOf(word, candidate)) continue;
    const distance = editDistance(word, candidate);
    if (distance < best) {
      best = distance;
      closest = [candidate];
    } else if (distance === best) {
      closest.push(candidate);
    }
  }
  return settleTie(word, closest, vocabulary);
}

/** "cost" and "costs" are one word: the stem a plural or a verb form is made from. */
const stemOf = (word: string) => word.replace(/(?:es|s)$/, '');

/**
 * One of equally close words, or null when they are different words: forms of one word are one answer (the one
 * nearest the typed length), and a word of the data or the model beats an everyday word.
 */
function settleTie(typed: string, closest: string[], vocabulary: Vocabulary): string | null {
  if (closest.length <= 1) return closest[0] ?? null;
  const sameWord = (words: string[]) => new Set(words.map(stemOf)).size === 1;
  const nearestForm = (words: string[]) =>
    [...words].sort(
      (left, right) =>
        Math.abs(left.length - typed.length) - Math.abs(right.length - typed.length) ||
        left.length - right.length,
    )[0]!;
  if (sameWord(closest)) return nearestForm(closest);
  const specific = closest.filter((word) => !vocabulary.common.has(word));
  if (specific.length === 1) return specific[0]!;
  if (specific.length > 1 && sameWord(specific)) return nearestForm(specific);
  return null;
}

/** The target spelt in the typed word's case: "Aetan" → "Aetna", "AETAN" → "AETNA", "aetan" → "aetna". */
function inCaseOf(typed: string, target: string): string {
  if (typed === typed.toUpperCase()) return target.toUpperCase();
  if (typed[0] === typed[0]!.toUpperCase()) return target[0]!.toUpperCase() + target.slice(1);
  return target;
}

/** Short upper-case words are abbreviations (ORIF, TURBT): never respelt as a word they resemble. */
const ABBREVIATION = /^\p{Lu}{2,6}$/u;

/**
 * Corrects the question's typos word by word. Words with digits, short words, abbreviations and known words are
 * kept as typed; everything else is respelt only when exactly one known word is that close.
 */
export function correctWords(
  question: string,
  vocabulary: Vocabulary,
): { text: string; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const text = question.replace(WORD, (typed, offset: number) => {
    if (ABBREVIATION.test(typed)) return typed;
    // Letters glued to digits are a code ("M17", "0SRC0J9"), not a word.
    const before = question[offset - 1] ?? '';
    const after = question[offset + typed.length] ?? '';
    if (/\d/.test(before) || /\d/.test(after)) return typed;
    const target = closestWord(typed, vocabulary);
    if (!target) return typed;
    const to = inCaseOf(typed, target);
    if (!corrections.some((correction) => correction.from === typed)) corrections.push({ from: typed, to });
    return to;
  });
  return { text, corrections };
}

/** How a reading names the corrections: `reading "aetan" as "Aetna", "replacment" as "replacement"`. */
export function describeCorrections(corrections: Correction[]): string {
  if (!corrections.length) return '';
  return `reading ${corrections.map(({ from, to }) => `"${from}" as "${to}"`).join(', ')}`;
}

/** The semantic model's words: every measure's and dimension's label and synonyms. */
const MODEL_PHRASES: readonly string[] = [
  ...Object.values(MEASURE_MODEL).flatMap((measure) => [measure.label, ...measure.synonyms]),
  ...Object.values(DIMENSION_MODEL).flatMap((dimension) => [
    dimension.label,
    dimension.plural,
    ...dimension.synonyms,
  ]),
];

const catalogVocabularies = new WeakMap<Catalog, Vocabulary>();

/**
 * The words a question about this organization is read against: the parser's own words, the semantic model's
 * measure and dimension words and synonyms, clinical shorthand, and every name in the catalog. Kept per catalog,
 * so the catalog rebuilt after an upload starts afresh.
 */
export function questionVocabulary(
  catalog: Catalog,
  modelPhrases: readonly string[] = MODEL_PHRASES,
): Vocabulary {
  const cached = modelPhrases === MODEL_PHRASES ? catalogVocabularies.get(catalog) : undefined;
  if (cached) return cached;
  const names = Object.values(catalog.entities).flatMap((entries) => entries.map((entry) => entry.name));
  const vocabulary = buildVocabulary(
    [
      ...modelPhrases,
      ...LAY_SYNONYMS.map((synonym) => synonym.phrase),
      ...abbreviationVocabulary(),
      // Long condition words may be typo targets ("diabetis"); shorthand only protects itself ("cts" ≠ "cots").
      ...conditionAbbreviationVocabulary().filter((form) => form.length >= 6),
      ...names,
    ],
    ANALYSIS_WORDS,
    [...QUESTION_WORDS, ...EVERYDAY_WORDS, ...conditionAbbreviationVocabulary()],
  );
  if (modelPhrases === MODEL_PHRASES) catalogVocabularies.set(catalog, vocabulary);
  return vocabulary;
}

import { conditionAbbreviationMatches, findConditionAbbreviations } from './condition-abbreviations';
import { EVERYDAY_WORDS } from './everyday-words';
import { compactCode, normalizeText, TextMatcher, tokens, trigramSimilarity, trigrams } from './fuzzy';
import { LAY_SYNONYMS } from './lay-synonyms';
import { abbreviationMatches, findAbbreviations } from './procedure-abbreviations';
import type { Catalog, CatalogEntry, EntityKind, MatchCandidate, Resolution } from './types';

/** Below this the best candidate is not reported at all. */
const MINIMUM_SCORE = 0.45;
/** The best match must lead the next distinct entity by this much to count as clear. */
const CLEAR_LEAD = 0.08;
const ALTERNATIVES = 5;

interface Phrase {
  entry: CatalogEntry;
  tokens: string[];
}

/** Words around diagnosis shorthand that name no more of it ("CHF patients", "cases with COPD"). */
const CASE_WORDS = new Set([
  'patients',
  'patient',
  'pts',
  'cases',
  'case',
  'with',
  'dx',
  'diagnosis',
  'people',
]);

const phraseCache = new WeakMap<Catalog, Map<string, Phrase[]>>();
const knownWordCache = new WeakMap<Catalog, Set<string>>();

/** Every word of every name and lay term, and everyday English words: a text word among them is never read as a
 *  typo of another ("long" is not "lung"). */
function knownWords(catalog: Catalog): Set<string> {
  let known = knownWordCache.get(catalog);
  if (!known) {
    const kinds = Object.keys(catalog.entities) as EntityKind[];
    known = new Set([...phrasesOf(catalog, kinds).flatMap((phrase) => phrase.tokens), ...EVERYDAY_WORDS]);
    knownWordCache.set(catalog, known);
  }
  return known;
}

/** Tokenized names and lay terms, kept with the catalog they came from (a new catalog starts afresh). */
function phrasesOf(catalog: Catalog, kinds: EntityKind[]): Phrase[] {
  const key = [...kinds].sort().join(',');
  const cached = phraseCache.get(catalog)?.get(key);
  if (cached) return cached;
  const phrases = buildPhrases(catalog, kinds);
  if (!phraseCache.has(catalog)) phraseCache.set(catalog, new Map());
  phraseCache.get(catalog)!.set(key, phrases);
  return phrases;
}

function buildPhrases(catalog: Catalog, kinds: EntityKind[]): Phrase[] {
  const phrases: Phrase[] = [];
  const byKey = new Map<string, CatalogEntry>();
  for (const kind of kinds) {
    for (const entry of catalog.entities[kind]) {
      byKey.set(`${kind}:${entry.id}`, entry);
      phrases.push({ entry, tokens: tokens(entry.name) });
    }
  }
  // Lay terms count only for codes this organization actually has.
  for (const synonym of LAY_SYNONYMS) {
    const entry = byKey.get(`${synonym.kind}:${synonym.code}`);
    if (entry) phrases.push({ entry, tokens: tokens(synonym.phrase) });
  }
  return phrases;
}

function codeMatches(text: string, catalog: Catalog, kinds: EntityKind[]): Map<string, CatalogEntry> {
  const words = new Set(normalizeText(text).split(' ').map(compactCode));
  const matches = new Map<string, CatalogEntry>();
  for (const kind of kinds) {
    if (kind !== 'procedure' && kind !== 'condition' && kind !== 'drg') continue;
    for (const entry of catalog.entities[kind]) {
      if (words.has(compactCode(entry.id))) matches.set(`${kind}:${entry.id}`, entry);
    }
  }
  return matches;
}

export function resolveText(
  catalog: Catalog,
  text: string,
  kinds: EntityKind[] = Object.keys(catalog.entities) as EntityKind[],
): Resolution {
  // Surgical shorthand names its own procedure or nothing: its letters are taken out of the text before the
  // look-alike scoring, so "TURBT" cannot score as "TURP" nor "AAA repair" as a hernia repair.
  const mentions = kinds.includes('procedure') ? findAbbreviations(text) : [];
  let rest = text;
  for (const mention of mentions) {
    rest = rest.slice(0, mention.start) + ' '.repeat(mention.end - mention.start) + rest.slice(mention.end);
  }
  // Diagnosis shorthand ("CHF", "afib", "hip fx") likewise names its own conditions (or DRGs) or nothing.
  // Only when the shorthand is the whole text: inside a longer name ("Bilateral primary osteoarthritis of knee")
  // the name itself is what was written.
  let conditionMentions =
    kinds.includes('condition') || kinds.includes('drg') ? findConditionAbbreviations(rest) : [];
  let unmasked = rest;
  for (const mention of conditionMentions) {
    unmasked =
      unmasked.slice(0, mention.start) +
      ' '.repeat(mention.end - mention.start) +
      unmasked.slice(mention.end);
  }
  if (tokens(unmasked).some((word) => !CASE_WORDS.has(word))) conditionMentions = [];
  else rest = unmasked;
  const matcher = new TextMatcher(rest, knownWords(catalog));
  const textTokens = matcher.tokens;
  const scores = new Map<string, MatchCandidate>();
  // Entities one of whose names (or lay terms) is the whole text, word for word: a name written out in
  // full wins over names that merely contain some of its words ("hernia repair" inside
  // "Laparoscopic inguinal hernia repair").
  const whole = new Set<string>();
  const wholeText = textTokens.join(' ');
  const consider = (entry: CatalogEntry, score: number) => {
    const key = `${entry.kind}:${entry.id}`;
    const known = scores.get(key);
    if (!known || known.score < score)
      scores.set(key, { kind: entry.kind, id: entry.id, name: entry.name, score });
  };
  for (const entry of codeMatches(text, catalog, kinds).values()) consider(entry, 1);
  for (const mention of mentions) {
    for (const entry of abbreviationMatches(catalog, mention.entry)) {
      consider(entry, 1);
      whole.add(`${entry.kind}:${entry.id}`);
    }
  }
  // A shorthand covering several of the organization's conditions names them together ("OA": every
  // osteoarthritis code), so they come back as one group rather than as names to choose between.
  const group: MatchCandidate[] = [];
  for (const mention of conditionMentions) {
    for (const entry of conditionAbbreviationMatches(catalog, mention.entry)) {
      if (!kinds.includes(entry.kind)) continue;
      consider(entry, 1);
      whole.add(`${entry.kind}:${entry.id}`);
      group.push({ kind: entry.kind, id: entry.id, name: entry.name, score: 1 });
    }
  }
  // A phrase sharing no trigram with the text cannot score on any token, so large catalogs stay quick.
  const textGrams = new Set(textTokens.flatMap((token) => [...trigrams(token)]));
  const sharesGram = (token: string) => [...trigrams(token)].some((gram) => textGrams.has(gram));
  for (const phrase of textTokens.length ? phrasesOf(catalog, kinds) : []) {
    if (!phrase.tokens.some(sharesGram)) continue;
    consider(phrase.entry, matcher.score(phrase.tokens));
    if (phrase.tokens.join(' ') === wholeText) whole.add(`${phrase.entry.kind}:${phrase.entry.id}`);
  }
  const isWhole = (candidate: MatchCandidate) => whole.has(`${candidate.kind}:${candidate.id}`);
  const ranked = [...scores.values()]
    .filter((candidate) => candidate.score > 0)
    .map((candidate) => ({ ...candidate, score: Math.round(candidate.score * 1000) / 1000 }))
    .sort(
      (left, right) =>
        right.score - left.score ||
        Number(isWhole(right)) - Number(isWhole(left)) ||
        left.name.localeCompare(right.name),
    );
  const [first, second] = ranked;
  if (group.length > 1 && conditionMentions.length === 1 && !rest.trim() && mentions.length === 0) {
    return { text, best: group[0]!, alternatives: group.slice(1), ambiguous: false, group };
  }
  const best = first && first.score >= MINIMUM_SCORE ? first : null;
  const isClear = best !== null && second !== undefined && isWhole(best) && !isWhole(second);
  return {
    text,
    best,
    alternatives: ranked
      .slice(best ? 1 : 0, (best ? 1 : 0) + ALTERNATIVES)
      .filter((candidate) => candidate.score >= 0.2),
    ambiguous: best !== null && second !== undefined && !isClear && best.score - second.score < CLEAR_LEAD,
  };
}

/**
 * Names to offer when words matched nothing ("I didn't find X; did you mean …?"), closest first: the resolver's
 * own near misses (typo-aware), else the names sharing most letter groups with the words. None for surgical
 * shorthand the organization does not have: a look-alike (TURP for TURBT) is another procedure, not a spelling.
 */
export function closestNames(
  catalog: Catalog,
  text: string,
  kinds: EntityKind[],
  limit = 3,
): MatchCandidate[] {
  if (kinds.includes('procedure') && findAbbreviations(text).length > 0) return [];
  const resolution = resolveText(catalog, text, kinds);
  const near = [resolution.best, ...resolution.alternatives].filter(
    (candidate): candidate is MatchCandidate => candidate !== null,
  );
  if (near.length > 0) return near.slice(0, limit);
  const words = normalizeText(text);
  return kinds
    .flatMap((kind) => catalog.entities[kind] ?? [])
    .map((entry) => ({
      kind: entry.kind,
      id: entry.id,
      name: entry.name,
      score: Math.round(trigramSimilarity(words, normalizeText(entry.name)) * 1000) / 1000,
    }))
    .filter((candidate) => candidate.score >= 0.2)
    .sort((left, right) => right.score - left.score)
    .slice(0, limit);
}

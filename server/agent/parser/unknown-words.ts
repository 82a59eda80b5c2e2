import { findConditionAbbreviations } from '../../cases/condition-abbreviations';
import { findAbbreviations } from '../../cases/procedure-abbreviations';
import { DIMENSION_MODEL } from '../../cases/semantic-model';
import type { EntityKind } from '../../cases/types';
import { EXAMPLE_QUESTIONS } from './examples';
import type { Piece } from './pieces';
import { refuse } from './problem';
import { isShorthand, modifiesFigure } from './scope-modifiers';
import type { ParseContext } from './types';

// Tolerant reading (issue: "Reading questions as analysts write them"): words the parser has no rule for are
// let go when the measure, scope and window are clear. Only words that look like a name and match nothing stop
// the answer, because reading past them would answer for a wider scope than the one asked about.

const ALL_KINDS: EntityKind[] = ['procedure', 'condition', 'drg', 'surgeon', 'payor', 'provider', 'client'];
const SCOPE_LEADS = new Set([
  'for',
  'at',
  'with',
  'from',
  'by',
  'among',
  'involving',
  'under',
  'of',
  'on',
  'about',
]);
const CLINICAL_WORD =
  /(?:ectomy|otomy|ostomy|plasty|scopy|graphy|pexy|desis|rrhaphy|tripsy|itis|oma|osis|pathy|emia|algia)$|^(?:surger(?:y|ies)|procedures?|operations?|replacements?|repairs?|removals?|transplants?|implants?|fusions?|bypass|biops(?:y|ies)|resections?|reconstructions?|revisions?|syndrome|disease|disorder|fracture|cancer|injur(?:y|ies))$/i;
/** Everyday words with no name in them: reading past them changes nothing. */
const HARMLESS = new Set(
  `please pls plz kindly quickly quick roughly approximately approx about around exactly actually really honestly
  currently recently lately historically generally usually typically normally basically overall altogether
  figure figures number numbers stat stats data dataset info information report breakdown summary view picture
  hey hi hello thanks thank cheers ok okay so well um uh hmm guys folks team everyone
  curious wondering wonder interested want wanted need needed like love know tell show give let see check find
  money care dollars bucks damage spend spent spending performance performing perform doing done looks look trend
  us me our ours my we i you your it its this that these those them they there here
  hospital organization org company business system practice department unit
  now then also again still even just only same thing things stuff something anything everything
  year years month months quarter quarters week weeks day days time period periods recent past latest current
  good bad great poor high low big small more less much many best worst top bottom first last next
  across each every per between within among versus vs compare compared comparison
  case cases patient patients people person admission admissions encounter encounters episode episodes
  rate rates level levels amount amounts value values total totals average averages typical usual normal
  real actual current final gross net`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Three-letter words that name nothing. */
const COMMON_SHORT = new Set(
  `the all any and but not one two six ten new old own who why how yet far few per via out off too its his her
  him she was are has had did does can may our you get got put set way men end top low big day`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}'.-]+/u).filter((word) => word.length > 0);

/** The kinds a piece can only be, from its keyword or its words; every kind when nothing tells. */
function kindsOf(piece: Piece): EntityKind[] {
  if (piece.kinds?.length) return piece.kinds;
  if (wordsOf(piece.text).some((word) => CLINICAL_WORD.test(word))) return ['procedure', 'condition'];
  return ALL_KINDS;
}

function looksLikeName(piece: Piece, question: string): boolean {
  const words = wordsOf(piece.text).filter((word) => !HARMLESS.has(word.toLowerCase()));
  if (words.length === 0) return false;
  if (piece.kinds?.length || piece.lead === 'code') return true;
  if (words.some((word) => /\d/.test(word) || CLINICAL_WORD.test(word) || isShorthand(word))) return true;
  if (modifiesFigure(words.join(' '), question)) return true;
  const first = wordsOf(question)[0] ?? '';
  // A capital letter inside the question marks a name; the question's own first word proves nothing.
  if (
    words.some((word) => /^\p{Lu}/u.test(word) && !(word === first && question.trimStart().startsWith(word)))
  )
    return true;
  // Three letters after "for" are as often a name ("for mri", "for ent", "for icu") as a word; common ones are let go.
  return (
    SCOPE_LEADS.has(piece.lead) &&
    words.some((word) => word.length >= 4 || (word.length === 3 && !COMMON_SHORT.has(word.toLowerCase())))
  );
}

function among(kinds: EntityKind[]): string {
  const names = kinds.map((kind) => DIMENSION_MODEL[kind].plural);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Stops on the first piece that looks like a name and matched nothing, naming the closest names of its kinds;
 * with nothing else recognised at all, the question is not about the case data. Other unknown words are let go.
 */
export function checkUnknownWords(
  unknown: Piece[],
  question: string,
  recognisedSomething: boolean,
  context: ParseContext,
): void {
  if (unknown.length === 0) return;
  if (!recognisedSomething) {
    const words = unknown.map((piece) => `"${piece.text}"`).join(', ');
    refuse(
      `I can only answer questions about your case data, and I did not recognise ${words}.`,
      EXAMPLE_QUESTIONS,
    );
  }
  // Surgical shorthand the organization has no procedure for ("TURBT") names a procedure all the same.
  const shorthand = unknown
    .map((piece) => ({ piece, mention: findAbbreviations(piece.text)[0] }))
    .find((item) => item.mention);
  if (shorthand?.mention) {
    const { mention } = shorthand;
    const closest = (context.closest?.(mention.entry.meaning, ['procedure']) ?? []).slice(0, 3);
    refuse(
      `I didn't find ${mention.text}${
        mention.text.toLowerCase() === mention.entry.meaning.toLowerCase()
          ? ''
          : ` (${mention.entry.meaning.toLowerCase()})`
      } among your procedures.${
        closest.length
          ? ` The closest ${closest.length === 1 ? 'name is' : 'names are'} ${closest.map((item) => item.name).join(', ')}.`
          : ''
      }`,
      closest.length ? closest.map((item) => question.replace(mention.text, item.name)) : EXAMPLE_QUESTIONS,
    );
  }
  refuseMissingCondition(unknown, question, context);
  const name = unknown.find((piece) => looksLikeName(piece, question));
  if (!name) return;
  const kinds = kindsOf(name);
  const closest = (context.closest?.(name.text, kinds) ?? []).slice(0, 3);
  const offer = closest.length
    ? ` The closest ${closest.length === 1 ? 'name is' : 'names are'} ${closest.map((candidate) => `${candidate.name}`).join(', ')}.`
    : '';
  refuse(
    `I didn't find "${name.text}" among your ${among(kinds)}.${offer}`,
    closest.length
      ? closest.map((candidate) => question.replace(name.text, candidate.name))
      : EXAMPLE_QUESTIONS,
  );
}

const GENERIC_MEDICAL = new Set(
  'acute chronic disease diseases disorder disorders syndrome unspecified infection other with without primary'.split(
    ' ',
  ),
);

/** Diagnosis shorthand the organization has no condition or DRG for ("CHF", "COPD") names one all the same. */
function refuseMissingCondition(unknown: Piece[], question: string, context: ParseContext): void {
  const found = unknown
    .map((piece) => findConditionAbbreviations(piece.text)[0])
    .find((mention) => mention !== undefined);
  if (!found) return;
  // Only names sharing a telling word with the condition are worth offering ("failure" for heart failure).
  const telling = new Set(
    found.entry.meaning
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length >= 4 && !GENERIC_MEDICAL.has(word)),
  );
  const closest = (context.closest?.(found.entry.meaning, ['condition', 'drg']) ?? [])
    .filter((item) =>
      item.name
        .toLowerCase()
        .split(/[^a-z]+/)
        .some((word) => telling.has(word)),
    )
    .slice(0, 3);
  const written =
    found.text.toLowerCase() === found.entry.meaning.toLowerCase()
      ? found.text
      : `${found.text} (${found.entry.meaning.toLowerCase()})`;
  refuse(
    `I didn't find ${written} among your conditions or DRGs, so I cannot answer for it.${
      closest.length
        ? ` The closest ${closest.length === 1 ? 'name is' : 'names are'} ${closest.map((item) => item.name).join(', ')}.`
        : ''
    }`,
    closest.length ? closest.map((item) => question.replace(found.text, item.name)) : EXAMPLE_QUESTIONS,
  );
}

import type { EntityKind, Resolution } from '../../cases/types';
import { DIMENSION_KINDS, piecesOf, resolvePieces } from './entities';
import { refuse } from './problem';
import type { Remainder } from './remainder';
import type { Resolve } from './types';

const OUTLIERS =
  /\b(?:excluding|exclude|without|ignoring|ignore|removing|remove|drop(?:ping)?|no|minus|trim(?:ming)?) (?:the )?outliers\b|\boutliers (?:removed|excluded|trimmed)\b|(?<=\b(?:excluding|without|ignoring|removing|except)\b.*) (?:and|&) (?:the )?outliers\b/;
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
const BAND = new RegExp(
  `\\b(?:between|from) (?:the )?${ORDINAL}(?: percentile)? (?:and|to|-) (?:the )?${ORDINAL} percentiles?\\b|\\bp(\\d{1,2}) ?(?:-|to) ?p(\\d{1,2})\\b`,
);

export function takePercentileBand(remainder: Remainder): [number, number] | undefined {
  if (remainder.take(OUTLIERS)) return [5, 95];
  const match = remainder.take(BAND);
  if (!match) return undefined;
  const low = Number(match[1] ?? match[3]);
  const high = Number(match[2] ?? match[4]);
  if (!(low >= 0 && high <= 100 && low < high)) {
    refuse(
      `A percentile band runs from a lower to a higher percentile between 0 and 100; ${low}–${high} does not.`,
      ['average cost of knee replacement between the 10th and 90th percentile'],
    );
  }
  return [low, high];
}

const EXCLUSION =
  /\b(?:excluding|exclude|without|except(?: for)?|not counting|leaving out|other than|but not) (?:patients |cases |those |people )?(?:with |who have |having )?(?!(?:mcc|cc|cc\/mcc|major complications?)\b)([^\uE000,]+?)(?=\s+(?:for|at|in|by|on|during|since|from|over|per|between)\b|[\uE000,]|$)/;

const CONDITION: EntityKind[] = ['condition'];

/** "excluding diabetes and hypertension" → their ICD-10-CM codes. */
export function takeExclusions(
  remainder: Remainder,
  resolve: Resolve,
): { codes: string[]; resolutions: Resolution[] } | undefined {
  const match = remainder.take(EXCLUSION);
  if (!match) return undefined;
  const phrase = match.originals[1] ?? '';
  const choice = { clinical: CONDITION, dimensions: [] };
  // A condition named in full ("Bilateral primary osteoarthritis of knee") stays one piece.
  const resolved = resolvePieces(piecesOf([phrase], choice, resolve), choice, resolve);
  const other = resolve(phrase, DIMENSION_KINDS).best;
  if (resolved.matches.length === 0 && other && other.score >= 0.8) {
    refuse(
      `I can leave out cases with a condition, not those of one ${other.kind} such as ${other.name}; a breakdown by ${other.kind} shows each one apart.`,
      [`total revenue by ${other.kind}`, 'average cost of knee replacement excluding diabetes'],
    );
  }
  if (resolved.unknown.length > 0 || resolved.matches.length === 0) {
    refuse(`I could not find a condition called "${resolved.unknown[0] ?? phrase}" to leave out.`, [
      'average cost of knee replacement excluding diabetes',
    ]);
  }
  return { codes: resolved.matches.map((item) => item.match.id), resolutions: resolved.resolutions };
}

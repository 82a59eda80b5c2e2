import type { Piece } from './pieces';
import { refuse } from './problem';
import type { Remainder } from './remainder';

// Nouns for the cases themselves ("surgeries", "admissions", "claims", "members") scope nothing: "number of
// surgeries per month" counts all cases. Inpatient and outpatient would scope, but the case data holds no such
// flag, so a question using them is told so rather than answered for every case.

const CASE_NOUN =
  /^(?:(?:all|our|the|total|every)\s+)*(?:surger(?:y|ies)|surgical cases|operations?|procedures?|cases?|admissions?|admits?|encounters?|stays?|hospital stays?|visits?|claims?|patients?|members?|discharges?|hospitali[sz]ations?|episodes?(?: of care)?)$/i;

/** True when the piece is only a noun for the cases. */
export function isCaseNoun(piece: Piece): boolean {
  return CASE_NOUN.test(piece.text.trim());
}

/** Nouns that make a question about the number of cases ("surgeries by month"). */
export const CASE_VOLUME_NOUNS =
  /\b(?:surgeries|operations|stays|visits|claims|discharges|hospitali[sz]ations|members|admits)\b/;

const SETTING = /\b(?:in|out)-?patients?\b|\b(?:ambulatory|same[- ]day surgery|observation stays?)\b/;

export function refuseCareSetting(remainder: Remainder): void {
  const found = remainder.find(SETTING);
  if (!found) return;
  refuse(
    `Your case data does not say which cases were ${found[0].toLowerCase().startsWith('out') || found[0].toLowerCase().startsWith('amb') || found[0].toLowerCase().startsWith('same') ? 'outpatient' : 'inpatient'}, so I cannot split by that without guessing. I can split by length of stay instead: same-day cases have a stay of 0 days.`,
    [
      'number of cases with a length of stay of at least 1 day by month',
      'number of cases with a length of stay under 1 day by procedure',
    ],
  );
}

/** Specialties and service lines: the case data has no such field, and a look-alike name would be one procedure. */
const SPECIALTY =
  /\b(?:cardiac|cardiology|cardiovascular|spine|spinal|ortho|orthopa?edics?|bariatrics?|trauma|neuro(?:surgery|logy)?|urology|urologic|gi|gastroenterology|ob|obstetrics?|gyn|gynecology|oncology|general surgery|vascular|thoracic|ent|ophthalmology|eye)(?: (?:surgery|surgical))? (?:cases|patients|volumes?|admissions|service line|department|unit|program)\b|\bservice lines?\b/;

export function refuseSpecialty(remainder: Remainder): void {
  const found = remainder.find(SPECIALTY);
  if (!found) return;
  refuse(
    `Your case data has no specialty or service line, so I cannot tell which cases "${found[0]}" covers without guessing. Name the procedures, conditions or DRGs instead.`,
    ['number of cases of coronary artery bypass by month', 'number of cases by DRG'],
  );
}

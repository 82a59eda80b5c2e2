import { refuse } from './problem';
import type { Remainder } from './remainder';

// Age is a case field (a filter, a breakdown by age band) but not a figure the model computes. A question asking
// for it ("average age of TKR patients", "how old are our patients") is told so plainly with the breakdown it can
// have; the word must never be read as a name ("Age-related nuclear cataract").

/** Age left over once age conditions ("aged 65+", "over 75") and the age-band breakdown have been read. */
const AGE_LEFT = /\b(?:how old|ages?)\b/;
const SCOPE_NOISE =
  /\b(?:average|avg|mean|median|typical|the|our|of|for|what|whats|what's|is|are|was|were|how old|ages?|patients?|cases?|people)\b/g;

export function refuseAgeFigure(remainder: Remainder): void {
  if (!remainder.test(AGE_LEFT)) return;
  const scope = remainder
    .segments()
    .join(' ')
    .toLowerCase()
    .replace(SCOPE_NOISE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  refuse(
    "Patients' ages are not a figure I compute: age is a case field I can filter on ('patients over 65') and break figures down by (age bands), not a measure, so there is no average age. I can show how the cases spread over age bands.",
    [`number of ${scope ? `${scope} ` : ''}cases by age band`, 'average cost by age band'],
  );
}

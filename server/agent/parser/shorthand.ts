import type { Correction } from './typos';

// Analysts' clipped and vowel-dropped shorthand ("avg cst", "rev by payor", "mrgn by surg", "# of pts"), spelt out
// before the question is read. Typos are corrected by edit distance, but these are too short or too far from the
// word for that; left alone they would be let go as unknown words and the answer would drop the figure asked for.
// Each expansion is reported with the reading, like a corrected typo, so a wrong guess is visible at once.

interface Shorthand {
  /** Matched against the lower-case question, on word boundaries. */
  pattern: RegExp;
  /** The words meant, or a function of the match for words whose meaning depends on their neighbours. */
  to: string | ((match: RegExpExecArray) => string | null);
}

/** Words that name a figure: "med" and "av" before one of these mean median and average. */
const FIGURE =
  '(?:los|alos|cost|costs|cst|rev|revenue|time|or|charges?|stay|margin|mrgn|discount|disc|profit|reimbursement|payments?|price|minutes|mins)';
/** Words before a breakdown noun: "by surg", "per dr", "top 5 procs". */
const BREAKDOWN_LEAD =
  '(?:by|per|each|every|which|what|across|among|top \\d+|bottom \\d+|for each|for every)';

const SHORTHAND: Shorthand[] = [
  // Figures.
  { pattern: /\bcsts\b/, to: 'costs' },
  { pattern: /\bcst\b/, to: 'cost' },
  // "rev THA" is a revision, not revenue.
  {
    pattern:
      /\b(?:rev|revs|rvn|rvnu|revs)\b(?! (?:tka|tkr|tha|thr|hip|knee|shoulder|tsa|acl|lumbar|spine)\b)/,
    to: 'revenue',
  },
  { pattern: /\b(?:mrgn|mgn|mrgns|mgns|mrg)\b/, to: 'margin' },
  // "disc rate", "avg disc", but not a spinal disc ("lumbar disc herniation").
  {
    pattern:
      /(?<!\b(?:lumbar|cervical|thoracic|herniated|spinal|intervertebral) )\bdisc\b(?! (?:herniation|fusion|replacement|disease|prolapse|surgery|bulge)\b)/,
    to: 'discount',
  },
  { pattern: /\bdiscs\b(?= (?:by|for|per|in|ytd|last)\b)/, to: 'discounts' },
  { pattern: /\b(?:readms?|rdmts?|rdmits?|readmts?)\b/, to: 'readmissions' },
  { pattern: /\breadmit rate\b/, to: 'readmission rate' },
  { pattern: /\b(?:vols?)\b(?!\.)/, to: 'volume' },
  { pattern: /\b(?:chgs?|chrgs?)\b/, to: 'charges' },
  { pattern: /\b(?:pmts?|pymts?|pymnts?)\b/, to: 'payments' },
  { pattern: /\breimb\b/, to: 'reimbursement' },
  { pattern: /\bamts?\b/, to: 'amount' },
  { pattern: /\bmins\b|(?<=\bor )min\b/, to: 'minutes' },
  { pattern: /\bhrs\b/, to: 'hours' },
  // Aggregations.
  { pattern: new RegExp(`\\bmed\\b(?= ${FIGURE}\\b)`), to: 'median' },
  { pattern: new RegExp(`\\b(?:av|avrg|avge|avgs)\\b(?= ${FIGURE}\\b)`), to: 'average' },
  { pattern: /\b(?:tot|ttl)\b/, to: 'total' },
  { pattern: /\b(?:pct|perc|prcnt|pcnt)\b/, to: 'percent' },
  {
    pattern: /(?:^|(?<=\s))#(?= ?(?:of\b|cases|pts|patients|procedures|procs|surgeries|claims|admissions))/,
    to: 'number',
  },
  { pattern: /\bno\.(?= of\b)/, to: 'number' },
  { pattern: /\bnum\b(?= (?:of\b|cases))/, to: 'number' },
  // Who and what.
  { pattern: /\bpts\b/, to: 'patients' },
  { pattern: /\bpt\b(?! (?:visits?|sessions?|therapy)\b)/, to: 'patient' },
  { pattern: /\bdrs\b\.?/, to: 'doctors' },
  // "by dr", "which dr", but "Dr. Patel" is a title before a name.
  {
    pattern: new RegExp(
      `(?<=\\b${BREAKDOWN_LEAD} )dr\\b\\.?(?=\\s*$|\\s+(?:for|in|with|and|last|this|ytd|mtd|qtd|over|under|since|during|\\d))`,
    ),
    to: 'doctor',
  },
  { pattern: /\bprocs\b/, to: 'procedures' },
  { pattern: /\b(?:proc|px)\b/, to: 'procedure' },
  { pattern: /\bdxs\b/, to: 'diagnoses' },
  { pattern: /\bdx\b/, to: 'diagnosis' },
  { pattern: /\bsurgs\b/, to: 'surgeons' },
  { pattern: new RegExp(`(?<=\\b${BREAKDOWN_LEAD} )surg\\b`), to: 'surgeon' },
  { pattern: /\bsurg\b/, to: 'surgery' },
  // Time.
  { pattern: /\byrs\b/, to: 'years' },
  { pattern: /\byr\b/, to: 'year' },
  { pattern: /\b(?:mos|mths)\b/, to: 'months' },
  { pattern: /(?<=\b(?:by|per|each|every|last|past|\d+) )(?:mo|mth)\b/, to: 'month' },
  { pattern: /\bqtrs\b/, to: 'quarters' },
];

/**
 * Spells out the question's shorthand. Returns the text to read and one correction per expansion ("cst" as
 * "cost"); words already spelt out and shorthand inside a name written in capitals (a surgeon "Dr. Rev") stay.
 */
export function expandShorthand(question: string): { text: string; corrections: Correction[] } {
  let text = question;
  const corrections: Correction[] = [];
  for (const { pattern, to } of SHORTHAND) {
    const global = new RegExp(pattern.source, 'gi');
    text = text.replace(global, (...args: unknown[]) => {
      const match = args[0] as string;
      const offset = args[args.length - 2] as number;
      const whole = args[args.length - 1] as string;
      // A capitalised word in the middle of the question is a name ("Dr. Med"), not shorthand.
      if (/^\p{Lu}\p{Ll}+$/u.test(match) && offset > 0 && !/[.?!]\s*$/.test(whole.slice(0, offset))) {
        return match;
      }
      const exec = Object.assign([match], { index: offset, input: whole }) as unknown as RegExpExecArray;
      const words = typeof to === 'string' ? to : to(exec);
      if (words === null) return match;
      if (!corrections.some((correction) => correction.from === match.trim())) {
        corrections.push({ from: match.trim(), to: words });
      }
      return words;
    });
  }
  return { text, corrections };
}

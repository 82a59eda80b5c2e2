import { MEASURE_ALTERNATION } from './vocabulary';

// Words that scope a question even when nothing in the data matches them: shorthand ("chf", "ESRD") and a word
// set right before the figure or the cases it is about ("gout cost", "ortho cases", "elective admissions").
// Dropping such a word would answer for every case, so the reader stops on it instead ("I didn't find …").

/** Modifiers of a figure that narrow nothing: "annual revenue", "overall cost". */
const PLAIN_MODIFIERS = new Set(
  `annual annually yearly monthly quarterly weekly daily overall gross net total totals average avg mean median
  typical current actual estimated recent historical combined aggregate all our the hospital hospitals organization
  system each per my your their its this that these those same whole entire full raw
  list show give see find get display pull tell compare rank sort count number how what which who
  question questions query one quick real really just curious please thanks hey so roughly honestly team know like`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

const CASE_NOUNS =
  'cases?|patients?|admissions?|readmissions?|readmits?|stays?|surgeries|surgery|procedures?|operations?|encounters?|visits?|claims?|discharges?|volumes?|episodes?';
const FIGURE_AFTER = new RegExp(
  `^\\s+(?:(?:average|avg|mean|median|total|typical|overall|30[- ]day)\\s+)?(?:${MEASURE_ALTERNATION}|${CASE_NOUNS})\\b`,
);

/** Short all-consonant words ("chf", "htn", "dvt") and words written in capitals ("COPD") read as shorthand. */
export function isShorthand(word: string): boolean {
  if (/^\p{Lu}{2,6}s?$/u.test(word)) return true;
  return (
    /^[b-df-hj-np-tv-z]{2,5}$/i.test(word) &&
    !/^(?:st|nd|rd|th|mr|mrs|ms|dr|vs|pls|plz|thx|hmm|hrs|mths|yrs|qtr|qtrs|mth|yr|wk|wks|tbh|fyi)$/i.test(
      word,
    )
  );
}

/** True when the words stand right before a figure or a noun for the cases, and so scope it. */
export function modifiesFigure(text: string, question: string): boolean {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0 || words.every((word) => PLAIN_MODIFIERS.has(word))) return false;
  const lower = question.toLowerCase();
  const at = lower.indexOf(text.toLowerCase());
  if (at < 0) return false;
  return FIGURE_AFTER.test(lower.slice(at + text.length));
}

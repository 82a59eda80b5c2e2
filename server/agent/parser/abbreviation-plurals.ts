import { findAbbreviations } from '../../cases/procedure-abbreviations';

/**
 * "how many lap choles", "ORIFs last year": shorthand written as a plural is read as the shorthand. Left as it
 * is, the words match no procedure, are let go as unknown lower-case words, and the answer would cover every
 * procedure instead of the one asked about.
 */
export function singularAbbreviations(text: string): string {
  let result = text;
  let known = findAbbreviations(result).length;
  const plurals = [...text.matchAll(/\b[A-Za-z][A-Za-z-]*?('?s)\b/g)].reverse();
  for (const match of plurals) {
    const end = match.index + match[0].length;
    const trial = result.slice(0, end - match[1]!.length) + result.slice(end);
    const found = findAbbreviations(trial).length;
    if (found > known) {
      result = trial;
      known = found;
    }
  }
  return result;
}

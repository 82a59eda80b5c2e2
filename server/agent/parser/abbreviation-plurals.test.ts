import { describe, expect, it } from 'vitest';
import { singularAbbreviations } from './abbreviation-plurals';

// Shorthand written as a plural once matched nothing and was let go as unknown words, so the answer covered
// every procedure; the figures are checked end to end in analyst-questions.test.ts.
const ROWS: [string, string][] = [
  [
    'how many lap choles did Dr. Anil Patel do last year',
    'how many lap chole did Dr. Anil Patel do last year',
  ],
  ['average cost of lap choles by payor', 'average cost of lap chole by payor'],
  // Words that are not shorthand keep their plural.
  ['knee replacements by payors', 'knee replacements by payors'],
  ['total charges for TKAs', 'total charges for TKAs'],
  ['cases in 2025', 'cases in 2025'],
];

describe('shorthand written as a plural', () => {
  it.each(ROWS)('%s', (question, expected) => {
    expect(singularAbbreviations(question)).toBe(expected);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuestion } from './parse-question';
import { contextWith } from './test-resolver';

// Filler and word order do not change what a question means: each known question is cut into phrases that an
// analyst could put in any order, shuffled, with chatty filler sprinkled between them, and must read as the
// same plan as its plain form.

const QUESTIONS: string[][] = [
  ['average cost', 'for knee replacement', 'by surgeon', 'in 2025', 'at Mercy North'],
  ['total revenue', 'by payor', 'in 2025', 'for hip replacement'],
  ['median length of stay', 'for hip replacement', 'by provider', 'in Q1 2026'],
  ['number of cases', 'by month', 'in 2025', 'for Aetna'],
  ['margin', 'by client', 'for knee replacement', 'in 2024'],
  ['discount rate', 'by payor', 'for women', 'in 2025'],
  ['90th percentile OR time', 'for knee replacement', 'at Mercy South', 'by surgeon'],
  ['total profit', 'by provider', 'for patients over 65', 'in 2025'],
  ['average cost', 'for Aetna', 'for hip replacement', 'last quarter'],
  ['readmission rate', 'by surgeon', 'for knee replacement', 'in 2025'],
];

const FILLER = [
  'please',
  'hey',
  'quick question',
  'roughly',
  "I'd like to know",
  'thanks',
  'honestly',
  'real quick',
  'if you can',
  'team',
  'just curious',
  'so',
];

const read = (question: string) => {
  const outcome = parseQuestion(question, contextWith());
  return outcome.kind === 'query' ? outcome.query : outcome;
};

describe('word order and filler', () => {
  it.each(QUESTIONS.map((parts) => [parts.join(' '), parts] as const))(
    '"%s" reads the same in any order, with any filler',
    (plain, parts) => {
      const expected = read(plain);
      expect(expected).toHaveProperty('workflow', 'analytics');
      fc.assert(
        fc.property(
          fc.shuffledSubarray([...parts], { minLength: parts.length, maxLength: parts.length }),
          fc.array(fc.tuple(fc.nat(parts.length), fc.constantFrom(...FILLER)), { maxLength: 3 }),
          (order, fillers) => {
            const words: string[] = [...order];
            for (const [at, filler] of fillers) words.splice(Math.min(at, words.length), 0, filler);
            expect(read(words.join(' '))).toEqual(expected);
          },
        ),
        { numRuns: 60, seed: 20261128 },
      );
    },
  );
});

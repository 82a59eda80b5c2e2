import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../cases/demo-catalog';
import { allowedEdits, editDistance, isTypoOf } from '../../cases/fuzzy';
import { buildVocabulary, closestWord, correctWords, describeCorrections, questionVocabulary } from './typos';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('cost', 'cost')).toBe(0);
    expect(editDistance('cots', 'cost')).toBe(1);
    expect(editDistance('cst', 'cost')).toBe(1);
    expect(editDistance('coast', 'cost')).toBe(1);
    expect(editDistance('cast', 'cost')).toBe(1);
    expect(editDistance('replacment', 'replacement')).toBe(1);
    expect(editDistance('arthroplsaty', 'arthroplasty')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });

  it('allows edits by word length: none up to 3 letters, one up to 7, two beyond', () => {
    expect([3, 4, 7, 8, 15].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
    expect(isTypoOf('hpi', 'hip')).toBe(false);
    expect(isTypoOf('kneee', 'knee')).toBe(true);
    expect(isTypoOf('cholecystecomy', 'cholecystectomy')).toBe(true);
    expect(isTypoOf('lobectomy', 'colectomy')).toBe(false);
  });
});

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const word = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...LETTERS), { minLength: min, maxLength: max })
    .map((letters) => letters.join(''));

/** One random edit (insert, delete, substitute or swap) away from the word, never touching its first letter. */
function oneEdit(base: string, kind: number, position: number, letter: string): string {
  const at = 1 + (position % Math.max(1, base.length - 1));
  switch (kind % 4) {
    case 0:
      return base.slice(0, at) + letter + base.slice(at);
    case 1:
      return base.slice(0, at) + base.slice(at + 1);
    case 2:
      return base.slice(0, at) + letter + base.slice(at + 1);
    default:
      return at + 1 < base.length ? base.slice(0, at) + base[at + 1] + base[at] + base.slice(at + 2) : base;
  }
}

describe('closestWord (property)', () => {
  it('maps a word within the allowed distance of exactly one vocabulary word to it, and nothing beyond', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(word(4, 12), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...LETTERS)), { minLength: 1, maxLength: 3 }),
        (words, pick, edits) => {
          const target = words[pick % words.length]!;
          let typed = target;
          for (const [kind, position, letter] of edits) typed = oneEdit(typed, kind, position, letter);
          const vocabulary = buildVocabulary(words);
          const result = closestWord(typed, vocabulary);
          if (typed.length <= 3 || words.includes(typed)) {
            expect(result).toBeNull();
            return;
          }
          const within = words.filter((candidate) => isTypoOf(typed, candidate));
          const distances = within.map((candidate) => editDistance(typed, candidate));
          const best = Math.min(...distances);
          const closest = within.filter((_, index) => distances[index] === best);
          const oneWord = new Set(closest.map((candidate) => candidate.replace(/(?:es|s)$/, ''))).size === 1;
          if (within.length === 1) expect(result).toBe(within[0]);
          else if (closest.length === 1) expect(result).toBe(closest[0]);
          else if (oneWord) expect(closest).toContain(result);
          else expect(result).toBeNull();
          if (result !== null) {
            expect(editDistance(typed, result)).toBeLessThanOrEqual(allowedEdits(typed.length));
          }
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });

  it('never corrects a word beyond its allowed distance', () => {
    fc.assert(
      fc.property(word(4, 10), word(4, 10), (typed, known) => {
        const result = closestWord(typed, buildVocabulary([known]));
        if (editDistance(typed, known) > allowedEdits(typed.length)) expect(result).toBeNull();
      }),
      { numRuns: 400, seed: 12 },
    );
  });
});

describe('correctWords', () => {
  const vocabulary = questionVocabulary(
    demoCatalog({
      surgeon: [
        { kind: 'surgeon', id: 'Anil Patel', name: 'Anil Patel', cases: 9 },
        { kind: 'surgeon', id: 'Wei Chen', name: 'Wei Chen', cases: 9 },
        { kind: 'surgeon', id: 'Linda Chan', name: 'Linda Chan', cases: 9 },
      ],
      payor: [
        { kind: 'payor', id: 'Aetna', name: 'Aetna', cases: 9 },
        { kind: 'payor', id: 'Medicare', name: 'Medicare', cases: 9 },
        { kind: 'payor', id: 'Cigna', name: 'Cigna', cases: 9 },
      ],
    }),
  );

  it.each([
    ['avergae cost of knee replacment', 'average cost of knee replacement'],
    ['total revenu by payor', 'total revenue by payor'],
    ['revnue by surgeon', 'revenue by surgeon'],
    ['Aetan vs Cigan', 'Aetna vs Cigna'],
    ['cost for Medicar patients', 'cost for Medicare patients'],
    ['discoutn by payor', 'discount by payor'],
    ['lenght of stay for total hip arthroplsty', 'length of stay for total hip arthroplasty'],
    ['median margni by sugreon', 'median margin by surgeon'],
    ['cases by Dr. Pattel', 'cases by Dr. Patel'],
    ['laparoscopic cholecystecomy volume', 'laparoscopic cholecystectomy volume'],
    ['REVENEU YTD', 'REVENUE YTD'],
  ])('reads "%s" as "%s"', (question, expected) => {
    expect(correctWords(question, vocabulary).text).toBe(expected);
  });

  it.each([
    'most expensive surgeons last year',
    'cost of TURBT in 2025',
    'which payors pay the least',
    'cost of ORIF by surgeon',
    'DRG 470 cost in Q3 2025',
    'tonsillectomy cost',
    'lobectomy cost',
    'cases by Dr. Chon',
    'what does a typical hip case look like',
    'how many C-sections did we do',
    'cost of M17.11 cases',
    'priciest surgeons by cost',
    'cases exceeding 20000 in cost',
    'change in cost since 2024',
    'infection rate by surgeon',
    'stats by payor',
    'surgeons with the longest stays',
    'cost by date of admission',
    'worse than last year',
    'value of knee replacement cases',
  ])('leaves "%s" as it is: known words, codes, abbreviations and ties are not respelt', (question) => {
    expect(correctWords(question, vocabulary)).toEqual({ text: question, corrections: [] });
  });

  it('settles a tie between forms of one word, or in favour of the data over an everyday word', () => {
    expect(closestWord('cots', vocabulary)).toBe('cost');
    expect(closestWord('tiem', vocabulary)).toBe('time');
    const plain = buildVocabulary(['chen', 'chan']);
    expect(closestWord('chon', plain)).toBeNull();
  });

  it('reports each correction once, for the reading', () => {
    const { corrections } = correctWords('revnue and revnue by Aetan', vocabulary);
    expect(corrections).toEqual([
      { from: 'revnue', to: 'revenue' },
      { from: 'Aetan', to: 'Aetna' },
    ]);
    expect(describeCorrections(corrections)).toBe('reading "revnue" as "revenue", "Aetan" as "Aetna"');
    expect(describeCorrections([])).toBe('');
  });
});

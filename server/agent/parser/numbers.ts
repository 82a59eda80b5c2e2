const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

/** Matches a count written as digits or as a small English number word. */
export const COUNT = `(\\d{1,4}|${Object.keys(NUMBER_WORDS)
  .sort((left, right) => right.length - left.length)
  .join('|')})`;

export function readCount(text: string): number {
  return NUMBER_WORDS[text] ?? Number(text);
}

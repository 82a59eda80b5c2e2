import type { Comparator, Measure } from '../../../src/contract/query-plan';
import { refuse } from './problem';
import type { Remainder } from './remainder';
import type { AggregationWord } from './vocabulary';

// Words for losing money: "which procedures lose money", "unprofitable payors", "in the red", "negative margin",
// "money losers", "don't break even". They ask for the groups whose figure is below zero (lowest first), never
// the most profitable ones; without a breakdown they ask for the figure itself, whose sign answers.

const LOSS =
  /\b(?:los(?:e|es|ing|t) (?:us )?money(?: on)?|money[- ]?los(?:ers?|ing)|los(?:ers|ing ones)\b|unprofitable|not profitable|non[- ]?profitable|in the red|under ?water|loss[- ]making|(?:at|make|makes|making|made|run(?:s|ning)? at) a loss|(?:do not|don't|does not|doesn't|did not|didn't|fail(?:s|ed)? to|not|never) break(?:ing)? ?even|below break[- ]?even)\b/;
const NEGATIVE_MARGIN =
  /\bnegative (?:profit |operating )?margins?\b|\bmargins? (?:below|under|less than) (?:zero|0)\b/;
const NEGATIVE_PROFIT =
  /\bnegative (?:profits?|net income)\b|\bprofits? (?:below|under|less than) (?:zero|0)\b/;
/** "which procedure loses the most money": lowest profit first, every group kept. */
const MOST_LOSS = /\blos(?:e|es|ing|t) (?:us )?(?:the )?most money\b|\bbiggest (?:money[- ]?)?losers?\b/;
const BREAK_EVEN = /\bbreak(?:s|ing)? ?even\b|\bbreak-even\b/;

interface LossReading {
  measure: Extract<Measure, 'profit' | 'margin'>;
  /** True when the groups are kept to those below zero; "break even" only orders them, closest to a loss first. */
  belowZero: boolean;
}

export function takeLossWords(remainder: Remainder): LossReading | undefined {
  if (remainder.take(NEGATIVE_MARGIN)) return { measure: 'margin', belowZero: true };
  if (remainder.take(MOST_LOSS)) return { measure: 'profit', belowZero: false };
  if (remainder.take(NEGATIVE_PROFIT) || remainder.take(LOSS)) return { measure: 'profit', belowZero: true };
  if (remainder.take(BREAK_EVEN)) return { measure: 'profit', belowZero: false };
  return undefined;
}

interface LossParts {
  measures: Measure[];
  aggregation?: AggregationWord;
  groupBy: unknown[];
  having: { measure: Measure; aggregation?: AggregationWord; op: Comparator; value: number }[];
}

/**
 * Puts a loss reading into the parts once the breakdown is known: with a breakdown, the groups below zero (the
 * order, lowest first, is set with the ranking); without one, the total profit (or margin) of the scope.
 */
export function applyLoss(parts: LossParts, loss: LossReading): void {
  if (!parts.measures.includes(loss.measure)) parts.measures.unshift(loss.measure);
  if (parts.groupBy.length === 0) {
    if (parts.aggregation === 'count_of' && loss.belowZero) {
      refuse(
        'I cannot test profit on single cases, only on groups of them: ask which procedures, surgeons or payors lose money.',
        ['which procedures lose money', 'which payors have a negative margin'],
      );
    }
    if (!parts.aggregation && loss.measure === 'profit') parts.aggregation = 'sum';
    return;
  }
  if (loss.belowZero) {
    parts.having.push({
      measure: loss.measure,
      ...(loss.measure === 'profit' ? { aggregation: 'sum' as const } : {}),
      op: '<',
      value: 0,
    });
  }
}

import type { Measure } from '../../../src/contract/query-plan';
import { MEASURE_MODEL } from '../../cases/semantic-model';
import { refuse } from './problem';
import { measureOf } from './vocabulary';

// "cost per OR minute", "revenue per day of stay": one figure per unit of another is Σfigure ÷ Σunit over the
// cases, a ratio the semantic model does not hold. Answering the two averages side by side would look like the
// figure asked for and is not, so the question is told apart and the two figures are offered instead.

const UNITS: [RegExp, Measure, string][] = [
  [
    /\bper (?:(?:or|operating(?: room)?|surgical|theatre|theater) )?(?:minutes?|mins?|hours?|hrs?)(?: of (?:or|operating(?: room)?|surgical|surgery|theatre|theater) time)?\b/,
    'time',
    'OR minute',
  ],
  [
    /\bper (?:(?:los|inpatient|patient|bed|hospital) days?|days? (?:of|in) (?:the )?(?:stay|hospital)|days? stayed|night|day)\b|\bdaily\b/,
    'los',
    'day of stay',
  ],
];

/** Refuses "X per OR minute" and the like, naming the two figures it can give. */
export function refuseUnitRatio(question: string): void {
  const lower = question.toLowerCase();
  for (const [unit, measure, unitName] of UNITS) {
    const match = unit.exec(lower);
    if (!match) continue;
    // "daily cost" names its figure after the unit, "cost per day" before it.
    const figure =
      match[0] === 'daily'
        ? measureOf(lower.slice(match.index + match[0].length))
        : measureOf(lower.slice(0, match.index));
    if (!figure || figure === measure || figure === 'cases') continue;
    const label = MEASURE_MODEL[figure].label;
    const per = MEASURE_MODEL[measure].label;
    const named = /hours?|hrs?/.test(match[0]) ? 'OR hour' : unitName;
    refuse(
      `${label.charAt(0).toUpperCase()}${label.slice(1)} per ${named} is not a figure I compute: it would be the ${label} divided by the ${per} over the same cases, and I do not divide one figure by another. I can give the two side by side.`,
      [`total ${label} and total ${per}`, `average ${label} and average ${per} by procedure`],
    );
  }
}

/**
 * "avg cost readmitted vs not": readmitted and not readmitted are not values of a dimension the plan can set side
 * by side, and answering the figure beside the readmission rate looks like the comparison and is not.
 */
const READMITTED_VS_NOT =
  /\breadmit(?:ted|s)? (?:cases |patients )?(?:vs\.?|versus|or|and|compared (?:to|with)) (?:not|non[- ]?readmit(?:ted|s)?|(?:those |cases |patients )?(?:not|never) readmitted|the rest|others)\b/;

export function refuseReadmittedSplit(question: string): void {
  if (!READMITTED_VS_NOT.test(question.toLowerCase())) return;
  refuse(
    'I cannot set readmitted and not readmitted cases side by side in one answer; ask for each group on its own.',
    ['average cost of readmitted cases', 'average cost of cases not readmitted'],
  );
}

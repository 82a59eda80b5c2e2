import type { CaseCondition } from '../../../src/contract/query-plan';
import type { EntityKind, Resolution } from '../../cases/types';
import { CLINICAL_KINDS, DIMENSION_KINDS, piecesOf, resolvePieces } from './entities';
import { refuse } from './problem';
import type { Remainder } from './remainder';
import type { NamedValue, Resolve } from './types';

const OUTLIERS =
  /\b(?:excluding|exclude|without|ignoring|ignore|removing|remove|drop(?:ping)?|no|minus|trim(?:ming)?) (?:the )?outliers\b|\boutliers (?:removed|excluded|trimmed)\b|(?<=\b(?:excluding|without|ignoring|removing|except)\b.*) (?:and|&) (?:the )?outliers\b/;
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
const BAND = new RegExp(
  `\\b(?:between|from) (?:the )?${ORDINAL}(?: percentile)? (?:and|to|-) (?:the )?${ORDINAL} percentiles?\\b|\\bp(\\d{1,2}) ?(?:-|to) ?p(\\d{1,2})\\b`,
);

/** A percentile band ("between the 10th and 90th percentile", "excluding outliers"); the plan has no such filter. */
export function takePercentileBand(remainder: Remainder): [number, number] | undefined {
  if (remainder.take(OUTLIERS)) return [5, 95];
  const match = remainder.take(BAND);
  if (!match) return undefined;
  const low = Number(match[1] ?? match[3]);
  const high = Number(match[2] ?? match[4]);
  if (!(low >= 0 && high <= 100 && low < high)) {
    refuse(
      `A percentile band runs from a lower to a higher percentile between 0 and 100; ${low}–${high} does not.`,
      ['median cost of knee replacement', '90th percentile cost of knee replacement'],
    );
  }
  return [low, high];
}

/** Words that leave something out; a name after them is read by the exclusion reader, not as a filter to keep. */
export const EXCLUDING_WORDS =
  '(?:excluding|exclude|without|except(?: for)?|not counting|leav(?:e|ing) out|other than|but not|minus|apart from|ignoring|ignore|drop(?:ping)?|remove|removing|take out|not including|no)';

const EXCLUSION =
  /\b(?:excluding|exclude|without|except(?: for)?|not counting|leav(?:e|ing) out|other than|but not|minus|apart from|ignoring|ignore|drop(?:ping)?|remove|removing|take out|not including|no) (?:patients |cases |those |people |surgeons? |payors? |payers? |providers? |clients? )?(?:with |who have |having |of |for |from |by )?(?!(?:mcc|cc|cc\/mcc|major complications?|the (?:pivot|breakdown|grouping|split)|pivot|breakdown|grouping|split)\b)([^\uE000,]+?)(?=\s+(?:for|at|in|by|on|during|since|from|over|per|between)\b|[\uE000,]|$)/;

const DIMENSION_OF_KIND: Record<EntityKind, NamedValue['dimension']> = {
  procedure: 'procedure',
  condition: 'condition',
  drg: 'drg',
  surgeon: 'surgeon',
  payor: 'payor',
  provider: 'provider',
  client: 'client',
};

/** "excluding diabetes", "leave out Dr. Patel", "except Medicare": values of any dimension to leave out. */
export function takeExclusions(
  remainder: Remainder,
  resolve: Resolve,
): { values: NamedValue[]; resolutions: Resolution[] } | undefined {
  const match = remainder.take(EXCLUSION);
  if (!match) return undefined;
  const phrase = match.originals[1] ?? '';
  // Conditions first ("without diabetes" is about patients), then every other kind.
  const choice = {
    clinical: ['condition', ...CLINICAL_KINDS.filter((kind) => kind !== 'condition')],
    dimensions: DIMENSION_KINDS,
  } as const;
  const resolved = resolvePieces(
    piecesOf([phrase], { clinical: [...choice.clinical], dimensions: [...choice.dimensions] }, resolve),
    { clinical: [...choice.clinical], dimensions: [...choice.dimensions] },
    resolve,
  );
  if (resolved.unknown.length > 0 || resolved.matches.length === 0) {
    refuse(`I did not find "${resolved.unknown[0] ?? phrase}" in your data, so I cannot leave it out.`, [
      'average cost of knee replacement excluding diabetes',
      'total revenue by surgeon leaving out Medicare',
    ]);
  }
  return {
    values: resolved.matches.map(({ match: found }, index) => ({
      dimension: DIMENSION_OF_KIND[found.kind],
      value: { id: found.id, name: found.name },
      index,
    })),
    resolutions: resolved.resolutions,
  };
}

const AGE_RANGE =
  /\b(?:patients |people |cases )?(?:aged?|ages) (\d{1,3}) ?(?:-|to|through|and) ?(\d{1,3})\b/;
const AGE_OVER =
  /\b(?:(?:patients|people|cases|those|anyone|aged?|age)\s+(?:(?:who |that )?(?:are|were|is|was)\s+)?(?:over|above|older than|at least|>=?)\s+(\d{1,3})|(\d{1,3})\s*(?:\+|and (?:over|older|up)|or (?:older|over))(?: patients| years?(?: old)?)?|over[- ](\d{1,3})s)(?:\b|(?<=\+))/;
const AGE_UNDER =
  /\b(?:patients|people|cases|those|anyone|aged?|age)\s+(?:(?:who |that )?(?:are|were|is|was)\s+)?(?:under|below|younger than|<)\s+(\d{1,3})\b/;
/** "knee replacements are over 65": the noun names what is counted and stays for the name before it. */
const SAID_OF =
  '(?<=\\b(?:replacements|surgeries|procedures|claims|admissions|encounters|members|stays) )(?:who |that )?(?:are|were|is|was) ';
const AGE_OVER_SAID = new RegExp(`${SAID_OF}(?:over|above|older than) (\\d{1,3})\\b`);
const AGE_UNDER_SAID = new RegExp(`${SAID_OF}(?:under|below|younger than) (\\d{1,3})\\b`);
const SENIORS = /\b(?:seniors?|elderly|geriatric|older (?:patients|adults))\b/;
const CHILDREN = /\b(?:pediatric|paediatric|children|kids|minors|child)\b/;
const NOT_READMITTED =
  /\b(?:(?:cases|patients) (?:that|who) (?:were|was) (?:not|never) readmitted|(?:cases|patients) (?:not|never) readmitted|not readmitted (?:cases|patients)|non[- ]?readmitted(?: cases| patients)?|(?:cases|patients) (?:without|with no) (?:a )?readmission)\b/;
const READMITTED =
  /\b(?:(?:cases|patients) (?:that|who) (?:were|got) readmitted|readmitted (?:cases|patients))\b/;

/** The cases a condition is about, when it is said of them: "cases that stay", "patients who cost". */
const CASES_SUBJECT =
  '(?:cases|patients|claims|admissions|encounters|stays|people|ones|those|surgeries|procedures|replacements|members)(?: (?:that|who|which))?';
const LONGER =
  '(longer than|more than|over|above|beyond|at least|shorter than|less than|under|below|fewer than)';
const STAY_CONDITION = new RegExp(
  `\\b${CASES_SUBJECT} (?:stay(?:s|ed)?|stay(?:ed)? in (?:the )?hospital|had (?:a )?(?:los|length of stay|stay)|have (?:a )?(?:los|length of stay|stay)) ${LONGER} (\\d+(?:\\.\\d+)?) (?:days?|nights?)\\b`,
);
const COST_CONDITION = new RegExp(
  `\\b${CASES_SUBJECT} (?:cost(?:s|ed|ing)?(?: us)?|were|are) ${LONGER.replace('longer than|', '').replace('shorter than|', '')} \\$ ?(\\d[\\d,]*(?:\\.\\d+)?) ?(k|m|thousand|million)?\\b`,
);

function comparatorOf(word: string): CaseCondition['op'] {
  if (/^(?:at least)$/.test(word)) return '>=';
  return /^(?:shorter than|less than|under|below|fewer than)$/.test(word) ? '<' : '>';
}

/** Numeric conditions on cases: ages, seniors, readmitted cases. */
export function takeCaseConditions(remainder: Remainder): CaseCondition[] {
  const conditions: CaseCondition[] = [];
  const range = remainder.take(AGE_RANGE);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    if (low > high || high > 120)
      refuse(`${low}–${high} is not an age range I can use.`, ['average cost for patients aged 65-74']);
    conditions.push({ field: 'age', op: '>=', value: low }, { field: 'age', op: '<=', value: high });
  }
  const over = remainder.take(AGE_OVER);
  if (over) {
    const value = Number(over[1] ?? over[2] ?? over[3]);
    conditions.push({ field: 'age', op: over[1] ? '>' : '>=', value });
  }
  const overSaid = over ? null : remainder.take(AGE_OVER_SAID);
  if (overSaid) conditions.push({ field: 'age', op: '>', value: Number(overSaid[1]) });
  const underSaid = remainder.take(AGE_UNDER_SAID);
  if (underSaid) conditions.push({ field: 'age', op: '<', value: Number(underSaid[1]) });
  const under = remainder.take(AGE_UNDER);
  if (under) conditions.push({ field: 'age', op: '<', value: Number(under[1]) });
  if (remainder.take(SENIORS)) conditions.push({ field: 'age', op: '>=', value: 65 });
  if (remainder.take(CHILDREN)) conditions.push({ field: 'age', op: '<', value: 18 });
  if (remainder.take(NOT_READMITTED)) conditions.push({ field: 'readmitted_30', op: '=', value: 0 });
  if (remainder.take(READMITTED)) conditions.push({ field: 'readmitted_30', op: '=', value: 1 });
  const stay = remainder.take(STAY_CONDITION);
  if (stay) conditions.push({ field: 'los_days', op: comparatorOf(stay[1] ?? ''), value: Number(stay[2]) });
  const cost = remainder.take(COST_CONDITION);
  if (cost) {
    const scale = cost[3] ? (/^(?:k|thousand)$/.test(cost[3]) ? 1_000 : 1_000_000) : 1;
    conditions.push({
      field: 'cost',
      op: comparatorOf(cost[1] ?? ''),
      value: Number((cost[2] ?? '0').replace(/,/g, '')) * scale,
    });
  }
  for (const condition of conditions) {
    if (condition.field === 'age' && condition.value > 120) refuse(`${condition.value} is not an age.`, []);
  }
  return conditions;
}

const WOMEN = /\b(?:women|woman|females?|ladies|lady)\b/;
const MEN = /\b(?:men|man|males?|gentlemen)\b/;

/** "for women", "male patients": a gender to keep. */
export function takeGender(remainder: Remainder): 'F' | 'M' | undefined {
  if (remainder.test(/\b(?:men and women|women and men|males? and females?|females? and males?)\b/))
    return undefined;
  if (remainder.take(WOMEN)) return 'F';
  if (remainder.take(MEN)) return 'M';
  return undefined;
}

import type { CaseCondition, CaseField, Comparator } from '../../../src/contract/query-plan';
import { refuse } from './problem';
import type { Remainder } from './remainder';

// Conditions on single cases as analysts write them: ages ("over 75 years old", "70 yo", "aged 65+", "65 and
// older"), stays ("longer than 5 days", "10 or more days"), and thresholds whose subject is the cases themselves
// ("cases where los > 10 days", "stays over 7 days", "cases costing more than $50,000"). A condition phrase is
// either read into the plan or the question is not answered: `refuseUnreadConditions` stops a question whose
// comparison or amount no rule read, since dropping it would state a figure for a wider scope than asked.

const AGE_UNIT = '(?:(?:years?|yrs?)\\s*(?:old|of age)|y\\.?o\\.?|y/o)';
const YEARS = '(?:\\s*(?:years?|yrs?)(?:\\s*(?:old|of age))?)';
const MORE = 'over|above|older than|more than|greater than|beyond|past';
const LESS = 'under|below|younger than|less than|beneath';

const PEOPLE = '(?:patients?|pts|people|persons|members?|those|anyone|folks|adults|women|men)';
const NOT_A_UNIT = '(?!\\s*(?:days?|nights?|minutes?|mins?|hours?|hrs?|%|percent|k\\b|cases?)|\\d)';

const AGE_RULES: [RegExp, (match: RegExpExecArray) => CaseCondition[]][] = [
  [
    new RegExp(
      `\\b(?:${PEOPLE}|aged?|ages)\\s+(?:aged\\s+)?(?:between|from)\\s+(\\d{1,3})\\s*(?:and|to|-)\\s*(\\d{1,3})(?:\\s*(?:years?|yrs?)(?:\\s*old)?)?\\b`,
    ),
    (match) => [
      { field: 'age', op: '>=', value: Number(match[1]) },
      { field: 'age', op: '<=', value: Number(match[2]) },
    ],
  ],
  [
    new RegExp(`\\b${PEOPLE}\\s+(at least|${MORE})\\s+(\\d{1,3})\\b${NOT_A_UNIT}`),
    (match) => [{ field: 'age', op: match[1] === 'at least' ? '>=' : '>', value: Number(match[2]) }],
  ],
  [
    new RegExp(`\\b${PEOPLE}\\s+(at most|${LESS})\\s+(\\d{1,3})\\b${NOT_A_UNIT}`),
    (match) => [{ field: 'age', op: match[1] === 'at most' ? '<=' : '<', value: Number(match[2]) }],
  ],
  [
    /\b(?:aged?|ages)\s*(\d{1,3})\s*(?:\+|and (?:over|older|up|above)|or (?:older|over|more|above))/,
    (match) => [{ field: 'age', op: '>=', value: Number(match[1]) }],
  ],
  [
    new RegExp(`\\b(at least|${MORE})\\s+(\\d{1,3})\\s*${AGE_UNIT}`),
    (match) => [{ field: 'age', op: match[1] === 'at least' ? '>=' : '>', value: Number(match[2]) }],
  ],
  [
    new RegExp(`\\b(at most|${LESS})\\s+(\\d{1,3})\\s*${AGE_UNIT}`),
    (match) => [{ field: 'age', op: match[1] === 'at most' ? '<=' : '<', value: Number(match[2]) }],
  ],
  [
    new RegExp(
      `\\b(\\d{1,3})${YEARS}?\\s*(?:and|or)\\s*(?:older|up)\\b|\\b(\\d{1,3})${YEARS}\\s*(?:and|or)\\s*(?:over|above|more)\\b`,
    ),
    (match) => [{ field: 'age', op: '>=', value: Number(match[1] ?? match[2]) }],
  ],
  [
    new RegExp(
      `\\b(\\d{1,3})${YEARS}?\\s*(?:and|or)\\s*younger\\b|\\b(\\d{1,3})${YEARS}\\s*(?:and|or)\\s*(?:under|below|less)\\b`,
    ),
    (match) => [{ field: 'age', op: '<=', value: Number(match[1] ?? match[2]) }],
  ],
  [
    /\b(\d{1,3})\s*\+\s*(?=patients?\b|people\b|members?\b|year|yrs?\b|y\.?o\b|y\/o|$|\uE000)/,
    (match) => [{ field: 'age', op: '>=', value: Number(match[1]) }],
  ],
  [/\bunder[- ](\d{1,3})s\b/, (match) => [{ field: 'age', op: '<', value: Number(match[1]) }]],
  [
    /\b(\d{1,3})[- ]?(?:years?[- ]olds?|yrs?[- ]olds?|yos?|y\/o|y\.o\.)(?!\w)/,
    (match) => [{ field: 'age', op: '=', value: Number(match[1]) }],
  ],
];

const STAY_UNIT = '(?:days?|nights?)';
const TIME_UNIT = '(?:minutes?|mins?|hours?|hrs?)';
const AVERAGE_BEFORE =
  /\b(?:average|avg|mean|median|typical|total)\s+(?:length of\s+|(?:los|stays?|length of stay|or time|operating time|surgery time|surgical time|duration)\s+(?:(?:is|was|of)\s+)?)?$/;

/** "with los of", "a stay of": the words naming the field, cut along with the condition. */
const STAY_LEAD =
  '(?:\\b(?:los|lengths? of stays?|stays?|stayed|staying)\\s+(?:(?:of|is|was|lasting)\\s+)?)?';
const STAY_RULES: [RegExp, Comparator][] = [
  [new RegExp(`\\b(?:longer|more|greater) than (\\d+(?:\\.\\d+)?) ${STAY_UNIT}`), '>'],
  [new RegExp(`\\b(?:shorter|less|fewer) than (\\d+(?:\\.\\d+)?) ${STAY_UNIT}`), '<'],
  [new RegExp(`\\b(?:at least|a minimum of|minimum of) (\\d+) ${STAY_UNIT}`), '>='],
  [
    new RegExp(
      `\\b(\\d+) ?(?:\\+|or more|or longer) ${STAY_UNIT}|\\b(\\d+)\\+? ${STAY_UNIT} or (?:more|longer)\\b`,
    ),
    '>=',
  ],
  [
    new RegExp(
      `\\b(\\d+) ${STAY_UNIT} or (?:less|fewer|shorter)\\b|\\b(\\d+) or (?:fewer|less) ${STAY_UNIT}`,
    ),
    '<=',
  ],
];

/** The cases themselves; "procedures with cost over …" names a breakdown and stays a grouped condition. */
/** "surgeries longer than 3 hours": a time on each case is its OR time. */
const TIME_RULES: [RegExp, Comparator][] = [
  [new RegExp(`\\b(?:longer|more|greater) than (\\d+(?:\\.\\d+)?) (${TIME_UNIT})(?!\\w)`), '>'],
  [new RegExp(`\\b(?:shorter|less) than (\\d+(?:\\.\\d+)?) (${TIME_UNIT})(?!\\w)`), '<'],
];

const CASE_SUBJECT =
  '(?:cases?|stays?|patients?|admissions?|encounters?|visits?|claims|episodes?|discharges?|inpatient stays?)';
const FIELD_WORDS: [RegExp, CaseField][] = [
  [/^(?:los|lengths? of stays?|stays?|stayed|staying|lasted|lasting|last|inpatient days)$/, 'los_days'],
  [
    /^(?:or time|or minutes|operating time|operating room time|surgery time|surgical time|durations?)$/,
    'or_minutes',
  ],
  [/^(?:costs?|costing|cost per case|expenses?)$/, 'cost'],
  [/^(?:revenues?|charges?|charged|billed|billing|payments?|paid|reimbursements?)$/, 'revenue'],
  [/^(?:hospital revenue)$/, 'hospital_revenue'],
  [/^(?:discounts?|write[- ]?offs?)$/, 'discount'],
  [/^(?:ages?|aged)$/, 'age'],
];
const FIELD_ALTERNATION =
  'los|lengths? of stays?|stays?|stayed|staying|lasted|lasting|last|inpatient days|or time|or minutes|operating time|operating room time|surgery time|surgical time|durations?|costs?|costing|cost per case|expenses?|revenues?|charges?|charged|billed|billing|payments?|paid|reimbursements?|hospital revenue|discounts?|write[- ]?offs?|ages?|aged';
const COMPARATOR_WORDS =
  'at least|no less than|at most|no more than|up to|longer than|shorter than|older than|younger than|over|above|more than|greater than|higher than|exceeding|exceeds?|beyond|in excess of|north of|under|below|less than|lower than|fewer than|south of|beneath|>=|<=|>|<|=';
const CASE_THRESHOLD = new RegExp(
  `\\b${CASE_SUBJECT}\\s+(?:(?:with|where|whose|that|which|who|in which)\\s+)?(?:(?:had|have|has|were|was|are|is|ran|run|running)\\s+)?(?:(?:a|an|the|their|its)\\s+)?(?:(${FIELD_ALTERNATION})\\s+)?(?:(?:is|was|were|are|of|at)\\s+)?(${COMPARATOR_WORDS})\\s*(\\$)?\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s*(k|m|thousand|million)?\\s*(days?|nights?|minutes?|mins?|hours?|hrs?|years?(?: old)?|%|percent)?(?!\\w)`,
);

function comparatorOf(word: string): Comparator {
  if (/^(?:at least|no less than|>=)$/.test(word)) return '>=';
  if (/^(?:at most|no more than|up to|<=)$/.test(word)) return '<=';
  if (word === '=') return '=';
  if (
    /^(?:under|below|less than|lower than|fewer than|south of|beneath|shorter than|younger than|<)$/.test(
      word,
    )
  )
    return '<';
  return '>';
}

function fieldOf(word: string | undefined, unit: string | undefined): CaseField | undefined {
  const named = word ? FIELD_WORDS.find(([pattern]) => pattern.test(word))?.[1] : undefined;
  if (named) return named;
  if (unit && /^(?:days?|nights?)$/.test(unit)) return 'los_days';
  if (unit && /^(?:minutes?|mins?|hours?|hrs?)$/.test(unit)) return 'or_minutes';
  if (unit?.startsWith('year')) return 'age';
  return undefined;
}

/** Reads every case condition it knows; run before the readers of grouped thresholds and of names. */
export function takeCaseThresholds(remainder: Remainder): CaseCondition[] {
  const conditions: CaseCondition[] = [];
  for (const [pattern, read] of AGE_RULES) {
    for (let match = remainder.take(pattern); match; match = remainder.take(pattern))
      conditions.push(...read(match));
  }
  for (let match = remainder.find(CASE_THRESHOLD); match; match = remainder.find(CASE_THRESHOLD)) {
    const [phrase, word, comparator = '>', dollar, amount = '0', scale, unit] = match;
    const field = fieldOf(word, unit);
    // "cases over 65", "more than 30 cases": an age or a count, read by their own rules.
    if (!field && dollar === undefined && scale === undefined) break;
    if (afterAverage(remainder, phrase)) break;
    remainder.take(CASE_THRESHOLD);
    if (!field) {
      refuse(
        `Tell me which figure of a case must be ${comparator} ${dollar ?? ''}${amount}${scale ?? ''}: its cost, revenue, discount, length of stay or OR time ("${phrase.trim()}").`,
        [
          'number of cases with cost over $50,000 by surgeon',
          'number of cases with a length of stay over 10 days',
        ],
      );
    }
    let value = Number(amount.replaceAll(',', ''));
    if (scale) value *= /^(?:k|thousand)$/.test(scale) ? 1_000 : 1_000_000;
    if (field === 'or_minutes' && unit && /^(?:hours?|hrs?)$/.test(unit)) value *= 60;
    conditions.push({ field, op: comparatorOf(comparator), value });
  }
  for (const [rule, op] of TIME_RULES) {
    for (let found = remainder.find(rule); found; found = remainder.find(rule)) {
      if (afterAverage(remainder, found[0])) break;
      remainder.take(rule);
      const hours = /^(?:hours?|hrs?)$/.test(found[2] ?? '');
      conditions.push({ field: 'or_minutes', op, value: Number(found[1]) * (hours ? 60 : 1) });
    }
  }
  for (const [rule, op] of STAY_RULES) {
    const pattern = new RegExp(`${STAY_LEAD}(?:${rule.source})`);
    for (let found = remainder.find(pattern); found; found = remainder.find(pattern)) {
      if (afterAverage(remainder, found[0])) break;
      remainder.take(pattern);
      conditions.push({ field: 'los_days', op, value: Number(found[1] ?? found[2]) });
    }
  }
  return conditions;
}

/** "average stay longer than 5 days" is a condition on a grouped figure, not on each case: left to those rules. */
function afterAverage(remainder: Remainder, phrase: string): boolean {
  return remainder.test(new RegExp(`${AVERAGE_BEFORE.source.replace(/\$$/, '')}${escapePattern(phrase)}`));
}

const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A comparison or an amount still in the question after every reader ran: a condition no rule understood. */
const UNREAD_CONDITION = new RegExp(
  `(?:\\b(?:${COMPARATOR_WORDS.replace(/\|>=\|<=\|>\|<\|=$/, '')})|[<>]=?)\\s*\\$?\\s?\\d[\\d,.]*\\s*(?:k|m|thousand|million)?\\s*(?:${STAY_UNIT}|${TIME_UNIT}|${AGE_UNIT}|%|percent)?|\\b\\d+\\s*(?:\\+|or (?:more|older|over|fewer|less|younger)|and (?:older|over|up|under|younger))|\\b\\d+\\s*${AGE_UNIT}|\\$\\s?\\d[\\d,.]*\\s*(?:k|m|thousand|million)?`,
);

/** Stops a question holding a condition phrase that was not read into the plan. */
export function refuseUnreadConditions(remainder: Remainder): void {
  const found = remainder.find(UNREAD_CONDITION);
  if (!found) return;
  refuse(
    `I could not tell what "${found[0].trim()}" applies to, and answering without it would give a figure for more cases than you asked about. Say which figure it is a limit on.`,
    [
      'average cost of knee replacement for patients over 75',
      'number of cases with a length of stay over 10 days by DRG',
      'surgeons whose average cost is over $20,000',
    ],
  );
}

import {
  type Aggregation,
  type CaseDimension,
  type Dimension,
  MEASURES,
  type Measure,
  TIME_GRAINS,
  type TimeGrain,
} from '../../../src/contract/query-plan';
import { DIMENSION_MODEL, MEASURE_MODEL, type OrgType } from '../../cases/semantic-model';
import { COUNT, readCount } from './numbers';
import { refuse } from './problem';
import type { Remainder } from './remainder';

// The words of an analytics question: measures, aggregations, breakdowns and ranking. Measure synonyms come
// from the semantic model; the phrases here are the verbs and adjectives people use around them.

const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Phrases beyond the model's synonyms: verbs and adjectives that name a measure. */
const EXTRA_MEASURE_PHRASES: Partial<Record<Measure, string[]>> = {
  hospital_revenue: ["hospital(?:[- ]only)? (?:revenues?|income)|hospital's revenues?"],
  readmission_30: ['(?:30|thirty)[- ]days? readmissions?(?: rates?)?|readmit rates?|readmissions? rates?'],
  los: [
    'how many (?:days|nights)(?= (?:do|does|did|per|on average|in (?:the )?hospital|for|is|was)\\b)|lengths? of stays?|(?:days|nights) in (?:the )?hospital|(?:hospital )?stays?|staying|stayed|how long (?:do|did|does) (?:patients|they|people) stay',
  ],
  time: [
    'how many (?:minutes|mins|hours|hrs)(?= (?:do|does|did|per|on average|in|for|is|was)\\b)|(?:or|operating(?: room)?|surgical|surgery|procedure|theatre|theater|operative|case) times?|(?:operating |surgical |or )minutes|surgery duration|' +
      'times? (?:spent )?in (?:the )?(?:or|surgery|theatre|theater|operating room)',
  ],
  margin: ['(?:profit |operating |net )?margins?(?: %| percent(?:age)?)?'],
  discount_rate: ['discount (?:rates?|%|percent(?:age)?s?|ratios?)|(?:write[- ]?off|adjustment) rates?'],
  profit: [
    'profits?|profitab(?:le|ility)|net income|(?:lose|lost|losing)(?= (?:on|from)\\b)|lose (?:us )?(?:the )?(?:most )?money|losing (?:the )?(?:most )?money|money[- ]losing|losses|loss[- ]making',
  ],
  discount: ['discounts?|contractual (?:allowances?|adjustments?)|write[- ]?offs?|adjustments'],
  revenue: [
    'revenues?|charges?|charged|billed(?: amounts?)?|bill(?= (?:to |for )?\\S)|billings?|prices?|income|reimburse(?:ments?|d)?|payments?|(?<!self[- ])(?:paid|pays?|paying)|collections|takings',
  ],
  cost: [
    'costs?|costing|expenses?|expenditures?|spend(?:ing)?|spent|expensive|priciest|pricey|costliest|costly|cheap(?:er|est)?',
  ],
};

/** Longest phrase first, so "hospital revenue" wins over "revenue" and "profit margin" over "profit". */
const MEASURE_PATTERNS: [Measure, RegExp][] = MEASURES.flatMap((measure) => {
  const synonyms = MEASURE_MODEL[measure].synonyms
    // "cases" alone names the scope ("knee replacement cases"), not the count; counting words are read apart.
    .filter((synonym) => measure !== 'cases' || !/^(?:cases|volume)$/.test(synonym))
    .map(escapePattern);
  const phrases = [...synonyms, ...(EXTRA_MEASURE_PHRASES[measure] ?? [])];
  // "(?!\\w)" rather than "\\b" after a phrase, so one ending in a sign ("discount %") still matches.
  return phrases.map((phrase) => [measure, new RegExp(`\\b(?:${phrase})(?!\\w)`)] as [Measure, RegExp]);
}).sort((left, right) => right[1].source.length - left[1].source.length);

const SPECIFIC_MEASURES: Measure[] = [
  'hospital_revenue',
  'paid',
  'discount_rate',
  'readmission_30',
  'margin',
];
const ORDERED_MEASURE_PATTERNS: [Measure, RegExp][] = [
  // Specific before general, whatever their length.
  ...MEASURE_PATTERNS.filter(([measure]) => SPECIFIC_MEASURES.includes(measure)),
  ...MEASURE_PATTERNS.filter(([measure]) => !SPECIFIC_MEASURES.includes(measure)),
];

/** A payor organization's own words for a measure ("payments", "spend"), read before the general ones. */
const PAYOR_MEASURE_PATTERNS: [Measure, RegExp][] = MEASURES.flatMap((measure) =>
  (MEASURE_MODEL[measure].payorSynonyms ?? []).map(
    (synonym) => [measure, new RegExp(`(?<!self[- ])\\b${escapePattern(synonym)}\\b`)] as [Measure, RegExp],
  ),
);

/** Every measure the question names, in the order it names them. */
export function takeMeasures(remainder: Remainder, orgType: OrgType = 'hospital'): Measure[] {
  const found: { measure: Measure; index: number }[] = [];
  const patterns =
    orgType === 'payor'
      ? [
          ...ORDERED_MEASURE_PATTERNS.filter(([measure]) => SPECIFIC_MEASURES.includes(measure)),
          ...PAYOR_MEASURE_PATTERNS,
          ...ORDERED_MEASURE_PATTERNS.filter(([measure]) => !SPECIFIC_MEASURES.includes(measure)),
        ]
      : ORDERED_MEASURE_PATTERNS;
  for (const [measure, pattern] of patterns) {
    for (const match of remainder.takeAll(pattern)) found.push({ measure, index: match.index });
  }
  return [...new Set(found.sort((left, right) => left.index - right.index).map((item) => item.measure))];
}

/** Phrases that name a single measure inside a threshold ("whose average cost is over …"). */
export const MEASURE_ALTERNATION = ORDERED_MEASURE_PATTERNS.map(([, pattern]) =>
  pattern.source.replace(/^\\b\(\?:/, '(?:').replace(/\)\\b$/, ')'),
).join('|');

export function measureOf(text: string): Measure | undefined {
  for (const [measure, pattern] of ORDERED_MEASURE_PATTERNS) if (pattern.test(text)) return measure;
  return undefined;
}

// ---- Aggregations ---------------------------------------------------------------------------

export type AggregationWord = Aggregation | 'count_of' | 'detail';

const AGGREGATION_PHRASES: [AggregationWord, string][] = [
  [
    'count_of',
    'how many|number of|count of|volume of|case count|case volume|caseload|\\bcount\\b|\\bvolumes?\\b',
  ],
  [
    'share',
    '(?:what|which) (?:share|percent(?:age)?|proportion|fraction|%)|share of|shares?\\b|percent(?:age)? of|proportion of|fraction of|% of|\\bmix\\b|split between',
  ],
  ['median', 'medians?|middle value|50th percentile|\\bp50\\b'],
  ['p75', 'upper quartile|third quartile|75th percentile|\\bp75\\b'],
  ['p25', 'lower quartile|first quartile|25th percentile|\\bp25\\b'],
  [
    'max',
    'maximum|\\bmax\\b|largest single|highest single|most expensive single|(?:highest|largest|longest|most expensive) (?:single )?case',
  ],
  [
    'min',
    'minimum|\\bmin\\b|smallest single|lowest single|(?:lowest|smallest|shortest|cheapest) (?:single )?case',
  ],
  [
    'detail',
    '(?:list|show(?: me)?|give me|see)(?: all| the| each| every)* (?:individual )?cases|which cases|case list|line items|individual cases|each case|every case|case[- ]level',
  ],
  [
    'sum',
    'how much(?=.*\\b(?:did|have|has|do) (?:we|they|our|i)\\b)|what (?:did|have) (?:we|they|i) (?=\\uE000|(?:pay|paid|spend|spent|bill|billed|charge|charged|collect|collected|make|made|earn|earned|lose|lost)\\b)|in total|overall(?= \\S)|\\bsum(?: of)?|combined|aggregate|totals?(?= of\\b| for\\b| in\\b| by\\b|$|\\s*\\uE000)|\\btotal\\b(?=\\s*\\uE000)',
  ],
  [
    'avg',
    'on average|averages?|\\bmean(?= \\S)|\\bavg|per case|per patient|per procedure|per surgery|typical(?:ly)?|usual(?:ly)?|normally',
  ],
];

const PERCENTILE = /\b(?:p(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)[- ]percentile)\b/;

/** The aggregation words, earliest first; a percentile must be one the plan knows (p5 … p95). */
export function takeAggregation(remainder: Remainder): AggregationWord | undefined {
  const percentile = remainder.take(PERCENTILE);
  if (percentile) {
    const value = Number(percentile[1] ?? percentile[2]);
    if (value === 50) return 'median';
    if (!(value >= 5 && value <= 95 && value % 5 === 0)) {
      refuse(
        `I give percentiles in steps of 5 from the 5th to the 95th; the ${value}th is not one of them.`,
        ['90th percentile cost of knee replacement', 'median length of stay by surgeon'],
      );
    }
    return `p${value}` as Aggregation;
  }
  let earliest: { word: AggregationWord; index: number } | undefined;
  for (const [word, phrase] of AGGREGATION_PHRASES) {
    for (const match of remainder.takeAll(new RegExp(`\\b(?:${phrase})`))) {
      if (!earliest || match.index < earliest.index) earliest = { word, index: match.index };
    }
  }
  return earliest?.word;
}

// ---- Breakdowns -----------------------------------------------------------------------------

export const DIMENSION_NOUNS: [CaseDimension, string, string][] = [
  // [dimension, singular, plural]
  ['surgeon', 'surgeon|doctor|physician|operator|doc', 'surgeons|doctors|physicians|operators|docs'],
  [
    'payor',
    'payor|payer|insurer|insurance company|insurance|health plan|plan|carrier',
    'payors|payers|insurers|insurance companies|health plans|plans|carriers',
  ],
  [
    'provider',
    'provider|facility|hospital|site|location|campus',
    'providers|facilities|hospitals|sites|locations|campuses',
  ],
  ['client', 'client|customer|account', 'clients|customers|accounts'],
  [
    'procedure',
    'procedure|surgery|operation|cpt code|cpt|procedure code',
    'procedures|surgeries|operations|cpt codes|cpts|procedure codes',
  ],
  ['condition', 'condition|diagnosis|dx|icd code', 'conditions|diagnoses|icd codes'],
  ['drg', 'ms-drg|drg', 'ms-drgs|drgs'],
  ['gender', 'gender|sex', 'genders|sexes'],
  [
    'age_band',
    'age band|age group|age bracket|age range|age',
    'age bands|age groups|age brackets|age ranges|ages',
  ],
];

const nounsOf = (dimension: CaseDimension) => {
  const entry = DIMENSION_NOUNS.find(([key]) => key === dimension)!;
  return `${entry[2]}|${entry[1]}`;
};

const GROUP_LEAD =
  '(?:by|per|for each|for every|across|among|broken down by|break(?:ing)? (?:it |that |this |them )?down by|breakdown by|' +
  'split by|grouped by|group(?:ed)? by|each|every|which|what|compare|comparing|rank(?:ed|ing)?|sorted by|ordered by|between)';

const GROUP_FILLER = '(?:(?:the|each|all|every|our|my|individual|different|various)\\s+)*';

export interface GroupTake {
  dimension: Dimension;
  /** True when it came from "which / what …", which asks for the leading member. */
  asked: boolean;
  /** "payor mix": the figure is each member's share. */
  mix?: boolean;
}

const GRAIN_LEAD = '(?:by|per|each|every|for each|broken down by|split by|grouped by|which|what)';

/** A grain's words from the semantic model: a period noun after a breakdown word ("by qtr", "which month"), or a
 *  phrase that names the breakdown alone ("monthly", "quarter over quarter"); a bare noun names nothing. */
const TIME_PATTERNS: [TimeGrain, RegExp][] = TIME_GRAINS.map((grain) => {
  const model = DIMENSION_MODEL[grain];
  const nouns = model.periodNouns ?? [];
  const spaced = (phrase: string) => escapePattern(phrase).replace(/ /g, '[- ]');
  const phrases = model.synonyms.filter((synonym) => !nouns.includes(synonym)).map(spaced);
  const lead = `${GRAIN_LEAD} (?:${[...nouns]
    .sort((a, b) => b.length - a.length)
    .map(spaced)
    .join('|')})`;
  return [grain, new RegExp(`\\b(?:${[lead, ...phrases].join('|')})\\b`)];
});

const TREND =
  /\b(?:trends?|trending|trended|over time|through time|time series|over the (?:months|year|years)|evolution|evolved|progress(?:ion)?|changed? over)\b/;

/** Time grains named ("by quarter", "monthly"); a trend with no grain reads as month by month. */
export function takeTimeGrains(remainder: Remainder): TimeGrain[] {
  if (remainder.test(new RegExp(`\\b${GRAIN_LEAD} fiscal (?:years?|quarters?|months?)\\b`))) {
    // Calendar periods labelled as fiscal ones would be wrong figures under the right names.
    refuse(
      'I break figures down by calendar month, quarter and year; a fiscal year I can give one at a time (FY2025) or by its calendar quarters.',
      ['revenue in FY2025 by quarter', 'revenue FY2026 vs FY2025', 'total revenue by year'],
    );
  }
  const grains: TimeGrain[] = [];
  for (const [grain, pattern] of TIME_PATTERNS) if (remainder.take(pattern)) grains.push(grain);
  if (remainder.take(TREND) && grains.length === 0) grains.push('month');
  return grains;
}

/** Breakdowns by a case dimension: "by surgeon", "which payor", "for each provider", "payor mix". */
export function takeGroupBys(remainder: Remainder): GroupTake[] {
  const found: (GroupTake & { index: number })[] = [];
  for (const [dimension] of DIMENSION_NOUNS) {
    const nouns = nounsOf(dimension);
    const lead = new RegExp(
      `\\b(${GROUP_LEAD}) ${GROUP_FILLER}(?:(?:top|bottom|best|worst|first) ${COUNT} )?(?:${nouns})\\b(?!['’]s)`,
    );
    for (let match = remainder.take(lead); match; match = remainder.take(lead)) {
      const asked = /^(?:which|what)$/.test(match[1] ?? '');
      found.push({ dimension, asked, index: match.index });
      // "by payor and surgeon": a second noun joined to the first is a second breakdown.
    }
    const mix = new RegExp(`\\b(?:${nouns}) (?:mix|breakdown|split|distribution)\\b`);
    const mixed = remainder.take(mix);
    if (mixed) found.push({ dimension, asked: false, mix: true, index: mixed.index });
  }
  found.sort((left, right) => left.index - right.index);
  return found;
}

/** "by payor and surgeon": after a breakdown, a further noun joined by and / then / , is a second one. */
export function takeJoinedGroupBy(remainder: Remainder): Dimension | undefined {
  for (const grain of ['month', 'quarter', 'year'] as const) {
    if (remainder.take(new RegExp(`\\uE000\\s*(?:and|then|,|&|by|x|plus)\\s+(?:by\\s+)?${grain}s?\\b`)))
      return grain;
  }
  for (const [dimension] of DIMENSION_NOUNS) {
    const joined = new RegExp(
      `\\uE000\\s*(?:and|then|,|&|by|x|plus)\\s+(?:by\\s+)?(?:${nounsOf(dimension)})\\b`,
    );
    if (remainder.take(joined)) return dimension;
  }
  return undefined;
}

/** A dimension named anywhere, read as a breakdown only when the question ranks ("most expensive procedures",
 *  "cheapest surgeon"); a clinical noun only in the plural, as "a knee replacement procedure" names no breakdown. */
export function takePluralGroupBy(remainder: Remainder): CaseDimension | undefined {
  for (const [dimension, singular, plural] of DIMENSION_NOUNS) {
    if (dimension === 'age_band' || dimension === 'gender') continue;
    const organizational = ['surgeon', 'payor', 'provider', 'client'].includes(dimension);
    const nouns = organizational ? `${plural}|${singular}` : plural;
    if (remainder.take(new RegExp(`\\b(?:${nouns})\\b(?!['’]s)`))) return dimension;
  }
  return undefined;
}

/** "surgeons whose …", "providers with a margin under …": a plural leading a condition. */
export function takeLeadingGroupBy(remainder: Remainder): CaseDimension | undefined {
  for (const [dimension, , plural] of DIMENSION_NOUNS) {
    const pattern = new RegExp(
      `(?:^|\\b(?:show|list|find|give me|are there|any|all|the)\\s+)(?:${plural})\\b(?=\\s+(?:whose|with|where|that|who|having|averaging|over|under|above|below))`,
    );
    if (remainder.take(pattern)) return dimension;
  }
  return undefined;
}

/** "who has the highest …" asks for a surgeon. */
export function takeWho(remainder: Remainder): boolean {
  return (
    remainder.take(
      /^(?:who|whom)\b(?! (?:is|are|was|were) (?:our |the )?(?:[\w-]+ ){0,3}(?:payors?|payers?|insurers?|providers?|facilit(?:y|ies)|hospitals?|clients?|customers?|accounts?)\b)/,
    ) !== null
  );
}

// ---- Ranking --------------------------------------------------------------------------------

export interface RankTake {
  direction?: 'asc' | 'desc';
  limit?: number;
}

const TOP_N = new RegExp(
  `\\b(top|bottom|best|worst|highest|lowest|first|leading)[- ](${COUNT})\\b(?! (?:days?|weeks?|months?|years?|quarters?)\\b)`,
);
const THE_N_MOST = new RegExp(
  `\\b(${COUNT})(?= (most|least|highest|lowest|biggest|smallest|largest|cheapest|priciest|busiest)\\b)`,
);
const DESCENDING =
  /\b(?:highest|most|biggest|largest|greatest|top|best|leading|priciest|costliest|most expensive|longest|slowest|busiest|rank(?:ed|ing|s)?|descending|worst(?= (?:margin|profit|readmission)))\b/;
const ASCENDING =
  /\b(?:lowest|least|fewest|smallest|cheapest|shortest|fastest|quickest|bottom|worst|ascending|lose (?:us )?(?:the )?most money|losing (?:the )?most money|least expensive)\b/;
/** Ranking words that name nothing else; words such as "cheapest" also name a measure and stay for it. */
const PURE_RANKING =
  /\b(?:highest|lowest|most|least|fewest|biggest|largest|greatest|smallest|top|bottom|best|worst|leading|rank(?:ed|ing|s)?|descending|ascending|longest|shortest|fastest|slowest|quickest|busiest)\b/;

/** Figures where less is better: "worst" ranks them highest first. */
const LOWER_IS_BETTER =
  /\b(?:readmi\w*|costs?|cst|expenses?|spend\w*|los|alos|length of stay|stays?|discounts?|write[- ]?offs?|(?:or|operating|surgical|surgery) (?:time|minutes)|time)\b/;

/** Reads the order the question asks for without cutting it, so "cheapest" can still name the cost. */
export function takeRanking(remainder: Remainder): RankTake {
  const rank: RankTake = {};
  const top = remainder.take(TOP_N);
  const most = top ? null : remainder.take(THE_N_MOST);
  const word = top?.[1] ?? most?.[3];
  const count = top?.[2] ?? most?.[1];
  if (word && count) {
    rank.limit = readCount(count);
    rank.direction = /^(?:bottom|worst|lowest|least|smallest|cheapest)$/.test(word) ? 'asc' : 'desc';
    // Best and worst follow the figure: the worst readmission rate, cost or stay is the highest.
    if (/^(?:best|worst)$/.test(word) && remainder.test(LOWER_IS_BETTER)) {
      rank.direction = word === 'worst' ? 'desc' : 'asc';
    }
    if (rank.limit < 1 || rank.limit > 1000)
      refuse('I can list from 1 to 1,000 rows.', ['top 10 surgeons by total revenue']);
  }
  const ascending = remainder.find(ASCENDING);
  const descending = remainder.find(DESCENDING);
  const judged = rank.direction ? null : remainder.find(/\b(best|worst)\b/);
  if (judged) {
    // "the worst discount rate" is the highest, "the worst margin" the lowest: best and worst follow the figure.
    const lowerIsBetter = remainder.test(LOWER_IS_BETTER);
    rank.direction = (judged[1] === 'worst') === lowerIsBetter ? 'desc' : 'asc';
  }
  if (!rank.direction) {
    if (ascending && (!descending || ascending.index <= descending.index)) rank.direction = 'asc';
    else if (descending) rank.direction = 'desc';
  }
  return rank;
}

/** Cuts the ranking words left once the measures have taken theirs. */
export function dropRankingWords(remainder: Remainder): void {
  remainder.takeAll(PURE_RANKING);
}

/** "top 3 only" in a follow-up. */
export function takeLimitOnly(remainder: Remainder): RankTake | undefined {
  const match = remainder.take(new RegExp(`\\b(?:top|bottom|first|just|only) (${COUNT})\\b`));
  if (!match) return undefined;
  return { limit: readCount(match[1] ?? '1'), direction: /^bottom/.test(match[0]) ? 'asc' : 'desc' };
}

/** Phrases that undo the previous question's breakdown in a follow-up. */
export function takeGroupRemoval(remainder: Remainder): boolean {
  return (
    remainder.take(
      /\b(?:without|remove|drop|no|lose|skip|get rid of)(?: the| a| any)? (?:pivot|breakdown|grouping|split)\b|\bnot (?:broken down|split|grouped)\b|\bin aggregate\b|\boverall total\b/,
    ) !== null
  );
}

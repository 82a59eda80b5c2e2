import type {
  CaseCondition,
  CaseDimension,
  Comparator,
  Dimension,
  Measure,
  PlanWindow,
} from '../../../src/contract/query-plan';
import type { EntityKind, OrgType, Resolution } from '../../cases/types';
import { refuseAgeFigure } from './age-figure';
import { CASE_VOLUME_NOUNS, isCaseNoun, refuseCareSetting, refuseSpecialty } from './case-nouns';
import { refuseUnreadConditions, takeCaseThresholds } from './case-thresholds';
import { takeCodes } from './codes';
import { CLINICAL_KINDS, DIMENSION_KINDS, type KindChoice, piecesOf, resolvePieces } from './entities';
import { takeExactName } from './exact-names';
import { takeCaseConditions, takeExclusions, takeGender, takePercentileBand } from './filters';
import { applyLoss, takeLossWords } from './loss-words';
import { type Piece, splitPieces } from './pieces';
import { fixedWindow } from './plan-window';
import { refuse } from './problem';
import type { Remainder } from './remainder';
import type { NamedValue, Resolve } from './types';
import {
  type AggregationWord,
  DIMENSION_NOUNS,
  dropRankingWords,
  type GroupTake,
  MEASURE_ALTERNATION,
  measureOf,
  type RankTake,
  takeAggregation,
  takeGroupBys,
  takeGroupRemoval,
  takeJoinedGroupBy,
  takeLeadingGroupBy,
  takeLimitOnly,
  takeMeasures,
  takePluralGroupBy,
  takeRanking,
  takeTimeGrains,
  takeWho,
} from './vocabulary';
import { pairWindows, takePlanWindow, type WindowOptions } from './windows';

/** A named value of a case dimension, with where the question named it. */
/** A condition on a grouped figure, before the figure is placed among the plan's measures. */
export interface HavingPart {
  measure: Measure;
  aggregation?: AggregationWord;
  op: Comparator;
  value: number;
}

/** Whatever an analytics or dashboard question said; absent parts are filled from defaults or the previous plan. */
export interface AnalyticsParts {
  measures: Measure[];
  aggregation?: AggregationWord;
  groupBy: Dimension[];
  /** A "which / what X" breakdown: the answer names the leading member. */
  asksWhich: boolean;
  windows: PlanWindow[];
  rank: RankTake;
  having: HavingPart[];
  conditions: CaseCondition[];
  named: NamedValue[];
  excluded: NamedValue[];
  /** "by payor too": the breakdown is added to the previous one, not put in its place. */
  addsGroupBy: boolean;
  /** "vs", "compare", "more … than": named values are set side by side. */
  compares: boolean;
  /** "cheapest", "most expensive": a per-case price, so a ranking ranks averages. */
  perCase: boolean;
  /** The question speaks of cases or volume ("cases by month"): with no other figure, it counts them. */
  mentionsCases: boolean;
  dropsGroupBy: boolean;
  /** "what percent of cases are over 65": the share of the cases that meet the question's conditions. */
  sharesCondition?: boolean;
  /** "min and max": the lowest and the highest value of each figure. */
  bothEnds?: boolean;
  clearsClinical: boolean;
  isDashboard: boolean;
  /** "how are we doing", "summary", "KPIs": the organization's key figures, not a typical case. */
  isOverview?: boolean;
  band?: [number, number];
  lookup?: { text: string; kinds?: EntityKind[] };
  unknown: Piece[];
  resolutions: Resolution[];
}

const DASHBOARD =
  /\b(?:overview|summary|summari[sz]e|dashboard|key (?:figures|metrics|numbers|stats|indicators)|kpis?|stats|statistics|snapshot|scorecard|at a glance|big picture|headline (?:figures|numbers)|how (?:are|is|were|was|did|do|have) (?:we|it|things|our \w+) (?:doing|going|performing|do|perform|been doing)|how'?re we doing|how(?:'s| is) business|how(?:'s| is) it going|how (?:is|are|was|were|has|have)(?= (?:[\w.'-]+ ){1,4}(?:doing|going|performing|been doing)\b))\b/;
const TYPICAL =
  /\b(?:what (?:does|do|did|would) (?:an? |the )?(?:typical|average|normal|usual)\b|typical (?:cases?|patients?|admissions?|claims?|encounters?|stays?)(?= (?:for|of|at|with|in)\b|$)|(?:typical|average|normal|usual) (?:\S+ ){0,6}?cases? (?:look|looks|looked) like\b|profile of (?:an? |the )?(?:typical|average)?)/;
const LOOKUP =
  /^(?:what (?:is|are|does)|what's|whats|who is|define|explain|look ?up|find|search(?: for)?|which codes?|what codes?|(?:give me |tell me )?the codes? (?:for|of)|codes? for|list (?:the |all )?(?:codes|procedures|conditions|diagnoses|drgs))\b/;
const LOOKUP_KINDS: [RegExp, EntityKind][] = [
  [/\b(?:procedures?|surgeries|surgery|operations?|cpt|pcs|icd-10-pcs)\b/, 'procedure'],
  [/\b(?:conditions?|diagnos[ie]s|diseases?|icd-10-cm|icd-10|icd)\b/, 'condition'],
  [/\b(?:ms-)?drgs?\b/, 'drg'],
  [/\b(?:surgeons?|doctors?|physicians?)\b/, 'surgeon'],
  [/\b(?:payors?|payers?|insurers?)\b/, 'payor'],
  [/\b(?:providers?|facilit(?:y|ies)|hospitals?)\b/, 'provider'],
  [/\b(?:clients?|customers?)\b/, 'client'],
];
/** "typical hip replacement patient": the name stays between the two words, for the scope. */
const TYPICAL_NAMED = /\btypical\b(?=(?: [^\s\uE000]+){1,5} (?:patient|case|admission|claim|encounter)s?$)/;

function takeTypicalNamed(remainder: Remainder): boolean {
  if (!remainder.take(TYPICAL_NAMED)) return false;
  remainder.take(/\b(?:patient|case|admission|claim|encounter)s?$/);
  return true;
}

const SUPERLATIVE_NOUN =
  /(?<=\b(highest|lowest|most|least|top|bottom|biggest|largest|smallest|busiest|quietest|costliest|cheapest|priciest|best|worst)\b(?: (?!(?:of|for|in|per|by|a|an|the|each|every|and|or)\b)[a-z-]+){0,3} )(procedure|surgery|operation|drg|diagnosis|condition|month|quarter|year)\b(?!['’]s| ?\d| (?:cases?|codes?|types?)\b)/;
/** "diagnosis with the highest average cost", "month that had the most cases": the noun comes first. */
const NOUN_THEN_SUPERLATIVE =
  /\b(procedure|surgery|operation|drg|diagnosis|condition|month|quarter|year)s? (?=(?:with|has|had|having|that (?:has|had|have)|shows?|showed) (?:the )?(highest|lowest|most|least|top|bottom|biggest|largest|smallest|busiest|quietest|costliest|cheapest|priciest|best|worst)\b)/;

/** The noun of NOUN_THEN_SUPERLATIVE, cut, in SUPERLATIVE_NOUN's shape: [1] the superlative, [2] the noun. */
function nounBeforeSuperlative(remainder: Remainder): string[] | null {
  const match = remainder.take(NOUN_THEN_SUPERLATIVE);
  return match ? [match[0], match[2] ?? '', match[1] ?? ''] : null;
}

const SUPERLATIVE_DIMENSIONS: Record<string, CaseDimension> = {
  procedure: 'procedure',
  surgery: 'procedure',
  operation: 'procedure',
  drg: 'drg',
  diagnosis: 'condition',
  condition: 'condition',
};
const LOW_SUPERLATIVE = /^(?:lowest|least|bottom|smallest|quietest|cheapest|worst)$/;
const MIN_AND_MAX =
  /\b(?:(?:min|minimum|lowest|smallest|shortest) (?:and|&|\/|to) (?:max|maximum|highest|largest|longest)|(?:max|maximum|highest|largest|longest) (?:and|&|\/|to) (?:min|minimum|lowest|smallest|shortest)|min\/max|max\/min)\b/;
const COMPARE =
  /\b(?:vs\.?|versus|compared? (?:to|with)|comparing|compare|against|relative to|side by side|differ(?:ence|s)? between)\b/;
/** "is A more expensive than B": only "than" is cut, so the adjective still names the measure. */
const THAN =
  /\b(?:more|less|higher|lower|cheaper|pricier|costlier|longer|shorter|bigger|smaller|better|worse)(?: \w+)? (than)\b/;
const PER_CASE_ADJECTIVE =
  /\b(?:cheap(?:er|est)?|expensive|pricey|pricier|priciest|costly|costlier|costliest)\b/;
/** One case's figure ("how much does a knee replacement cost", "the cost of a hip", "each c-section"): an average,
 *  where money with no aggregation word is otherwise a total. */
const PER_INSTANCE = new RegExp(
  [
    "(?:how much|what) (?:does|do|did|would|will|should|is|was|'s) (?:a|an|one|each|every|the average|a typical|a single)",
    '(?:costs?|prices?|revenues?|charges?|profits?|discounts?|payments?|reimbursements?|spend) (?:of|for|on) (?:a|an|one|a single)',
    'per (?:case|patient|admission|encounter|stay)',
    '(?:a single|an average|a typical|the typical|the average) (?:\\S+ ){0,3}?(?:case|procedure|surgery|operation|patient|admission|encounter|stay|delivery)',
    '(?:each|every) (?:\\S+ ){1,3}?(?:case|procedure|surgery|operation|patient|admission|encounter|stay|delivery)',
    // "does Dr. Patel cost more than Dr. Chen", "does Aetna pay less than Cigna": the price of a case.
    '(?:costs?|pay|pays|paid|paying|charges?|charged|charging) (?:more|less) than',
    '(?:more|less) (?:expensive|costly) than',
    '(?:cheaper|pricier|costlier) than',
  ]
    .map((phrase) => `\\b${phrase}\\b`)
    .join('|'),
);
const YEAR_RANGE =
  /\bbetween (20\d{2}|19\d{2}) and (20\d{2}|19\d{2})\b|\b(?:from )?(20\d{2}|19\d{2}) ?(?:through|thru|to|until|till|-) ?(20\d{2}|19\d{2})\b/;

const COMPARATORS: [RegExp, Comparator][] = [
  [/^(?:at least|no less than|>=|minimum of)$/, '>='],
  [/^(?:at most|no more than|<=|maximum of|up to)$/, '<='],
  [
    /^(?:over|above|more than|greater than|higher than|longer than|exceeding|exceeds?|beyond|>|north of|in excess of)$/,
    '>',
  ],
  [/^(?:under|below|less than|lower than|shorter than|fewer than|<|south of|beneath)$/, '<'],
];
const COMPARATOR_WORDS =
  'at least|no less than|at most|no more than|up to|over|above|more than|greater than|higher than|longer than|shorter than|exceeding|exceeds?|beyond|in excess of|north of|under|below|less than|lower than|fewer than|south of|beneath|>=|<=|>|<';

const HAVING = new RegExp(
  `\\b(?:whose|with(?: an?| the| their)?|where(?: the| their)?|having(?: an?)?|that (?:have|has|had|run|show)(?: an?)?|who (?:have|has|had)(?: an?)?|(?:have|has|had)(?: an?| the)?|averaging|at|running)\\s+` +
    `(?:(average|avg|mean|median|total|overall|combined)\\s+)?(${MEASURE_ALTERNATION})?\\s*(?:is |was |are |were |of |at |runs? |sits? |stands? )?` +
    `(${COMPARATOR_WORDS})\\s*(-?\\$?\\s?\\d[\\d,]*(?:\\.\\d+)?)\\s*(k|m|thousand|million)?\\b\\s*(%|percent|pct|days?|nights?|minutes?|mins?|hours?|hrs?|cases?|procedures?|surgeries)?` +
    // The unit's spaces are already taken, so the trailing figure may follow at once ("$1M in revenue").
    `(?:\\s*(?:in |of )?(?:(average|avg|mean|median|total|overall|combined)\\s+)?\\b(${MEASURE_ALTERNATION}))?`,
);

const COUNTED_VERB =
  /\b(?:how many|number of)\b.*?\b(?:did|do|does|have|has|had|were|was) (?:we|they|you|i|our \w+) (pay|paid|pays|bill|billed|charge|charged|reimburse|reimbursed|process|processed|approve|approved|receive|received|settle|settled|cover|covered|fund|funded)\b/;

const COUNT_MEMBERS =
  /(?<=\bhow many )(surgeons|doctors|physicians|payors|payers|insurers|providers|facilities|hospitals|sites|clients|customers|diagnoses|drgs)\b/;
/** "cases over $100k": money with no figure named could be cost or revenue. */
const MONEY_WITHOUT_FIGURE =
  /\b(?:cases|procedures|surgeries|claims|patients|admissions) (?:that are |which are |are |were )?(over|above|under|below|more than|less than|greater than|exceeding) (\$ ?\d[\d,]*(?:\.\d+)? ?(?:k|m|thousand|million)?)(?=\s|$)/;

const HOW_MUCH_PAID =
  /\bhow much (?:did|has|have) (?!(?:a|an|the|one|it|each|every)\b)\S+(?: \S+)? (?:pay|paid|bill|billed|reimburse|reimbursed|spend|spent|collect|collected)\b/;

const MONEY_TOTALS = new Set<Measure>(['revenue', 'hospital_revenue', 'cost', 'discount', 'profit']);

function comparatorOf(word: string): Comparator {
  return COMPARATORS.find(([pattern]) => pattern.test(word))?.[1] ?? '>';
}

function numberOf(text: string, scale: string | undefined): number {
  const value = Number(text.replace(/[$,\s]/g, ''));
  if (!scale) return value;
  return value * (/^(?:k|thousand)$/.test(scale) ? 1_000 : 1_000_000);
}

function takeHaving(remainder: Remainder): HavingPart[] {
  const found: HavingPart[] = [];
  for (let match = remainder.take(HAVING); match; match = remainder.take(HAVING)) {
    const [, leadingAggregation, before, comparator = '', amount = '0', scale, unit = '', trailing, after] =
      match;
    const aggregationWord = leadingAggregation ?? (after ? trailing : undefined);
    const named = before ?? after;
    let measure = named ? measureOf(named) : undefined;
    let value = numberOf(amount, scale);
    if (!measure && /^(?:cases?|procedures?|surgeries)$/.test(unit)) measure = 'cases';
    if (!measure && /^(?:days?|nights?)$/.test(unit)) measure = 'los';
    if (!measure && /^(?:minutes?|mins?|hours?|hrs?)$/.test(unit)) measure = 'time';
    // "surgeons with more than 30 knee replacements": a bare number of something is a number of cases.
    if (!measure && !unit && !scale && !amount.includes('$')) measure = 'cases';
    if (measure === 'time' && /^(?:hours?|hrs?)$/.test(unit)) value *= 60;
    if (!measure) {
      refuse(`Tell me which figure must be ${comparator} ${amount}${scale ?? ''}${unit ? ` ${unit}` : ''}.`, [
        'surgeons whose average cost is over $20,000',
        'providers with a margin under 10%',
      ]);
    }
    const aggregation =
      aggregationWord && /^(?:average|avg|mean)$/.test(aggregationWord)
        ? 'avg'
        : aggregationWord === 'median'
          ? 'median'
          : aggregationWord
            ? 'sum'
            : measure === 'cases'
              ? 'count'
              : // "more than $1M in revenue", "revenue over $2M": money a group brings in is its total, and no
                // single case comes near a million.
                MONEY_TOTALS.has(measure) && ((after && !before) || value >= 1_000_000)
                ? 'sum'
                : undefined;
    found.push({ measure, ...(aggregation ? { aggregation } : {}), op: comparatorOf(comparator), value });
  }
  return found;
}

const DIMENSION_OF_KIND: Record<EntityKind, CaseDimension> = {
  procedure: 'procedure',
  condition: 'condition',
  drg: 'drg',
  surgeon: 'surgeon',
  payor: 'payor',
  provider: 'provider',
  client: 'client',
};

export function takeAnalyticsParts(
  remainder: Remainder,
  options: WindowOptions,
  resolve: Resolve,
  orgType: OrgType = 'hospital',
): AnalyticsParts {
  const parts: AnalyticsParts = {
    measures: [],
    groupBy: [],
    asksWhich: false,
    windows: [],
    rank: {},
    having: [],
    conditions: [],
    named: [],
    excluded: [],
    compares: false,
    addsGroupBy: remainder.test(/\b(?:too|as well|in addition|also)\s*$/),
    perCase: false,
    mentionsCases:
      remainder.test(/\b(?:cases|volumes?|caseload|admissions|encounters|claims|surgeries performed)\b/) ||
      remainder.test(CASE_VOLUME_NOUNS),
    dropsGroupBy: takeGroupRemoval(remainder),
    clearsClinical:
      remainder.take(/\b(?:all|every|any) (?:cases|procedures|conditions|patients|surgeries|drgs)\b/) !==
      null,
    isDashboard: false,
    unknown: [],
    resolutions: [],
  };
  const perInstance = remainder.test(PER_INSTANCE);
  parts.sharesCondition = sharesCondition(remainder.find(/^.*$/)?.[0] ?? '');
  // "for all payors except Medicare" is the whole scope, not a breakdown.
  remainder.take(
    /\b(?:for |across |of )?(?:all|every|any) (?:payors|payers|insurers|surgeons|providers|clients)\b(?! by\b)/,
  );
  // Names written in full are cut first, so "Self-pay" or "Mercy General Hospital" lend no word to a measure.
  const exact = takeExactName(remainder, resolve, [...CLINICAL_KINDS, ...DIMENSION_KINDS]);
  const band = takePercentileBand(remainder);
  if (band) parts.band = band;
  const typical = remainder.take(TYPICAL) !== null || takeTypicalNamed(remainder);
  parts.isOverview = !typical && remainder.take(DASHBOARD) !== null;
  parts.isDashboard = typical || parts.isOverview;
  const leading = takeLeadingGroupBy(remainder);
  const caseThresholds = takeCaseThresholds(remainder);
  parts.having = takeHaving(remainder);
  takeWindows(remainder, options, parts);
  parts.conditions = [...caseThresholds, ...takeCaseConditions(remainder)];
  const loss = takeLossWords(remainder);
  const money = remainder.find(MONEY_WITHOUT_FIGURE);
  if (money) {
    refuse(
      `Tell me which figure must be ${money[1]} ${money[2]}: the cost, the revenue or the discount of a case.`,
      [`cases with cost ${money[1]} ${money[2]}`, `cases with revenue ${money[1]} ${money[2]}`],
    );
  }
  refuseUnreadConditions(remainder);
  const than = remainder.find(THAN);
  if (than) {
    parts.compares = true;
    remainder.take(/\bthan\b/);
  }
  parts.perCase = perInstance || remainder.test(PER_CASE_ADJECTIVE);
  const groupsByGender = remainder.test(
    /\b(?:by|per|across|split by|broken down by) (?:gender|sex)\b|\bmen and women\b|\bmales? and females?\b/,
  );
  const gender = groupsByGender ? undefined : takeGender(remainder);
  if (gender) {
    parts.named.push({
      dimension: 'gender',
      value: { id: gender, name: gender === 'F' ? 'Female' : 'Male' },
      index: 1000,
    });
  }
  const grains = takeTimeGrains(remainder);
  // "how many surgeons do we have": the members are counted by listing them, each with its cases.
  const members = remainder.take(COUNT_MEMBERS);
  const counted = members
    ? DIMENSION_NOUNS.find(([, , plural]) => new RegExp(`^(?:${plural})$`).test(members[1] ?? ''))
    : undefined;
  const groups: GroupTake[] = [
    ...(counted ? [{ dimension: counted[0], asked: false }] : []),
    ...(leading ? [{ dimension: leading, asked: false }] : []),
    ...takeGroupBys(remainder),
  ];
  if (remainder.take(/\b(?:men and women|women and men|males? and females?|females? and males?)\b/)) {
    groups.push({ dimension: 'gender', asked: false });
  }
  parts.compares = remainder.take(COMPARE) !== null || parts.compares;
  for (
    // "by year and payor": a noun joined to a grain is a second breakdown too.
    let joined = groups.length || grains.length ? takeJoinedGroupBy(remainder) : undefined;
    joined;
    joined = takeJoinedGroupBy(remainder)
  ) {
    groups.push({ dimension: joined, asked: false });
  }
  if (takeWho(remainder) && !groups.some((group) => group.dimension === 'surgeon')) {
    groups.push({ dimension: 'surgeon', asked: true });
  }
  // "most expensive procedure", "busiest month": a superlative before one singular noun asks which one, not for
  // the extreme single case.
  const superlative =
    groups.length === 0 && grains.length === 0
      ? (remainder.take(SUPERLATIVE_NOUN) ?? nounBeforeSuperlative(remainder))
      : null;
  if (superlative) {
    const noun = superlative[2] ?? '';
    const grain = (['month', 'quarter', 'year'] as const).find((value) => value === noun);
    if (grain) grains.push(grain);
    else groups.push({ dimension: SUPERLATIVE_DIMENSIONS[noun] ?? 'procedure', asked: true });
  }
  // "min and max cost": both ends of the range, one column each (read before the ranking takes "highest").
  const bothEnds = remainder.take(MIN_AND_MAX) !== null;
  parts.rank = takeRanking(remainder);
  // "which procedures lose money": lowest first, never the most profitable first.
  if (loss) parts.rank = { ...parts.rank, direction: 'asc' };
  if (superlative && parts.rank.direction === undefined) {
    parts.rank = { ...parts.rank, direction: LOW_SUPERLATIVE.test(superlative[1] ?? '') ? 'asc' : 'desc' };
  }
  const limitOnly = parts.rank.limit === undefined ? takeLimitOnly(remainder) : undefined;
  if (limitOnly) parts.rank = { ...limitOnly, direction: parts.rank.direction ?? limitOnly.direction };
  // "how much did Medicare pay us": money that changed hands over the scope is its total.
  const paidTotal = remainder.test(HOW_MUCH_PAID);
  // "how many claims did we pay": the verb says what was counted, it asks for no figure of its own.
  const countedVerb = remainder.find(COUNTED_VERB);
  if (countedVerb?.[1])
    remainder.take(
      new RegExp(
        `(?<=\\b(?:did|do|does|have|has|had|were|was) (?:we|they|you|i|our \\w+) )${countedVerb[1]}\\b`,
      ),
    );
  parts.measures = takeMeasures(remainder, orgType);
  dropRankingWords(remainder);
  parts.aggregation = takeAggregation(remainder) ?? (paidTotal ? 'sum' : undefined);
  if (bothEnds) {
    if (parts.aggregation) {
      refuse('I can give the lowest and highest values, or another figure, but not both in one question.', [
        'lowest and highest cost of knee replacement',
      ]);
    }
    parts.aggregation = 'min';
    parts.bothEnds = true;
  }
  if (groups.some((group) => group.mix) && !parts.aggregation) parts.aggregation = 'share';
  const ranks = parts.rank.direction !== undefined || parts.rank.limit !== undefined;
  // "surgeons by volume", "payors by revenue": members ranked by the figure after "by".
  const rankedBy = remainder.test(
    /\b(?:surgeons|doctors|physicians|payors|payers|insurers|providers|facilities|hospitals|clients|customers|procedures|surgeries|diagnoses|conditions|drgs) by\b/,
  );
  if (groups.length === 0 && (ranks || rankedBy)) {
    const plural = takePluralGroupBy(remainder);
    if (plural) groups.push({ dimension: plural, asked: true });
  }
  parts.asksWhich = groups.some((group) => group.asked);
  // "who are our top 5 surgeons": a noun of a breakdown already read names nothing else.
  for (const group of groups) {
    const nouns = DIMENSION_NOUNS.find(([dimension]) => dimension === group.dimension);
    if (nouns) remainder.takeAll(new RegExp(`\\b(?:${nouns[2]}|${nouns[1]})\\b(?!['’]s)`));
  }
  parts.groupBy = [...new Set([...groups.map((group) => group.dimension), ...grains])];
  // "show cases where los > 10 days by DRG": with a breakdown, a list of cases is the number of them in each group.
  if (parts.aggregation === 'detail' && parts.groupBy.length > 0) parts.aggregation = 'count_of';
  // "cases with cost over $50,000": a condition on the cases with no other figure counts them.
  const countsThresholds = caseThresholds.some((condition) => condition.field !== 'age');
  if (countsThresholds && parts.measures.length === 0 && !parts.aggregation && !parts.isDashboard)
    parts.aggregation = 'count_of';
  if (loss) applyLoss(parts, loss);
  if (parts.groupBy.length > 2) {
    refuse('I can break figures down by at most two things at once.', [
      'average cost by payor and surgeon',
      'total revenue by quarter and payor',
    ]);
  }
  if (
    remainder.test(LOOKUP) &&
    parts.measures.length === 0 &&
    parts.groupBy.length === 0 &&
    parts.windows.length === 0 &&
    !parts.isDashboard &&
    !parts.aggregation &&
    parts.having.length === 0
  ) {
    parts.lookup = exact ? { text: exact.text } : takeLookup(remainder);
    return parts;
  }
  refuseAgeFigure(remainder);
  refuseCareSetting(remainder);
  refuseSpecialty(remainder);
  const exclusions = takeExclusions(remainder, resolve);
  for (const item of exclusions?.values ?? []) parts.excluded.push(item);
  parts.resolutions.push(...(exclusions?.resolutions ?? []));
  resolveEntities(remainder, resolve, parts, exact);
  return parts;
}

const SHARE_OF = /\b(?:share|percent(?:age)?|proportion|fraction|%) of\b(.*)$/;
const CONDITION_WORD =
  /\b(?:over|above|under|below|older|younger|aged?|longer|shorter|more than|less than|fewer than|greater than|at least|in excess of|readmitted|exceed(?:s|ed|ing)?)\b|[<>]/;
const CASES_NOUN =
  /^\s*(?:the |our |all )?(?:[\w-]+ ){0,4}?(?:cases|patients|claims|admissions|encounters|surgeries|procedures|people|stays|replacements|members)\s+(?:(?:that|who|which)\s+)?(?:over|above|under|below|aged?|older|younger|stay(?:s|ed)?|cost(?:s|ing)?|had|have|with|readmitted)\b/;

/**
 * Whether a share question's part is a condition on the cases ("what percent of cases are over 65", "share of
 * cases that stay longer than 5 days by payor") rather than a named value ("what share of cases over 65 are
 * Medicare", where the cases over 65 are the whole and Medicare the part).
 */
function sharesCondition(lower: string): boolean {
  const share = SHARE_OF.exec(lower);
  if (!share) return false;
  const tail = share[1] ?? '';
  const verb = /\b(?:are|were|is|was|get|got)\b(.*)$/.exec(tail);
  if (verb) return CONDITION_WORD.test(verb[1] ?? '');
  return CASES_NOUN.test(tail);
}

function takeWindows(remainder: Remainder, options: WindowOptions, parts: AnalyticsParts): void {
  const range = remainder.take(YEAR_RANGE);
  if (range) {
    const from = Number(range[1] ?? range[3]);
    const to = Number(range[2] ?? range[4]);
    if (from > to) refuse(`The window ${from} to ${to} ends before it starts.`, []);
    parts.windows.push(fixedWindow({ from: `${from}-01-01`, to: `${to}-12-31` }));
  }
  for (let count = 0; count < 3; count++) {
    const reading = takePlanWindow(remainder, options);
    if (!reading) break;
    // "YoY" compares the window asked about with the one before it.
    if (reading.comparison) parts.windows.push(...reading.comparison.windows);
    else parts.windows.push(reading.window);
  }
  if (parts.windows.length === 2) {
    parts.windows = pairWindows(parts.windows as [PlanWindow, PlanWindow], options);
  }
  if (parts.windows.length > 2) {
    refuse(
      'I can compare two windows at a time; for more, ask for one range broken down by year or quarter.',
      ['total revenue from 2023 through 2025 by year', 'average cost per case 2024 vs 2025'],
    );
  }
}

function takeLookup(remainder: Remainder): { text: string; kinds?: EntityKind[] } {
  remainder.take(LOOKUP);
  const kinds = new Set<EntityKind>();
  for (const [pattern, kind] of LOOKUP_KINDS) if (remainder.takeAll(pattern).length > 0) kinds.add(kind);
  const code = takeCodes(remainder)[0];
  remainder.takeAll(/\b(?:codes?|names?|named|called|mean|means|stand for)\b/);
  if (code) {
    const [keyword = '', value = ''] = code.text.split(' ');
    return {
      text: value,
      kinds: [keyword === 'drg' ? 'drg' : keyword === 'icd' ? 'condition' : 'procedure'],
    };
  }
  const text = splitPieces(remainder.segments())
    .map((piece) => piece.text)
    .join(' ');
  if (!text)
    refuse('Tell me what to look up: a code or a few words of its name.', [
      'what is CPT 27447',
      'find knee procedures',
    ]);
  return kinds.size > 0 ? { text, kinds: [...kinds] } : { text };
}

function resolveEntities(
  remainder: Remainder,
  resolve: Resolve,
  parts: AnalyticsParts,
  exact: Piece | undefined,
): void {
  const choice: KindChoice = { clinical: CLINICAL_KINDS, dimensions: DIMENSION_KINDS };
  const pieces = [
    ...(exact ? [exact] : []),
    ...takeCodes(remainder),
    ...piecesOf(remainder.segments(), choice, resolve).filter((piece) => !isCaseNoun(piece)),
  ];
  const resolved = resolvePieces(pieces, choice, resolve);
  parts.unknown = resolved.unknownPieces;
  parts.resolutions.push(...resolved.resolutions);
  resolved.matches.forEach(({ match, grouped }, index) => {
    const dimension = DIMENSION_OF_KIND[match.kind];
    if (parts.named.some((item) => item.dimension === dimension && item.value.id === match.id)) return;
    parts.named.push({
      dimension,
      value: { id: match.id, name: match.name },
      index,
      ...(grouped ? { grouped } : {}),
    });
  });
}

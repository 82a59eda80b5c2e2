import type { Metric, Pivot, View } from '../../cases/types';
import { refuse } from './problem';
import type { Remainder } from './remainder';

// Longest and most specific phrases first: "hospital revenue" before "revenue", "profit margin" before "profit".
const METRIC_PHRASES: [Metric, string][] = [
  ['hospital_revenue', "hospital(?:[- ]only)? (?:revenues?|income)|hospital's revenues?"],
  [
    'readmission_30',
    '(?:30|thirty)[- ]days? readmissions?(?: rates?)?|readmission rates?|readmissions?|readmit rates?|readmits?|readmitted',
  ],
  [
    'los',
    'lengths? of stays?|\\blos\\b|\\balos\\b|(?:days|nights) in (?:the )?hospital|inpatient days|(?:hospital )?stays?',
  ],
  [
    'time',
    '(?:or|operating(?: room)?|surgical|surgery|procedure|theatre|theater) times?|(?:operating |surgical |or )?minutes|surgery duration|operative times?|' +
      'times? (?:spent )?in (?:the )?(?:or|surgery|theatre|theater|operating room)',
  ],
  ['margin', '(?:profit |operating )?margins?'],
  ['profit', 'profits?|profitability|net income'],
  ['discount', 'discounts?|contractual allowances?'],
  [
    'revenue',
    'revenues?|charges?|charged|billed|billings?|prices?|income|reimbursements?|payments?|paid|pays?',
  ],
  ['cost', 'costs?|costing|expenses?|expenditures?|spend(?:ing)?|spent'],
];

export function takeMetric(remainder: Remainder): Metric | undefined {
  const found: { metric: Metric; index: number }[] = [];
  for (const [metric, phrase] of METRIC_PHRASES) {
    for (const match of remainder.takeAll(new RegExp(`\\b(?:${phrase})\\b`)))
      found.push({ metric, index: match.index });
  }
  const distinct = [
    ...new Set(found.sort((left, right) => left.index - right.index).map((item) => item.metric)),
  ];
  if (distinct.length > 1) {
    refuse(`I can answer about one figure at a time, and this question names ${distinct.join(' and ')}.`, [
      `average ${distinct[0]?.replace('_', ' ')} of knee replacement`,
      `what about ${distinct[1]?.replace('_', ' ')}?`,
    ]);
  }
  return distinct[0];
}

export type ViewWord = View | 'count';

const VIEW_PHRASES: [ViewWord, string][] = [
  ['count', 'how many|number of|count of|volume of|case count|case volume|count'],
  [
    'detail',
    '(?:list|show(?: me)?|give me|see)(?: all| the| each| every)* (?:individual )?cases|which cases|case list|line items|' +
      'individual cases|each case|every case|details?|detailed|\\blist(?: of)?',
  ],
  // "total" alone stays with the entity ("total knee arthroplasty") unless a figure or a break follows it.
  [
    'sum',
    'how much(?=.*\\b(?:did|have|has) (?:we|they|our)\\b)|in total|\\bsum(?: of)?|overall|combined|aggregate|total(?= of\\b| for\\b| in\\b|$|\\s*\\uE000)',
  ],
  ['avg', 'on average|averages?|\\bmean(?= \\S)|typical(?:ly)?|\\bavg|per case|per patient'],
];

/** Takes the view words; the metric must already be cut out so "total" sees the cut after it. */
export function takeView(remainder: Remainder): ViewWord | undefined {
  let earliest: { view: ViewWord; index: number } | undefined;
  for (const [view, phrase] of VIEW_PHRASES) {
    for (const match of remainder.takeAll(new RegExp(`\\b(?:${phrase})\\b`))) {
      if (!earliest || match.index < earliest.index) earliest = { view, index: match.index };
    }
  }
  return earliest?.view;
}

const PIVOT_NOUNS: [Pivot, string][] = [
  ['surgeon', 'surgeons?|doctors?|physicians?|operators?'],
  ['payor', 'payors?|payers?|insurers?|insurance(?: compan(?:y|ies))?|health plans?|plans?'],
  ['provider', 'providers?|facilit(?:y|ies)|hospitals?|sites?|locations?'],
  ['client', 'clients?|customers?|accounts?'],
];

const PIVOT_LEAD =
  '(?:by|per|for each|for every|across|broken down by|break(?:ing)? (?:it )?down by|breakdown by|split by|' +
  'grouped by|group by|compare|comparing|which|top|rank(?:ed)?|ranking|' +
  '(?:the )?(?:cheapest|lowest[- ]cost|most expensive|highest[- ]cost|priciest|best|worst))';

export function takePivot(remainder: Remainder): Pivot | undefined {
  for (const [pivot, nouns] of PIVOT_NOUNS) {
    const pattern = new RegExp(
      `\\b${PIVOT_LEAD} (?:the |each |all |every |our |(?:top )?\\d+ )*(?:${nouns})\\b`,
    );
    if (remainder.take(pattern)) return pivot;
  }
  return undefined;
}

/** Phrases that undo the previous question's breakdown in a follow-up. */
export function takePivotRemoval(remainder: Remainder): boolean {
  return (
    remainder.take(
      /\b(?:without|remove|drop|no|lose|skip|get rid of)(?: the| a| any)? (?:pivot|breakdown|grouping|split)\b|\bnot (?:broken down|split|grouped)\b|\bin aggregate\b/,
    ) !== null
  );
}

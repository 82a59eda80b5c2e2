import { EXAMPLE_QUESTIONS } from './examples';
import { refuse } from './problem';

const OFF_TOPIC =
  /\b(?:weather|poem|poetry|joke|song|lyrics|story|recipe|haiku|essay|limerick|translate|horoscope|stock price|football|movie)\b|^(?:write|compose|sing|draw)\b/;
const GREETING = /^(?:hi|hello|hey|thanks|thank you|good (?:morning|afternoon|evening)|help)$/;
const NO_PATIENT_FIGURES: [RegExp, string, string[]] = [
  /\b(?:average|mean|typical|median) (?:patient )?ages?\b|\bages? of (?:the |our )?(?:patients|cases)\b|\bhow old\b/,
  "Patients' ages are not a figure I report; I give cost, revenue, margin, profit, discount, length of stay, OR time and readmissions, and a prediction can take age into account.",
  ['average cost of knee replacement', 'predict the cost of a knee replacement for a 67-year-old woman'],
];
const NO_CLINICAL_BREAKDOWN: [RegExp, string, string[]] = [
  /\b(?:by|for each|for every|broken down by|breakdown by|split by|grouped by|group by|compare|comparing|rank(?:ed)?|ranking) (?:the |each |all |every |our )*(?:procedures?|conditions?|diagnos[ie]s|drgs?|cpt(?: codes?)?|codes?|service lines?|specialt(?:y|ies))\b|\b(?:most|least|highest|lowest|top|best|worst|biggest|cheapest|priciest) (?:\S+ ){0,2}?(?:procedures?|conditions?|diagnos[ie]s|drgs?)\b|\b(?:which|what) (?:procedures?|conditions?|diagnos[ie]s|drgs?)\b(?=.*\b(?:most|least|highest|lowest|best|worst|biggest|cheapest)\b)/,
  'I can rank and break figures down by surgeon, payor, provider or client, not by procedure, condition or DRG; ask about one of those at a time.',
  ['average profit of knee replacement by surgeon', 'average profit of hip replacement last year'],
];

// Things people reasonably ask that the engines do not compute; each gets its own explanation
// rather than the generic "did not recognise".
const UNSUPPORTED: [RegExp, string, string[]][] = [
  NO_PATIENT_FIGURES,
  NO_CLINICAL_BREAKDOWN,
  [
    /\b(?:median|mode|standard deviation|std dev|variance|spread)\b/,
    'I can give averages, totals and case lists, not medians or spreads.',
    [
      'average cost of knee replacement between the 25th and 75th percentile',
      'list cases of knee replacement',
    ],
  ],
  [
    /\b(?:by|per|each|every) (?:day|week|month|quarter|year)\b|\b(?:trends?|monthly|weekly|quarterly|over time|month (?:by|over) month|year over year)\b/,
    'I cannot break figures down over time yet; ask about one window at a time.',
    ['average cost of knee replacement in Q1 2026', 'same for Q2 2026'],
  ],
];

const PATIENT_WORD =
  /^(?:wom[ae]n|m[ae]n|females?|males?|girls?|boys?|elderly|seniors?|children|kids|pediatric|aged?|years?|old|yo|y\/o)$/i;

export function refuseUnsupported(question: string): void {
  for (const [pattern, message, examples] of UNSUPPORTED)
    if (pattern.test(question)) refuse(message, examples);
}

/** Analytics has no patient filters; a question that uses them is pointed at predictions. */
export function refusePatientFilters(unknown: string[]): void {
  if (unknown.some((text) => text.split(/[\s-]+/).some((word) => PATIENT_WORD.test(word)))) {
    refuse('Figures cannot be filtered by age or gender here, but a prediction can take them into account.', [
      'predict the cost of a knee replacement for a 67-year-old woman',
    ]);
  }
}

export function refuseOffTopic(text: string): void {
  const lower = text.toLowerCase();
  if (!/[\p{L}\p{N}]/u.test(text) || GREETING.test(lower)) {
    refuse(
      'Ask me about your case data: costs, revenue, length of stay and more, by procedure, surgeon or payor.',
      EXAMPLE_QUESTIONS,
    );
  }
  if (OFF_TOPIC.test(lower)) {
    refuse(
      "I can only answer questions about your organization's case data, so I cannot help with that.",
      EXAMPLE_QUESTIONS,
    );
  }
}

/** Refuses with the words it could not place; a question with nothing recognised at all is off-topic. */
export function checkRecognised(unknown: string[], hasRecognisedSomething: boolean): void {
  if (unknown.length === 0) return;
  const words = unknown.map((item) => `"${item}"`).join(', ');
  if (!hasRecognisedSomething) {
    refuse(
      `I can only answer questions about your case data, and I did not recognise ${words}.`,
      EXAMPLE_QUESTIONS,
    );
  }
  refuse(
    `I did not recognise ${words} as a procedure, condition, DRG, surgeon, payor, provider or client in your data.`,
    EXAMPLE_QUESTIONS,
  );
}

import { EXAMPLE_QUESTIONS } from './examples';
import { refuse } from './problem';

const OFF_TOPIC =
  /\b(?:weather|poem|poetry|joke|song|lyrics|story|recipe|haiku|essay|limerick|translate|horoscope|stock price|football|movie)\b|^(?:write|compose|sing|draw)\b(?!-)/;
const GREETING = /^(?:hi|hello|hey|thanks|thank you|good (?:morning|afternoon|evening)|help)$/;
const NO_PATIENT_FIGURES: [RegExp, string, string[]] = [
  /\b(?:average|avg|mean|typical|median) (?:patient )?ages?\b|\bages? of (?:the |our )?(?:patients|cases)\b|\bhow old\b/,
  "Patients' ages are not a figure I compute: age is a case field I can filter on ('patients over 65') and break figures down by (age bands), not a measure, so there is no average age. A prediction can take age into account.",
  ['number of cases by age band', 'predict the cost of a knee replacement for a 67-year-old woman'],
];
// Things people reasonably ask that the data does not hold; each gets its own explanation rather than a guess.
const UNSUPPORTED: [RegExp, string, string[]][] = [
  NO_PATIENT_FIGURES,
  [
    /\b(?:standard deviation|std dev|variance|mode)\b/,
    'I give averages, totals, medians, percentiles, minimums and maximums, not standard deviations or variances.',
    ['median cost of knee replacement', '90th percentile cost of knee replacement by surgeon'],
  ],
  [
    /\b(?:satisfaction|nps|net promoter|mortality|death rate|infection rates?|complication rates?|staffing|headcount|salar(?:y|ies)|wait(?:ing)? times?|no[- ]shows?|denials?|denial rate|zip ?codes?|race|ethnicity|service lines?|specialt(?:y|ies))\b/,
    'Your case data does not hold that: it has dates, procedures, diagnoses, DRGs, surgeons, payors, providers, clients, gender, age, revenue, cost, discount, length of stay, OR time and 30-day readmissions.',
    ['30-day readmission rate by surgeon', 'average length of stay by payor'],
  ],
];

export function refuseUnsupported(question: string): void {
  for (const [pattern, message, examples] of UNSUPPORTED)
    if (pattern.test(question)) refuse(message, examples);
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

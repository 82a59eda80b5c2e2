import { refuse } from './problem';

// What-if wording as analysts write it: a conditional clause ("if", "suppose", "assuming") around a change to
// prices, payments, rates or costs. Such a question asks about a scenario, so it must reach the simulation
// workflow: answering it with today's figure would state a number for a question that was not asked.

const CONDITIONAL = /\b(?:if|suppose|supposing|assume|assuming|imagine|hypothetically|let's say)\b/;

/** A change: an amount, or a verb that moves a price, payment, rate or cost. */
const CHANGE =
  /\d+(?:\.\d+)? ?(?:%|percent|per cent|pct)(?!\w)|\$ ?\d|\b(?:cuts?|cutting|slash(?:es|ed)?|raise[sd]?|raising|hike[sd]?|lower(?:s|ed)?|reduce[sd]?|reducing|drops?|dropped|falls?|fell|rises?|rose|go(?:es)? (?:up|down)|went (?:up|down)|increase[sd]?|decrease[sd]?|pa(?:y|ys|id|ying) (?:us )?(?:less|more)|cheaper|pricier|more expensive|renegotiat\w*)\b/;

/** Phrasings that are a scenario on their own, without "if". */
const ON_ITS_OWN = new RegExp(
  [
    '\\brenegotiat\\w*\\b',
    '\\b(?:cuts|slashes|raises|lowers|reduces|hikes) (?:its |their |our |the |all )?(?:rates?|prices?|payments?|reimbursements?|fees?)\\b',
    '\\bpa(?:y|ys|id) (?:us )?\\d+(?:\\.\\d+)? ?(?:%|percent|pct) (?:less|more)\\b',
    '\\b(?:reimbursements?|payments?|rates?|prices?) (?:(?:would|will|were to) )?(?:drop|drops|fall|falls|rise|rises|go (?:up|down)|goes (?:up|down)) (?:by )?\\d',
    '\\b(?:supplies|supply costs?|implants?|implant costs?) (?:get|got|become|became|were|are) (?:\\d+(?:\\.\\d+)? ?(?:%|percent) )?(?:cheaper|pricier|more expensive)\\b',
    '\\bcosts? (?:go(?:es)?|went) (?:up|down) (?:by )?\\d',
  ].join('|'),
);

/** True when the question describes a change to simulate rather than asking for a figure as it is. */
export function isWhatIf(lower: string): boolean {
  return ON_ITS_OWN.test(lower) || (CONDITIONAL.test(lower) && CHANGE.test(lower));
}

/** Words of what-if wording that name nothing once the change and its target are read. */
export const WHAT_IF_WORDS =
  /\b(?:if|suppose|supposing|assume|assuming|imagine|hypothetically|let's say|what happens to|what would|would|be|look like|renegotiat\w*|cuts?|cutting|slash(?:es|ed)?|hikes?|pa(?:y|ys|id|ying)|us|margins?|profits?|income|bottom line|revenue|numbers?|happen|happens|to)\b/g;

/** A change in how many cases there are, which the simulation does not model (it changes prices and costs). */
const VOLUME_CHANGE =
  /\b(?:volumes?|caseload)\b|\b(?:had|have|do|did|does|perform(?:ed|s)?|see|saw|get|got|admit(?:ted)?) (?:\d+(?:\.\d+)? ?(?:%|percent) )?(?:more|fewer|less)\b|\b(?:more|fewer) (?:cases|patients|admissions|surgeries|procedures|operations|encounters)\b/;

export function refuseVolumeChange(lower: string): void {
  if (!VOLUME_CHANGE.test(lower)) return;
  refuse(
    'I simulate changes to prices, payments and costs, not to how many cases there are. Ask how a price or cost change would move revenue, or look at the trend in case volume.',
    ['what if we raise prices 5% for knee replacements', 'number of knee replacements by month'],
  );
}

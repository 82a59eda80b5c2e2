import type { AnalysisPlan, PlanWindow } from '../../../src/contract/query-plan';
import { FISCAL_YEAR_START_MONTH } from '../../cases/semantic-model';
import type { Resolution } from '../../cases/types';
import { singularAbbreviations } from './abbreviation-plurals';
import { takeAnalyticsParts } from './analytics';
import { buildPlan } from './build-plan';
import { readCodeLookup } from './codes';
import { describePlan } from './describe';
import { EXAMPLE_QUESTIONS } from './examples';
import { refuseOffTopic, refuseUnsupported } from './limits';
import {
  afterOverview,
  asksOverview,
  isOverviewPlan,
  overviewMeasures,
  overviewParts,
} from './overview-question';
import { windowDates } from './plan-window';
import { buildPrediction, PREDICTION_TRIGGER, takePredictionParts } from './predictions';
import { ParseProblem, refuse } from './problem';
import { normalizeQuestion, Remainder } from './remainder';
import { expandShorthand } from './shorthand';
import { buildSimulation, SIMULATION_TRIGGER, takeSimulationParts } from './simulation';
import type { ParseContext, ParseOutcome, QueryOutcome } from './types';
import { describeCorrections } from './typos';
import { refuseReadmittedSplit, refuseUnitRatio } from './unit-ratios';
import { checkUnknownWords } from './unknown-words';
import { isWhatIf } from './what-if';
import { pairWindows } from './windows';

const FOLLOW_UP =
  /^(?:(?:and|now|then|also|ok|okay|so)\b[ ,]*)*(?:(?:what|how) about\b|same\b(?: (?:thing|query|question|again))?(?: but)?(?: for)?|only\b|just\b|instead\b|leave out\b|drop\b|exclude\b|without\b|except\b|top \d+ only\b)?/;

interface Parsed {
  plan: AnalysisPlan;
  resolutions: Resolution[];
  highlight?: QueryOutcome['highlight'];
}

export function parseQuestion(typed: string, context: ParseContext): ParseOutcome {
  const { text: question, corrections } = expandShorthand(typed);
  try {
    const parsed = parse(question, context);
    const anchor = {
      today: context.today,
      lastAdmit: context.lastAdmit,
      firstAdmit: context.firstAdmit,
      fiscalYearStartMonth: context.fiscalYearStartMonth,
    };
    const window =
      parsed.plan.workflow === 'analytics' || parsed.plan.workflow === 'dashboard'
        ? parsed.plan.plan.window
        : undefined;
    return {
      kind: 'query',
      query: parsed.plan,
      reading: corrections.length
        ? `${describePlan(parsed.plan, anchor)} (${describeCorrections(corrections)})`
        : describePlan(parsed.plan, anchor),
      dates: window ? windowDates(window, anchor) : null,
      resolutions: parsed.resolutions,
      ...(parsed.highlight ? { highlight: parsed.highlight } : {}),
    };
  } catch (error) {
    if (error instanceof ParseProblem) return error.outcome;
    throw error;
  }
}

function parse(question: string, context: ParseContext): Parsed {
  const text = singularAbbreviations(normalizeQuestion(question));
  const lower = text.toLowerCase();
  refuseOffTopic(text);
  const marker = FOLLOW_UP.exec(lower)?.[0] ?? '';
  const isMarked = marker.trim().length > 0;
  const fresh = () => {
    const remainder = new Remainder(text);
    // Only the leading joiners are cut; "only", "leave out" and the like are read by the parts themselves.
    const joiners =
      /^(?:(?:and|now|then|also|ok|okay|so)\b[ ,]*)*(?:(?:what|how) about\b|same\b(?: (?:thing|query|question|again))?(?: but)?(?: for)?|instead\b)?/;
    remainder.take(joiners);
    return remainder;
  };
  if (SIMULATION_TRIGGER.test(lower) || isWhatIf(lower))
    return parseSimulation(fresh(), context, isMarked, text);
  if (PREDICTION_TRIGGER.test(lower)) return parsePrediction(fresh(), context, isMarked, text);
  const previous = context.previous;
  if (previous?.workflow !== 'simulation' && previous?.workflow !== 'predictions') {
    return parseAnalytics(text, fresh(), isMarked, context);
  }
  // After a scenario, a short question most likely changes the scenario ("what about 10%?"); when it
  // cannot, it may still be an analytics question, and the scenario's reason is kept if neither works.
  const followScenario = () =>
    previous.workflow === 'simulation'
      ? parseSimulation(fresh(), context, true, text)
      : parsePrediction(fresh(), context, true, text);
  let scenarioProblem: ParseProblem | undefined;
  if ((isMarked || isShort(lower)) && !ANALYTICS_WORDS.test(lower)) {
    try {
      return followScenario();
    } catch (error) {
      if (!(error instanceof ParseProblem) || error.outcome.kind !== 'refuse') throw error;
      scenarioProblem = error;
    }
  }
  try {
    return parseAnalytics(text, fresh(), isMarked, context);
  } catch (error) {
    throw scenarioProblem ?? error;
  }
}

/** Words that ask for figures over the cases: after a scenario, such a question is a new analytics question. */
const ANALYTICS_WORDS =
  /\b(?:average|avg|mean|median|total|sum|how many|number of|top \d+|percentile|share|mix|by (?:surgeon|payor|payer|provider|client|procedure|month|quarter|year|doctor|insurer|facility))\b/;

/** A question of a few words after a scenario is read as changing it. */
function isShort(lower: string): boolean {
  return lower.split(' ').length <= 6;
}

function refuseOrphanFollowUp(context: ParseContext): never {
  refuse(
    context.previousUnanswered
      ? 'That reads like a follow-up, but I could not answer the question before it, so I do not know what it refers to. Ask it in full, with the figure and what it is about.'
      : 'That reads like a follow-up, but there is no earlier question to build on.',
    EXAMPLE_QUESTIONS,
  );
}

function parseAnalytics(
  text: string,
  remainder: Remainder,
  isMarked: boolean,
  context: ParseContext,
): Parsed {
  refuseUnsupported(text.toLowerCase());
  refuseUnitRatio(text);
  refuseReadmittedSplit(text);
  // "which procedure is 47562", "code for total knee arthroplasty": a look-up, read before anything else.
  const codeLookup = readCodeLookup(text);
  if (codeLookup) {
    return {
      plan: { workflow: 'entity_resolver', plan: { text: codeLookup.text, kinds: codeLookup.kinds } },
      resolutions: [],
    };
  }
  const parts = takeAnalyticsParts(
    remainder,
    { today: context.today, fiscalYearStartMonth: context.fiscalYearStartMonth ?? FISCAL_YEAR_START_MONTH },
    context.resolve,
    context.orgType,
  );
  if (parts.lookup) {
    const plan: AnalysisPlan = {
      workflow: 'entity_resolver',
      plan: { text: parts.lookup.text, kinds: parts.lookup.kinds ?? [] },
    };
    return { plan, resolutions: [] };
  }
  const hasScope =
    parts.named.length > 0 ||
    parts.excluded.length > 0 ||
    parts.windows.length > 0 ||
    parts.conditions.length > 0;
  const hasFigure =
    parts.measures.length > 0 ||
    parts.aggregation !== undefined ||
    parts.having.length > 0 ||
    parts.isDashboard;
  const hasShape =
    parts.groupBy.length > 0 ||
    parts.rank.limit !== undefined ||
    parts.rank.direction !== undefined ||
    parts.dropsGroupBy;
  checkUnknownWords(parts.unknown, text, hasScope || hasFigure || hasShape, context);
  refuseUncountable(parts, text);
  const previous = context.previous;
  // No figure of its own, or no scope and no figure word ("how many cases?", "by quarter", "top 3 only").
  const isPartial = !hasFigure || (!hasScope && parts.measures.length === 0 && parts.having.length === 0);
  const canFollow = previous?.workflow === 'analytics' || previous?.workflow === 'dashboard';
  const isFollowUp = (isMarked || isPartial) && canFollow && !context.previousUnanswered;
  // A follow-up after a turn that got no answer would silently drop the scope it meant: ask instead.
  if (context.previousUnanswered && (isMarked ? !(hasScope && hasFigure) : !hasScope && !hasFigure)) {
    refuseOrphanFollowUp(context);
  }
  if (isMarked && !canFollow && !hasScope && !hasFigure) refuseOrphanFollowUp(context);
  const before = isFollowUp && previous?.workflow === 'analytics' ? previous.plan : undefined;
  if (
    before &&
    parts.compares &&
    parts.windows.length === 1 &&
    before.comparison === null &&
    before.window.kind !== 'data_trailing'
  ) {
    // "vs 2024" after a question about 2025: the window named is set beside the last one, not put in its place.
    parts.windows = pairWindows([before.window, parts.windows[0]!], {
      today: context.today,
      fiscalYearStartMonth: context.fiscalYearStartMonth ?? FISCAL_YEAR_START_MONTH,
    });
  }
  const named = parts.windows[0];
  const year = before?.window.kind === 'fixed' ? /^\d{4}$/.exec(before.window.label)?.[0] : undefined;
  if (
    year &&
    parts.windows.length === 1 &&
    named?.kind === 'fixed' &&
    /^(?:Q[1-4]|[A-Z][a-z]+|H[12]) \d{4}$/.test(named.label) &&
    !/\b(?:19|20)\d{2}\b|'\d{2}\b|\b(?:fy|h[12]|[12]h)\s?\d{2}\b/i.test(text)
  ) {
    // "just Q1" after a question about 2025 is Q1 2025, not the latest Q1.
    parts.windows = [withYear(named, Number(year))];
  }
  const anchor = {
    today: context.today,
    lastAdmit: context.lastAdmit,
    fiscalYearStartMonth: context.fiscalYearStartMonth,
  };
  // "how are we doing" is an overview; after one, "in 2025" or "now for Aetna" is the overview again.
  const overview =
    asksOverview(parts) ||
    (isFollowUp &&
      isOverviewPlan(previous, context.orgType) &&
      parts.measures.length === 0 &&
      parts.groupBy.length === 0 &&
      parts.aggregation === undefined);
  const asked = overview ? overviewParts(parts, context.orgType, anchor) : parts;
  const base =
    previous && !overview && isOverviewPlan(previous, context.orgType)
      ? afterOverview(previous, anchor)
      : previous;
  const built = buildPlan(asked, context.orgType, isFollowUp ? base : undefined);
  if (overview && built.plan.workflow === 'analytics')
    built.plan.plan.measures = overviewMeasures(context.orgType);
  return {
    plan: built.plan,
    resolutions: parts.resolutions,
    ...(built.highlight ? { highlight: built.highlight } : {}),
  };
}

/** A quarter, month or half named without its year, moved into `year`. */
function withYear(window: Extract<PlanWindow, { kind: 'fixed' }>, year: number): PlanWindow {
  const shift = year - Number(window.from.slice(0, 4));
  const move = (date: string) => `${Number(date.slice(0, 4)) + shift}${date.slice(4)}`;
  // A February ends on its own last day in the year it moves to.
  const to =
    move(window.to).endsWith('-02-29') || window.to.endsWith('-02-28')
      ? monthEndOf(move(window.to))
      : move(window.to);
  return { kind: 'fixed', from: move(window.from), to, label: window.label.replace(/\d{4}$/, String(year)) };
}

function monthEndOf(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * "how many nurses do we have": what is counted matched nothing in the data. Reading past it would answer with the
 * number of cases, a number nobody asked for.
 */
/** What a case is called: counting these counts cases. */
const COUNTABLE =
  /^(?:cases?|patients?|claims?|admissions?|encounters?|stays?|procedures?|surgeries|surgery|operations?|people|members?|discharges?|visits?|episodes?|readmissions?|readmits?)$/;

function refuseUncountable(
  parts: { aggregation?: string; measures: unknown[]; unknown: { text: string }[] },
  text: string,
): void {
  if (parts.aggregation !== 'count_of' || parts.measures.length > 0) return;
  const counted = /\b(?:how many|number of|count of|# of)\s+([\p{L}][\p{L}-]*)/u.exec(
    text.toLowerCase(),
  )?.[1];
  if (!counted || COUNTABLE.test(counted)) return;
  const unknownWords = parts.unknown.flatMap((piece) => piece.text.toLowerCase().split(/\s+/));
  if (!unknownWords.includes(counted)) return;
  refuse(
    `I count cases in your case data (procedures, admissions, claims), and "${counted}" is not something it holds.`,
    ['how many knee replacements did we do last year', 'number of cases by payor'],
  );
}

function parseSimulation(
  remainder: Remainder,
  context: ParseContext,
  isFollowUp: boolean,
  text: string,
): Parsed {
  const parts = takeSimulationParts(remainder, context.resolve, context.topMembers);
  checkUnknownWords(parts.unknownPieces, text, true, context);
  const previous =
    isFollowUp && context.previous?.workflow === 'simulation' ? context.previous.plan : undefined;
  const plan = buildSimulation(parts, previous);
  return { plan: { workflow: 'simulation', plan }, resolutions: parts.resolutions };
}

function parsePrediction(
  remainder: Remainder,
  context: ParseContext,
  isFollowUp: boolean,
  text: string,
): Parsed {
  const parts = takePredictionParts(remainder, context.resolve);
  checkUnknownWords(parts.unknownPieces, text, true, context);
  const previous =
    isFollowUp && context.previous?.workflow === 'predictions' ? context.previous.plan : undefined;
  const plan = buildPrediction(parts, previous);
  if (plan.target === 'profit' && context.orgType === 'payor') {
    refuse("Profit is a hospital-only figure: a payor organization's data holds no hospital revenue.", [
      'predict the cost of a knee replacement for a 67-year-old woman',
    ]);
  }
  return { plan: { workflow: 'predictions', plan }, resolutions: parts.resolutions };
}

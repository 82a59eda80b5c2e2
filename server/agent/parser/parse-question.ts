import type { Resolution } from '../../cases/types';
import { takeAnalyticsParts } from './analytics';
import { buildAnalytics } from './build-analytics';
import { COUNT_READING, type CodeNames, describeQuery, LOWEST_FIRST_READING } from './describe';
import { EXAMPLE_QUESTIONS } from './examples';
import { checkRecognised, refuseOffTopic, refusePatientFilters, refuseUnsupported } from './limits';
import { buildPrediction, PREDICTION_TRIGGER, takePredictionParts } from './predictions';
import { ParseProblem, refuse } from './problem';
import { normalizeQuestion, Remainder } from './remainder';
import { buildSimulation, SIMULATION_TRIGGER, takeSimulationParts } from './simulation';
import type { ParseContext, ParsedQuery, ParseOutcome } from './types';

const FOLLOW_UP =
  /^(?:(?:and|now|then|also)\b[ ,]*)*(?:(?:what|how) about\b|same\b(?: (?:thing|query|question|again))?(?: but)?|only\b|just\b|instead\b)?/;

interface Parsed {
  query: ParsedQuery;
  resolutions: Resolution[];
  names: CodeNames;
  isCount?: boolean;
  isLowestFirst?: boolean;
}

const LOWEST = /\b(?:lowest|(?<!at )least|cheapest|smallest|fewest|bottom)\b/;

export function parseQuestion(question: string, context: ParseContext): ParseOutcome {
  try {
    const parsed = parse(question, context);
    const described = describeQuery(parsed.query, parsed.names);
    const reading = parsed.isCount ? described.replace(/^total /, COUNT_READING) : described;
    return {
      kind: 'query',
      query: parsed.query,
      reading: parsed.isLowestFirst ? `${reading}${LOWEST_FIRST_READING}` : reading,
      resolutions: parsed.resolutions,
    };
  } catch (error) {
    if (error instanceof ParseProblem) return error.outcome;
    throw error;
  }
}

function parse(question: string, context: ParseContext): Parsed {
  const text = normalizeQuestion(question);
  const lower = text.toLowerCase();
  refuseOffTopic(text);
  const marker = FOLLOW_UP.exec(lower)?.[0] ?? '';
  const isMarked = marker.trim().length > 0;
  const fresh = () => {
    const remainder = new Remainder(text);
    // The marker holds only letters, spaces and commas, so it is safe as a pattern.
    if (isMarked) remainder.take(new RegExp(`^${marker}`));
    return remainder;
  };
  if (SIMULATION_TRIGGER.test(lower)) return parseSimulation(fresh(), context, isMarked);
  if (PREDICTION_TRIGGER.test(lower)) return parsePrediction(fresh(), context, isMarked);
  const previous = context.previous;
  if (previous?.workflow !== 'simulation' && previous?.workflow !== 'predictions') {
    return parseAnalytics(text, fresh(), isMarked, context);
  }
  // After a scenario, a short question most likely changes the scenario ("what about 10%?"); when it
  // cannot, it may still be an analytics question, and the scenario's reason is kept if neither works.
  const followScenario = () =>
    previous.workflow === 'simulation'
      ? parseSimulation(fresh(), context, true)
      : parsePrediction(fresh(), context, true);
  let scenarioProblem: ParseProblem | undefined;
  if (isMarked || isShort(lower)) {
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

/** A question of a few words after a scenario is read as changing it. */
function isShort(lower: string): boolean {
  return lower.split(' ').length <= 6;
}

function parseAnalytics(
  text: string,
  remainder: Remainder,
  isMarked: boolean,
  context: ParseContext,
): Parsed {
  refuseUnsupported(text.toLowerCase());
  const parts = takeAnalyticsParts(remainder, context.today, context.resolve);
  if (parts.lookup) {
    const query: ParsedQuery = { workflow: 'entity_resolver', text: parts.lookup.text };
    if (parts.lookup.kinds) query.kinds = parts.lookup.kinds;
    return { query, resolutions: [], names: {} };
  }
  // "overview" or "how many cases?" alone refer to whatever the conversation was looking at.
  const hasScope = !!parts.entity || !!parts.window || parts.dimensions.length > 0 || !!parts.pivot;
  const isBare = (parts.isDashboard || parts.view === 'count') && !parts.metric && !hasScope;
  const isPartial = (!parts.metric && parts.view !== 'count' && !parts.isDashboard) || isBare;
  refusePatientFilters(parts.unknown);
  checkRecognised(
    parts.unknown,
    parts.resolutions.length > 0 || !isPartial || !!parts.pivot || !!parts.window,
  );
  const previous = context.previous;
  const isFollowUp =
    (isMarked || isPartial) && (previous?.workflow === 'analytics' || previous?.workflow === 'dashboard');
  if (isMarked && !previous && isPartial && parts.resolutions.length === 0) {
    refuse('That reads like a follow-up, but there is no earlier question to build on.', EXAMPLE_QUESTIONS);
  }
  const built = buildAnalytics(parts, context.today, context.orgType, isFollowUp ? previous : undefined);
  return {
    query: built.query,
    resolutions: parts.resolutions,
    names: parts.names,
    isCount: built.isCount,
    isLowestFirst:
      built.query.workflow === 'analytics' &&
      !!built.query.params.pivot &&
      built.query.params.view !== 'detail' &&
      !built.isCount &&
      LOWEST.test(text.toLowerCase()),
  };
}

function parseSimulation(remainder: Remainder, context: ParseContext, isFollowUp: boolean): Parsed {
  const parts = takeSimulationParts(remainder, context.resolve);
  checkRecognised(parts.unknown, true);
  const previous =
    isFollowUp && context.previous?.workflow === 'simulation' ? context.previous.params : undefined;
  const params = buildSimulation(parts, previous);
  return {
    query: { workflow: 'simulation', params },
    resolutions: parts.resolutions,
    names: parts.names,
  };
}

function parsePrediction(remainder: Remainder, context: ParseContext, isFollowUp: boolean): Parsed {
  const parts = takePredictionParts(remainder, context.resolve);
  checkRecognised(parts.unknown, true);
  const previous =
    isFollowUp && context.previous?.workflow === 'predictions' ? context.previous.params : undefined;
  const params = buildPrediction(parts, previous);
  if (params.metric === 'profit' && context.orgType === 'payor') {
    refuse("Profit is a hospital-only figure: a payor organization's data holds no hospital revenue.", [
      'predict the cost of a knee replacement for a 67-year-old woman',
    ]);
  }
  return {
    query: { workflow: 'predictions', params },
    resolutions: parts.resolutions,
    names: parts.names,
  };
}

import type { DimensionFilter, SimulationPlan } from '../../../src/contract/query-plan';
import type { EntityKind, MatchCandidate, Resolution } from '../../cases/types';
import { takeCodes } from './codes';
import { type KindChoice, piecesOf, resolvePieces } from './entities';
import { takeExactName } from './exact-names';
import { COUNT, readCount } from './numbers';
import type { Piece } from './pieces';
import { clarify, refuse } from './problem';
import type { Remainder } from './remainder';
import type { Resolve } from './types';
import { refuseVolumeChange, WHAT_IF_WORDS } from './what-if';

const RATE_WORDS =
  '(?:prices?|pricing|rates?|charges?|fees?|reimbursements?|payments?|contract rates?|fee schedules?)';
const COST_WORDS =
  '(?:costs?|supply costs?|supplies|supply|implants?|implant costs?|expenses?|labou?r costs?)';
const MOVES =
  '(?:fall|falls|fell|drop|drops|dropped|decline|declines|declined|go (?:up|down)|goes (?:up|down)|went (?:up|down)|rise|rises|rose|increase[sd]?|decrease[sd]?|are cut|get cut|is cut|shrink|shrinks|grow|grows|climb|climbs)';

export const SIMULATION_TRIGGER = new RegExp(
  '\\b(?:what if|what happens if|simulat(?:e|ion|ed)|scenario|suppose|imagine|if we|if (?:one|a|the|our|each|every) |impact of|effect of)\\b|' +
    `\\b(?:raise|increase|hike|cut|lower|reduce|decrease|drop|slash) (?:our |the |all |their )?${RATE_WORDS}\\b|` +
    '\\bprice (?:increase|cut|rise|hike|decrease|reduction|change)\\b|' +
    `\\b${RATE_WORDS} ${MOVES}\\b|\\b${COST_WORDS}(?: per case)? ${MOVES}\\b|` +
    '\\bpays? (?:\\d+(?:\\.\\d+)? ?(?:%|percent) )?(?:less|more)\\b|\\b(?:supplies|implants) (?:get|got|become) (?:cheaper|pricier|more expensive)\\b',
);

const EXAMPLES = [
  'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
  'what if supply cost per case drops 7%',
  "if Aetna's rates fall 6% based on 2025",
];

interface SimulationParts {
  target?: SimulationPlan['target'];
  change?: SimulationPlan['change'];
  filters: DimensionFilter[];
  base?: SimulationPlan['base'];
  horizonMonths?: number;
  unknown: string[];
  unknownPieces: Piece[];
  resolutions: Resolution[];
}

const DECREASE =
  /\b(?:cut|cuts|cutting|lower|lowered|lowering|reduce[sd]?|reducing|reduction|decrease[sd]?|decreasing|decline[sd]?|drop(?:ped|s)?|discount|slash(?:ed)?|less|down|fall|falls|fell|cheaper|minus|shrinks?)\b/;
const INCREASE =
  /\b(?:raise[sd]?|raising|increase[sd]?|increasing|hike[sd]?|rise|rises|rose|up|more|higher|grow|grows|bump|add|plus|climbs?|pricier|change[sd]?|adjust(?:ed)?)\b/;

function takeMonths(remainder: Remainder, pattern: string): number | undefined {
  const match = remainder.take(new RegExp(pattern.replaceAll('COUNT', COUNT)));
  if (!match) return undefined;
  const months = (match[1] ? readCount(match[1]) : 1) * (match[2]?.startsWith('year') ? 12 : 1);
  if (!(months >= 1 && months <= 60))
    refuse(`${months} months is outside the 1–60 month range I can simulate.`, EXAMPLES);
  return months;
}

function takeChange(remainder: Remainder): SimulationPlan['change'] | undefined {
  const percent = remainder.takeAll(/([+-])?(\d+(?:\.\d+)?) ?(?:%|percent|per cent|pct)(?!\w)/);
  const flat = remainder.takeAll(
    /([+-])? ?\$ ?(\d[\d,]*(?:\.\d+)?)(k)?(?!\w)|\b([+-])?(\d[\d,]*(?:\.\d+)?) ?(?:dollars|usd)\b/,
  );
  if (percent.length + flat.length > 1) refuse('A simulation applies one change at a time.', EXAMPLES);
  const amount = percent[0] ?? flat[0];
  if (!amount) return undefined;
  const decrease = remainder.take(DECREASE);
  const increase = remainder.take(INCREASE);
  const sign = amount[1] ?? amount[4];
  const isDecrease =
    sign === '-' ||
    (sign !== '+' && decrease !== null && (increase === null || decrease.index < increase.index));
  if (percent[0]) {
    const value = Number(amount[2]);
    if (value === 0 || (isDecrease && value >= 100))
      refuse(`A ${value}% change is not one I can simulate.`, EXAMPLES);
    return { kind: 'percent', value: isDecrease ? -value : value };
  }
  const value = Number((amount[2] ?? amount[5] ?? '0').replaceAll(',', '')) * (amount[3] ? 1000 : 1);
  if (value === 0) refuse('A $0 change is not one I can simulate.', EXAMPLES);
  return { kind: 'flat', value: isDecrease ? -value : value };
}

const KIND_DIMENSIONS = ['procedure', 'surgeon', 'payor', 'provider', 'client'] as const;

export function takeSimulationParts(
  remainder: Remainder,
  resolve: Resolve,
  topMembers?: (kind: EntityKind) => MatchCandidate[],
): SimulationParts {
  const parts: SimulationParts = { filters: [], unknown: [], unknownPieces: [], resolutions: [] };
  const exact = takeExactName(remainder, resolve, ['procedure']);
  if (
    remainder.test(new RegExp(`\\b${COST_WORDS}\\b|\\bcheaper to (?:perform|do|run)\\b`)) &&
    !remainder.test(new RegExp(`\\b${RATE_WORDS}\\b|\\bpa(?:y|ys|id|ying)\\b`))
  ) {
    parts.target = 'cost';
  } else if (remainder.test(new RegExp(`\\b${RATE_WORDS}\\b|\\bpa(?:y|ys|id|ying)\\b|\\brevenue\\b`))) {
    parts.target = 'price';
  }
  // "if we had 10% more knee replacements" changes the volume, which no scenario here models.
  if (!parts.target) refuseVolumeChange(remainder.segments().join(' ').toLowerCase());
  const lookback = takeMonths(
    remainder,
    '\\b(?:based on|using|looking at|learn(?:ing|ed)? from|from|with|over|on) (?:data from )?(?:the )?(?:last|past|previous|prior|trailing) COUNT? ?(months?|years?)(?: of (?:data|history|cases))?\\b|\\blookback (?:of )?COUNT (months?|years?)\\b',
  );
  const year = remainder.take(
    /\b(?:based on|using|on|from|with|in|over|taking|base(?: year)?(?: of)?:?)\s+(?:the )?(?:calendar (?:year )?)?((?:19|20)\d{2})(?: (?:data|cases|as (?:the )?base|figures|volumes?))?\b/,
  );
  const horizon = takeMonths(
    remainder,
    '\\b(?:over|for|across|during|in|through|within)? ?(?:the )?(?:next|coming|following|upcoming) COUNT? ?(months?|years?)\\b|\\bhorizon (?:of )?COUNT (months?|years?)\\b',
  );
  if (year) parts.base = { kind: 'calendar_year', year: Number(year[1]) };
  else if (lookback !== undefined) parts.base = { kind: 'data_trailing', months: lookback };
  if (horizon !== undefined) parts.horizonMonths = horizon;
  const change = takeChange(remainder);
  if (change) parts.change = change;
  const onePayor = remainder.take(/\b(?:one|a single|any one|a|some) (?:payor|payer|insurer)(?:'s|s')?\b/);
  remainder.takeAll(SIMULATION_TRIGGER);
  remainder.takeAll(WHAT_IF_WORDS);
  remainder.takeAll(new RegExp(`\\b${RATE_WORDS}\\b|\\b${COST_WORDS}\\b`));
  remainder.takeAll(
    /\b(?:by|our|the|their|its|all|every|each|any|payors?|payers?|insurers?|procedures?|revenue|happen|happens|would|will|to|a|an|instead|per case|get|gets|got|become|becomes|pays?|paid|rates?|'s|s)\b/,
  );
  const choice: KindChoice = {
    clinical: ['procedure'],
    dimensions: ['payor', 'surgeon', 'provider', 'client'],
  };
  const pieces = [
    ...(exact ? [exact] : []),
    ...takeCodes(remainder),
    ...piecesOf(remainder.segments(), choice, resolve),
  ];
  const resolved = resolvePieces(pieces, choice, resolve);
  parts.unknown = resolved.unknown;
  parts.unknownPieces = resolved.unknownPieces;
  parts.resolutions = resolved.resolutions;
  for (const { match } of resolved.matches) {
    const dimension = KIND_DIMENSIONS.find((kind) => kind === match.kind);
    if (!dimension) continue;
    const value = { id: match.id, name: match.name };
    const filter = parts.filters.find((item) => item.dimension === dimension);
    if (!filter) parts.filters.push({ dimension, op: 'in', values: [value] });
    else if (!filter.values.some((item) => item.id === value.id)) filter.values.push(value);
  }
  if (onePayor && !parts.filters.some((filter) => filter.dimension === 'payor')) {
    const options = topMembers?.('payor').slice(0, 5) ?? [];
    if (options.length >= 2) clarify('Which payor do you mean?', onePayor[0], options);
    refuse("Tell me which payor's rates change.", ["if Aetna's rates fall 6%"]);
  }
  return parts;
}

export function buildSimulation(parts: SimulationParts, previous?: SimulationPlan): SimulationPlan {
  const change = parts.change ?? previous?.change;
  if (!change) {
    refuse('Tell me the change to simulate, as a percentage or an amount per case.', EXAMPLES);
  }
  const filters = [...(previous?.filters ?? [])].filter(
    (filter) => !parts.filters.some((item) => item.dimension === filter.dimension),
  );
  return {
    target: parts.target ?? previous?.target ?? 'price',
    change,
    filters: [...filters, ...parts.filters],
    base: parts.base ?? previous?.base ?? { kind: 'data_trailing', months: 12 },
    horizon_months: parts.horizonMonths ?? previous?.horizon_months ?? 12,
  };
}

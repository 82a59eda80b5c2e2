import type { PriceChange, Resolution, SimulationParams } from '../../cases/types';
import { takeCodes } from './codes';
import { type KindChoice, piecesOf, resolvePieces } from './entities';
import { takeExactName } from './exact-names';
import { COUNT, readCount } from './numbers';
import { refuse } from './problem';
import type { Remainder } from './remainder';
import type { Resolve } from './types';

export const SIMULATION_TRIGGER =
  /\b(?:what if|what happens if|simulat(?:e|ion|ed)|scenario|suppose|imagine|if we|impact of|effect of)\b|\b(?:raise|increase|hike|cut|lower|reduce|decrease|drop|slash) (?:our |the |all )?(?:prices?|pricing|rates?|charges?|fees?)\b|\bprice (?:increase|cut|rise|hike|decrease|reduction|change)\b/;

const EXAMPLES = [
  'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
  'simulate a $200 price cut for hip replacement based on the last 24 months',
];

export interface SimulationParts {
  change?: PriceChange;
  procedures?: string[];
  payors?: string[];
  lookbackMonths?: number;
  horizonMonths?: number;
  unknown: string[];
  resolutions: Resolution[];
  names: Record<string, string>;
}

const DECREASE =
  /\b(?:cut|cuts|cutting|lower|lowered|lowering|reduce[sd]?|reducing|reduction|decrease[sd]?|decreasing|drop(?:ped|s)?|discount|slash(?:ed)?|less|down|fall|cheaper|minus)\b/;
const INCREASE =
  /\b(?:raise[sd]?|raising|increase[sd]?|increasing|hike[sd]?|rise|up|more|higher|grow|bump|add|plus|change[sd]?|adjust(?:ed)?)\b/;

function takeMonths(remainder: Remainder, pattern: string): number | undefined {
  const match = remainder.take(new RegExp(pattern.replace('COUNT', COUNT)));
  if (!match) return undefined;
  const months = (match[1] ? readCount(match[1]) : 1) * (match[2]?.startsWith('year') ? 12 : 1);
  if (!(months >= 1 && months <= 120))
    refuse(`${months} months is outside the 1–120 month range I can simulate.`, EXAMPLES);
  return months;
}

function takeChange(remainder: Remainder): PriceChange | undefined {
  const percent = remainder.takeAll(/([+-])?(\d+(?:\.\d+)?) ?(?:%|percent|per cent|pct)(?!\w)/);
  const flat = remainder.takeAll(
    /([+-])? ?\$ ?(\d[\d,]*(?:\.\d+)?)(k)?(?!\w)|\b([+-])?(\d[\d,]*(?:\.\d+)?) ?(?:dollars|usd)\b/,
  );
  if (percent.length + flat.length > 1) refuse('A simulation applies one price change at a time.', EXAMPLES);
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

export function takeSimulationParts(remainder: Remainder, resolve: Resolve): SimulationParts {
  const parts: SimulationParts = { unknown: [], resolutions: [], names: {} };
  const exact = takeExactName(remainder, resolve, ['procedure']);
  const lookback = takeMonths(
    remainder,
    '\\b(?:based on|using|looking at|learn(?:ing|ed)? from|from|with|over|on) (?:data from )?(?:the )?(?:last|past|previous|prior|trailing) COUNT? ?(months?|years?)(?: of (?:data|history|cases))?\\b|\\blookback (?:of )?COUNT (months?|years?)\\b',
  );
  const horizon = takeMonths(
    remainder,
    '\\b(?:over|for|across|during|in|through|within)? ?(?:the )?(?:next|coming|following|upcoming) COUNT? ?(months?|years?)\\b|\\bhorizon (?:of )?COUNT (months?|years?)\\b',
  );
  if (lookback !== undefined) parts.lookbackMonths = lookback;
  if (horizon !== undefined) parts.horizonMonths = horizon;
  const change = takeChange(remainder);
  if (change) parts.change = change;
  remainder.takeAll(SIMULATION_TRIGGER);
  remainder.takeAll(
    /\b(?:by|our|the|prices?|pricing|rates?|charges?|fees?|all|every|each|any|payors?|payers?|insurers?|procedures?|revenue|happen|happens|would|will|to|a|an|instead)\b/,
  );
  const choice: KindChoice = { clinical: ['procedure'], dimensions: ['payor'] };
  const pieces = [
    ...(exact ? [exact] : []),
    ...takeCodes(remainder),
    ...piecesOf(remainder.segments(), choice, resolve),
  ];
  const resolved = resolvePieces(pieces, choice, resolve);
  parts.unknown = resolved.unknown;
  parts.resolutions = resolved.resolutions;
  for (const { match } of resolved.matches) {
    parts.names[match.id] = match.name;
    const key = match.kind === 'payor' ? 'payors' : 'procedures';
    if (!parts[key]?.includes(match.id)) parts[key] = [...(parts[key] ?? []), match.id];
  }
  return parts;
}

export function buildSimulation(parts: SimulationParts, previous?: SimulationParams): SimulationParams {
  const change = parts.change ?? previous?.change;
  if (!change) {
    refuse('Tell me the price change to simulate, as a percentage or an amount per case.', EXAMPLES);
  }
  const scope: SimulationParams['scope'] = { ...previous?.scope };
  if (parts.procedures) scope.procedures = parts.procedures;
  if (parts.payors) scope.payors = parts.payors;
  return {
    change,
    scope,
    lookbackMonths: parts.lookbackMonths ?? previous?.lookbackMonths ?? 12,
    horizonMonths: parts.horizonMonths ?? previous?.horizonMonths ?? 12,
  };
}

import type { EntityRef, PredictionMetric, PredictionParams, Resolution } from '../../cases/types';
import { takeCodes } from './codes';
import { METRIC_LABELS } from './describe';
import { CLINICAL_KINDS, type KindChoice, piecesOf, resolvePieces } from './entities';
import { takeExactName } from './exact-names';
import { refuse } from './problem';
import type { Remainder } from './remainder';
import type { Resolve } from './types';
import { takeMetric } from './vocabulary';

export const PREDICTION_TRIGGER =
  /\b(?:predict(?:ed|ion|ions)?|estimate[ds]?|estimating|expected|expect|forecast(?:ed)?|projected|what will|what would|how much will|how much would|likely)\b/;

export interface PredictionParts {
  metric?: PredictionMetric;
  gender?: 'M' | 'F';
  age?: number;
  ageBand?: [number, number];
  entity?: EntityRef;
  secondaryConditions?: string[];
  unknown: string[];
  resolutions: Resolution[];
  names: Record<string, string>;
}

const DECADES: Record<string, number> = {
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};

function takeAge(remainder: Remainder, parts: PredictionParts): void {
  const decade = remainder.take(
    /\bin (?:his|her|their|the|the patient's) (\d)0'?s|\bin (?:his|her|their|the) (\w+ties)\b/,
  );
  if (decade) {
    const start = decade[1] ? Number(decade[1]) * 10 : (DECADES[decade[2] ?? ''] ?? 0);
    if (start > 0) parts.ageBand = [start, start + 9];
    return;
  }
  const band = remainder.take(
    /\b(?:aged? |ages |between )?(\d{1,3}) ?(?:-|to|and) ?(\d{1,3})(?: years?(?: old)?| year olds?)?(?: age band| band)?\b/,
  );
  if (band) {
    parts.ageBand = checkedBand(Number(band[1]), Number(band[2]));
    return;
  }
  const over = remainder.take(
    /\b(?:over|older than|above) (\d{1,3})\b|\b(\d{1,3}) ?(?:\+|and over|or older|and older)/,
  );
  if (over) {
    parts.ageBand = checkedBand(Number(over[1] ?? over[2]) + (over[1] ? 1 : 0), 120);
    return;
  }
  const under = remainder.take(/\b(?:under|younger than|below) (\d{1,3})\b/);
  if (under) {
    parts.ageBand = checkedBand(0, Number(under[1]) - 1);
    return;
  }
  const age = remainder.take(
    /\b(?:aged? )?(\d{1,3})(?:[- ]?(?:years?|yrs?|y)[- ]?old| ?(?:yo|y\/o)\b)|\baged? (\d{1,3})\b/,
  );
  if (age) {
    const years = Number(age[1] ?? age[2]);
    if (years > 120)
      refuse(`${years} is not an age I can predict for.`, [
        'predict the cost of a knee replacement for a 67-year-old woman',
      ]);
    parts.age = years;
  }
}

function checkedBand(low: number, high: number): [number, number] {
  if (low > high || high > 120) {
    refuse(`${low}–${high} is not an age band I can use.`, [
      'estimate the price of a hip replacement for a man aged 65-74',
    ]);
  }
  return [low, high];
}

function takeGender(remainder: Remainder, parts: PredictionParts): void {
  if (remainder.take(/\b(?:woman|women|female|females|lady|ladies|girl|f)\b/)) parts.gender = 'F';
  else if (remainder.take(/\b(?:man|men|male|males|gentleman|boy|m)\b/)) parts.gender = 'M';
  const pronoun = remainder.take(/\b(?:she|her|he|his|him)\b/);
  if (!parts.gender && pronoun) parts.gender = /^(?:she|her)$/.test(pronoun[0]) ? 'F' : 'M';
}

const METRIC_MAP: Record<string, PredictionMetric> = {
  revenue: 'price',
  cost: 'cost',
  time: 'time',
  profit: 'profit',
};

export function takePredictionParts(remainder: Remainder, resolve: Resolve): PredictionParts {
  const parts: PredictionParts = { unknown: [], resolutions: [], names: {} };
  const exact = takeExactName(remainder, resolve, CLINICAL_KINDS);
  remainder.takeAll(PREDICTION_TRIGGER);
  takeAge(remainder, parts);
  takeGender(remainder, parts);
  const metric = takeMetric(remainder);
  if (metric) {
    const mapped = METRIC_MAP[metric];
    if (!mapped) {
      refuse(
        `Predictions cover price, cost, OR time and profit, not ${METRIC_LABELS[metric]}. The average ${METRIC_LABELS[metric]} of similar cases is a question I can answer.`,
        [
          'predict the OR time of a knee replacement for a 70-year-old man',
          `average ${METRIC_LABELS[metric]} of knee replacement by surgeon`,
        ],
      );
    }
    parts.metric = mapped;
  }
  remainder.takeAll(/\b(?:a|an|the|one|single|new|typical|patient|case|be|is|for)\b/);
  const choice: KindChoice = { clinical: CLINICAL_KINDS, dimensions: [], withKinds: ['condition'] };
  const pieces = [
    ...(exact ? [exact] : []),
    ...takeCodes(remainder),
    ...piecesOf(remainder.segments(), choice, resolve),
  ];
  const resolved = resolvePieces(pieces, choice, resolve);
  parts.unknown = resolved.unknown;
  parts.resolutions = resolved.resolutions;
  const seen = new Set<string>();
  const clinical = resolved.matches.filter((item) => !seen.has(item.match.id) && seen.add(item.match.id));
  const main =
    clinical.find((item) => item.match.kind !== 'condition' && item.piece.lead !== 'with') ??
    clinical.find((item) => item.piece.lead !== 'with');
  for (const item of clinical) {
    parts.names[item.match.id] = item.match.name;
    if (item === main) {
      parts.entity = {
        domain: item.match.kind as EntityRef['domain'],
        code: item.match.id,
        name: item.match.name,
      };
    } else if (item.match.kind === 'condition') {
      parts.secondaryConditions = [...(parts.secondaryConditions ?? []), item.match.id];
    } else {
      refuse('A prediction is for one procedure at a time.', [
        'predict the cost of a knee replacement for a 67-year-old woman',
      ]);
    }
  }
  return parts;
}

export function buildPrediction(parts: PredictionParts, previous?: PredictionParams): PredictionParams {
  const entity = parts.entity ?? previous?.entity;
  if (!entity) {
    refuse('Tell me which procedure, condition or DRG the prediction is for.', [
      'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
      'estimate the price of DRG 470 for a man aged 65-74',
    ]);
  }
  const params: PredictionParams = { entity, metric: parts.metric ?? previous?.metric ?? 'price' };
  const gender = parts.gender ?? previous?.gender;
  if (gender) params.gender = gender;
  if (parts.age !== undefined) params.age = parts.age;
  else if (parts.ageBand) params.ageBand = parts.ageBand;
  else if (previous?.age !== undefined) params.age = previous.age;
  else if (previous?.ageBand) params.ageBand = previous.ageBand;
  const secondary = parts.secondaryConditions ?? previous?.secondaryConditions;
  if (secondary) params.secondaryConditions = secondary;
  return params;
}

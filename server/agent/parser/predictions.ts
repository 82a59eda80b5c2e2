import type {
  CaseDimension,
  DimensionFilter,
  DimensionValue,
  Measure,
  PredictionPlan,
} from '../../../src/contract/query-plan';
import { MEASURE_MODEL } from '../../cases/semantic-model';
import type { Resolution } from '../../cases/types';
import { takeCodes } from './codes';
import { CLINICAL_KINDS, DIMENSION_KINDS, type KindChoice, piecesOf, resolvePieces } from './entities';
import { takeExactName } from './exact-names';
import type { Piece } from './pieces';
import { refuse } from './problem';
import type { Remainder } from './remainder';
import type { Resolve } from './types';
import { takeMeasures } from './vocabulary';

export const PREDICTION_TRIGGER =
  /\b(?:predict(?:ed|ion|ions)?|estimate[ds]?|estimating|expected|expect|forecast(?:ed)?|projected|what will|what would|how much will|how much would|how long will|how long would|how many days will|how many minutes will|likely)\b/;

type PredictionTarget = PredictionPlan['target'];

/** "any procedure": the cohort is given by a DRG or condition filter instead of one procedure. */
const ANY_PROCEDURE: DimensionValue = { id: '*', name: 'any procedure' };

interface PredictionParts {
  metric?: PredictionTarget;
  gender?: 'M' | 'F';
  age?: number;
  ageBand?: [number, number];
  entity?: { dimension: CaseDimension; value: DimensionValue };
  secondaryConditions?: DimensionValue[];
  filters: DimensionFilter[];
  unknown: string[];
  unknownPieces: Piece[];
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

const METRIC_MAP: Partial<Record<Measure, PredictionTarget>> = {
  revenue: 'price',
  cost: 'cost',
  time: 'time',
  los: 'los',
  profit: 'profit',
};

export function takePredictionParts(remainder: Remainder, resolve: Resolve): PredictionParts {
  const parts: PredictionParts = { filters: [], unknown: [], unknownPieces: [], resolutions: [], names: {} };
  const exact = takeExactName(remainder, resolve, CLINICAL_KINDS);
  if (remainder.test(/\bhow long (?:will|would|does|do)\b.*\b(?:stay|in (?:the )?hospital|admitted)\b/))
    parts.metric = 'los';
  else if (remainder.test(/\bhow long (?:will|would|does|do)\b|\btake\b/)) parts.metric = 'time';
  remainder.takeAll(PREDICTION_TRIGGER);
  remainder.takeAll(/\b(?:take|last)\b/);
  takeAge(remainder, parts);
  takeGender(remainder, parts);
  const [metric] = takeMeasures(remainder);
  if (metric) {
    const mapped = METRIC_MAP[metric];
    const label = MEASURE_MODEL[metric].label;
    if (!mapped) {
      refuse(
        `Predictions cover price, cost, OR time, length of stay and profit, not ${label}. The ${label} of similar cases is a question I can answer.`,
        [
          'predict the OR time of a knee replacement for a 70-year-old man',
          `${label} of knee replacement by surgeon`,
        ],
      );
    }
    parts.metric = mapped;
  }
  remainder.takeAll(/\b(?:a|an|the|one|single|new|typical|patient|case|be|is|for)\b/);
  const choice: KindChoice = {
    clinical: CLINICAL_KINDS,
    dimensions: DIMENSION_KINDS,
    withKinds: ['condition', ...DIMENSION_KINDS],
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
  const seen = new Set<string>();
  const clinical = resolved.matches.filter((item) => !seen.has(item.match.id) && seen.add(item.match.id));
  const isClinicalKind = (kind: string) => kind === 'procedure' || kind === 'condition' || kind === 'drg';
  const main =
    clinical.find(
      (item) =>
        isClinicalKind(item.match.kind) && item.match.kind !== 'condition' && item.piece.lead !== 'with',
    ) ?? clinical.find((item) => isClinicalKind(item.match.kind) && item.piece.lead !== 'with');
  for (const item of clinical) {
    parts.names[item.match.id] = item.match.name;
    const value = { id: item.match.id, name: item.match.name };
    const kind = item.match.kind;
    if (kind === 'surgeon' || kind === 'payor' || kind === 'provider' || kind === 'client') {
      const filter = parts.filters.find((existing) => existing.dimension === kind);
      if (filter) filter.values.push(value);
      else parts.filters.push({ dimension: kind, op: 'in', values: [value] });
    } else if (item === main) {
      parts.entity = { dimension: kind, value };
    } else if (kind === 'condition') {
      parts.secondaryConditions = [...(parts.secondaryConditions ?? []), value];
    } else {
      refuse('A prediction is for one procedure at a time.', [
        'predict the cost of a knee replacement for a 67-year-old woman',
      ]);
    }
  }
  return parts;
}

export function buildPrediction(parts: PredictionParts, previous?: PredictionPlan): PredictionPlan {
  let procedure = previous?.procedure;
  let filters = [...(previous?.filters ?? [])];
  if (parts.entity) {
    // A DRG or a principal condition narrows the cohort instead of naming one procedure.
    filters = filters.filter((filter) => filter.dimension !== 'drg' && filter.dimension !== 'condition');
    if (parts.entity.dimension === 'procedure') procedure = parts.entity.value;
    else {
      procedure = ANY_PROCEDURE;
      filters.push({ dimension: parts.entity.dimension, op: 'in', values: [parts.entity.value] });
    }
  }
  if (!procedure) {
    refuse('Tell me which procedure, condition or DRG the prediction is for.', [
      'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
      'estimate the price of DRG 470 for a man aged 65-74',
    ]);
  }
  for (const filter of parts.filters) {
    filters = [...filters.filter((existing) => existing.dimension !== filter.dimension), filter];
  }
  const age = parts.age ?? (parts.ageBand ? null : (previous?.age ?? null));
  const ageBand = parts.ageBand ?? (parts.age !== undefined ? null : (previous?.age_band ?? null));
  return {
    target: parts.metric ?? previous?.target ?? 'price',
    procedure,
    filters,
    gender: parts.gender ?? previous?.gender ?? null,
    age,
    age_band: ageBand,
    secondary_conditions: parts.secondaryConditions ?? previous?.secondary_conditions ?? [],
  };
}

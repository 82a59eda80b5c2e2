import type { DuckDBValue } from '@duckdb/node-api';
import { trailingDays } from './dates';
import { refuseHospitalOnly, round } from './metrics';
import type { OrgDatabase } from './org-database';
import { numberOrNull, QueryLog } from './query-log';
import { scopeConditions, whereClause } from './scope';
import { capitalize, MEASURE_MODEL } from './semantic-model';
import { placeholders } from './sql-text';
import {
  type ConfidenceWord,
  type EngineOptions,
  EngineRefusal,
  type OrgType,
  PREDICTION_METRICS,
  type PredictionMetric,
  type PredictionParams,
  type PredictionResult,
} from './types';

// Lower-cases a label for use mid-sentence, leaving acronyms such as "OR time" as they are.
const lowerFirstWord = (label: string) => label.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());

/** A cohort smaller than this is widened before it is trusted. */
export const MINIMUM_COHORT = 30;
const HISTORY_DAYS = 1095;

const METRICS = Object.fromEntries(
  PREDICTION_METRICS.map((metric) => {
    const model = MEASURE_MODEL[metric === 'price' ? 'revenue' : metric];
    const label = metric === 'price' ? 'Price (billed revenue)' : capitalize(model.label);
    return [
      metric,
      { sql: model.caseSql!, label, unit: model.unit, type: model.columnType as 'currency' | 'number' },
    ];
  }),
) as Record<PredictionMetric, { sql: string; label: string; unit: string; type: 'currency' | 'number' }>;

interface Cohort {
  description: string;
  conditions: string[];
  params: DuckDBValue[];
  /** How many requested filters were dropped to reach this cohort. */
  dropped: number;
}

/** From the most specific cohort to the entity alone: conditions go first, then age, then gender. */
export function cohorts(params: PredictionParams): Cohort[] {
  const band = params.ageBand ?? (params.age === undefined ? undefined : [params.age - 5, params.age + 5]);
  const filters = [
    params.gender && { text: `gender ${params.gender}`, sql: 'gender = ?', params: [params.gender] },
    band && { text: `age ${band[0]}–${band[1]}`, sql: 'age BETWEEN ? AND ?', params: band },
    params.secondaryConditions?.length && {
      text: `condition ${params.secondaryConditions.join(', ')}`,
      sql: `condition_code IN ${placeholders(params.secondaryConditions.length)}`,
      params: params.secondaryConditions,
    },
  ].filter((filter) => !!filter) as { text: string; sql: string; params: DuckDBValue[] }[];
  const result: Cohort[] = [];
  for (let kept = filters.length; kept >= 0; kept--) {
    const used = filters.slice(0, kept);
    result.push({
      description: used.length
        ? `${params.entity.name} cases with ${used.map((f) => f.text).join(', ')}`
        : `all ${params.entity.name} cases`,
      conditions: used.map((filter) => filter.sql),
      params: used.flatMap((filter) => filter.params),
      dropped: filters.length - kept,
    });
  }
  return result;
}

export function confidenceOf(
  cases: number,
  hasGender: boolean,
  dropped: number,
): { value: number; word: ConfidenceWord } {
  const value = round((cases / (cases + 40)) * (hasGender ? 1 : 0.85) * (1 - 0.1 * dropped)) ?? 0;
  return { value, word: value >= 0.7 ? 'high' : value >= 0.45 ? 'moderate' : 'low' };
}

export async function runPrediction(
  database: OrgDatabase,
  orgType: OrgType,
  params: PredictionParams,
  today: string,
  options: EngineOptions = {},
): Promise<PredictionResult> {
  refuseHospitalOnly(orgType, params.metric);
  const metric = METRICS[params.metric];
  if (!metric) throw new EngineRefusal('invalid_request', `Unknown prediction metric "${params.metric}".`);
  const window = trailingDays(today, HISTORY_DAYS);
  const levels = cohorts(params);
  // One scan answers every cohort: each level is a FILTER over the entity's cases.
  const selects: string[] = [];
  const values: DuckDBValue[] = [];
  levels.forEach((level, index) => {
    const filter = level.conditions.length ? `FILTER (WHERE ${level.conditions.join(' AND ')})` : '';
    for (const [name, expression] of [
      ['n', `CAST(count(value) ${filter} AS INTEGER)`],
      ['median', `quantile_cont(value, 0.5) ${filter}`],
      ['p10', `quantile_cont(value, 0.1) ${filter}`],
      ['p90', `quantile_cont(value, 0.9) ${filter}`],
    ] as const) {
      selects.push(`${expression} AS level${index}_${name}`);
      values.push(...level.params);
    }
  });
  const scope = scopeConditions({ entity: params.entity, window });
  const log = new QueryLog(database, options.signal);
  const [row = {}] = await log.run(
    `SELECT ${selects.join(',\n  ')}\nFROM (SELECT *, ${metric.sql} AS value FROM cases ${whereClause(scope.conditions)})\nWHERE value IS NOT NULL`,
    [...values, ...scope.params],
  );
  const counts = levels.map((_, index) => Number(row[`level${index}_n`] ?? 0));
  let chosen = counts.findIndex((count) => count >= MINIMUM_COHORT);
  if (chosen < 0) chosen = levels.length - 1;
  const cases = counts[chosen] ?? 0;
  if (cases === 0) {
    throw new EngineRefusal(
      'no_data',
      `There are no ${params.entity.name} cases with a ${metric.label.toLowerCase()} in the last three years.`,
    );
  }
  const level = levels[chosen]!;
  const estimate = round(numberOrNull(row[`level${chosen}_median`])) ?? 0;
  const low = round(numberOrNull(row[`level${chosen}_p10`])) ?? 0;
  const high = round(numberOrNull(row[`level${chosen}_p90`])) ?? 0;
  const confidence = confidenceOf(cases, params.gender !== undefined, level.dropped);
  const method = `Empirical conditional quantiles: the median and the 10th–90th percentiles of ${lowerFirstWord(metric.label)} among ${level.description} admitted ${window.from} to ${window.to}; a cohort under ${MINIMUM_COHORT} cases is widened by dropping conditions, then age, then gender.`;
  const notes =
    level.dropped > 0
      ? [`Widened to ${level.description}: the narrower cohort had only ${counts[0]} cases.`]
      : [];
  if (params.gender === undefined) notes.push('Gender was not given, which lowers the confidence.');
  return {
    tables: [
      {
        title: `${metric.label} for ${params.entity.name}`,
        columns: [
          { key: 'label', label: 'Cohort', type: 'string' },
          { key: 'low', label: 'Low (P10)', type: metric.type, unit: metric.unit },
          { key: 'estimate', label: 'Estimate (median)', type: metric.type, unit: metric.unit },
          { key: 'high', label: 'High (P90)', type: metric.type, unit: metric.unit },
          { key: 'cases', label: 'Cases', type: 'integer' },
        ],
        rows: [{ label: level.description, low, estimate, high, cases }],
        rowCount: 1,
        truncated: false,
      },
      {
        title: 'Cohorts considered',
        columns: [
          { key: 'cohort', label: 'Cohort', type: 'string' },
          { key: 'cases', label: 'Cases', type: 'integer' },
          { key: 'used', label: 'Used', type: 'string' },
        ],
        rows: levels.map((candidate, index) => ({
          cohort: candidate.description,
          cases: counts[index] ?? 0,
          used: index === chosen ? 'yes' : '',
        })),
        rowCount: levels.length,
        truncated: false,
      },
    ],
    chart: { kind: 'interval', table: 0, x: 'label', y: ['low', 'estimate', 'high'] },
    figures: {
      metric: params.metric,
      unit: metric.unit,
      estimate,
      low,
      high,
      cases,
      confidence: confidence.value,
      confidenceWord: confidence.word,
      cohort: level.description,
      method,
    },
    provenance: { sql: log.sql, window, n: cases, units: { [params.metric]: metric.unit } },
    notes,
  };
}

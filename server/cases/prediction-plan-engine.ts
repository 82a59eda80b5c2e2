import type { DimensionFilter, Measure, PredictionPlan } from '../../src/contract/query-plan';
import { trailingMonths } from '../lib/dates';
import { refuseHospitalOnly, round } from './metrics';
import type { OrgDatabase } from './org-database';
import { dateCondition, filterCondition, Parameters } from './plan-compiler';
import { type DataSpan, dataSpanText } from './plan-engine';
import { dayText } from './plan-window';
import { numberOrNull, QueryLog } from './query-log';
import { capitalize, DIMENSION_MODEL, MEASURE_MODEL, memberName } from './semantic-model';
import {
  type ConfidenceWord,
  type EngineOptions,
  EngineRefusal,
  type OrgType,
  type PredictionResult,
} from './types';

// A prediction for one procedure's cohort: the median and the 10th–90th percentiles of the target among similar
// cases, from the three years of data ending at the organization's latest admit date (not the wall clock). The
// cohort is narrowed by the plan's filters (surgeon, provider, payor …), gender, age and secondary conditions; a
// cohort under MINIMUM_COHORT cases is widened by dropping secondary conditions, then age, then gender, then the
// filters, and the answer says which cohort it used.

const HISTORY_MONTHS = 36;

/** A cohort smaller than this is widened before it is trusted. */
const MINIMUM_COHORT = 30;

/** Grows with the cohort, and shrinks without gender and with every narrowing dropped. */
function confidenceOf(
  cases: number,
  hasGender: boolean,
  dropped: number,
): { value: number; word: ConfidenceWord } {
  const value = round((cases / (cases + 40)) * (hasGender ? 1 : 0.85) * (1 - 0.1 * dropped)) ?? 0;
  return { value, word: value >= 0.7 ? 'high' : value >= 0.45 ? 'moderate' : 'low' };
}

const TARGET_MEASURE: Record<PredictionPlan['target'], Measure> = {
  price: 'revenue',
  cost: 'cost',
  time: 'time',
  los: 'los',
  profit: 'profit',
};

interface Narrowing {
  text: string;
  sql: (parameters: Parameters) => string;
}

function filterText(filter: DimensionFilter): string {
  const model = DIMENSION_MODEL[filter.dimension];
  const names = filter.values.map((value) =>
    model.nameSql ? value.name : memberName(filter.dimension, value.name || value.id),
  );
  const noun = model.label.toLowerCase();
  return filter.op === 'in' ? `${noun} ${names.join(' or ')}` : `${noun} not ${names.join(' or ')}`;
}

/** The narrowings in the order they are kept longest: filters first, then gender, age, secondary conditions. */
function narrowings(plan: PredictionPlan): Narrowing[] {
  const list: Narrowing[] = plan.filters.map((filter) => ({
    text: filterText(filter),
    sql: (parameters) => filterCondition(filter, parameters),
  }));
  if (plan.gender) {
    const gender = plan.gender;
    list.push({ text: `gender ${gender}`, sql: (parameters) => `gender = ${parameters.bind(gender)}` });
  }
  const band = plan.age_band ?? (plan.age === null ? null : ([plan.age - 5, plan.age + 5] as const));
  if (band) {
    list.push({
      text: `age ${band[0]}–${band[1]}`,
      sql: (parameters) => `age BETWEEN ${parameters.bind(band[0])} AND ${parameters.bind(band[1])}`,
    });
  }
  if (plan.secondary_conditions.length > 0) {
    const conditions = plan.secondary_conditions;
    list.push({
      text: `condition ${conditions.map((condition) => condition.name || condition.id).join(', ')}`,
      sql: (parameters) =>
        `condition_code IN (${conditions.map((condition) => parameters.bind(condition.id)).join(', ')})`,
    });
  }
  return list;
}

export async function runPredictionPlan(
  database: OrgDatabase,
  orgType: OrgType,
  plan: PredictionPlan,
  span: DataSpan,
  options: EngineOptions = {},
): Promise<PredictionResult> {
  refuseHospitalOnly(orgType, plan.target);
  const measure = TARGET_MEASURE[plan.target];
  if (!measure) throw new EngineRefusal('invalid_request', `Unknown prediction target "${plan.target}".`);
  const model = MEASURE_MODEL[measure];
  const label = plan.target === 'price' ? 'Price (billed revenue)' : capitalize(model.label);
  if (!span.lastAdmit) {
    throw new EngineRefusal('no_data', 'This organization has no case data yet; upload a case file first.');
  }
  const window = trailingMonths(span.lastAdmit, HISTORY_MONTHS);
  const procedure = plan.procedure.name || plan.procedure.id;

  const parameters = new Parameters();
  const all = narrowings(plan);
  const levels = Array.from({ length: all.length + 1 }, (_, index) => {
    const used = all.slice(0, all.length - index);
    return {
      description: used.length
        ? `${procedure} cases with ${used.map((narrowing) => narrowing.text).join(', ')}`
        : `all ${procedure} cases`,
      filter: used.length
        ? ` FILTER (WHERE ${used.map((narrowing) => narrowing.sql(parameters)).join(' AND ')})`
        : '',
      dropped: index,
    };
  });
  // One scan answers every cohort: each level is a FILTER over the procedure's cases.
  const selects = levels.flatMap((level, index) => [
    `CAST(count(value)${level.filter} AS INTEGER) AS level${index}_n`,
    `quantile_cont(value, 0.5)${level.filter} AS level${index}_median`,
    `quantile_cont(value, 0.1)${level.filter} AS level${index}_p10`,
    `quantile_cont(value, 0.9)${level.filter} AS level${index}_p90`,
  ]);
  const where = [`procedure_code = ${parameters.bind(plan.procedure.id)}`, dateCondition(window, parameters)];
  const log = new QueryLog(database, options.signal);
  const [row = {}] = await log.run(
    `SELECT ${selects.join(',\n  ')}
FROM (SELECT *, ${model.caseSql} AS value FROM cases WHERE ${where.join(' AND ')})
WHERE value IS NOT NULL`,
    parameters.values,
  );
  const counts = levels.map((_, index) => Number(row[`level${index}_n`] ?? 0));
  let chosen = counts.findIndex((count) => count >= MINIMUM_COHORT);
  if (chosen < 0) chosen = counts.findIndex((count) => count > 0);
  if (chosen < 0) {
    throw new EngineRefusal(
      'no_data',
      `There are no ${procedure} cases with a ${lowerFirst(label)} admitted between ${dayText(window.from)} and ${dayText(window.to)}; ${dataSpanText(span)}.`,
    );
  }
  const cases = counts[chosen]!;
  const level = levels[chosen]!;
  const estimate = round(numberOrNull(row[`level${chosen}_median`])) ?? 0;
  const low = round(numberOrNull(row[`level${chosen}_p10`])) ?? 0;
  const high = round(numberOrNull(row[`level${chosen}_p90`])) ?? 0;
  const confidence = confidenceOf(cases, plan.gender !== null, level.dropped);
  const method = `Empirical conditional quantiles: the median and the 10th–90th percentiles of ${lowerFirst(label)} among ${level.description} admitted ${dayText(window.from)} to ${dayText(window.to)} (the ${HISTORY_MONTHS} months ending at the latest admit date); a cohort under ${MINIMUM_COHORT} cases is widened by dropping secondary conditions, then age, then gender, then the other filters.`;
  const notes: string[] = [];
  if (level.dropped > 0) {
    notes.push(`Widened to ${level.description}: ${levels[0]!.description} had only ${counts[0]} cases.`);
  }
  if (cases < MINIMUM_COHORT) notes.push(`Only ${cases} similar cases: treat the range as rough.`);
  if (plan.gender === null) notes.push('Gender was not given, which lowers the confidence.');
  const type = model.columnType;
  return {
    tables: [
      {
        title: `${label} for ${procedure}`,
        columns: [
          { key: 'label', label: 'Cohort', type: 'string' },
          { key: 'low', label: 'Low (P10)', type, unit: model.unit },
          { key: 'estimate', label: 'Estimate (median)', type, unit: model.unit },
          { key: 'high', label: 'High (P90)', type, unit: model.unit },
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
      metric: plan.target,
      unit: model.unit,
      estimate,
      low,
      high,
      cases,
      confidence: confidence.value,
      confidenceWord: confidence.word,
      cohort: level.description,
      method,
    },
    provenance: { sql: log.sql, window, n: cases, units: { [plan.target]: model.unit } },
    notes,
  };
}

const lowerFirst = (text: string) => text.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());

import type { DuckDBValue } from '@duckdb/node-api';
import {
  CASE_FIELDS,
  type CaseCondition,
  COMPARATORS,
  type Comparator,
  type Dimension,
  type DimensionFilter,
  type Measure,
  type QueryPlan,
  type TimeGrain,
} from '../../src/contract/query-plan';
import { addDays } from '../lib/dates';
import {
  aggregateSql,
  type ColumnType,
  DIMENSION_MODEL,
  HOSPITAL_ONLY_FIELDS,
  hospitalOnlyReason,
  isClinical,
  isTimeGrain,
  MEASURE_MODEL,
  measureAllowed,
  measureColumnKey,
  measureLabel,
  measureShape,
  normalizeAggregation,
  percentileFraction,
  timeGrainSql,
} from './semantic-model';
import { type DateWindow, EngineRefusal, type OrgType } from './types';

// A query plan compiled to ONE DuckDB statement. Every value from the plan (filter values, dates, thresholds,
// the limit) is a numbered parameter; only names from the semantic model's fixed lists are written into the
// SQL text. The statement's shape:
//   scoped   — the cases in scope (window, filters, case conditions), with the group-by keys computed;
//   grouped  — the figures per group and, through GROUPING SETS, over the whole scope in the same pass;
//   figured  — shares divided by the scope's total;
//   result   — conditions on grouped figures, the order, the limit; the scope's total row comes last.

/** Rows an answer table holds when the plan sets no limit. */
const MAX_GROUP_ROWS = 2000;

interface CompileContext {
  orgType: OrgType;
  /** The plan window's admit dates; null for all time. Ignored for a comparison of windows. */
  dates: DateWindow | null;
  /** A comparison of windows: each window's admit dates (null for all time) and its name. */
  windows?: [{ dates: DateWindow | null; label: string }, { dates: DateWindow | null; label: string }];
}

interface CompiledMeasure {
  measure: Measure;
  aggregation: QueryPlan['measures'][number]['aggregation'];
  key: string;
  label: string;
  unit: string;
  type: ColumnType;
  /** The share of the group's cases meeting these conditions (`where`), as SQL with its values bound. */
  condition?: string;
}

interface CompiledDimension {
  dimension: Dimension;
  /** The answer table's column for the member's name (and `${key}_code` for clinical dimensions). */
  key: string;
}

export interface CompiledPlan {
  sql: string;
  params: DuckDBValue[];
  measures: CompiledMeasure[];
  dimensions: CompiledDimension[];
  /** Rows asked for at most (the plan's limit, or MAX_GROUP_ROWS). */
  rowLimit: number;
  /** Value ids of a comparison of values, in the order asked. */
  comparedValues: { id: string; name: string }[] | null;
  windowed: boolean;
  /** Two windows broken down by a time grain: the grain's column holds each period's position in its window
   *  (0, 1, 2 …), so the windows' first quarters share a row, their second quarters the next, and so on. */
  aligned: { grain: TimeGrain; starts: [string, string] } | null;
}

/** Numbered parameters; a value bound twice (a window's dates in its FILTER and in the scope) is bound once. */
export class Parameters {
  readonly values: DuckDBValue[] = [];
  private readonly seen = new Map<string, string>();
  bind(value: string | number): string {
    const key = `${typeof value}:${value}`;
    let placeholder = this.seen.get(key);
    if (!placeholder) {
      this.values.push(value);
      placeholder = `$${this.values.length}`;
      this.seen.set(key, placeholder);
    }
    return placeholder;
  }
}

function refuse(message: string): never {
  throw new EngineRefusal('invalid_request', message);
}

function checkComparator(op: string): Comparator {
  if (!(COMPARATORS as readonly string[]).includes(op)) refuse(`Unknown comparison "${op}".`);
  return op as Comparator;
}

export function dateCondition(dates: DateWindow, parameters: Parameters, column = 'admit_date'): string {
  return `${column} BETWEEN CAST(${parameters.bind(dates.from)} AS DATE) AND CAST(${parameters.bind(dates.to)} AS DATE)`;
}

export function filterCondition(filter: DimensionFilter, parameters: Parameters): string {
  const model = DIMENSION_MODEL[filter.dimension];
  if (!model || model.kind === 'time') refuse(`Cases cannot be filtered on "${filter.dimension}".`);
  const column = model.idSql.includes(' ') ? `(${model.idSql})` : model.idSql;
  const ids = filter.values.map((value) => value.id);
  const known = ids.filter((id) => id !== '');
  const parts: string[] = [];
  if (known.length > 0) parts.push(`${column} IN (${known.map((id) => parameters.bind(id)).join(', ')})`);
  const unknown = known.length < ids.length;
  if (filter.op === 'in') {
    if (unknown) parts.push(`${column} IS NULL`);
    return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  }
  // Leaving values out keeps the cases whose value is not recorded, unless "not recorded" is left out too.
  const kept =
    known.length > 0 ? `${column} NOT IN (${known.map((id) => parameters.bind(id)).join(', ')})` : null;
  if (unknown) return kept ? `(${column} IS NOT NULL AND ${kept})` : `${column} IS NOT NULL`;
  return `(${column} IS NULL OR ${kept})`;
}

function compileMeasures(plan: QueryPlan, orgType: OrgType, parameters: Parameters): CompiledMeasure[] {
  const seen = new Set<string>();
  return plan.measures.map(({ measure, aggregation, where }, index) => {
    const model = MEASURE_MODEL[measure];
    if (!model) refuse(`Unknown measure "${measure}".`);
    if (!measureAllowed(orgType, measure)) {
      throw new EngineRefusal('hospital_only_metric', hospitalOnlyReason(measure));
    }
    const normalized = normalizeAggregation(measure, aggregation);
    if (!normalized) {
      refuse(
        `The ${aggregation} of ${model.label} means nothing here; ${model.label} can be asked as ${model.aggregations.join(', ')}.`,
      );
    }
    let condition: string | undefined;
    if (where) {
      if (measure !== 'cases' || normalized !== 'share') {
        refuse(
          'Conditions on a figure can only make a share of cases ("what percent of cases are over 65").',
        );
      }
      condition = scopeConditions([], where, orgType, parameters).join(' AND ');
    }
    let key = measureColumnKey(measure, normalized);
    if (seen.has(key)) key = `${key}_${index}`;
    seen.add(key);
    return {
      measure,
      aggregation: normalized,
      key,
      label: measureLabel(measure, normalized),
      ...measureShape(measure, normalized),
      ...(condition ? { condition } : {}),
    };
  });
}

function compileDimensions(plan: QueryPlan): Dimension[] {
  const dimensions = [...new Set(plan.group_by)];
  const compared = plan.comparison?.kind === 'values' ? plan.comparison.dimension : null;
  if (compared && !dimensions.includes(compared)) dimensions.unshift(compared);
  if (dimensions.length > 2) refuse('An answer can be broken down by at most two dimensions.');
  for (const dimension of dimensions)
    if (!DIMENSION_MODEL[dimension]) refuse(`Unknown dimension "${dimension}".`);
  return dimensions;
}

/** The WHERE conditions for keep/leave-out filters and numeric case conditions, every value bound. */
export function scopeConditions(
  filters: DimensionFilter[],
  conditions: CaseCondition[],
  orgType: OrgType,
  parameters: Parameters,
): string[] {
  const where = filters.map((filter) => filterCondition(filter, parameters));
  for (const condition of conditions) {
    if (!(CASE_FIELDS as readonly string[]).includes(condition.field)) {
      refuse(`Unknown case field "${condition.field}".`);
    }
    if (orgType === 'payor' && HOSPITAL_ONLY_FIELDS.includes(condition.field)) {
      throw new EngineRefusal('hospital_only_metric', hospitalOnlyReason('hospital_revenue'));
    }
    if (!Number.isFinite(condition.value)) refuse(`The value for ${condition.field} must be a number.`);
    where.push(`${condition.field} ${checkComparator(condition.op)} ${parameters.bind(condition.value)}`);
  }
  return where;
}

export function compilePlan(plan: QueryPlan, context: CompileContext): CompiledPlan {
  const parameters = new Parameters();
  const measures = compileMeasures(plan, context.orgType, parameters);
  const dimensions = compileDimensions(plan);
  const windowed = plan.comparison?.kind === 'windows';
  if (windowed && !context.windows) refuse('A comparison of windows needs both windows resolved.');

  // ---- scope ----
  const where: string[] = [];
  const timeDimension = dimensions.find(isTimeGrain);
  const windowDates = windowed ? context.windows!.map((window) => window.dates) : [];
  const aligned =
    windowed && timeDimension && windowDates[0] && windowDates[1]
      ? {
          grain: timeDimension,
          starts: [windowDates[0].from, windowDates[1].from] as [string, string],
        }
      : null;
  if (aligned) {
    // Each window's cases are read on their own (windows may overlap), tagged with the window they belong to.
  } else if (windowed) {
    const windows = context.windows!;
    const [first, second] = windows.map((window) => window.dates);
    if (first && second) {
      const [early, late] = first.from <= second.from ? [first, second] : [second, first];
      // Windows that touch or overlap are one range (a single range check prunes best); a gap needs both.
      if (addDays(early.to, 1) >= late.from) {
        where.push(dateCondition({ from: early.from, to: [early.to, late.to].sort().at(-1)! }, parameters));
      } else {
        where.push(`(${windows.map((window) => dateCondition(window.dates!, parameters)).join(' OR ')})`);
      }
    }
  } else if (context.dates) {
    where.push(dateCondition(context.dates, parameters));
  }
  const filters = [...plan.filters];
  if (plan.comparison?.kind === 'values') {
    filters.push({ dimension: plan.comparison.dimension, op: 'in', values: plan.comparison.values });
  }
  where.push(...scopeConditions(filters, plan.conditions, context.orgType, parameters));

  // Figures made only of sums, counts, minima and maxima can be added up from parts: the total row from the
  // groups' parts, and a time grain from each day's parts (grouping on the date itself is cheaper than on its
  // month, and a year holds only 365 days to roll up).
  const additive =
    !aligned &&
    dimensions.length > 0 &&
    measures.every((measure) => percentileFraction(measure.aggregation) === null);
  // (Not for windows alone: grouping on day × value is dearer than filtering each case into its window.)
  const byDay = additive && dimensions.some(isTimeGrain);
  // Windows alone: each case is tested against each window once (in_1, in_2), and the figures are made from the
  // parts of each (in_1, in_2, group) bucket, rather than every aggregate testing the dates again.
  const byBucket = additive && windowed && !byDay;
  const keyColumns = dimensions.flatMap((dimension, index) => {
    const model = DIMENSION_MODEL[dimension];
    const columns = [`${byDay && isTimeGrain(dimension) ? 'admit_date' : model.idSql} AS d${index}`];
    if (model.nameSql) columns.push(`${model.nameSql} AS d${index}_name`);
    return columns;
  });
  if (byBucket) {
    context.windows!.forEach((window, index) => {
      keyColumns.push(
        `${window.dates ? dateCondition(window.dates, parameters) : 'TRUE'} AS in_${index + 1}`,
      );
    });
  }
  let scoped = `scoped AS (
  SELECT ${[...keyColumns, '*'].join(', ')}
  FROM cases${where.length > 0 ? `\n  WHERE ${where.join('\n    AND ')}` : ''}
)`;
  if (aligned) {
    const size = GRAIN_MONTHS[aligned.grain];
    const timeIndex = dimensions.indexOf(aligned.grain);
    const branches = windowDates.map((dates, windowIndex) => {
      const columns = keyColumns.map((column, index) =>
        index === keyIndex(dimensions, timeIndex)
          ? `CAST(datediff('month', CAST(${parameters.bind(dates!.from)} AS DATE), admit_date) // ${size} AS INTEGER) AS d${timeIndex}`
          : column,
      );
      const conditions = [dateCondition(dates!, parameters), ...where];
      return `SELECT ${[...columns, `${windowIndex + 1} AS w`, '*'].join(', ')}
  FROM cases
  WHERE ${conditions.join('\n    AND ')}`;
    });
    scoped = `scoped AS (
  ${branches.join('\n  UNION ALL\n  ')}
)`;
  }

  // ---- figures per group and for the whole scope ----
  const windowFilters = aligned
    ? ['w = 1', 'w = 2']
    : windowed
      ? context.windows!.map((window) => (window.dates ? dateCondition(window.dates, parameters) : undefined))
      : [undefined];
  const suffixes = windowed ? ['_1', '_2'] : [''];
  const figureColumns: string[] = [];
  const countColumns: string[] = [];
  suffixes.forEach((suffix, windowIndex) => {
    const filter = windowFilters[windowIndex];
    for (const measure of measures) {
      figureColumns.push(
        `${measure.condition ? conditionalShareSql(measure.condition, filter) : aggregateSql(measure.measure, measure.aggregation, filter)} AS ${measure.key}${suffix}`,
      );
    }
    countColumns.push(`count(*)${filter ? ` FILTER (WHERE ${filter})` : ''} AS cases${suffix}`);
  });
  const groupKeys = dimensions.map((_, index) => `d${index}`);
  const names = dimensions.flatMap((dimension, index) =>
    DIMENSION_MODEL[dimension].nameSql ? [`min(d${index}_name) AS d${index}_name`] : [],
  );
  let grouped: string;
  if (dimensions.length === 0) {
    grouped = `grouped AS (
  SELECT ${['TRUE AS is_total', ...figureColumns, ...countColumns].join(',\n    ')}
  FROM scoped
)`;
  } else if (additive) {
    const parts = suffixes.flatMap((suffix, windowIndex) =>
      measures.map((measure) => decompose(measure, windowFilters[windowIndex], `${measure.key}${suffix}`)),
    );
    const counts = suffixes.map((suffix, windowIndex) => {
      const filter = windowFilters[windowIndex];
      return `count(*)${filter ? ` FILTER (WHERE ${filter})` : ''} AS cases${suffix}`;
    });
    const nameColumns = names.map((name) => name.split(' AS ')[1]!);
    const caseColumns = suffixes.map((suffix) => `cases${suffix}`);
    const partsOf = (
      source: string,
    ) => `SELECT ${[...groupKeys, ...names, ...parts.flatMap((part) => part.group), ...counts].join(',\n    ')}
  FROM ${source}
  GROUP BY ${groupKeys.join(', ')}`;
    // By day: each day's parts without any window, then the windows and time grains applied to the days.
    const dayKeys = groupKeys.filter((_, index) => !isTimeGrain(dimensions[index]!));
    const dayParts = measures.map((measure) => decompose(measure, undefined, measure.key));
    const daysOf =
      () => `SELECT ${['admit_date AS day', ...dayKeys, ...names, ...dayParts.flatMap((part) => part.group), 'count(*) AS cases'].join(',\n    ')}
  FROM scoped
  GROUP BY ${['day', ...dayKeys].join(', ')}`;
    const bucketsOf =
      () => `SELECT ${['in_1', 'in_2', ...groupKeys, ...names, ...dayParts.flatMap((part) => part.group), 'count(*) AS cases'].join(',\n    ')}
  FROM scoped
  GROUP BY ${['in_1', 'in_2', ...groupKeys].join(', ')}`;
    const rollUp = (source: 'day_parts' | 'bucket_parts') => {
      const keys = dimensions.map((dimension, index) =>
        isTimeGrain(dimension)
          ? `${DIMENSION_MODEL[dimension].idSql.replace('admit_date', 'day')} AS d${index}`
          : `d${index}`,
      );
      const inWindow = (windowIndex: number) => {
        if (source === 'bucket_parts') return ` FILTER (WHERE in_${windowIndex + 1})`;
        const dates = windowFilters[windowIndex] ? context.windows![windowIndex]!.dates : null;
        return dates ? ` FILTER (WHERE ${dateCondition(dates, parameters, 'day')})` : '';
      };
      const combined = suffixes.flatMap((_, windowIndex) =>
        measures.flatMap((_measure, measureIndex) => {
          const part = parts[windowIndex * measures.length + measureIndex]!;
          return dayParts[measureIndex]!.partials.map(({ name, combine }, partIndex) =>
            // A count over a window with no cases is 0, as count() itself would say; a sum stays NULL.
            MEASURE_MODEL[measures[measureIndex]!.measure].kind === 'count' ||
            measures[measureIndex]!.aggregation === 'count'
              ? `coalesce(${combine}(${name})${inWindow(windowIndex)}, 0) AS ${part.partials[partIndex]!.name}`
              : `${combine}(${name})${inWindow(windowIndex)} AS ${part.partials[partIndex]!.name}`,
          );
        }),
      );
      const cases = suffixes.map(
        (suffix, windowIndex) => `coalesce(sum(cases)${inWindow(windowIndex)}, 0) AS cases${suffix}`,
      );
      return `SELECT ${[...keys, ...nameColumns.map((name) => `min(${name}) AS ${name}`), ...combined, ...cases].join(',\n    ')}
  FROM ${source}
  GROUP BY ${groupKeys.map((_, index) => index + 1).join(', ')}`;
    };
    // `parts` is read twice (the groups and the total): MATERIALIZED keeps DuckDB from computing it twice.
    const partsCte = byDay
      ? `day_parts AS (\n  ${daysOf()}\n),\nparts AS MATERIALIZED (\n  ${rollUp('day_parts')}\n)`
      : byBucket
        ? `bucket_parts AS (\n  ${bucketsOf()}\n),\nparts AS MATERIALIZED (\n  ${rollUp('bucket_parts')}\n)`
        : `parts AS MATERIALIZED (\n  ${partsOf('scoped')}\n)`;
    grouped = `${partsCte},
grouped AS (
  SELECT ${[...groupKeys, ...nameColumns, 'FALSE AS is_total', ...parts.map((part) => part.figure), ...caseColumns].join(',\n    ')}
  FROM parts
  UNION ALL
  SELECT ${[...groupKeys.map((key) => `NULL AS ${key}`), ...nameColumns.map((name) => `NULL AS ${name}`), 'TRUE AS is_total', ...parts.map((part) => part.total), ...caseColumns.map((name) => `sum(${name}) AS ${name}`)].join(',\n    ')}
  FROM parts
)`;
  } else {
    grouped = `grouped AS (
  SELECT ${[...groupKeys, ...names, `GROUPING(${groupKeys.join(', ')}) > 0 AS is_total`, ...figureColumns, ...countColumns].join(',\n    ')}
  FROM scoped
  GROUP BY GROUPING SETS ((${groupKeys.join(', ')}), ())
)`;
  }

  const shares = suffixes.flatMap((suffix) =>
    measures
      // A share of the group's own cases meeting a condition is already a share; it is not divided again.
      .filter((measure) => measure.aggregation === 'share' && !measure.condition)
      .map(
        (measure) =>
          `100 * ${measure.key}${suffix} / NULLIF(max(CASE WHEN is_total THEN ${measure.key}${suffix} END) OVER (), 0) AS ${measure.key}${suffix}`,
      ),
  );
  const figured = `figured AS (
  SELECT *${shares.length > 0 ? ` REPLACE (${shares.join(', ')})` : ''}
  FROM grouped
)`;

  // ---- conditions on grouped figures, order, limit ----
  const compared = windowed ? '_2' : '';
  const having = plan.having.map((condition) => {
    const measure = measures[condition.measure];
    if (!measure)
      refuse(`A condition names figure ${condition.measure + 1}, and the plan has ${measures.length}.`);
    if (!Number.isFinite(condition.value)) refuse('A condition on a figure needs a number.');
    return `${measure.key}${compared} ${checkComparator(condition.op)} ${parameters.bind(condition.value)}`;
  });
  const comparedValues = plan.comparison?.kind === 'values' ? plan.comparison.values : null;
  const order = orderBy(plan, dimensions, measures, compared, comparedValues, parameters);
  const rowLimit = plan.limit ?? MAX_GROUP_ROWS;

  const output = [
    'is_total',
    ...dimensions.flatMap((dimension, index) => {
      const model = DIMENSION_MODEL[dimension];
      if (isTimeGrain(dimension)) {
        return [
          aligned
            ? `d${index} AS "${dimension}"`
            : `${timeGrainSql(dimension, `d${index}`)} AS "${dimension}"`,
        ];
      }
      if (model.nameSql)
        return [`coalesce(d${index}_name, d${index}) AS "${dimension}"`, `d${index} AS "${dimension}_code"`];
      return [`d${index} AS "${dimension}"`];
    }),
    ...suffixes.flatMap((suffix) => measures.map((measure) => `${measure.key}${suffix}`)),
    ...(windowed
      ? measures.flatMap((measure) => [
          `${measure.key}_2 - ${measure.key}_1 AS ${measure.key}_change`,
          `100 * (${measure.key}_2 - ${measure.key}_1) / NULLIF(abs(${measure.key}_1), 0) AS ${measure.key}_change_pct`,
        ])
      : []),
    ...suffixes.map((suffix) => `CAST(cases${suffix} AS INTEGER) AS cases${suffix}`),
    'CAST(count(*) OVER (PARTITION BY is_total) AS INTEGER) AS group_count',
    `row_number() OVER (PARTITION BY is_total ORDER BY ${order}) AS position`,
  ];
  const sql = `WITH ${scoped},
${grouped},
${figured}
SELECT ${output.join(',\n  ')}
FROM figured${having.length > 0 ? `\nWHERE is_total OR (${having.join(' AND ')})` : ''}
QUALIFY is_total OR position <= ${parameters.bind(rowLimit)}
ORDER BY is_total, position`;

  return {
    sql,
    params: parameters.values,
    measures,
    dimensions: dimensions.map((dimension) => ({ dimension, key: dimension })),
    rowLimit,
    comparedValues,
    windowed,
    aligned,
  };
}

const GRAIN_MONTHS: Record<TimeGrain, number> = { month: 1, quarter: 3, year: 12 };

/** The position of a dimension's key among the scope's key columns (a clinical dimension adds a name column). */
function keyIndex(dimensions: Dimension[], index: number): number {
  return dimensions
    .slice(0, index)
    .reduce((position, dimension) => position + (DIMENSION_MODEL[dimension].nameSql ? 2 : 1), 0);
}

/**
 * A figure split into parts that add up across groups: `group` aggregates the cases of one group into parts,
 * `figure` makes the group's figure from its parts, `total` makes the scope's figure from every group's parts.
 */
/** The share of a group's cases meeting a condition: Σmeeting ÷ Σcases, in %. */
function conditionalShareSql(condition: string, filter: string | undefined): string {
  const meeting = filter ? `(${condition}) AND ${filter}` : condition;
  const all = filter ? ` FILTER (WHERE ${filter})` : '';
  return `100 * count(*) FILTER (WHERE ${meeting}) / NULLIF(count(*)${all}, 0)`;
}

function decompose(
  measure: CompiledMeasure,
  filter: string | undefined,
  name: string,
): {
  group: string[];
  partials: { name: string; combine: 'sum' | 'min' | 'max' }[];
  figure: string;
  total: string;
} {
  const model = MEASURE_MODEL[measure.measure];
  const where = filter ? ` FILTER (WHERE ${filter})` : '';
  const [a, b] = [`${name}__a`, `${name}__b`];
  const single = (aggregate: string, combine: 'sum' | 'min' | 'max' = 'sum') => ({
    group: [`${aggregate} AS ${a}`],
    partials: [{ name: a, combine }],
    figure: `${a} AS ${name}`,
    total: `${combine}(${a}) AS ${name}`,
  });
  const quotient = (numerator: string, denominator: string, scale: string) => ({
    group: [`${numerator} AS ${a}`, `${denominator} AS ${b}`],
    partials: [
      { name: a, combine: 'sum' as const },
      { name: b, combine: 'sum' as const },
    ],
    figure: `${scale}${a} / NULLIF(${b}, 0) AS ${name}`,
    total: `${scale}sum(${a}) / NULLIF(sum(${b}), 0) AS ${name}`,
  });
  if (measure.condition) {
    const meeting = filter ? `(${measure.condition}) AND ${filter}` : measure.condition;
    return quotient(
      `CAST(count(*) FILTER (WHERE ${meeting}) AS DOUBLE)`,
      `CAST(count(*)${where} AS DOUBLE)`,
      '100 * ',
    );
  }
  if (model.kind === 'count') return single(`CAST(count(*)${where} AS DOUBLE)`);
  if (model.kind === 'ratio') {
    if (measure.aggregation === 'sum' && model.ratioSum) {
      return single(`CAST(sum(${model.ratioSum.sql})${where} AS DOUBLE)`);
    }
    const ratio = model.ratio!;
    return quotient(
      `sum(${ratio.numerator})${where}`,
      `sum(${ratio.denominator})${where}`,
      `${ratio.scale} * `,
    );
  }
  const value = model.caseSql!;
  switch (measure.aggregation) {
    case 'avg':
      return quotient(`sum(${value})${where}`, `count(${value})${where}`, '');
    case 'min':
      return single(`min(${value})${where}`, 'min');
    case 'max':
      return single(`max(${value})${where}`, 'max');
    case 'count':
      return single(`CAST(count(${value})${where} AS DOUBLE)`);
    default:
      return single(`sum(${value})${where}`);
  }
}

function orderBy(
  plan: QueryPlan,
  dimensions: Dimension[],
  measures: CompiledMeasure[],
  compared: string,
  comparedValues: { id: string }[] | null,
  parameters: Parameters,
): string {
  const dimensionOrder = (index: number, direction: 'ASC' | 'DESC') => {
    const dimension = dimensions[index]!;
    if (comparedValues && index === 0 && plan.comparison?.kind === 'values') {
      const list = comparedValues.map((value) => parameters.bind(value.id)).join(', ');
      return `list_position([${list}], d0) ${direction} NULLS LAST`;
    }
    if (isClinical(dimension)) return `coalesce(d${index}_name, d${index}) ${direction} NULLS LAST`;
    return `d${index} ${direction} NULLS LAST`;
  };
  const tail = dimensions.map((_, index) => dimensionOrder(index, 'ASC'));
  const byMeasure = (index: number, direction: 'ASC' | 'DESC') => {
    const measure = measures[index];
    if (!measure) refuse(`The order names figure ${index + 1}, and the plan has ${measures.length}.`);
    return [`${measure.key}${compared} ${direction} NULLS LAST`, ...tail].join(', ');
  };
  if (plan.order) {
    const direction = plan.order.direction === 'asc' ? 'ASC' : 'DESC';
    if (plan.order.by === 'measure') return byMeasure(plan.order.index ?? 0, direction);
    if (dimensions.length === 0) return byMeasure(0, direction);
    return [dimensionOrder(0, direction), ...tail.slice(1)].join(', ');
  }
  // Defaults: time runs oldest first, compared values in the order asked, anything else largest first.
  if (dimensions.length > 0 && (isTimeGrain(dimensions[0]!) || comparedValues)) return tail.join(', ');
  return byMeasure(0, 'DESC');
}

import type { Measure, TypicalCasePlan } from '../../src/contract/query-plan';
import { round } from './metrics';
import type { OrgDatabase } from './org-database';
import { dateCondition, Parameters, scopeConditions } from './plan-compiler';
import { type DataSpan, emptyWindowRefusal } from './plan-engine';
import { dayText, resolvePlanWindow, type WindowContext } from './plan-window';
import { numberOrNull, QueryLog } from './query-log';
import { capitalize, MEASURE_MODEL, measureAllowed } from './semantic-model';
import type {
  Column,
  Distribution,
  EngineOptions,
  OrgType,
  ResultTable,
  Row,
  TypicalCaseFigures,
  TypicalCaseResult,
} from './types';

// "What does a typical X case look like": the mean, median and 10th–90th percentiles of each measure over the
// scope, in one statement. Ratio measures (margin, readmission rate) have no per-case distribution worth
// showing, so they get their ratio of sums alone.

const STATISTICS = [
  ['p10', 0.1],
  ['p25', 0.25],
  ['median', 0.5],
  ['p75', 0.75],
  ['p90', 0.9],
] as const;

function measureSelects(measure: Measure): string[] {
  const model = MEASURE_MODEL[measure];
  if (model.kind === 'ratio') {
    const ratio = model.ratio!;
    return [
      `${ratio.scale} * sum(${ratio.numerator}) / NULLIF(sum(${ratio.denominator}), 0) AS ${measure}_mean`,
      `CAST(count(${ratio.denominator}) AS INTEGER) AS ${measure}_n`,
    ];
  }
  const value = model.caseSql!;
  return [
    `avg(${value}) AS ${measure}_mean`,
    ...STATISTICS.map(([key, fraction]) => `quantile_cont(${value}, ${fraction}) AS ${measure}_${key}`),
    `CAST(count(${value}) AS INTEGER) AS ${measure}_n`,
  ];
}

function statisticColumns(type: Column['type'], unit?: string): Column[] {
  return [
    { key: 'measure', label: 'Measure', type: 'string' },
    { key: 'mean', label: 'Mean', type, unit },
    ...STATISTICS.map(
      ([key]): Column => ({ key, label: key === 'median' ? 'Median' : key.toUpperCase(), type, unit }),
    ),
    { key: 'n', label: 'Cases', type: 'integer' },
  ];
}

export async function runTypicalCase(
  database: OrgDatabase,
  orgType: OrgType,
  plan: TypicalCasePlan,
  context: Omit<WindowContext, 'lastAdmit'> & { span: DataSpan },
  options: EngineOptions = {},
): Promise<TypicalCaseResult> {
  const dates = resolvePlanWindow(plan.window, {
    ...context,
    lastAdmit: context.span.lastAdmit,
    firstAdmit: context.span.firstAdmit,
  });
  const asked = [...new Set(plan.measures)].filter(
    (measure): measure is Exclude<Measure, 'cases'> => measure !== 'cases',
  );
  const measures = asked.filter((measure) => measureAllowed(orgType, measure));
  const left = asked.filter((measure) => !measureAllowed(orgType, measure));
  const parameters = new Parameters();
  const where = [
    ...(dates ? [dateCondition(dates, parameters)] : []),
    ...scopeConditions(plan.filters, plan.conditions, orgType, parameters),
  ];
  const sql = `SELECT ${['CAST(count(*) AS INTEGER) AS cases', ...measures.flatMap(measureSelects)].join(',\n  ')}
FROM cases${where.length > 0 ? `\nWHERE ${where.join('\n  AND ')}` : ''}`;
  const log = new QueryLog(database, options.signal);
  const [row = {}] = await log.run(sql, parameters.values);
  const cases = Number(row.cases ?? 0);
  if (cases === 0) {
    const scoped = plan.filters.length > 0 || plan.conditions.length > 0;
    throw emptyWindowRefusal(
      dates ? `between ${dayText(dates.from)} and ${dayText(dates.to)}` : null,
      context.span,
      scoped,
    );
  }

  const figures = { cases, dates } as TypicalCaseFigures;
  for (const measure of Object.keys(MEASURE_MODEL) as Measure[]) {
    if (measure !== 'cases') figures[measure] = null;
  }
  const rows = new Map<Measure, Row>();
  type Asked = (typeof asked)[number];
  for (const measure of measures) {
    const figure = (key: string) => round(numberOrNull(row[`${measure}_${key}`]));
    const distribution: Distribution = {
      mean: figure('mean'),
      median: figure('median'),
      p10: figure('p10'),
      p25: figure('p25'),
      p75: figure('p75'),
      p90: figure('p90'),
      n: Number(row[`${measure}_n`] ?? 0),
    };
    figures[measure] = distribution;
    const model = MEASURE_MODEL[measure];
    rows.set(measure, { measure: capitalize(model.label), unit: model.unit, ...distribution });
  }

  const table = (title: string, pick: Measure[], type: Column['type'], unit?: string): ResultTable | null => {
    const picked = pick.filter((measure) => rows.has(measure));
    if (picked.length === 0) return null;
    const columns = statisticColumns(type, unit);
    if (!unit) columns.push({ key: 'unit', label: 'Unit', type: 'string' });
    return {
      title,
      columns,
      rows: picked.map((measure) => rows.get(measure)!),
      rowCount: picked.length,
      truncated: false,
    };
  };
  const byKind = (test: (measure: Asked) => boolean) => measures.filter(test);
  const money = byKind((measure) => MEASURE_MODEL[measure].unit === 'USD');
  const operations = byKind(
    (measure) => MEASURE_MODEL[measure].kind === 'additive' && MEASURE_MODEL[measure].unit !== 'USD',
  );
  const rates = byKind((measure) => MEASURE_MODEL[measure].kind === 'ratio');
  const tables = [
    table('Financials per case', money, 'currency', 'USD'),
    table('Length of stay and OR time per case', operations, 'number'),
    table('Rates over the cases in scope (ratios of sums)', rates, 'percent', '%'),
  ].filter((found): found is ResultTable => found !== null);
  const notes = left.map(
    (measure) =>
      `${capitalize(MEASURE_MODEL[measure].label)} is left out: a payor organization has no hospital revenue.`,
  );
  return {
    tables,
    chart:
      money.length > 0 ? { kind: 'interval', table: 0, x: 'measure', y: ['p10', 'median', 'p90'] } : null,
    figures,
    provenance: {
      sql: log.sql,
      window: dates,
      n: cases,
      units: Object.fromEntries(measures.map((measure) => [measure, MEASURE_MODEL[measure].unit])),
    },
    notes,
  };
}

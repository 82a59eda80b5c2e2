// Questions as analysts ask them, through the real parser, resolver, plan compiler, engines and written answer,
// over generated demo data; every figure is checked against SQL written here by hand, on a copy of the
// organization's DuckDB file, so a wrong number in any layer fails a row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseStore } from '../cases/create-case-store';
import type { CaseStore, OrgType, Row } from '../cases/types';
import type { Answer } from './analyst';
import { createCaseAnalyst } from './case-analyst';
import type { ParsedQuery, ParseOutcome } from './parser';

const TODAY = '2026-11-28';

let directory = '';
let store: CaseStore;
const copies: Record<string, { instance: DuckDBInstance; connection: DuckDBConnection }> = {};

beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-questions-'));
  store = createCaseStore({ dataDir: directory, today: () => TODAY });
  // The data ends a few months before today, so a default window anchored to today would be nearly empty.
  await store.seedDemo('mercy', 'hospital', { cases: 6000, endDate: '2026-08-31' });
  await store.seedDemo('lakeside', 'payor', { cases: 2000, endDate: '2026-08-31' });
  await store.close();
  for (const orgId of ['mercy', 'lakeside']) {
    // The engines keep their file open, so the checks read a copy of it through their own instance.
    for (const suffix of ['.duckdb', '.duckdb.wal']) {
      const source = path.join(directory, 'analytics', `${orgId}${suffix}`);
      if (fs.existsSync(source)) fs.copyFileSync(source, path.join(directory, `${orgId}-check${suffix}`));
    }
    const instance = await DuckDBInstance.create(path.join(directory, `${orgId}-check.duckdb`));
    copies[orgId] = { instance, connection: await instance.connect() };
  }
  store = createCaseStore({ dataDir: directory, today: () => TODAY });
}, 120_000);

afterAll(async () => {
  for (const { connection, instance } of Object.values(copies)) {
    connection.closeSync();
    instance.closeSync();
  }
  await store.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

async function sql(text: string, orgId = 'mercy'): Promise<Record<string, unknown>[]> {
  const reader = await copies[orgId]!.connection.runAndReadAll(text);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

// ---- Windows, written independently of the compiler -------------------------------------------------

/** The default: the 12 months ending at the organization's latest admit date. */
const LAST12 =
  'admit_date > (SELECT max(admit_date) FROM cases) - INTERVAL 12 MONTH AND admit_date <= (SELECT max(admit_date) FROM cases)';
/** A time breakdown with no window: whole periods up to the latest admit date (the data here ends on a month's
 *  last day, so 12 calendar months are the default 12 months). 8 quarters; every whole year of the data. */
const QUARTERS8 =
  "admit_date >= date_trunc('quarter', (SELECT max(admit_date) FROM cases)) - INTERVAL 21 MONTH AND admit_date <= (SELECT max(admit_date) FROM cases)";
const YEARS =
  "admit_date >= (SELECT date_trunc('year', min(admit_date) - INTERVAL 1 DAY) + INTERVAL 1 YEAR FROM cases) AND admit_date <= (SELECT max(admit_date) FROM cases)";
const Y2024 = "admit_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'";
const Y2025 = "admit_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'";
const Q1_2026 = "admit_date BETWEEN DATE '2026-01-01' AND DATE '2026-03-31'";
const Y2024_2025 = "admit_date BETWEEN DATE '2024-01-01' AND DATE '2025-12-31'";
const KNEE = "procedure_code = '27447'";
const HIP = "procedure_code = '27130'";
const CHOLE = "procedure_code = '47562'";
const CSECTION = "procedure_code = '59510'";
const MARGIN = '100 * sum(hospital_revenue - cost) / sum(hospital_revenue)';
const DISCOUNT_RATE = '100 * sum(discount) / sum(revenue)';
const READMISSION_RATE = '100 * avg(readmitted_30)';

interface Asked {
  outcome: ParseOutcome;
  query?: ParsedQuery;
  answer?: Answer;
  refusal?: string;
}

async function ask(question: string, options: { orgId?: string; previous?: ParsedQuery } = {}) {
  const orgId = options.orgId ?? 'mercy';
  const orgType: OrgType = orgId === 'mercy' ? 'hospital' : 'payor';
  const request = {
    orgId,
    orgType,
    question,
    today: TODAY,
    ...(options.previous ? { previous: options.previous } : {}),
  };
  const analyst = createCaseAnalyst(store);
  const signal = new AbortController().signal;
  const outcome = await analyst.read(request, signal);
  const asked: Asked = { outcome };
  if (outcome.kind === 'query') {
    asked.query = outcome.query;
    try {
      asked.answer = await analyst.answer(request, outcome, signal);
    } catch (error) {
      // An engine's refusal (an empty window, a hospital-only figure) is an answer without a number.
      if (!(error instanceof Error) || !['EngineRefusal', 'AnalystRefusal'].includes(error.name)) throw error;
      asked.refusal = error.message;
    }
  }
  return asked;
}

const close = (actual: unknown, expected: unknown, label: string) => {
  const want = Number(expected);
  const got = Number(actual);
  expect(Number.isFinite(got), `${label}: ${String(actual)}`).toBe(true);
  expect(Math.abs(got - want), `${label}: ${got} vs ${want}`).toBeLessThanOrEqual(
    Math.max(0.01, Math.abs(want) * 1e-6),
  );
};

/** The plan's first figure column, e.g. `cost_avg`. */
function figureKey(asked: Asked): string {
  const plan = asked.query?.workflow === 'analytics' ? asked.query.plan : undefined;
  const ref = plan?.measures[0];
  return ref ? `${ref.measure}_${ref.aggregation}` : '';
}

/** Every answer states the measure, window (with dates), scope and case count first. */
function checkOpening(asked: Asked, cases: number) {
  expect(asked.answer?.summary).toMatch(
    new RegExp(`^I read this as \\*\\*.+\\d{4}.*\\*\\*, ${cases.toLocaleString('en-US')} cases?\\.`),
  );
}

// ---- One figure over the scope ----------------------------------------------------------------------

const SCALARS: [question: string, key: string, figure: string, where: string][] = [
  ['average cost of knee replacement', 'cost_avg', 'avg(cost)', `${KNEE} AND ${LAST12}`],
  ['what is the total cost of total knee arthroplasty', 'cost_sum', 'sum(cost)', `${KNEE} AND ${LAST12}`],
  ['total knee arthroplasty cost', 'cost_sum', 'sum(cost)', `${KNEE} AND ${LAST12}`],
  // Money with no aggregation word is a total; one case's figure is an average.
  ['revenue for tkr in 2025', 'revenue_sum', 'sum(revenue)', `${KNEE} AND ${Y2025}`],
  ['what was our cost last year', 'cost_sum', 'sum(cost)', Y2025],
  ['how much does a knee replacement cost', 'cost_avg', 'avg(cost)', `${KNEE} AND ${LAST12}`],
  ['revenue per case for Aetna in 2025', 'revenue_avg', 'avg(revenue)', `payor = 'Aetna' AND ${Y2025}`],
  ['typical expense of hip replacements', 'cost_avg', 'avg(cost)', `${HIP} AND ${LAST12}`],
  ['how much did we spend on knee replacements in 2025', 'cost_sum', 'sum(cost)', `${KNEE} AND ${Y2025}`],
  [
    'how much revenue did we make from Aetna in 2025',
    'revenue_sum',
    'sum(revenue)',
    `payor = 'Aetna' AND ${Y2025}`,
  ],
  ['median LOS for hip replacement', 'los_median', 'quantile_cont(los_days, 0.5)', `${HIP} AND ${LAST12}`],
  [
    'median cost of knee replacement in 2025',
    'cost_median',
    'quantile_cont(cost, 0.5)',
    `${KNEE} AND ${Y2025}`,
  ],
  [
    '90th percentile cost of knee replacement',
    'cost_p90',
    'quantile_cont(cost, 0.9)',
    `${KNEE} AND ${LAST12}`,
  ],
  ['p10 revenue for knee replacement', 'revenue_p10', 'quantile_cont(revenue, 0.1)', `${KNEE} AND ${LAST12}`],
  [
    '75th percentile OR time for hip replacement',
    'time_p75',
    'quantile_cont(or_minutes, 0.75)',
    `${HIP} AND ${LAST12}`,
  ],
  [
    'upper quartile cost of cesarean delivery',
    'cost_p75',
    'quantile_cont(cost, 0.75)',
    `${CSECTION} AND ${LAST12}`,
  ],
  ['maximum cost of a knee replacement', 'cost_max', 'max(cost)', `${KNEE} AND ${LAST12}`],
  ['minimum revenue for knee replacement in 2025', 'revenue_min', 'min(revenue)', `${KNEE} AND ${Y2025}`],
  ['longest stay for a hip replacement case', 'los_max', 'max(los_days)', `${HIP} AND ${LAST12}`],
  ['how many knee replacements', 'cases_count', 'count(*)', `${KNEE} AND ${LAST12}`],
  ['how many cases did we have in 2025', 'cases_count', 'count(*)', Y2025],
  ['how many c-sections did we do last year', 'cases_count', 'count(*)', `${CSECTION} AND ${Y2025}`],
  ['number of cases for Aetna in Q1 2026', 'cases_count', 'count(*)', `payor = 'Aetna' AND ${Q1_2026}`],
  ['case volume in 2024', 'cases_count', 'count(*)', Y2024],
  ['how many readmissions last year', 'readmission_30_sum', 'sum(readmitted_30)', Y2025],
  [
    'number of readmissions for knee replacement',
    'readmission_30_sum',
    'sum(readmitted_30)',
    `${KNEE} AND ${LAST12}`,
  ],
  [
    'readmission rate for knee replacement',
    'readmission_30_ratio',
    READMISSION_RATE,
    `${KNEE} AND ${LAST12}`,
  ],
  [
    'what percent of hip replacement cases were readmitted in 2025',
    'readmission_30_ratio',
    READMISSION_RATE,
    `${HIP} AND ${Y2025}`,
  ],
  ['discount rate', 'discount_rate_ratio', DISCOUNT_RATE, LAST12],
  ['discount rate for Aetna', 'discount_rate_ratio', DISCOUNT_RATE, `payor = 'Aetna' AND ${LAST12}`],
  ['what is our discount rate in 2025', 'discount_rate_ratio', DISCOUNT_RATE, Y2025],
  ['average margin', 'margin_ratio', MARGIN, LAST12],
  ['margin for hip replacement in 2025', 'margin_ratio', MARGIN, `${HIP} AND ${Y2025}`],
  ['what is our average margin in Q1 2026', 'margin_ratio', MARGIN, Q1_2026],
  ['total discount for Cigna', 'discount_sum', 'sum(discount)', `payor = 'Cigna' AND ${LAST12}`],
  [
    'total profit for knee replacement',
    'profit_sum',
    'sum(hospital_revenue - cost)',
    `${KNEE} AND ${LAST12}`,
  ],
  ['average profit of hip replacement', 'profit_avg', 'avg(hospital_revenue - cost)', `${HIP} AND ${LAST12}`],
  ['total hospital revenue in 2025', 'hospital_revenue_sum', 'sum(hospital_revenue)', Y2025],
  [
    'average discount for knee replacement last year',
    'discount_avg',
    'avg(discount)',
    `${KNEE} AND ${Y2025}`,
  ],
  ['cost per case for knee replacement', 'cost_avg', 'avg(cost)', `${KNEE} AND ${LAST12}`],
  ['average LOS for CPT 27447', 'los_avg', 'avg(los_days)', `${KNEE} AND ${LAST12}`],
  ['days in hospital for DRG 470', 'los_avg', 'avg(los_days)', `drg_code = '470' AND ${LAST12}`],
  ['surgical time of knee replacements', 'time_avg', 'avg(or_minutes)', `${KNEE} AND ${LAST12}`],
  ['how long do hip replacement patients stay', 'los_avg', 'avg(los_days)', `${HIP} AND ${LAST12}`],
  ['Aetna knee replacement cost', 'cost_sum', 'sum(cost)', `${KNEE} AND payor = 'Aetna' AND ${LAST12}`],
  [
    'average cost of knee replacement at Mercy General Hospital',
    'cost_avg',
    'avg(cost)',
    `${KNEE} AND provider = 'Mercy General Hospital' AND ${LAST12}`,
  ],
  ['reimbursement for knee replacement', 'revenue_sum', 'sum(revenue)', `${KNEE} AND ${LAST12}`],
  ['payments from Cigna in 2025', 'revenue_sum', 'sum(revenue)', `payor = 'Cigna' AND ${Y2025}`],
  ['ALOS for hip replacement', 'los_avg', 'avg(los_days)', `${HIP} AND ${LAST12}`],
  ['cost of knee replacement for women', 'cost_sum', 'sum(cost)', `${KNEE} AND gender = 'F' AND ${LAST12}`],
  [
    'average cost of knee replacement for men in 2025',
    'cost_avg',
    'avg(cost)',
    `${KNEE} AND gender = 'M' AND ${Y2025}`,
  ],
  ['average LOS for patients over 65', 'los_avg', 'avg(los_days)', `age > 65 AND ${LAST12}`],
  [
    'average cost for patients aged 65 to 74',
    'cost_avg',
    'avg(cost)',
    `age >= 65 AND age <= 74 AND ${LAST12}`,
  ],
  [
    'knee replacement cost for patients 80 and over',
    'cost_sum',
    'sum(cost)',
    `${KNEE} AND age >= 80 AND ${LAST12}`,
  ],
  ['average cost for seniors in 2025', 'cost_avg', 'avg(cost)', `age >= 65 AND ${Y2025}`],
  ['average LOS for readmitted patients', 'los_avg', 'avg(los_days)', `readmitted_30 = 1 AND ${LAST12}`],
  ['cases with cost over $50,000', 'cases_count', 'count(*)', `cost > 50000 AND ${LAST12}`],
  [
    'knee replacement cases with LOS over 3 days',
    'cases_count',
    'count(*)',
    `${KNEE} AND los_days > 3 AND ${LAST12}`,
  ],
  ['how many cases with cost above $40,000 in 2025', 'cases_count', 'count(*)', `cost > 40000 AND ${Y2025}`],
  [
    'average revenue of cases with cost over $30,000',
    'revenue_avg',
    'avg(revenue)',
    `cost > 30000 AND ${LAST12}`,
  ],
  [
    'average cost of knee replacement excluding Medicare',
    'cost_avg',
    'avg(cost)',
    `${KNEE} AND payor IS DISTINCT FROM 'Medicare' AND ${LAST12}`,
  ],
  [
    'total revenue for all payors except Medicare in 2025',
    'revenue_sum',
    'sum(revenue)',
    `payor IS DISTINCT FROM 'Medicare' AND ${Y2025}`,
  ],
  [
    'average cost of knee replacement excluding Bilateral primary osteoarthritis of knee',
    'cost_avg',
    'avg(cost)',
    `${KNEE} AND condition_code IS DISTINCT FROM 'M17.0' AND ${LAST12}`,
  ],
  [
    'average cost of Laparoscopic inguinal hernia repair',
    'cost_avg',
    'avg(cost)',
    `procedure_code = '49650' AND ${LAST12}`,
  ],
  [
    'average cost of Total abdominal hysterectomy',
    'cost_avg',
    'avg(cost)',
    `procedure_code = '58150' AND ${LAST12}`,
  ],
  [
    'Cataract removal with intraocular lens insertion average cost',
    'cost_avg',
    'avg(cost)',
    `procedure_code = '66984' AND ${LAST12}`,
  ],
  [
    'average cost of Unilateral primary osteoarthritis, right knee',
    'cost_avg',
    'avg(cost)',
    `condition_code = 'M17.11' AND ${LAST12}`,
  ],
  [
    'average cost of Cesarean section without sterilization without CC/MCC',
    'cost_avg',
    'avg(cost)',
    `drg_code = '788' AND ${LAST12}`,
  ],
  [
    'average cost of Hip and femur procedures except major joint with CC',
    'cost_avg',
    'avg(cost)',
    `drg_code = '481' AND ${LAST12}`,
  ],
  ['knee replacment average cost', 'cost_avg', 'avg(cost)', `${KNEE} AND ${LAST12}`],
  [
    'roughly what is the average cost of knee replacement, honestly',
    'cost_avg',
    'avg(cost)',
    `${KNEE} AND ${LAST12}`,
  ],
  ['hey, quick one: total revenue in Q1 2026 please', 'revenue_sum', 'sum(revenue)', Q1_2026],
  [
    'average cost of TKA in the last year',
    'cost_avg',
    'avg(cost)',
    "admit_date BETWEEN DATE '2025-11-29' AND DATE '2026-11-28' AND procedure_code = '27447'",
  ],
  ['discounts given to Cigna last year', 'discount_sum', 'sum(discount)', `payor = 'Cigna' AND ${Y2025}`],
  ['average cost per procedure for knee replacement', 'cost_avg', 'avg(cost)', `${KNEE} AND ${LAST12}`],
  ['average cost across all procedures last year', 'cost_avg', 'avg(cost)', Y2025],
  // Once two shares of the whole scope, each 100 %, or a procedure's share of all profit.
  ['contractual adjustments as a percent of charges', 'discount_rate_ratio', DISCOUNT_RATE, LAST12],
  ['write-offs as a percentage of revenue in 2025', 'discount_rate_ratio', DISCOUNT_RATE, Y2025],
  ['profit as a percent of revenue for knee replacement', 'margin_ratio', MARGIN, `${KNEE} AND ${LAST12}`],
  ['min and max cost for TKA', 'cost_min', 'min(cost)', `${KNEE} AND ${LAST12}`],
  // Once every procedure: the plural shorthand was let go as unknown words.
  ['how many lap choles did we do in 2025', 'cases_count', 'count(*)', `${CHOLE} AND ${Y2025}`],
  ['average cost of lap choles in 2025', 'cost_avg', 'avg(cost)', `${CHOLE} AND ${Y2025}`],
];

describe('one figure over the scope', () => {
  it.each(SCALARS)('%s', async (question, key, figure, where) => {
    const asked = await ask(question);
    expect(asked.outcome.kind, JSON.stringify(asked.outcome)).toBe('query');
    expect(figureKey(asked)).toBe(key);
    const [want] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where}`,
    );
    const row = asked.answer?.tables[0]?.rows[0];
    expect(row?.cases).toBe(want?.cases);
    close(row?.[key], want?.figure, question);
    checkOpening(asked, Number(want?.cases));
  });
});

describe('both ends of a range', () => {
  it('min and max cost for TKA gives the highest cost too', async () => {
    const asked = await ask('min and max cost for TKA');
    const [want] = await sql(
      `SELECT min(cost) AS low, max(cost) AS high FROM cases WHERE ${KNEE} AND ${LAST12}`,
    );
    const row = asked.answer?.tables[0]?.rows[0];
    close(row?.cost_min, want?.low, 'min');
    close(row?.cost_max, want?.high, 'max');
  });
});

// ---- Breakdowns ---------------------------------------------------------------------------------

type Order = 'desc' | 'asc' | 'time';
const GROUPS: [
  question: string,
  key: string,
  group: string,
  figure: string,
  where: string,
  order: Order,
  limit?: number,
][] = [
  [
    'average cost of knee replacement by surgeon',
    'cost_avg',
    'surgeon',
    'avg(cost)',
    `${KNEE} AND ${LAST12}`,
    'desc',
  ],
  ['total revenue by payor last year', 'revenue_sum', 'payor', 'sum(revenue)', Y2025, 'desc'],
  ['sum of revenue by payer', 'revenue_sum', 'payor', 'sum(revenue)', LAST12, 'desc'],
  [
    'margin for knee replacement broken down by client',
    'margin_ratio',
    'client',
    MARGIN,
    `${KNEE} AND ${LAST12}`,
    'desc',
  ],
  [
    'total profit per customer in 2025',
    'profit_sum',
    'client',
    'sum(hospital_revenue - cost)',
    Y2025,
    'desc',
  ],
  [
    'length of stay by doctor for 27130',
    'los_avg',
    'surgeon',
    'avg(los_days)',
    `${HIP} AND ${LAST12}`,
    'desc',
  ],
  ['operating minutes per surgeon', 'time_avg', 'surgeon', 'avg(or_minutes)', LAST12, 'desc'],
  ['readmission rate by provider', 'readmission_30_ratio', 'provider', READMISSION_RATE, LAST12, 'desc'],
  ['cost by procedure', 'cost_sum', 'procedure_code', 'sum(cost)', LAST12, 'desc'],
  ['average cost by procedure in 2025', 'cost_avg', 'procedure_code', 'avg(cost)', Y2025, 'desc'],
  ['total revenue by procedure', 'revenue_sum', 'procedure_code', 'sum(revenue)', LAST12, 'desc'],
  ['volume by procedure', 'cases_count', 'procedure_code', 'count(*)', LAST12, 'desc'],
  // Once the single most expensive case, not a procedure.
  ['most expensive procedure', 'cost_avg', 'procedure_code', 'avg(cost)', LAST12, 'desc'],
  [
    'most profitable procedure in 2025',
    'profit_sum',
    'procedure_code',
    'sum(hospital_revenue - cost)',
    Y2025,
    'desc',
  ],
  ['least common diagnosis', 'cases_count', 'condition_code', 'count(*)', LAST12, 'asc'],
  ['case count by DRG', 'cases_count', 'drg_code', 'count(*)', LAST12, 'desc'],
  ['average length of stay by diagnosis', 'los_avg', 'condition_code', 'avg(los_days)', LAST12, 'desc'],
  ['cases by gender', 'cases_count', 'gender', 'count(*)', LAST12, 'desc'],
  [
    'cost per case by quarter',
    'cost_avg',
    "concat(CAST(year(admit_date) AS VARCHAR), '-Q', CAST(quarter(admit_date) AS VARCHAR))",
    'avg(cost)',
    QUARTERS8,
    'time',
  ],
  [
    'monthly knee replacement volume in 2025',
    'cases_count',
    "strftime(admit_date, '%Y-%m')",
    'count(*)',
    `${KNEE} AND ${Y2025}`,
    'time',
  ],
  ['revenue by month', 'revenue_sum', "strftime(admit_date, '%Y-%m')", 'sum(revenue)', LAST12, 'time'],
  [
    'total revenue by year from 2024 through 2025',
    'revenue_sum',
    'CAST(year(admit_date) AS VARCHAR)',
    'sum(revenue)',
    Y2024_2025,
    'time',
  ],
  ['cases per year', 'cases_count', 'CAST(year(admit_date) AS VARCHAR)', 'count(*)', YEARS, 'time'],
  [
    'quarterly margin for hip replacement',
    'margin_ratio',
    "concat(CAST(year(admit_date) AS VARCHAR), '-Q', CAST(quarter(admit_date) AS VARCHAR))",
    MARGIN,
    `${HIP} AND ${QUARTERS8}`,
    'time',
  ],
  [
    'average OR time by month in 2025',
    'time_avg',
    "strftime(admit_date, '%Y-%m')",
    'avg(or_minutes)',
    Y2025,
    'time',
  ],
  [
    'readmission rate by quarter',
    'readmission_30_ratio',
    "concat(CAST(year(admit_date) AS VARCHAR), '-Q', CAST(quarter(admit_date) AS VARCHAR))",
    READMISSION_RATE,
    QUARTERS8,
    'time',
  ],
  [
    'cost trend for hip replacement',
    'cost_sum',
    "strftime(admit_date, '%Y-%m')",
    'sum(cost)',
    `${HIP} AND ${LAST12}`,
    'time',
  ],
  ['margin over time', 'margin_ratio', "strftime(admit_date, '%Y-%m')", MARGIN, LAST12, 'time'],
  [
    'monthly cases in 2025 for Medicare',
    'cases_count',
    "strftime(admit_date, '%Y-%m')",
    'count(*)',
    `payor = 'Medicare' AND ${Y2025}`,
    'time',
  ],
  ['discount rate by payor', 'discount_rate_ratio', 'payor', DISCOUNT_RATE, LAST12, 'desc'],
  [
    'discount rate by provider for knee replacement',
    'discount_rate_ratio',
    'provider',
    DISCOUNT_RATE,
    `${KNEE} AND ${LAST12}`,
    'desc',
  ],
  [
    '30-day readmission rate by surgeon in 2025',
    'readmission_30_ratio',
    'surgeon',
    READMISSION_RATE,
    Y2025,
    'desc',
  ],
  ['median revenue by payor', 'revenue_median', 'payor', 'quantile_cont(revenue, 0.5)', LAST12, 'desc'],
  [
    '75th percentile length of stay by surgeon',
    'los_p75',
    'surgeon',
    'quantile_cont(los_days, 0.75)',
    LAST12,
    'desc',
  ],
  [
    'max LOS by provider for hip replacement',
    'los_max',
    'provider',
    'max(los_days)',
    `${HIP} AND ${LAST12}`,
    'desc',
  ],
  ['number of cases per surgeon', 'cases_count', 'surgeon', 'count(*)', LAST12, 'desc'],
  [
    'knee replacement volume by surgeon',
    'cases_count',
    'surgeon',
    'count(*)',
    `${KNEE} AND ${LAST12}`,
    'desc',
  ],
  [
    'which surgeon has the highest cost for hip replacements',
    'cost_sum',
    'surgeon',
    'sum(cost)',
    `${HIP} AND ${LAST12}`,
    'desc',
  ],
  [
    'which payor pays the most for gallbladder removal',
    'revenue_sum',
    'payor',
    'sum(revenue)',
    `${CHOLE} AND ${LAST12}`,
    'desc',
  ],
  [
    'which procedures lose us the most money',
    'profit_sum',
    'procedure_code',
    'sum(hospital_revenue - cost)',
    LAST12,
    'asc',
  ],
  ['which provider has the lowest margin', 'margin_ratio', 'provider', MARGIN, LAST12, 'asc'],
  [
    'which surgeon does the most knee replacements',
    'cases_count',
    'surgeon',
    'count(*)',
    `${KNEE} AND ${LAST12}`,
    'desc',
  ],
  [
    'which payors have the highest discount rate',
    'discount_rate_ratio',
    'payor',
    DISCOUNT_RATE,
    LAST12,
    'desc',
  ],
  [
    'who has the longest length of stay for hip replacement',
    'los_avg',
    'surgeon',
    'avg(los_days)',
    `${HIP} AND ${LAST12}`,
    'desc',
  ],
  [
    'who performs the most hip replacements',
    'cases_count',
    'surgeon',
    'count(*)',
    `${HIP} AND ${LAST12}`,
    'desc',
  ],
  [
    'what procedures are most profitable',
    'profit_sum',
    'procedure_code',
    'sum(hospital_revenue - cost)',
    LAST12,
    'desc',
  ],
  [
    'which surgeon has the lowest average cost for knee replacement',
    'cost_avg',
    'surgeon',
    'avg(cost)',
    `${KNEE} AND ${LAST12}`,
    'asc',
  ],
  ['top 5 surgeons by revenue', 'revenue_sum', 'surgeon', 'sum(revenue)', LAST12, 'desc', 5],
  [
    'top 5 surgeons by revenue for knee replacement',
    'revenue_sum',
    'surgeon',
    'sum(revenue)',
    `${KNEE} AND ${LAST12}`,
    'desc',
    5,
  ],
  ['top 3 payors by cost', 'cost_sum', 'payor', 'sum(cost)', LAST12, 'desc', 3],
  ['top 10 procedures by volume', 'cases_count', 'procedure_code', 'count(*)', LAST12, 'desc', 10],
  ['bottom 3 providers by margin', 'margin_ratio', 'provider', MARGIN, LAST12, 'asc', 3],
  [
    'bottom 5 surgeons by profit in 2025',
    'profit_sum',
    'surgeon',
    'sum(hospital_revenue - cost)',
    Y2025,
    'asc',
    5,
  ],
  ['top 3 surgeons by average cost', 'cost_avg', 'surgeon', 'avg(cost)', LAST12, 'desc', 3],
  ['the 5 most expensive procedures', 'cost_avg', 'procedure_code', 'avg(cost)', LAST12, 'desc', 5],
  [
    '3 cheapest surgeons for knee replacement',
    'cost_avg',
    'surgeon',
    'avg(cost)',
    `${KNEE} AND ${LAST12}`,
    'asc',
    3,
  ],
  ['busiest surgeons', 'cases_count', 'surgeon', 'count(*)', LAST12, 'desc'],
  ['highest margin payors', 'margin_ratio', 'payor', MARGIN, LAST12, 'desc'],
  ['lowest revenue providers last year', 'revenue_sum', 'provider', 'sum(revenue)', Y2025, 'asc'],
  ['rank surgeons by profit', 'profit_sum', 'surgeon', 'sum(hospital_revenue - cost)', LAST12, 'desc'],
  ['rank payors by average revenue', 'revenue_avg', 'payor', 'avg(revenue)', LAST12, 'desc'],
  ['which DRGs have the longest stays', 'los_avg', 'drg_code', 'avg(los_days)', LAST12, 'desc'],
  ['which clients bring in the most revenue', 'revenue_sum', 'client', 'sum(revenue)', LAST12, 'desc'],
  ['compare payors on cost for TKA', 'cost_sum', 'payor', 'sum(cost)', `${KNEE} AND ${LAST12}`, 'desc'],
  [
    'average cost of knee replacement by surgeon excluding Medicare',
    'cost_avg',
    'surgeon',
    'avg(cost)',
    `${KNEE} AND payor IS DISTINCT FROM 'Medicare' AND ${LAST12}`,
    'desc',
  ],
  [
    'average cost of knee replacement by payor for women',
    'cost_avg',
    'payor',
    'avg(cost)',
    `${KNEE} AND gender = 'F' AND ${LAST12}`,
    'desc',
  ],
  [
    'average LOS by surgeon for patients over 75',
    'los_avg',
    'surgeon',
    'avg(los_days)',
    `age > 75 AND ${LAST12}`,
    'desc',
  ],
  [
    'revenue by sex for knee replacement',
    'revenue_sum',
    'gender',
    'sum(revenue)',
    `${KNEE} AND ${LAST12}`,
    'desc',
  ],
];

/** The answer rows' group label as the SQL computes it: codes for clinical groups, the value otherwise. */
const labelOf = (row: Row, group: string) => {
  if (group.endsWith('_code')) return String(row[group]);
  const key = group.includes('%Y-%m')
    ? 'month'
    : group.includes("'-Q'")
      ? 'quarter'
      : group.includes('year(')
        ? 'year'
        : group;
  const value = row[key];
  if (value === '(not recorded)' || value === null) return 'null';
  return group === 'gender'
    ? value === 'Female'
      ? 'F'
      : value === 'Male'
        ? 'M'
        : String(value)
    : String(value);
};

describe('breakdowns, rankings and time series', () => {
  it.each(GROUPS)('%s', async (question, key, group, figure, where, order, limit) => {
    const asked = await ask(question);
    expect(asked.outcome.kind, JSON.stringify(asked.outcome)).toBe('query');
    expect(figureKey(asked)).toBe(key);
    const expected = await sql(
      `SELECT ${group} AS label, CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where} GROUP BY 1`,
    );
    const byLabel = new Map(expected.map((row) => [String(row.label), row]));
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.length).toBe(Math.min(limit ?? Number.POSITIVE_INFINITY, expected.length));
    for (const row of rows) {
      const want = byLabel.get(labelOf(row, group));
      expect(want, `${question}: ${labelOf(row, group)}`).toBeDefined();
      expect(row.cases).toBe(want?.cases);
      if (want?.figure === null) expect(row[key]).toBeNull();
      else close(row[key], want?.figure, `${question} ${labelOf(row, group)}`);
    }
    const values = rows.map((row) =>
      order === 'time' ? labelOf(row, group) : Number(row[key] ?? Number.NaN),
    );
    const sorted = [...values].sort((left, right) =>
      order === 'time'
        ? String(left).localeCompare(String(right))
        : order === 'desc'
          ? Number(right) - Number(left)
          : Number(left) - Number(right),
    );
    const known = (list: (string | number)[]) =>
      list.filter((value) => !(typeof value === 'number' && Number.isNaN(value)));
    expect(known(values)).toEqual(known(sorted));
    if (limit && expected.length > limit) {
      // The top N are the N best of all groups (the boundary value may tie).
      const all = expected
        .map((row) => Number(row.figure))
        .filter(Number.isFinite)
        .sort((a, b) => (order === 'asc' ? a - b : b - a));
      close(rows.at(-1)?.[key], all[limit - 1], `${question} boundary`);
    }
    const total = asked.answer?.tables[1]?.rows[0];
    const [scope] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where}`,
    );
    expect(total?.cases).toBe(scope?.cases);
    close(total?.[key], scope?.figure, `${question} total`);
    checkOpening(asked, Number(scope?.cases));
  });
});

describe('a time breakdown with no window covers whole periods', () => {
  it('by year: every whole year of the data, the last one named partial and left out of the change', async () => {
    const asked = await ask('revenue by year');
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.map((row) => row.year)).toEqual(['2024', '2025', '2026']);
    expect(asked.answer?.summary).toContain(
      '2026 is partial: it holds only cases admitted 1 Jan 2026 – 31 Aug 2026',
    );
    expect(asked.answer?.summary).toMatch(/went from \*\*\$[\d,]+\*\* in 2024 to \*\*\$[\d,]+\*\* in 2025/);
  });

  it('by quarter: the 8 quarters ending with the latest admit quarter', async () => {
    const asked = await ask('revenue by quarter');
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows[0]?.quarter).toBe('2024-Q4');
    expect(rows.at(-1)?.quarter).toBe('2026-Q3');
    expect(asked.answer?.summary).toContain('2026-Q3 is partial');
  });
});

// ---- Two dimensions, shares, thresholds ---------------------------------------------------------

describe('two dimensions', () => {
  it.each([
    ['margin by payor and surgeon', 'margin_ratio', ['payor', 'surgeon'], MARGIN, LAST12],
    [
      'average cost by surgeon and payor for knee replacement',
      'cost_avg',
      ['surgeon', 'payor'],
      'avg(cost)',
      `${KNEE} AND ${LAST12}`,
    ],
    ['case volume by provider and quarter', 'cases_count', ['provider', 'quarter'], 'count(*)', QUARTERS8],
    ['revenue by payor by year', 'revenue_sum', ['payor', 'year'], 'sum(revenue)', YEARS],
  ] as const)('%s', async (question, key, dimensions, figure, where) => {
    const asked = await ask(question);
    expect(figureKey(asked)).toBe(key);
    const groupSql = (dimension: string) =>
      dimension === 'quarter'
        ? "concat(CAST(year(admit_date) AS VARCHAR), '-Q', CAST(quarter(admit_date) AS VARCHAR))"
        : dimension === 'year'
          ? 'CAST(year(admit_date) AS VARCHAR)'
          : dimension;
    const expected = await sql(
      `SELECT ${groupSql(dimensions[0])} AS a, ${groupSql(dimensions[1])} AS b, CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where} GROUP BY 1, 2`,
    );
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.length).toBe(expected.length);
    for (const row of rows) {
      const want = expected.find((item) => item.a === row[dimensions[0]] && item.b === row[dimensions[1]]);
      expect(want).toBeDefined();
      expect(row.cases).toBe(want?.cases);
      if (want?.figure !== null) close(row[key], want?.figure, question);
    }
  });
});

describe('shares and mix', () => {
  it.each([
    ['payor mix', 'cases_share', 'payor', 'count(*)', LAST12, undefined],
    [
      'payor mix for knee replacement',
      'cases_share',
      'payor',
      'count(*)',
      `${KNEE} AND ${LAST12}`,
      undefined,
    ],
    [
      'what share of our knee replacements are Medicare',
      'cases_share',
      'payor',
      'count(*)',
      `${KNEE} AND ${LAST12}`,
      'Medicare',
    ],
    ['what percent of revenue comes from Aetna', 'revenue_share', 'payor', 'sum(revenue)', LAST12, 'Aetna'],
    ['share of revenue by provider in 2025', 'revenue_share', 'provider', 'sum(revenue)', Y2025, undefined],
    [
      'surgeon mix for hip replacement in 2025',
      'cases_share',
      'surgeon',
      'count(*)',
      `${HIP} AND ${Y2025}`,
      undefined,
    ],
    ['what share of cases are women', 'cases_share', 'gender', 'count(*)', LAST12, 'Female'],
    ['proportion of cost by payor', 'cost_share', 'payor', 'sum(cost)', LAST12, undefined],
  ] as const)('%s', async (question, key, group, part, where, named) => {
    const asked = await ask(question);
    expect(figureKey(asked)).toBe(key);
    const expected = await sql(
      `SELECT ${group} AS label, 100.0 * ${part} / (SELECT ${part} FROM cases WHERE ${where}) AS figure FROM cases WHERE ${where} GROUP BY 1`,
    );
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.length).toBe(expected.length);
    for (const row of rows) {
      const want = expected.find((item) => String(item.label) === labelOf(row, group));
      close(row[key], want?.figure, `${question} ${String(row[group])}`);
    }
    if (named) {
      const row = rows.find((item) => item[group] === named);
      const shown = `${Number(row?.[key]).toFixed(1)}%`;
      // The written answer leads with the value the question named.
      expect(asked.answer?.summary).toContain(`${named}: **${shown}**`);
    }
  });
});

describe('thresholds on grouped figures', () => {
  it.each([
    [
      'surgeons whose average cost is over $20,000',
      'cost_avg',
      'surgeon',
      'avg(cost)',
      'avg(cost) > 20000',
      LAST12,
    ],
    ['providers with a margin under 30%', 'margin_ratio', 'provider', MARGIN, `${MARGIN} < 30`, LAST12],
    [
      'payors with a discount rate above 30%',
      'discount_rate_ratio',
      'payor',
      DISCOUNT_RATE,
      `${DISCOUNT_RATE} > 30`,
      LAST12,
    ],
    ['surgeons with more than 50 cases', 'cases_count', 'surgeon', 'count(*)', 'count(*) > 50', LAST12],
    [
      'procedures with at least 100 cases in 2025',
      'cases_count',
      'procedure_code',
      'count(*)',
      'count(*) >= 100',
      Y2025,
    ],
    [
      'surgeons with an average LOS over 2 days',
      'los_avg',
      'surgeon',
      'avg(los_days)',
      'avg(los_days) > 2',
      LAST12,
    ],
    [
      'providers whose total revenue is over $10,000,000',
      'revenue_sum',
      'provider',
      'sum(revenue)',
      'sum(revenue) > 10000000',
      LAST12,
    ],
    [
      'surgeons whose average OR time is over 120 minutes',
      'time_avg',
      'surgeon',
      'avg(or_minutes)',
      'avg(or_minutes) > 120',
      LAST12,
    ],
    [
      'payors with average revenue under $20k',
      'revenue_avg',
      'payor',
      'avg(revenue)',
      'avg(revenue) < 20000',
      LAST12,
    ],
    [
      'surgeons with a readmission rate above 6%',
      'readmission_30_ratio',
      'surgeon',
      READMISSION_RATE,
      `${READMISSION_RATE} > 6`,
      LAST12,
    ],
    [
      'procedures whose median cost is over $10,000',
      'cost_median',
      'procedure_code',
      'quantile_cont(cost, 0.5)',
      'quantile_cont(cost, 0.5) > 10000',
      LAST12,
    ],
    [
      'surgeons with at least 20 cases for knee replacement',
      'cases_count',
      'surgeon',
      'count(*)',
      'count(*) >= 20',
      `${KNEE} AND ${LAST12}`,
    ],
    // Once refused, or read as an average per case no payor comes near: money a group brings in is a total.
    [
      'payors with more than $1M in revenue',
      'revenue_sum',
      'payor',
      'sum(revenue)',
      'sum(revenue) > 1000000',
      LAST12,
    ],
    [
      'payors with revenue over $1M',
      'revenue_sum',
      'payor',
      'sum(revenue)',
      'sum(revenue) > 1000000',
      LAST12,
    ],
    [
      'surgeons with more than $500,000 in total revenue in 2025',
      'revenue_sum',
      'surgeon',
      'sum(revenue)',
      'sum(revenue) > 500000',
      Y2025,
    ],
  ] as const)('%s', async (question, key, group, figure, having, where) => {
    const asked = await ask(question);
    expect(figureKey(asked)).toBe(key);
    const expected = await sql(
      `SELECT ${group} AS label, ${figure} AS figure FROM cases WHERE ${where} GROUP BY 1 HAVING ${having}`,
    );
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.map((row) => labelOf(row, group)).sort()).toEqual(
      expected.map((row) => String(row.label)).sort(),
    );
    for (const row of rows) {
      close(row[key], expected.find((item) => String(item.label) === labelOf(row, group))?.figure, question);
    }
  });
});

// ---- Comparisons --------------------------------------------------------------------------------

describe('comparisons of values: one row each, never pooled', () => {
  it.each([
    [
      'Aetna vs Cigna average cost for knee replacement',
      'cost_avg',
      'payor',
      ['Aetna', 'Cigna'],
      'avg(cost)',
      `${KNEE} AND ${LAST12}`,
    ],
    [
      'is Aetna more expensive than Cigna for lap chole',
      'cost_avg',
      'payor',
      ['Aetna', 'Cigna'],
      'avg(cost)',
      `${CHOLE} AND ${LAST12}`,
    ],
    [
      'Aetna versus Medicare revenue in 2025',
      'revenue_sum',
      'payor',
      ['Aetna', 'Medicare'],
      'sum(revenue)',
      Y2025,
    ],
    ['compare Aetna and Cigna on margin', 'margin_ratio', 'payor', ['Aetna', 'Cigna'], MARGIN, LAST12],
    [
      'knee replacement vs hip replacement average cost',
      'cost_avg',
      'procedure_code',
      ['27447', '27130'],
      'avg(cost)',
      LAST12,
    ],
    [
      'total knee arthroplasty versus total hip arthroplasty LOS in 2025',
      'los_avg',
      'procedure_code',
      ['27447', '27130'],
      'avg(los_days)',
      Y2025,
    ],
    [
      'Mercy General Hospital vs Riverside Community Hospital cost',
      'cost_sum',
      'provider',
      ['Mercy General Hospital', 'Riverside Community Hospital'],
      'sum(cost)',
      LAST12,
    ],
    [
      'is Medicare cheaper than Aetna for hip replacement',
      'cost_avg',
      'payor',
      ['Medicare', 'Aetna'],
      'avg(cost)',
      `${HIP} AND ${LAST12}`,
    ],
  ] as const)('%s', async (question, key, group, values, figure, where) => {
    const asked = await ask(question);
    expect(figureKey(asked)).toBe(key);
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.length).toBe(values.length);
    for (const value of values) {
      const [want] = await sql(
        `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where} AND ${group} = '${value.replaceAll("'", "''")}'`,
      );
      const row = rows.find((item) => labelOf(item, group) === value);
      expect(row, value).toBeDefined();
      expect(row?.cases).toBe(want?.cases);
      close(row?.[key], want?.figure, `${question} ${value}`);
    }
  });
});

describe('comparisons of windows: a column each, the change and the % change', () => {
  it.each([
    ['2024 vs 2025 cost per case', 'cost_avg', 'avg(cost)', 'TRUE', Y2024, Y2025],
    ['knee replacement volume 2024 vs 2025', 'cases_count', 'count(*)', KNEE, Y2024, Y2025],
    ['revenue in 2024 compared with 2025', 'revenue_sum', 'sum(revenue)', 'TRUE', Y2024, Y2025],
    ['compare 2024 and 2025 margin', 'margin_ratio', MARGIN, 'TRUE', Y2024, Y2025],
    [
      'Q1 2026 vs Q1 2025 cost',
      'cost_sum',
      'sum(cost)',
      'TRUE',
      "admit_date BETWEEN DATE '2025-01-01' AND DATE '2025-03-31'",
      Q1_2026,
    ],
    ['average LOS for hip replacement in 2024 vs 2025', 'los_avg', 'avg(los_days)', HIP, Y2024, Y2025],
  ] as const)('%s', async (question, key, figure, where, first, second) => {
    const asked = await ask(question);
    const row = asked.answer?.tables[0]?.rows[0] ?? {};
    const [a] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where} AND ${first}`,
    );
    const [b] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where} AND ${second}`,
    );
    close(row[`${key}_1`], a?.figure, `${question} first`);
    close(row[`${key}_2`], b?.figure, `${question} second`);
    close(row[`${key}_change`], Number(b?.figure) - Number(a?.figure), `${question} change`);
    expect(row.cases_1).toBe(a?.cases);
    expect(row.cases_2).toBe(b?.cases);
  });
});

// ---- Other workflows ------------------------------------------------------------------------------

describe('two windows broken down by time: periods lined up, a column per window', () => {
  it.each([
    [
      'revenue by quarter 2025 vs 2024',
      'revenue_sum',
      'sum(revenue)',
      'TRUE',
      'quarter',
      Y2024,
      Y2025,
      ['Q1', 'Q2', 'Q3', 'Q4'],
    ],
    [
      'monthly knee replacement volume 2024 vs 2025',
      'cases_count',
      'count(*)',
      KNEE,
      'month',
      Y2024,
      Y2025,
      ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    ],
    [
      'average cost per case by quarter in 2024 vs 2025',
      'cost_avg',
      'avg(cost)',
      'TRUE',
      'quarter',
      Y2024,
      Y2025,
      ['Q1', 'Q2', 'Q3', 'Q4'],
    ],
  ] as const)('%s', async (question, key, figure, where, grain, first, second, labels) => {
    const asked = await ask(question);
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.map((row) => row[grain])).toEqual(labels);
    const period = grain === 'quarter' ? 'quarter(admit_date)' : 'month(admit_date)';
    for (const [side, dates] of [
      ['1', first],
      ['2', second],
    ] as const) {
      const expected = await sql(
        `SELECT ${period} AS position, CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where} AND ${dates} GROUP BY 1 ORDER BY 1`,
      );
      expected.forEach((want, index) => {
        close(rows[index]?.[`${key}_${side}`], want.figure, `${question} ${labels[index]} window ${side}`);
        expect(rows[index]?.[`cases_${side}`]).toBe(want.cases);
      });
    }
    for (const row of rows) {
      close(row[`${key}_change`], Number(row[`${key}_2`]) - Number(row[`${key}_1`]), `${question} change`);
    }
    // One line per window over the periods, so the chart sets each quarter beside its year-ago twin.
    expect(asked.answer?.chart).toMatchObject({ kind: 'line', x: grain, y: [`${key}_1`, `${key}_2`] });
  });
});

describe('typical case, predictions and simulations', () => {
  it.each([
    ['what does a typical knee replacement case look like', KNEE],
    ['what does a typical hip replacement look like in 2025', `${HIP} AND ${Y2025}`.replace(LAST12, '')],
    ['typical case', 'TRUE'],
  ])('%s gives the mean and median of each measure', async (question, where) => {
    const asked = await ask(question);
    expect(asked.query?.workflow).toBe('dashboard');
    const window = question.includes('2025') ? '' : ` AND ${LAST12}`;
    const [want] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases, avg(cost) AS mean, quantile_cont(cost, 0.5) AS median FROM cases WHERE ${where}${window}`,
    );
    const summary = asked.answer?.summary ?? '';
    checkOpening(asked, Number(want?.cases));
    const cost = summary.split('\n').find((line) => line.startsWith('| Cost'));
    const shown = (value: unknown) => `$${Math.round(Number(value)).toLocaleString('en-US')}`;
    expect(cost).toContain(shown(want?.mean));
    expect(cost).toContain(shown(want?.median));
  });

  it.each([
    'predict the cost of a knee replacement for a 67-year-old woman',
    'how long will a hip replacement take',
    'how long will a knee replacement patient stay',
    'predict the cost of a knee replacement with Dr. Sarah Chen',
    'estimate the price of a hip replacement for Aetna',
  ])('%s gives an estimate with its band and cohort', async (question) => {
    const asked = await ask(question);
    expect(asked.query?.workflow).toBe('predictions');
    expect(asked.refusal ?? '').toBe('');
    expect(asked.answer?.summary).toMatch(/Estimate: \*\*.+\*\* \(likely range .+ – .+\)/);
  });

  it.each([
    ['what if we raise prices 4% for Laparoscopic inguinal hernia repair with Aetna', 'price'],
    ['what if supply cost per case drops 7%', 'cost'],
    ["what if Aetna's rates fall 6% based on 2025", 'price'],
    ['what if reimbursement drops 5%', 'price'],
    ['simulate a 10% price increase for all payors based on 2025', 'price'],
  ])('%s simulates a %s change', async (question, target) => {
    const asked = await ask(question);
    expect(asked.query).toMatchObject({ workflow: 'simulation', plan: { target } });
    expect(asked.refusal ?? '').toBe('');
    expect(asked.answer?.summary).toMatch(/net change of \*\*[−$\d,.]+/);
  });

  it('asks which payor when the question says "one payor"', async () => {
    const { outcome } = await ask("if one payor's rates fall 6%");
    expect(outcome.kind).toBe('clarify');
    if (outcome.kind === 'clarify')
      expect(outcome.options.every((option) => option.kind === 'payor')).toBe(true);
  });
});

// ---- Follow-ups -----------------------------------------------------------------------------------

describe('follow-ups change the last plan, with the figures each time', () => {
  it('walks a conversation through measure, breakdown, filter, window and limit', async () => {
    const steps: [string, string, string, string][] = [
      ['average cost of knee replacement by surgeon', 'cost_avg', 'avg(cost)', `${KNEE} AND ${LAST12}`],
      ['and the discount?', 'discount_avg', 'avg(discount)', `${KNEE} AND ${LAST12}`],
      ['only Medicare', 'discount_avg', 'avg(discount)', `${KNEE} AND payor = 'Medicare' AND ${LAST12}`],
      ['what about 2025', 'discount_avg', 'avg(discount)', `${KNEE} AND payor = 'Medicare' AND ${Y2025}`],
      [
        'same for hip replacement',
        'discount_avg',
        'avg(discount)',
        `${HIP} AND payor = 'Medicare' AND ${Y2025}`,
      ],
      ['top 3 only', 'discount_avg', 'avg(discount)', `${HIP} AND payor = 'Medicare' AND ${Y2025}`],
      ['by quarter', 'discount_avg', 'avg(discount)', `${HIP} AND payor = 'Medicare' AND ${Y2025}`],
    ];
    let previous: ParsedQuery | undefined;
    for (const [question, key, figure, where] of steps) {
      const asked: Asked = await ask(question, previous ? { previous } : {});
      expect(asked.outcome.kind, question).toBe('query');
      expect(figureKey(asked), question).toBe(key);
      const [scope] = await sql(
        `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where}`,
      );
      const total = asked.answer?.tables.at(-1)?.rows[0];
      expect(total?.cases, question).toBe(scope?.cases);
      close(total?.[key], scope?.figure, question);
      previous = asked.query;
    }
  });

  it('leaves a surgeon out', async () => {
    const [top] = await sql(
      `SELECT surgeon FROM cases WHERE ${KNEE} AND ${LAST12} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const first = await ask('average cost of knee replacement by surgeon');
    const asked = await ask(`leave out ${String(top?.surgeon)}`, { previous: first.query! });
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.some((row) => row.surgeon === top?.surgeon)).toBe(false);
    const [scope] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases FROM cases WHERE ${KNEE} AND ${LAST12} AND surgeon <> '${String(top?.surgeon)}'`,
    );
    expect(asked.answer?.tables[1]?.rows[0]?.cases).toBe(scope?.cases);
  });
});

// ---- Questions without a number ---------------------------------------------------------------------

describe('unanswerable questions get no number', () => {
  it.each([
    ['what is the weather in Boston', /only answer questions about your organization's case data/],
    ['write a poem about surgeons', /only answer questions/],
    ['mortality rate by surgeon', /does not hold that/],
    ['patient satisfaction scores by provider', /does not hold that/],
    ['average cost by zip code', /does not hold that/],
    ['average age of knee replacement patients', /ages are not a figure/],
    ['average cost of unicorn surgery', /didn't find "unicorn surgery"/],
    ['revenue in Texas', /didn't find "Texas"/],
    ['average cost for Humana Gold Plus Platinum', /didn't find/],
  ])('%s', async (question, reason) => {
    const { outcome } = await ask(question);
    expect(outcome).toMatchObject({ kind: 'refuse', message: expect.stringMatching(reason) });
  });

  it.each(['average cost of knee replacement in 2019', 'total revenue in 2030', 'how many cases in Q1 2015'])(
    '%s: a window without data says where the data lies',
    async (question) => {
      const asked = await ask(question);
      expect(asked.answer).toBeUndefined();
      expect(asked.refusal).toMatch(/admitted from .+ to .+/);
    },
  );

  it('refuses a hospital-only figure for a payor, and answers cost from its own data', async () => {
    const margin = await ask('average margin by provider', { orgId: 'lakeside' });
    expect(margin.outcome).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('hospital revenue'),
    });
    const cost = await ask('average cost of knee replacement by provider', { orgId: 'lakeside' });
    const [want] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases, avg(cost) AS figure FROM cases WHERE ${KNEE} AND ${LAST12}`,
      'lakeside',
    );
    expect(cost.answer?.tables[1]?.rows[0]?.cases).toBe(want?.cases);
    close(cost.answer?.tables[1]?.rows[0]?.cost_avg, want?.figure, 'payor cost');
  });

  it('asks among the knee procedures for "knee surgery", naming each once with its cases', async () => {
    const { outcome } = await ask('average cost of knee surgery');
    expect(outcome.kind).toBe('clarify');
    if (outcome.kind !== 'clarify') return;
    expect(outcome.options.map((option) => option.id)).toEqual(expect.arrayContaining(['27447', '29881']));
    for (const option of outcome.options) expect(option.cases).toBeGreaterThan(0);
  });
});

// ---- Questions as analysts type them: shorthand, finance words, a payor's own words --------------------------

/** [question, organization, figure column, hand-written figure, scope]. */
const TYPED: [string, 'mercy' | 'lakeside', string, string, string][] = [
  ['avg cst of knee replacement', 'mercy', 'cost_avg', 'avg(cost)', `${KNEE} AND ${LAST12}`],
  ['tot rev 2025', 'mercy', 'revenue_sum', 'sum(revenue)', Y2025],
  ['mgn for tka in 2025', 'mercy', 'margin_ratio', MARGIN, `${KNEE} AND ${Y2025}`],
  ['disc rate for aetna', 'mercy', 'discount_rate_ratio', DISCOUNT_RATE, `payor = 'Aetna' AND ${LAST12}`],
  ['med los for tka', 'mercy', 'los_median', 'quantile_cont(los_days, 0.5)', `${KNEE} AND ${LAST12}`],
  [
    'readm rate for hip replacement',
    'mercy',
    'readmission_30_ratio',
    READMISSION_RATE,
    `${HIP} AND ${LAST12}`,
  ],
  ['pts over 80 avg los', 'mercy', 'los_avg', 'avg(los_days)', `age > 80 AND ${LAST12}`],
  ['no. of cases in 2025', 'mercy', 'cases_count', 'count(*)', Y2025],
  ['avg or mins for lap chole', 'mercy', 'time_avg', 'avg(or_minutes)', `${CHOLE} AND ${LAST12}`],
  ['avg cost for bcbs', 'mercy', 'cost_avg', 'avg(cost)', `payor = 'Blue Cross Blue Shield' AND ${LAST12}`],
  [
    'revenue from uhc in 2025',
    'mercy',
    'revenue_sum',
    'sum(revenue)',
    `payor = 'UnitedHealthcare' AND ${Y2025}`,
  ],
  [
    'what did we lose on knee replacements',
    'mercy',
    'profit_sum',
    'sum(hospital_revenue - cost)',
    `${KNEE} AND ${LAST12}`,
  ],
  ['total billed for knee replacement', 'mercy', 'revenue_sum', 'sum(revenue)', `${KNEE} AND ${LAST12}`],
  [
    'total amount paid for knee replacement',
    'mercy',
    'paid_sum',
    'sum(revenue - discount)',
    `${KNEE} AND ${LAST12}`,
  ],
  ['total paid amount in 2025', 'lakeside', 'paid_sum', 'sum(revenue - discount)', Y2025],
  [
    'allowed amount for knee replacements in 2025',
    'lakeside',
    'paid_avg',
    'avg(revenue - discount)',
    `${KNEE} AND ${Y2025}`,
  ],
  [
    'total payments for hip replacement',
    'lakeside',
    'paid_sum',
    'sum(revenue - discount)',
    `${HIP} AND ${LAST12}`,
  ],
  ['total claims paid in 2025', 'lakeside', 'paid_sum', 'sum(revenue - discount)', Y2025],
  ['how many claims did we pay in 2025', 'lakeside', 'cases_count', 'count(*)', Y2025],
  ['total billed charges in 2025', 'lakeside', 'revenue_sum', 'sum(revenue)', Y2025],
  // The share of the cases that meet a condition: Σmeeting ÷ Σcases.
  [
    'what percent of cases are over 65',
    'mercy',
    'cases_share',
    '100.0 * count(*) FILTER (WHERE age > 65) / count(*)',
    LAST12,
  ],
  [
    'what proportion of cases stay longer than 5 days',
    'mercy',
    'cases_share',
    '100.0 * count(*) FILTER (WHERE los_days > 5) / count(*)',
    LAST12,
  ],
  [
    'what fraction of cases cost more than $20k in 2025',
    'mercy',
    'cases_share',
    '100.0 * count(*) FILTER (WHERE cost > 20000) / count(*)',
    Y2025,
  ],
  [
    'what percent of cases had or time over 3 hours',
    'mercy',
    'cases_share',
    '100.0 * count(*) FILTER (WHERE or_minutes > 180) / count(*)',
    LAST12,
  ],
  [
    'what percent of knee replacements are over 65',
    'mercy',
    'cases_share',
    '100.0 * count(*) FILTER (WHERE age > 65) / count(*)',
    `${KNEE} AND ${LAST12}`,
  ],
  [
    'what percent of claims cost more than $50k',
    'lakeside',
    'cases_share',
    '100.0 * count(*) FILTER (WHERE cost > 50000) / count(*)',
    LAST12,
  ],
];

describe('questions as analysts type them, checked against SQL', () => {
  it.each(TYPED)('%s (%s)', async (question, orgId, key, figure, where) => {
    const asked = await ask(question, { orgId });
    expect(asked.outcome.kind, JSON.stringify(asked.outcome)).toBe('query');
    expect(figureKey(asked)).toBe(key);
    // A count is answered alone, with the cases as provenance: no figure nobody asked for.
    if (key === 'cases_count')
      expect(asked.query?.workflow === 'analytics' && asked.query.plan.measures).toHaveLength(1);
    const [want] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where}`,
      orgId,
    );
    const row = asked.answer?.tables[0]?.rows[0];
    expect(row?.cases).toBe(want?.cases);
    close(row?.[key], want?.figure, question);
  });

  it.each([
    ['share of cases over 65 by payor in 2025', 'payor', 'payor'],
    [
      'what percent of cases are over 65 by quarter in 2025',
      'quarter',
      "concat(CAST(year(admit_date) AS VARCHAR), '-Q', CAST(quarter(admit_date) AS VARCHAR))",
    ],
  ])("%s: each group's own share, checked group by group", async (question, column, key) => {
    const asked = await ask(question);
    const want = await sql(
      `SELECT ${key} AS name, 100.0 * count(*) FILTER (WHERE age > 65) / count(*) AS figure, CAST(count(*) AS INTEGER) AS cases FROM cases WHERE ${Y2025} GROUP BY 1`,
    );
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows).toHaveLength(want.length);
    for (const expected of want) {
      const row = rows.find((candidate) => candidate[column] === expected.name);
      expect(row?.cases, String(expected.name)).toBe(expected.cases);
      close(row?.cases_share, expected.figure, `${question}: ${String(expected.name)}`);
    }
  });

  it('compares the share of cases over 65 in two years, each over its own cases', async () => {
    const asked = await ask('what percent of cases are over 65 2024 vs 2025');
    const [want] = await sql(
      `SELECT 100.0 * count(*) FILTER (WHERE age > 65 AND ${Y2024}) / count(*) FILTER (WHERE ${Y2024}) AS first, 100.0 * count(*) FILTER (WHERE age > 65 AND ${Y2025}) / count(*) FILTER (WHERE ${Y2025}) AS second FROM cases`,
    );
    const row = asked.answer?.tables[0]?.rows[0];
    close(row?.cases_share_1, want?.first, '2024');
    close(row?.cases_share_2, want?.second, '2025');
  });

  it('says a procedure the organization does not have is not found, offering the closest names', async () => {
    const { outcome } = await ask('average cost of heart transplant');
    expect(outcome.kind).toBe('refuse');
    if (outcome.kind !== 'refuse') return;
    expect(outcome.message).toMatch(
      /^I didn't find "heart transplant" among your procedures or conditions\. The closest names are /,
    );
  });
});

// ---- Words analysts use that once went astray (issue 11) -------------------------------------------

const PREVIOUS12 =
  'admit_date > (SELECT max(admit_date) FROM cases) - INTERVAL 24 MONTH AND admit_date <= (SELECT max(admit_date) FROM cases) - INTERVAL 12 MONTH';
const OSTEOARTHRITIS =
  "condition_code IN ('M17.11', 'M17.12', 'M17.0', 'M16.11', 'M16.12', 'M19.011', 'M19.012')";

describe('scoping words, condition shorthand and loss words, with the figures', () => {
  it.each([
    [
      'cost of colonoscopies over 75 years old',
      'cost_sum',
      'sum(cost)',
      `procedure_code = '45378' AND age > 75 AND ${LAST12}`,
    ],
    ['average los for patients aged 65+', 'los_avg', 'avg(los_days)', `age >= 65 AND ${LAST12}`],
    [
      'cost of tka for patients under 60 years old',
      'cost_sum',
      'sum(cost)',
      `${KNEE} AND age < 60 AND ${LAST12}`,
    ],
    ['readmission rate for OA', 'readmission_30_ratio', READMISSION_RATE, `${OSTEOARTHRITIS} AND ${LAST12}`],
    ['average cost for hip fx', 'cost_avg', 'avg(cost)', `condition_code LIKE 'S72.1%' AND ${LAST12}`],
    ['how many cases with los of 10 or more days', 'cases_count', 'count(*)', `los_days >= 10 AND ${LAST12}`],
    ['number of surgeries in 2025', 'cases_count', 'count(*)', Y2025],
  ])('%s', async (question, key, figure, where) => {
    const asked = await ask(question);
    expect(figureKey(asked), JSON.stringify(asked.outcome).slice(0, 300)).toBe(key);
    const [expected] = await sql(
      `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where}`,
    );
    const row = asked.answer?.tables[0]?.rows[0] ?? {};
    close(row[key], expected?.figure, question);
    checkOpening(asked, Number(expected?.cases));
  });

  it('counts the cases meeting a condition by DRG for "show cases where los > 10 days by drg"', async () => {
    const asked = await ask('show cases where los > 10 days by drg');
    const expected = await sql(
      `SELECT drg_code AS label, CAST(count(*) AS INTEGER) AS n FROM cases WHERE los_days > 10 AND ${LAST12} GROUP BY 1`,
    );
    const byCode = new Map(expected.map((row) => [String(row.label), Number(row.n)]));
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.length).toBe(expected.length);
    for (const row of rows) expect(row.cases_count).toBe(byCode.get(String(row.drg_code)));
  });

  it('keeps only the payors that lose money, lowest first', async () => {
    const asked = await ask('which payors are unprofitable');
    const expected = await sql(
      `SELECT payor AS label, sum(hospital_revenue - cost) AS figure FROM cases WHERE ${LAST12}
       GROUP BY 1 HAVING sum(hospital_revenue - cost) < 0 ORDER BY 2`,
    );
    const rows = asked.answer?.tables[0]?.rows ?? [];
    expect(rows.map((row) => row.payor)).toEqual(expected.map((row) => row.label));
    rows.forEach((row, index) => {
      close(row.profit_sum, expected[index]?.figure, String(row.payor));
    });
    expect(asked.answer?.summary).toMatch(/where total profit is under \$0/);
  });

  it('answers "how are we doing" with the key figures of the last 12 months beside the 12 before', async () => {
    const asked = await ask('how are we doing');
    const row = asked.answer?.tables[0]?.rows[0] ?? {};
    const figures: [string, string][] = [
      ['cases_count', 'count(*)'],
      ['hospital_revenue_sum', 'sum(hospital_revenue)'],
      ['cost_sum', 'sum(cost)'],
      ['margin_ratio', MARGIN],
      ['los_avg', 'avg(los_days)'],
      ['readmission_30_ratio', READMISSION_RATE],
    ];
    for (const [key, figure] of figures) {
      const [before] = await sql(`SELECT ${figure} AS figure FROM cases WHERE ${PREVIOUS12}`);
      const [now] = await sql(`SELECT ${figure} AS figure FROM cases WHERE ${LAST12}`);
      close(row[`${key}_1`], before?.figure, `${key} before`);
      close(row[`${key}_2`], now?.figure, `${key} now`);
    }
    const payor = await ask('how are we doing', { orgId: 'lakeside' });
    expect(payor.refusal ?? '').toBe('');
    const columns = Object.keys(payor.answer?.tables[0]?.rows[0] ?? {});
    expect(columns.some((column) => /margin|hospital_revenue|profit/.test(column))).toBe(false);
  });

  it('simulates what-if wording instead of answering the current figure', async () => {
    const asked = await ask('what happens to margin if medicare cuts rates 5%');
    expect(asked.query).toMatchObject({ workflow: 'simulation', plan: { change: { value: -5 } } });
    const row = asked.answer?.tables[0]?.rows[0] ?? {};
    const [base] = await sql(
      `SELECT sum(hospital_revenue) AS figure FROM cases WHERE payor = 'Medicare' AND ${LAST12}`,
    );
    close(row.before, base?.figure, 'base');
    close(row.after, Number(base?.figure) * 0.95, 'after');
  });

  it.each([
    ['copd readmissions', /didn't find copd/],
    ["what's the readmit rate for CHF", /didn't find CHF/],
    ['gout cost', /didn't find "gout"/],
    ['number of inpatients by month', /does not say which cases were inpatient/],
    ['avg age of tkr patients', /ages are not a figure/],
  ])('states no number for %s', async (question, reason) => {
    const { outcome } = await ask(question);
    expect(outcome).toMatchObject({ kind: 'refuse', message: expect.stringMatching(reason) });
  });
});

// Opening the dashboard with 12 pinned cards over a million cases: when the first card's figures arrive and when
// the last do, with the result cache cold (right after an ingestion) and warm, beside the bare SQL of the same
// plans run the same way (concurrently, one connection each) on the same DuckDB file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { createApp } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { OrgDatabase } from '../server/cases/org-database';
import { loadConfig } from '../server/config';
import { createDeps } from '../server/deps';
import { queryPlan } from '../server/test/query-plan';
import type { QueryPlan } from '../src/contract/query-plan';

const ROWS = Number(process.env.BENCH_DASHBOARD_ROWS ?? 1_000_000);
const TODAY = new Date().toISOString().slice(0, 10);
const ROUNDS = 3;
const FIRST_GOAL_MS = 300;
const ALL_GOAL_MS = 1000;

const base = queryPlan({
  measures: [{ measure: 'cases', aggregation: 'count' }],
  window: { kind: 'data_trailing', months: 12 },
});
const top = (index = 0) => ({ by: 'measure' as const, index, direction: 'desc' as const });
const knee = {
  dimension: 'procedure' as const,
  op: 'in' as const,
  values: [{ id: '27447', name: 'Total knee arthroplasty' }],
};

/** Twelve cards an analyst might keep: rankings, trends, filters, a having clause, comparisons, percentiles. */
const PLANS: [string, QueryPlan][] = [
  ['Cases, last 12 months', base],
  [
    'Revenue by payor',
    { ...base, measures: [{ measure: 'revenue', aggregation: 'sum' }], group_by: ['payor'], order: top() },
  ],
  [
    'Top 10 procedures by cost',
    {
      ...base,
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['procedure'],
      order: top(),
      limit: 10,
    },
  ],
  [
    'Margin by surgeon',
    {
      ...base,
      measures: [
        { measure: 'margin', aggregation: 'ratio' },
        { measure: 'cases', aggregation: 'count' },
      ],
      group_by: ['surgeon'],
      order: top(),
    },
  ],
  [
    'Cases by month, 3 years',
    {
      ...base,
      group_by: ['month'],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'data_trailing', months: 36 },
    },
  ],
  [
    'Knee cost by quarter',
    {
      ...base,
      measures: [{ measure: 'cost', aggregation: 'avg' }],
      group_by: ['quarter'],
      filters: [knee],
      window: { kind: 'all' },
    },
  ],
  [
    'Median LOS by provider',
    { ...base, measures: [{ measure: 'los', aggregation: 'median' }], group_by: ['provider'], order: top() },
  ],
  [
    'Readmission rate by payor',
    {
      ...base,
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: top(),
    },
  ],
  [
    'Seniors by procedure',
    {
      ...base,
      group_by: ['procedure'],
      conditions: [{ field: 'age', op: '>=', value: 65 }],
      order: top(),
      limit: 10,
    },
  ],
  [
    'Surgeons with margin under 10 %',
    {
      ...base,
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '<', value: 10 }],
    },
  ],
  [
    'P90 OR time by procedure',
    {
      ...base,
      measures: [{ measure: 'time', aggregation: 'p90' }],
      group_by: ['procedure'],
      order: top(),
      limit: 10,
    },
  ],
  [
    'Revenue by client, last year',
    {
      ...base,
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['client'],
      window: { kind: 'relative', period: 'last_year' },
    },
  ],
];

interface Opening {
  first: number;
  all: number;
}

function ratio(value: number, bare: number) {
  return bare > 0 ? `${(value / bare).toFixed(2)}×` : 'n/a';
}

export async function benchDashboard(log: (line: string) => void) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-dashboard-'));
  const config = loadConfig({ HP_DATA_DIR: dataDir, HP_SEED_DEMO: '0' });
  const deps = createDeps(config, { log: () => {} });
  const org = deps.accounts.createOrg('Bench General', 'hospital');
  deps.accounts.createUser({
    orgId: org.id,
    email: 'bench@example.com',
    name: 'Bench Analyst',
    role: 'analyst',
    passwordHash: await hashPassword('bench-password-123'),
  });
  const seeded = performance.now();
  await deps.cases.seedDemo(org.id, 'hospital', { cases: ROWS, endDate: TODAY });
  log(
    `dashboard: ${ROWS.toLocaleString('en-US')} demo cases in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );

  const app = createApp(deps);
  const login = await app.request('/api/v1/auth/login/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password-123' }),
  });
  const { access_token } = (await login.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${access_token}` };
  for (const [question, plan] of PLANS) {
    const response = await app.request('/api/v1/dashboard/pins/', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ question, reading: question, workflow: 'analytics', plan }),
    });
    if (response.status !== 201) throw new Error(`pin failed: ${await response.text()}`);
  }

  /** What the page does on open: the card list, then every card's figures at once, and the overview. */
  async function open(): Promise<Opening> {
    const start = performance.now();
    const list = (await (await app.request('/api/v1/dashboard/pins/', { headers })).json()) as {
      results: { id: string }[];
    };
    const done: number[] = [];
    await Promise.all([
      Promise.resolve(app.request('/api/v1/dashboard/overview/', { headers })).then((response) =>
        response.json(),
      ),
      ...list.results.map(async (pin) => {
        const response = await app.request(`/api/v1/dashboard/pins/${pin.id}/result/`, { headers });
        const body = (await response.json()) as { status: string; message?: string };
        if (body.status !== 'ok') throw new Error(`card ${pin.id}: ${body.status} ${body.message}`);
        done.push(performance.now() - start);
      }),
    ]);
    return { first: Math.min(...done), all: Math.max(...done) };
  }

  const cold: Opening[] = [];
  const warm: Opening[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // A new ingestion is what makes every card cold: a one-row file bumps the data version.
    const csv = `case_id,admit_date,discharge_date,procedure_code,revenue\nBENCH-${round},${TODAY},${TODAY},27447,1000\n`;
    await deps.cases.ingest(org.id, `fil_bench_${round}`, {
      filename: 'one.csv',
      format: 'csv',
      open: async () => Readable.from([Buffer.from(csv)]),
    });
    cold.push(await open());
    warm.push(await open());
  }

  // The statement and parameters each plan sends to DuckDB, captured on the way, to run bare on the same file.
  const statements: { sql: string; params: DuckDBValue[] }[] = [];
  const query = OrgDatabase.prototype.query;
  for (const [, plan] of PLANS) {
    let last: { sql: string; params: DuckDBValue[] } | null = null;
    OrgDatabase.prototype.query = function (this: OrgDatabase, sql, params = [], signal) {
      last = { sql, params };
      return query.call(this, sql, params, signal);
    };
    await deps.cases.runPlan(org.id, 'hospital', plan);
    OrgDatabase.prototype.query = query;
    if (last) statements.push(last);
  }
  await deps.close();

  const instance = await DuckDBInstance.create(path.join(dataDir, 'analytics', `${org.id}.duckdb`));
  async function bare(): Promise<Opening> {
    const start = performance.now();
    const done: number[] = [];
    await Promise.all(
      statements.map(async ({ sql, params }) => {
        const connection = await instance.connect();
        try {
          await connection.runAndReadAll(sql, params);
        } finally {
          connection.closeSync();
        }
        done.push(performance.now() - start);
      }),
    );
    return { first: Math.min(...done), all: Math.max(...done) };
  }
  const bareCold = await bare();
  const bareWarm: Opening[] = [];
  for (let round = 0; round < ROUNDS; round += 1) bareWarm.push(await bare());
  instance.closeSync();

  const best = (runs: Opening[]) => ({
    first: Math.min(...runs.map((run) => run.first)),
    all: Math.min(...runs.map((run) => run.all)),
  });
  const worst = (runs: Opening[]) => ({
    first: Math.max(...runs.map((run) => run.first)),
    all: Math.max(...runs.map((run) => run.all)),
  });
  const bareBest = best(bareWarm);
  const line = (name: string, value: Opening, bareValue: Opening) =>
    log(
      `dashboard: ${name.padEnd(22)} first card ${value.first.toFixed(0).padStart(5)} ms (goal ≤ ${FIRST_GOAL_MS}, bare SQL ${bareValue.first.toFixed(0)} ms, ${ratio(value.first, bareValue.first)}), all 12 ${value.all.toFixed(0).padStart(5)} ms (goal ≤ ${ALL_GOAL_MS}, bare SQL ${bareValue.all.toFixed(0)} ms, ${ratio(value.all, bareValue.all)})`,
    );
  line('cold cache, worst', worst(cold), bareCold);
  line('cold cache, best', best(cold), bareBest);
  line('warm cache, worst', worst(warm), bareBest);
  line('warm cache, best', best(warm), bareBest);
  const failing = worst(cold).first > FIRST_GOAL_MS || worst(cold).all > ALL_GOAL_MS;
  log(`dashboard: ${failing ? 'OVER BUDGET' : 'within budget'} (cold, worst of ${ROUNDS})`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// Query plans over generated cases, each beside the bare hand-written SQL for the same answer, in the same run:
// a month-by-month plan and a two-window comparison. 1,000,000 cases by default; `--10m` (or HP_BENCH_10M=1)
// adds the same plans over 10,000,000 cases with the process's memory sampled throughout.
//   npm run bench -- plans          npm run bench -- plans --10m          (--10m-only skips the 1M run)
//
// DuckDB settings (applied on the bench's instance: SET is instance-wide), chosen to hold a 10M-case org under
// 2 GB: memory_limit '1GB' (DuckDB's buffer pool; spills to temp_directory beyond it), threads 2 (the machine's
// cores), preserve_insertion_order false (lets generation stream). The server sets its own in org-database.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemoRows } from '../server/cases/demo-seed';
import { OrgDatabases } from '../server/cases/org-database';
import { loadDataSpan, runQueryPlan } from '../server/cases/plan-engine';
import { queryPlan } from '../server/test/query-plan';
import type { QueryPlan } from '../src/contract/query-plan';

const TODAY = '2026-06-30';
const RUNS = 21;
export const DUCKDB_SETTINGS = {
  memory_limit: '1GB',
  threads: 2,
  preserve_insertion_order: false,
} as const;

interface BenchPlan {
  name: string;
  plan: QueryPlan;
  /** The same answer written by hand: no total row, no parameters, no labels. */
  bare: string;
}

const PLANS: BenchPlan[] = [
  {
    name: 'month by month (cases, avg cost, margin)',
    plan: queryPlan({
      measures: [
        { measure: 'cases', aggregation: 'count' },
        { measure: 'cost', aggregation: 'avg' },
        { measure: 'margin', aggregation: 'ratio' },
      ],
      group_by: ['month'],
      window: { kind: 'data_trailing', months: 24 },
    }),
    bare: `SELECT date_trunc('month', admit_date) AS month, count(*) AS cases, avg(cost) AS cost,
  100 * sum(hospital_revenue - cost) / sum(CASE WHEN cost IS NOT NULL THEN hospital_revenue END) AS margin
FROM cases WHERE admit_date BETWEEN DATE '2024-07-01' AND DATE '${TODAY}'
GROUP BY 1 ORDER BY 1`,
  },
  {
    name: 'two windows by payor (avg cost, total revenue)',
    plan: queryPlan({
      measures: [
        { measure: 'cost', aggregation: 'avg' },
        { measure: 'revenue', aggregation: 'sum' },
      ],
      group_by: ['payor'],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-07-01', to: '2025-06-30', label: 'FY 2025' },
          { kind: 'fixed', from: '2025-07-01', to: '2026-06-30', label: 'FY 2026' },
        ],
      },
    }),
    bare: `SELECT payor,
  avg(cost) FILTER (WHERE admit_date < DATE '2025-07-01') AS cost_1,
  avg(cost) FILTER (WHERE admit_date >= DATE '2025-07-01') AS cost_2,
  sum(revenue) FILTER (WHERE admit_date < DATE '2025-07-01') AS revenue_1,
  sum(revenue) FILTER (WHERE admit_date >= DATE '2025-07-01') AS revenue_2,
  count(*) FILTER (WHERE admit_date < DATE '2025-07-01') AS cases_1,
  count(*) FILTER (WHERE admit_date >= DATE '2025-07-01') AS cases_2
FROM cases WHERE admit_date BETWEEN DATE '2024-07-01' AND DATE '${TODAY}'
GROUP BY payor ORDER BY cost_2 DESC`,
  },
];

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** The process's peak resident memory while `work` runs (DuckDB's memory is in-process, so it counts). */
async function peakMemory<T>(work: () => Promise<T>): Promise<{ value: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMiB: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function benchSize(
  rows: number,
  log: (line: string) => void,
  goals: { firstTableP95: number; ratio: number | null; memoryMiB: number | null },
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-bench-'));
  const databases = new OrgDatabases(dataDir);
  const label = `${(rows / 1e6).toFixed(0)}M`;
  try {
    const database = await databases.get('bench');
    await database.withConnection(async (connection) => {
      for (const [name, value] of Object.entries(DUCKDB_SETTINGS)) {
        await connection.run(`SET ${name} = ${typeof value === 'string' ? `'${value}'` : value}`);
      }
    });
    const seeded = await peakMemory(() =>
      timed(() =>
        database.write((connection) =>
          seedDemoRows(connection, 'hospital', { cases: rows, seed: 11, endDate: TODAY }),
        ),
      ),
    );
    log(
      `plans ${label}: generated ${rows.toLocaleString('en-US')} cases in ${(seeded.value.ms / 1000).toFixed(1)} s (peak RSS ${seeded.peakMiB.toFixed(0)} MiB)`,
    );
    const span = await loadDataSpan(database);
    const context = { today: TODAY, span };

    const measured = await peakMemory(async () => {
      await database.withConnection(async (connection) => {
        for (const { name, plan, bare } of PLANS) {
          // Warm both once: the first read of a column pays for loading it from disk.
          await runQueryPlan(database, 'hospital', plan, context);
          await connection.runAndReadAll(bare);
          const planTimes: number[] = [];
          const bareTimes: number[] = [];
          // By turns, so a load swing on the shared machine hits both alike.
          for (let run = 0; run < RUNS; run++) {
            planTimes.push((await timed(() => runQueryPlan(database, 'hospital', plan, context))).ms);
            bareTimes.push((await timed(() => connection.runAndReadAll(bare))).ms);
          }
          const [p50, p95] = [percentile(planTimes, 0.5), percentile(planTimes, 0.95)];
          const [bare50, bare95] = [percentile(bareTimes, 0.5), percentile(bareTimes, 0.95)];
          const ratio = p50 / bare50;
          const verdicts = [
            `first table p95 ${p95 <= goals.firstTableP95 ? 'ok' : 'MISSED'} (goal < ${goals.firstTableP95} ms)`,
            goals.ratio === null
              ? ''
              : `ratio ${ratio <= goals.ratio ? 'ok' : 'MISSED'} (goal ≤ ${goals.ratio}×)`,
          ].filter(Boolean);
          log(
            `plans ${label}: ${name.padEnd(46)} plan p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; bare SQL p50 ${bare50.toFixed(1)} ms, p95 ${bare95.toFixed(1)} ms; ratio ${ratio.toFixed(2)}×; ${verdicts.join('; ')}`,
          );
        }
      });
    });
    if (goals.memoryMiB !== null) {
      log(
        `plans ${label}: peak RSS while answering ${measured.peakMiB.toFixed(0)} MiB, while generating ${seeded.peakMiB.toFixed(0)} MiB (goal < ${goals.memoryMiB} MiB: ${Math.max(measured.peakMiB, seeded.peakMiB) < goals.memoryMiB ? 'ok' : 'MISSED'})`,
      );
    } else {
      log(`plans ${label}: peak RSS while answering ${measured.peakMiB.toFixed(0)} MiB`);
    }
  } finally {
    await databases.closeAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchPlans(log: (line: string) => void): Promise<void> {
  log(`plans: DuckDB settings ${JSON.stringify(DUCKDB_SETTINGS)}`);
  if (!process.argv.includes('--10m-only')) {
    await benchSize(1_000_000, log, { firstTableP95: 100, ratio: 1.5, memoryMiB: null });
  }
  if (process.argv.some((arg) => arg.startsWith('--10m')) || process.env.HP_BENCH_10M === '1') {
    await benchSize(10_000_000, log, { firstTableP95: 1000, ratio: null, memoryMiB: 2048 });
  } else {
    log('plans: 10M cases skipped (pass --10m or HP_BENCH_10M=1)');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchPlans((line) => console.log(line));
}

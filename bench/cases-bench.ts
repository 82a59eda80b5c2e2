// Ingestion and engine throughput over a million cases, each against the bare DuckDB work it wraps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createCaseStore } from '../server/cases/create-case-store';
import { type OrgDatabase, OrgDatabases } from '../server/cases/org-database';
import { type DataSpan, loadDataSpan, runQueryPlan } from '../server/cases/plan-engine';
import { runPredictionPlan } from '../server/cases/prediction-plan-engine';
import { runSimulationPlan } from '../server/cases/simulation-plan-engine';
import type { CaseStore, EngineResult } from '../server/cases/types';
import { runTypicalCase } from '../server/cases/typical-case-engine';
import { queryPlan } from '../server/test/query-plan';
import type { DimensionFilter } from '../src/contract/query-plan';

/** A provenance statement back into SQL and its parameters (`-- parameters:` lines list `$n = literal`). */
function bareStatement(text: string): { sql: string; params: (string | number)[] } {
  const [sql, list] = text.split('\n-- parameters:\n');
  const params = (list ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const literal = line.replace(/^--\s+\$\d+ = /, '');
      return literal.startsWith("'") ? literal.slice(1, -1).replaceAll("''", "'") : Number(literal);
    });
  return { sql: sql!, params };
}

const ROWS = 1_000_000;
const TODAY = '2026-06-30';
const RUNS = 15;
const INGEST_ROUNDS = 2;
const ENGINE_ORG = 'bench';

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

async function writeCaseCsv(store: CaseStore, dataDir: string, file: string): Promise<void> {
  await store.seedDemo('csv-source', 'hospital', { cases: ROWS, seed: 5, endDate: TODAY });
  await store.close();
  const instance = await DuckDBInstance.create(path.join(dataDir, 'analytics', 'csv-source.duckdb'));
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT * EXCLUDE (file_id) FROM cases) TO '${file}' (HEADER, DELIMITER ',')`);
  connection.closeSync();
  instance.closeSync();
}

async function bareReadCsv(file: string, databaseFile: string): Promise<number> {
  const instance = await DuckDBInstance.create(databaseFile);
  const connection = await instance.connect();
  const { ms } = await timed(() => connection.run(`CREATE TABLE cases AS SELECT * FROM read_csv('${file}')`));
  connection.closeSync();
  instance.closeSync();
  return ms;
}

type Engine = {
  name: string;
  run: (database: OrgDatabase, span: DataSpan) => Promise<EngineResult<unknown>>;
};

const knee = { id: '27447', name: 'Total knee arthroplasty' };
const kneeFilter: DimensionFilter = { dimension: 'procedure', op: 'in', values: [knee] };
const ENGINES: Engine[] = [
  {
    name: 'typical case',
    run: (database, span) =>
      runTypicalCase(
        database,
        'hospital',
        {
          measures: ['revenue', 'cost', 'profit', 'los', 'time'],
          filters: [kneeFilter],
          conditions: [],
          window: { kind: 'data_trailing', months: 12 },
        },
        { today: TODAY, span },
      ),
  },
  {
    name: 'plan (margin by surgeon)',
    run: (database, span) =>
      runQueryPlan(
        database,
        'hospital',
        queryPlan({
          measures: [{ measure: 'margin', aggregation: 'ratio' }],
          group_by: ['surgeon'],
          window: { kind: 'data_trailing', months: 12 },
        }),
        { today: TODAY, span },
      ),
  },
  {
    name: 'plan (median cost by procedure)',
    run: (database, span) =>
      runQueryPlan(
        database,
        'hospital',
        queryPlan({
          measures: [{ measure: 'cost', aggregation: 'median' }],
          group_by: ['procedure'],
          window: { kind: 'data_trailing', months: 12 },
        }),
        { today: TODAY, span },
      ),
  },
  {
    name: 'predictions',
    run: (database, span) =>
      runPredictionPlan(
        database,
        'hospital',
        {
          target: 'cost',
          procedure: knee,
          filters: [],
          gender: 'F',
          age: null,
          age_band: [60, 70],
          secondary_conditions: [],
        },
        span,
      ),
  },
  {
    name: 'simulation',
    run: (database, span) =>
      runSimulationPlan(
        database,
        'hospital',
        {
          target: 'price',
          change: { kind: 'percent', value: 5 },
          filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
          base: { kind: 'data_trailing', months: 12 },
          horizon_months: 12,
        },
        span,
      ),
  },
];

/** Each engine against its own statements on one open connection, run by turns so load swings hit both alike. */
async function benchEngines(database: OrgDatabase, log: (line: string) => void): Promise<void> {
  await database.withConnection(async (connection) => {
    for (const engine of ENGINES) {
      const span = await loadDataSpan(database);
      const result = await engine.run(database, span);
      // The provenance shows numbered parameters beside the statement; the bare run binds the same values.
      const statements = result.provenance.sql.map((text) => bareStatement(text));
      const engineTimes: number[] = [];
      const bareTimes: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        engineTimes.push((await timed(() => engine.run(database, span))).ms);
        bareTimes.push(
          (
            await timed(async () => {
              for (const { sql, params } of statements) await connection.runAndReadAll(sql, params);
            })
          ).ms,
        );
      }
      const [p50, p95] = [percentile(engineTimes, 0.5), percentile(engineTimes, 0.95)];
      const [bare50, bare95] = [percentile(bareTimes, 0.5), percentile(bareTimes, 0.95)];
      log(
        `cases: ${engine.name.padEnd(30)} p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; bare SQL p50 ${bare50.toFixed(1)} ms, p95 ${bare95.toFixed(1)} ms; ratio ${(p50 / bare50).toFixed(2)}× (goal ≤ 3×)`,
      );
    }
  });
}

export async function benchCases(log: (line: string) => void): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cases-bench-'));
  try {
    const csv = path.join(dataDir, 'cases.csv');
    await writeCaseCsv(createCaseStore({ dataDir, today: () => TODAY }), dataDir, csv);
    log(
      `cases: ${ROWS.toLocaleString('en-US')}-row CSV, ${(fs.statSync(csv).size / 2 ** 20).toFixed(0)} MiB`,
    );

    // Alternating rounds, best of each: the machine is shared, so single timings swing widely.
    const store = createCaseStore({ dataDir, today: () => TODAY });
    const bareTimes: number[] = [];
    const ingestTimes: number[] = [];
    for (let round = 1; round <= INGEST_ROUNDS; round++) {
      bareTimes.push(await bareReadCsv(csv, path.join(dataDir, `bare-${round}.duckdb`)));
      const ingest = await timed(() =>
        store.ingest(round === 1 ? ENGINE_ORG : `ingest-${round}`, 'file', {
          filename: 'cases.csv',
          format: 'csv',
          open: async () => fs.createReadStream(csv),
        }),
      );
      if (ingest.value.kind !== 'ingested' || ingest.value.rows !== ROWS)
        throw new Error('the bench file did not ingest');
      ingestTimes.push(ingest.ms);
    }
    const [bareMs, ingestMs] = [Math.min(...bareTimes), Math.min(...ingestTimes)];
    const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en-US');
    log(`cases: bare read_csv into a table   ${rate(bareMs)} rows/s (best of ${INGEST_ROUNDS})`);
    log(
      `cases: ingest (validate + upsert)    ${rate(ingestMs)} rows/s (best of ${INGEST_ROUNDS}, streamed copy included)`,
    );
    log(`cases: ingest / bare = ${(bareMs / ingestMs).toFixed(2)}× (goal ≥ 0.5×)`);

    await store.close();

    const databases = new OrgDatabases(dataDir);
    try {
      await benchEngines(await databases.get(ENGINE_ORG), log);
    } finally {
      await databases.closeAll();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchCases((line) => console.log(line));
}

// What a long streamed answer costs the browser per frame, beside the same answer rendered in one piece.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from '@playwright/test';
import { createApp } from '../../server/app';
import { type BenchOrg, PASSWORD, TODAY } from './bench-org';
import { type FrameCosts, frameCosts, percentile, type Trace } from './frame-costs';
import { ANSWER_CHARACTERS, DELTAS, scriptedStream } from './scripted-stream';

/** Streamed runs measured; the p95 reported is their median, as one run on a shared machine is noisy. */
const STREAMED_RUNS = 3;
const GOAL_MS = 4;
const LONG_TASK_MS = 50;
/** How long the page may take to apply the answer's end before the trace stops anyway. */
const SETTLE_LIMIT_MS = 5_000;

/** The built SPA the bench serves; HP_BENCH_DIST points it at another build, e.g. to compare two versions. */
export const spaDir = () => path.resolve(process.env.HP_BENCH_DIST ?? 'dist');

/** One scripted answer: how many deltas, when the bench is tracing, and word back as the run goes. */
interface Script {
  pieces: number;
  isReady: Promise<void>;
  onSent: () => void;
  /** The page asked for the conversation: after the last event, that means it has applied the whole answer. */
  onConversationFetched: () => void;
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

async function startBenchServer({ deps }: BenchOrg, script: () => Script) {
  const app = createApp(deps, { spaDir: spaDir() });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve(
      {
        port: 0,
        hostname: '127.0.0.1',
        fetch: (request) => {
          const { pathname } = new URL(request.url);
          if (pathname === '/api/v1/agent/query/') {
            const { pieces, isReady, onSent } = script();
            return scriptedStream(pieces, 10, isReady, onSent);
          }
          if (pathname === '/api/v1/agent/conversations/cnv_bench/') {
            script().onConversationFetched();
            return Response.json({
              id: 'cnv_bench',
              title: 'bench',
              created_at: TODAY,
              updated_at: TODAY,
              messages: [],
            });
          }
          return app.fetch(request);
        },
      },
      () => resolve(started),
    );
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface Stage {
  browser: Browser;
  page: Page;
  url: string;
  /** Sets the script the server plays for the next question. */
  play: (script: Script) => void;
}

/** Asks once and traces the answer's arrival; `traceFile` keeps the raw trace, with CPU samples. */
async function measureOnce(
  { browser, page, url, play }: Stage,
  pieces: number,
  traceFile?: string,
): Promise<FrameCosts> {
  const ready = deferred();
  const sent = deferred();
  const script: Script = {
    pieces,
    isReady: ready.promise,
    onSent: sent.resolve,
    onConversationFetched: () => {},
  };
  play(script);
  await page.goto(`${url}/analysis`);
  const box = page.getByRole('textbox', { name: 'Your question' });
  await box.fill('bench');
  await box.press('Enter');
  await page.getByRole('img', { name: 'Average cost by surgeon' }).waitFor();
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      ...(traceFile ? ['disabled-by-default-v8.cpu_profiler'] : []),
    ],
  });
  ready.resolve();
  // Waiting on the server, not on the page: a locator polling in the page would be measured with the app.
  await sent.promise;
  const settled = deferred();
  script.onConversationFetched = settled.resolve;
  await Promise.race([settled.promise, new Promise((resolve) => setTimeout(resolve, SETTLE_LIMIT_MS))]);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const raw = (await browser.stopTracing()).toString('utf8');
  if (traceFile) fs.writeFileSync(traceFile, raw);
  await page.getByRole('button', { name: 'Send' }).waitFor();
  return frameCosts(JSON.parse(raw) as Trace);
}

const fixed = (values: number[], digits: number) => values.map((value) => value.toFixed(digits)).join(' / ');

/**
 * Wall-clock figures are the goal's; CPU figures (the main thread's own time) are printed beside them as a
 * shared two-core machine can double wall time without the page doing any more work.
 */
function report(log: (line: string) => void, streamed: FrameCosts[], whole: FrameCosts) {
  const p95Wall = streamed.map((run) => percentile(run.perFrameMs, 0.95));
  const p95Cpu = streamed.map((run) => percentile(run.perFrameCpuMs, 0.95));
  const longestWall = streamed.map((run) => run.longestTaskMs);
  const longestCpu = streamed.map((run) => run.longestTaskCpuMs);
  log(
    `analysis: ${ANSWER_CHARACTERS} characters in ${DELTAS} deltas, ${STREAMED_RUNS} runs: scripting per frame p95 ${fixed(p95Wall, 2)} ms (CPU ${fixed(p95Cpu, 2)} ms); longest task ${fixed(longestWall, 1)} ms (CPU ${fixed(longestCpu, 1)} ms)`,
  );
  log(
    `analysis: baseline, the same answer rendered in one piece: longest task ${whole.longestTaskMs.toFixed(1)} ms (CPU ${whole.longestTaskCpuMs.toFixed(1)} ms)`,
  );
  const against = (label: string, wall: number, cpu: number, goal: number) => {
    const baseline = Math.max(0.01, whole.longestTaskMs);
    const baselineCpu = Math.max(0.01, whole.longestTaskCpuMs);
    log(
      `analysis: ${label} ${wall.toFixed(2)} ms = ${(wall / baseline).toFixed(3)}× baseline, ${(wall / goal).toFixed(2)}× goal ${goal} ms (goal ≤ 1.00×); CPU ${cpu.toFixed(2)} ms = ${(cpu / baselineCpu).toFixed(3)}× baseline, ${(cpu / goal).toFixed(2)}× goal`,
    );
  };
  against('streamed p95 per frame (median run)', percentile(p95Wall, 0.5), percentile(p95Cpu, 0.5), GOAL_MS);
  against(
    'streamed longest task (worst run)',
    Math.max(...longestWall),
    Math.max(...longestCpu),
    LONG_TASK_MS,
  );
}

export async function benchRendering(log: (line: string) => void, org: BenchOrg) {
  let script: Script = {
    pieces: DELTAS,
    isReady: Promise.resolve(),
    onSent: () => {},
    onConversationFetched: () => {},
  };
  const { server, url } = await startBenchServer(org, () => script);
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const stage: Stage = {
      browser,
      page,
      url,
      play: (next) => {
        script = next;
      },
    };
    await page.goto(`${url}/sign-in?from=%2Fanalysis`);
    await page.getByLabel('Email').fill(org.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('textbox', { name: 'Your question' }).waitFor();
    const streamed: FrameCosts[] = [];
    for (let run = 0; run < STREAMED_RUNS; run += 1) {
      streamed.push(await measureOnce(stage, DELTAS, process.env.HP_BENCH_TRACE?.replace('%d', String(run))));
    }
    report(log, streamed, await measureOnce(stage, 1));
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

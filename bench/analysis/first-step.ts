// How soon a question over a million cases shows its first step and its table, beside the bare engine.
import { createApp } from '../../server/app';
import { queryPlan } from '../../server/test/query-plan';
import { type BenchOrg, PASSWORD, TODAY } from './bench-org';

const CASES = 1_000_000;
const RUNS = 5;

const median = (values: number[]) =>
  [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;

async function timeQuestion(app: ReturnType<typeof createApp>, authorization: string, question: string) {
  const started = performance.now();
  const response = await app.request('/api/v1/agent/query/', {
    method: 'POST',
    headers: {
      Authorization: authorization,
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
    },
    body: JSON.stringify({ question }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let firstStep = 0;
  let table = 0;
  while (!table) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
    if (!firstStep && text.includes('event: step.started')) firstStep = performance.now() - started;
    if (text.includes('event: table')) table = performance.now() - started;
  }
  await reader.cancel();
  return { firstStep, table };
}

export async function benchFirstStep(log: (line: string) => void, { deps, orgId, email }: BenchOrg) {
  const seeded = performance.now();
  await deps.cases.seedDemo(orgId, 'hospital', { cases: CASES, endDate: TODAY });
  log(
    `analysis: seeded ${CASES.toLocaleString('en-US')} cases in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const app = createApp(deps);
  const login = await app.request('/api/v1/auth/login/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const question = 'average cost by surgeon last 12 months';
  const toFirstStep: number[] = [];
  const toTable: number[] = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const { firstStep, table } = await timeQuestion(app, `Bearer ${token}`, question);
    // The first run warms the engine's caches and is left out.
    if (run > 0) {
      toFirstStep.push(firstStep);
      toTable.push(table);
    }
  }
  const engine: number[] = [];
  const plan = queryPlan({
    group_by: ['surgeon'],
    window: { kind: 'relative', period: 'last_months', count: 12 },
  });
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await deps.cases.runPlan(orgId, 'hospital', plan);
    engine.push(performance.now() - started);
  }
  const bare = median(engine);
  log(
    `analysis: ${CASES.toLocaleString('en-US')} cases, "${question}": first step ${median(toFirstStep).toFixed(1)} ms, table ${median(toTable).toFixed(1)} ms; bare engine ${bare.toFixed(1)} ms; table ratio ${(median(toTable) / bare).toFixed(2)}× (goal ≤ 1.5×)`,
  );
}

// An app whose agent uses a scripted analyst that tests can hold mid-run, and an SSE reader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createParser } from 'eventsource-parser';
import type { AgentEvent } from '../../src/contract/agent';
import { parseAgentEvent } from '../../src/contract/agent';
import { createAgentService } from '../agent/agent-service';
import { createAgentStore } from '../agent/agent-store';
import type { Analyst, AnalystRequest } from '../agent/analyst';
import type { ParsedQuery } from '../agent/parser';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createDeps } from '../deps';
import type { RunLimitOptions } from '../lib/rate-limit';
import { testClock } from './make-app';

export const SUMMARY = `I read this as **average cost of all cases, 2025-11-29 – 2026-11-28**, 1,204 cases.\n\n${'Figures follow. '.repeat(20)}\n`;

export const QUERY: ParsedQuery = {
  workflow: 'analytics',
  plan: {
    measures: [{ measure: 'cost', aggregation: 'avg' }],
    group_by: ['surgeon'],
    filters: [],
    conditions: [],
    having: [],
    comparison: null,
    order: { by: 'measure', index: 0, direction: 'desc' },
    limit: null,
    window: { kind: 'data_trailing', months: 12 },
  },
};

/** Answers every question the same way; `hold()` makes the next answers wait until `release()` or cancel. */
export function scriptedAnalyst() {
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const seen: { request: AnalystRequest; signal: AbortSignal }[] = [];
  const analyst: Analyst = {
    async read(request, signal) {
      seen.push({ request, signal });
      if (request.question.startsWith('poem'))
        return { kind: 'refuse', message: 'Only case data.', examples: ['total cost'] };
      if (request.question.startsWith('knee')) {
        return {
          kind: 'clarify',
          message: '"knee" matches more than one procedure.',
          text: 'knee',
          options: [
            { kind: 'procedure', id: '27447', name: 'Total knee arthroplasty', score: 0.7, cases: 812 },
            { kind: 'procedure', id: '29881', name: 'Knee arthroscopy', score: 0.68, cases: 240 },
          ],
        };
      }
      return {
        kind: 'query',
        query: QUERY,
        reading: 'average cost of all cases by surgeon',
        dates: { from: '2025-11-29', to: '2026-11-28' },
        resolutions: [
          {
            text: 'Chen',
            best: { kind: 'surgeon', id: 'Wei Chen', name: 'Wei Chen', score: 0.9 },
            alternatives: [],
            ambiguous: false,
          },
        ],
      };
    },
    async answer(_request, _outcome, signal) {
      await Promise.race([
        gate,
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
        ),
      ]);
      return {
        tables: [
          {
            title: 'Average cost by surgeon',
            columns: [
              { key: 'value', label: 'Surgeon', type: 'string' },
              { key: 'figure', label: 'Average cost', type: 'currency', unit: 'USD' },
            ],
            rows: [{ value: '<img src=x onerror=alert(1)>', figure: 1200 }],
            rowCount: 1,
            truncated: false,
          },
        ],
        chart: { kind: 'bar', table: 0, x: 'value', y: ['figure'] },
        sql: ['SELECT avg(cost) FROM cases'],
        summary: SUMMARY,
        suggestions: ['same by payor'],
      };
    },
    examples: async () => ['average cost by surgeon'],
  };
  return {
    analyst,
    seen,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
  };
}

export function makeAgentTestApp(analyst: Analyst, limits?: RunLimitOptions) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-agent-'));
  const config = loadConfig({ HP_DATA_DIR: dataDir, HP_SEED_DEMO: '0' });
  const clock = testClock();
  const logs: object[] = [];
  const deps = createDeps(config, { now: clock.now, log: (line) => logs.push(line) });
  deps.agent = createAgentService({
    store: createAgentStore(deps.db, deps.now),
    analyst,
    today: () => '2026-11-28',
    log: (line) => logs.push(line),
    ...(limits ? { limits } : {}),
  });
  const app = createApp(deps);
  return {
    app,
    deps,
    clock,
    logs,
    async close() {
      // The replaced agent is not the one deps.close() knows about; its runs must end before the database closes.
      await deps.agent.close();
      await deps.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads SSE events from a response until the stream ends, or until `until` says stop (then cancels the body). */
export async function readEvents(
  response: Response,
  until?: (event: AgentEvent) => boolean,
): Promise<AgentEvent[]> {
  const events: AgentEvent[] = [];
  let isDone = false;
  const parser = createParser({
    onEvent(message) {
      if (isDone) return;
      const event = parseAgentEvent(Number(message.id), message.event ?? 'message', JSON.parse(message.data));
      if (!event) throw new Error(`unreadable event ${message.event}`);
      events.push(event);
      if (until?.(event)) isDone = true;
    },
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  while (!isDone) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.feed(value);
  }
  if (isDone) await reader.cancel();
  return events;
}

import { afterEach, describe, expect, it } from 'vitest';
import { AgentQueryResponse } from '../../src/contract/agent';
import { createAgentService } from '../agent/agent-service';
import { createAgentStore } from '../agent/agent-store';
import type { Analyst } from '../agent/analyst';
import { makeAgentTestApp, readEvents, scriptedAnalyst } from '../test/agent-app';
import { addOrgWithUser, signIn } from '../test/make-app';

// A run cannot hold its asker's slot for ever, and list parameters outside their range are refused with a
// message rather than quietly bent.

type AgentTestApp = ReturnType<typeof makeAgentTestApp>;
let t: AgentTestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function appWith(analyst: Analyst, maxRunMs: number) {
  t = makeAgentTestApp(analyst);
  t.deps.agent = createAgentService({
    store: createAgentStore(t.deps.db, t.deps.now),
    analyst,
    today: () => '2026-11-28',
    log: () => {},
    limits: { concurrent: 1 },
    maxRunMs,
  });
  const { email } = await addOrgWithUser(t as never, 'Limits');
  return { Authorization: (await signIn(t as never, email)).authorization };
}

const ask = (user: Record<string, string>, question: string, accept = 'application/json') =>
  t!.app.request('/api/v1/agent/query/', {
    method: 'POST',
    headers: { ...user, 'Content-Type': 'application/json', Accept: accept },
    body: JSON.stringify({ question }),
  });

describe('run time limit', () => {
  it('ends a run that takes too long with run.failed timeout, and frees the asker’s slot', async () => {
    const scripted = scriptedAnalyst();
    scripted.hold();
    const user = await appWith(scripted.analyst, 800);
    const events = await readEvents(await ask(user, 'average cost', 'text/event-stream'));
    expect(events.at(-1)).toMatchObject({
      event: 'run.failed',
      data: { error: 'timeout', message: expect.stringMatching(/narrower question/) },
    });
    expect(events.filter((event) => event.event === 'run.failed')).toHaveLength(1);
    const failedStep = events.find((event) => event.event === 'step.failed');
    expect(failedStep?.data).toMatchObject({ error: 'timeout', message: expect.stringMatching(/too long/) });
    scripted.release();
    const next = AgentQueryResponse.parse(await (await ask(user, 'average cost')).json());
    expect(next.message.status).toBe('complete');
  });

  it('ends the run even when the work ignores the stop signal', async () => {
    const stuck: Analyst = {
      ...scriptedAnalyst().analyst,
      answer: () => new Promise(() => {}),
    };
    const user = await appWith(stuck, 100);
    const response = await ask(user, 'average cost');
    const body = AgentQueryResponse.parse(await response.json());
    expect(body.message).toMatchObject({ status: 'failed', error: { error: 'timeout' } });
    const conversation = await t!.app.request(`/api/v1/agent/conversations/${body.conversation_id}/`, {
      headers: user,
    });
    expect(((await conversation.json()) as { messages: { status: string }[] }).messages[1]?.status).toBe(
      'failed',
    );
  }, 10_000);
});

describe('conversation list parameters', () => {
  it('refuses a limit outside 1–200 and a cursor it did not issue, and pages with its own', async () => {
    const scripted = scriptedAnalyst();
    const user = await appWith(scripted.analyst, 5_000);
    for (const question of ['first question', 'second question']) await (await ask(user, question)).json();
    const list = (query: string) => t!.app.request(`/api/v1/agent/conversations/${query}`, { headers: user });
    for (const query of [
      '?limit=0',
      '?limit=201',
      '?limit=-1',
      '?cursor=not-a-cursor',
      `?cursor=${'x'.repeat(300)}`,
    ]) {
      const response = await list(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('validation_error');
    }
    const first = (await (await list('?limit=1')).json()) as { results: unknown[]; next_cursor: string };
    expect(first.results).toHaveLength(1);
    const second = (await (await list(`?limit=1&cursor=${first.next_cursor}`)).json()) as {
      results: unknown[];
      next_cursor: null;
    };
    expect(second).toMatchObject({ next_cursor: null });
    expect(second.results).toHaveLength(1);
  });
});

describe('event log retention', () => {
  it('drops the replay log of runs finished a week ago, keeping their last event and their answer', async () => {
    const scripted = scriptedAnalyst();
    const user = await appWith(scripted.analyst, 5_000);
    const first = AgentQueryResponse.parse(await (await ask(user, 'average cost')).json());
    const logged = t!.deps.agent.store.eventsAfter(first.run_id, 0);
    expect(logged.length).toBeGreaterThan(5);
    t!.clock.advance(8 * 86_400_000);
    const later = { Authorization: (await signIn(t as never, 'limits@example.com')).authorization };
    expect((await ask(later, 'average cost again')).status).toBe(200);
    expect(t!.deps.agent.store.eventsAfter(first.run_id, 0)).toEqual([logged.at(-1)]);
    const resumed = await t!.app.request(`/api/v1/agent/runs/${first.run_id}/events/`, {
      headers: { ...later, Accept: 'text/event-stream', 'Last-Event-ID': '2' },
    });
    expect((await readEvents(resumed)).map((event) => event.event)).toEqual(['run.completed']);
    const conversation = await t!.app.request(`/api/v1/agent/conversations/${first.conversation_id}/`, {
      headers: later,
    });
    const messages = ((await conversation.json()) as { messages: { content: string }[] }).messages;
    expect(messages[1]?.content).toBe(first.message.content);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { AgentQueryResponse, Conversation } from '../../src/contract/agent';
import { makeAgentTestApp, QUERY, readEvents, SUMMARY, scriptedAnalyst } from '../test/agent-app';
import { addOrgWithUser, signIn } from '../test/make-app';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(limits?: { perMinute?: number; concurrent?: number }) {
  const script = scriptedAnalyst();
  const t = makeAgentTestApp(script.analyst, limits);
  cleanup = t.close;
  const { email } = await addOrgWithUser(t, 'Mercy');
  const { authorization } = await signIn(t, email);
  const ask = (
    question: string,
    options: { stream?: boolean; conversationId?: string; auth?: string } = {},
  ) =>
    t.app.request('/api/v1/agent/query/', {
      method: 'POST',
      headers: {
        Authorization: options.auth ?? authorization,
        'Content-Type': 'application/json',
        Accept: options.stream === false ? 'application/json' : 'text/event-stream',
      },
      body: JSON.stringify({
        question,
        ...(options.conversationId ? { conversation_id: options.conversationId } : {}),
      }),
    });
  const get = (path: string, headers: Record<string, string> = {}, auth = authorization) =>
    t.app.request(`/api/v1/agent/${path}`, { headers: { Authorization: auth, ...headers } });
  return { t, script, authorization, ask, get };
}

describe('agent query stream', () => {
  it('streams numbered events in order, steps before the table and the answer after it', async () => {
    const { ask } = await setup();
    const response = await ask('average cost by surgeon');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const events = await readEvents(response);
    expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    const names = events.map((event) => event.event).filter((name, index, all) => name !== all[index - 1]);
    expect(names).toEqual([
      'run.started',
      'step.started',
      'step.completed',
      'entity.resolved',
      'plan',
      'step.started',
      'step.completed',
      'query',
      'table',
      'chart',
      'step.started',
      'text.delta',
      'step.completed',
      'suggestions',
      'run.completed',
    ]);
    const text = events.flatMap((event) => (event.event === 'text.delta' ? [event.data.delta] : [])).join('');
    expect(text).toBe(SUMMARY);
    expect(events.filter((event) => event.event === 'text.delta').length).toBeGreaterThan(3);
  });

  it('times each step and the run by the clock: an answer held for 200 ms takes at least that', async () => {
    const { ask, script } = await setup();
    script.hold();
    // Released 200 ms after the client hears that the step started, so the step took at least that long.
    const events = await readEvents(await ask('average cost by surgeon'), (event) => {
      if (event.event === 'step.started' && event.data.label === 'Querying the cases')
        setTimeout(() => script.release(), 200);
      return false;
    });
    const steps = events.flatMap((event) => (event.event === 'step.completed' ? [event.data] : []));
    const held = steps.find((step) => step.label === 'Querying the cases');
    // The margin is for timer granularity only.
    expect(held?.duration_ms).toBeGreaterThanOrEqual(198);
    const run = events.at(-1);
    expect(run?.event).toBe('run.completed');
    expect(run?.event === 'run.completed' && run.data.duration_ms).toBeGreaterThanOrEqual(held!.duration_ms);
  });

  it('sends the typed plan with its reading and dates before the query runs', async () => {
    const { ask } = await setup();
    const events = await readEvents(await ask('average cost by surgeon'));
    const plan = events.find((event) => event.event === 'plan');
    expect(plan?.data).toEqual({
      block_id: 'plan_1',
      workflow: 'analytics',
      plan: QUERY.plan,
      reading: 'average cost of all cases by surgeon',
      dates: { from: '2025-11-29', to: '2026-11-28' },
    });
    const names = events.map((event) => event.event);
    expect(names.indexOf('plan')).toBeLessThan(names.indexOf('query'));
    expect(names.indexOf('plan')).toBeGreaterThan(names.indexOf('entity.resolved'));
  });

  it('asks back with a clarify event naming each option once, with its cases, and ends the run there', async () => {
    const { ask } = await setup();
    const events = await readEvents(await ask('knee cost by surgeon'));
    const names = events.map((event) => event.event);
    expect(names).not.toContain('plan');
    expect(names).not.toContain('query');
    expect(names).not.toContain('table');
    expect(names.at(-1)).toBe('run.completed');
    const clarify = events.find((event) => event.event === 'clarify');
    expect(clarify?.data).toEqual({
      text: 'knee',
      question: '"knee" matches more than one procedure.',
      options: [
        { kind: 'procedure', id: '27447', name: 'Total knee arthroplasty', cases: 812 },
        { kind: 'procedure', id: '29881', name: 'Knee arthroscopy', cases: 240 },
      ],
    });
  });

  it('answers as JSON when the client does not ask for a stream, and keeps the conversation', async () => {
    const { ask, get } = await setup();
    const response = await ask('average cost by surgeon', { stream: false });
    expect(response.status).toBe(200);
    const body = AgentQueryResponse.parse(await response.json());
    expect(body.message).toMatchObject({ role: 'assistant', status: 'complete', content: SUMMARY });
    expect(body.message.blocks.map((block) => block.type)).toEqual([
      'step',
      'entity',
      'plan',
      'step',
      'query',
      'table',
      'chart',
      'step',
      'suggestions',
    ]);
    const conversation = Conversation.parse(
      await (await get(`conversations/${body.conversation_id}/`)).json(),
    );
    expect(conversation.title).toBe('average cost by surgeon');
    expect(conversation.messages.map((message) => [message.role, message.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(conversation.messages[1]).toEqual(body.message);
  });

  it('keeps running when the client drops, and resumes after Last-Event-ID without loss or duplicates', async () => {
    const { ask, get, script } = await setup();
    script.hold();
    const first = await readEvents(await ask('average cost by surgeon'), (event) => event.id === 3);
    expect(first.map((event) => event.id)).toEqual([1, 2, 3]);
    const runId = first[0]?.event === 'run.started' ? first[0].data.run_id : '';
    const resumed = await get(`runs/${runId}/events/`, { 'Last-Event-ID': '3' });
    expect(resumed.status).toBe(200);
    const rest = readEvents(resumed);
    script.release();
    const after = await rest;
    expect(after[0]?.id).toBe(4);
    expect(after.map((event) => event.id)).toEqual(after.map((_, index) => index + 4));
    expect(after.at(-1)?.event).toBe('run.completed');
    const replay = await readEvents(await get(`runs/${runId}/events/`, { 'Last-Event-ID': '0' }));
    expect(replay).toEqual([...first, ...after]);
    // EventSource cannot send the header; the query parameter says the same, and is checked the same way.
    expect(await readEvents(await get(`runs/${runId}/events/?last_event_id=3`))).toEqual(after);
    expect((await get(`runs/${runId}/events/?last_event_id=three`)).status).toBe(400);
  });

  it('cancels a run: 202, the work is aborted and the run ends with run.failed cancelled', async () => {
    const { ask, script, t, authorization, get } = await setup();
    script.hold();
    const response = await ask('average cost by surgeon');
    const events: Awaited<ReturnType<typeof readEvents>> = [];
    const reading = readEvents(response, (event) => {
      events.push(event);
      return false;
    });
    await expect
      .poll(() => events.some((event) => event.event === 'step.started' && event.data.kind === 'query'))
      .toBe(true);
    const runId = events[0]?.event === 'run.started' ? events[0].data.run_id : '';
    const cancel = await t.app.request(`/api/v1/agent/runs/${runId}/cancel/`, {
      method: 'POST',
      headers: { Authorization: authorization },
    });
    expect(cancel.status).toBe(202);
    const all = await reading;
    expect(all.at(-2)).toMatchObject({ event: 'step.failed', data: { error: 'cancelled' } });
    expect(all.at(-1)).toMatchObject({ event: 'run.failed', data: { error: 'cancelled' } });
    expect(script.seen[0]?.signal.aborted).toBe(true);
    expect(all.some((event) => event.event === 'table')).toBe(false);
    const conversationId = all[0]?.event === 'run.started' ? all[0].data.conversation_id : '';
    const conversation = Conversation.parse(await (await get(`conversations/${conversationId}/`)).json());
    expect(conversation.messages[1]?.status).toBe('cancelled');
  });

  it('limits how fast one user may start runs, with Retry-After', async () => {
    const { ask } = await setup({ perMinute: 2 });
    expect((await ask('one', { stream: false })).status).toBe(200);
    expect((await ask('two', { stream: false })).status).toBe(200);
    const limited = await ask('three', { stream: false });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
  });

  it('passes the last answered query of the conversation to a follow-up', async () => {
    const { ask, script } = await setup();
    const first = AgentQueryResponse.parse(
      await (await ask('average cost by surgeon', { stream: false })).json(),
    );
    await ask('poem please', { stream: false, conversationId: first.conversation_id });
    await ask('and by payor', { stream: false, conversationId: first.conversation_id });
    expect(script.seen[0]?.request.previous).toBeUndefined();
    expect(script.seen[2]?.request.previous).toMatchObject({
      workflow: 'analytics',
      plan: { group_by: ['surgeon'] },
    });
    // The turn just before the follow-up was refused: the parser is told, so it can ask what it refers to.
    expect(script.seen[1]?.request.previousUnanswered).toBe(false);
    expect(script.seen[2]?.request.previousUnanswered).toBe(true);
  });

  it('answers an unanswerable question with an explanation and examples, and an ambiguous one with a question', async () => {
    const { ask } = await setup();
    const refused = AgentQueryResponse.parse(await (await ask('poem please', { stream: false })).json());
    expect(refused.message.content).toContain('Only case data.');
    expect(refused.message.blocks.some((block) => block.type === 'table')).toBe(false);
    expect(refused.message.blocks.at(-1)).toEqual({ type: 'suggestions', questions: ['total cost'] });
    const asked = AgentQueryResponse.parse(
      await (await ask('knee cost by surgeon', { stream: false })).json(),
    );
    expect(asked.message.content).toContain('Which one did you mean?');
    // The options come once, as the clarify block's buttons, not again as suggestion chips.
    expect(asked.message.blocks.at(-1)).toMatchObject({
      type: 'clarify',
      options: [{ name: 'Total knee arthroplasty' }, { name: 'Knee arthroscopy' }],
    });
    expect(asked.message.blocks.some((block) => block.type === 'suggestions')).toBe(false);
  });
});

describe('agent isolation', () => {
  it('hides one organization’s runs and conversations from another', async () => {
    const { t, ask, get, script } = await setup();
    script.hold();
    const first = await readEvents(await ask('average cost by surgeon'), (event) => event.id === 1);
    const started = first[0];
    if (started?.event !== 'run.started') throw new Error('no run.started');
    const other = await addOrgWithUser(t, 'Lakeside', 'payor');
    const { authorization: otherAuth } = await signIn(t, other.email);
    const runId = started.data.run_id;
    const conversationId = started.data.conversation_id;
    expect((await get(`runs/${runId}/events/`, {}, otherAuth)).status).toBe(404);
    const cancel = await t.app.request(`/api/v1/agent/runs/${runId}/cancel/`, {
      method: 'POST',
      headers: { Authorization: otherAuth },
    });
    expect(cancel.status).toBe(404);
    expect((await get(`conversations/${conversationId}/`, {}, otherAuth)).status).toBe(404);
    const deleted = await t.app.request(`/api/v1/agent/conversations/${conversationId}/`, {
      method: 'DELETE',
      headers: { Authorization: otherAuth },
    });
    expect(deleted.status).toBe(404);
    expect(await (await get('conversations/', {}, otherAuth)).json()).toEqual({
      results: [],
      next_cursor: null,
    });
    const followUp = await ask('and by payor', { stream: false, conversationId, auth: otherAuth });
    expect(followUp.status).toBe(404);
    script.release();
    const list = (await (await get('conversations/')).json()) as { results: { id: string }[] };
    expect(list.results.map((item) => item.id)).toEqual([conversationId]);
  });

  it('deletes a conversation with its runs and refuses requests without credentials', async () => {
    const { t, ask, get, authorization } = await setup();
    const answer = AgentQueryResponse.parse(await (await ask('average cost', { stream: false })).json());
    const deleted = await t.app.request(`/api/v1/agent/conversations/${answer.conversation_id}/`, {
      method: 'DELETE',
      headers: { Authorization: authorization },
    });
    expect(deleted.status).toBe(204);
    expect((await get(`conversations/${answer.conversation_id}/`)).status).toBe(404);
    expect((await get(`runs/${answer.run_id}/events/`)).status).toBe(404);
    expect((await t.app.request('/api/v1/agent/conversations/')).status).toBe(401);
  });
});

describe('agent credentials', () => {
  it('accepts an API key with the agent scope, keeps its history apart, and refuses one without it', async () => {
    const { t, get } = await setup();
    const orgId = t.deps.accounts.listOrgs()[0]!.id;
    const agentKey = t.deps.keys.create({
      orgId,
      name: 'reports',
      scopes: ['agent'],
      expiresInDays: null,
    }).secret;
    const uploadKey = t.deps.keys.create({
      orgId,
      name: 'ingest',
      scopes: ['upload'],
      expiresInDays: null,
    }).secret;
    const askWith = (key: string) =>
      t.app.request('/api/v1/agent/query/', {
        method: 'POST',
        headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: 'average cost by surgeon' }),
      });
    const answered = await askWith(agentKey);
    expect(answered.status).toBe(200);
    const { conversation_id } = AgentQueryResponse.parse(await answered.json());
    expect((await askWith(uploadKey)).status).toBe(403);
    // The signed-in analyst of the same organization does not see the service's conversation.
    expect((await get(`conversations/${conversation_id}/`)).status).toBe(404);
  });
});

describe('runs left behind by a restart', () => {
  it('are closed with run.failed "interrupted", so a resume ends instead of waiting forever', async () => {
    const { t, get } = await setup();
    const orgId = t.deps.accounts.listOrgs()[0]!.id;
    const owner = t.deps.accounts.listUsers()[0]!.id;
    const store = t.deps.agent.store;
    const conversation = store.createConversation({ orgId, owner }, 'cost');
    const run = store.createRun({ orgId, owner }, conversation.id, 'cost');
    store.appendEvent(run.id, {
      event: 'run.started',
      data: {
        run_id: run.id,
        conversation_id: conversation.id,
        message_id: run.message_id,
        question: 'cost',
      },
    });
    t.deps.agent.closeInterrupted();
    const events = await readEvents(await get(`runs/${run.id}/events/`, { 'Last-Event-ID': '1' }));
    expect(events).toEqual([
      { id: 2, event: 'run.failed', data: expect.objectContaining({ error: 'interrupted' }) },
    ]);
    const stored = Conversation.parse(await (await get(`conversations/${conversation.id}/`)).json());
    expect(stored.messages[1]).toMatchObject({ status: 'failed', error: { error: 'interrupted' } });
  });
});

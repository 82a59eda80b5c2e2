import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentQueryResponse, type MessageBlock } from '../../src/contract/agent';
import { addOrgWithUser, makeTestApp, signIn, type TestApp } from '../test/make-app';
import { textPieces } from './text-pieces';

let t: TestApp;
let authorization = '';
let orgId = '';

beforeAll(async () => {
  t = makeTestApp();
  const { org, email } = await addOrgWithUser(t, 'Mercy');
  orgId = org.id;
  await t.deps.cases.seedDemo(org.id, 'hospital', { endDate: '2026-11-28', cases: 3000 });
  ({ authorization } = await signIn(t, email));
});
afterAll(() => t.close());

async function ask(question: string, conversationId?: string) {
  const response = await t.app.request('/api/v1/agent/query/', {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ question, ...(conversationId ? { conversation_id: conversationId } : {}) }),
  });
  expect(response.status).toBe(200);
  return AgentQueryResponse.parse(await response.json());
}

const types = (blocks: MessageBlock[]) => blocks.map((block) => block.type);

describe('the case analyst over real data', () => {
  it('offers example questions from the organization’s data, each of which it answers with figures', async () => {
    const examples = await t.deps.agent.examples(orgId, 'hospital');
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const question of examples) {
      const { message } = await ask(question);
      expect(message.status, question).toBe('complete');
      expect(types(message.blocks), question).toContain('table');
      expect(message.content, question).toMatch(/^I read this as \*\*.+\*\*.*, [\d,]+ cases?\./);
    }
    // Each example is read and run; on a busy machine that takes a while.
  }, 60_000);

  it('answers with the reading, window and case count, and builds a follow-up on the last question', async () => {
    const first = await ask('total revenue by payor last year');
    expect(first.message.content).toContain('1 Jan 2025 – 31 Dec 2025');
    expect(first.message.blocks.find((block) => block.type === 'chart')).toMatchObject({
      kind: 'bar',
      x: 'payor',
    });
    expect(first.message.blocks.find((block) => block.type === 'plan')).toMatchObject({
      workflow: 'analytics',
      plan: { group_by: ['payor'], measures: [{ measure: 'revenue', aggregation: 'sum' }] },
      dates: { from: '2025-01-01', to: '2025-12-31' },
    });
    const followUp = await ask('and by surgeon', first.conversation_id);
    expect(followUp.message.content).toMatch(
      /total revenue of all cases by surgeon, last year \(1 Jan 2025 – 31 Dec 2025\)/,
    );
  });

  it('asks which one was meant for an ambiguous name, and refuses off-topic questions without a number', async () => {
    const asked = await ask('knee cost');
    expect(types(asked.message.blocks)).not.toContain('table');
    expect(types(asked.message.blocks)).toContain('clarify');
    const clarify = asked.message.blocks.find((block) => block.type === 'clarify');
    if (clarify?.type === 'clarify') {
      for (const option of clarify.options) expect(option.cases, option.name).toBeGreaterThan(0);
    }
    const refused = await ask('write a poem about surgeons');
    expect(types(refused.message.blocks)).toEqual(['step', 'suggestions']);
    expect(refused.message.content).not.toMatch(/\$\d/);
  });
});

describe('the written answer', () => {
  it('cuts the answer into pieces that join back to it, never inside a word', () => {
    const text = 'The average cost is **$1,234** across 1,204 cases.\n\n- Wei Chen: $1,100\n';
    const pieces = textPieces(text, 12);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[ \n]$/);
  });
});

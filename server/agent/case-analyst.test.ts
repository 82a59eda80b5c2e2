import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentQueryResponse, type MessageBlock } from '../../src/contract/agent';
import { addOrgWithUser, makeTestApp, signIn, type TestApp } from '../test/make-app';
import { composeAnalytics } from './compose';
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
  });

  it('answers with the reading, window and case count, and builds a follow-up on the last question', async () => {
    const first = await ask('total revenue by payor last year');
    expect(first.message.content).toContain('1 Jan 2025 – 31 Dec 2025');
    expect(first.message.blocks.find((block) => block.type === 'chart')).toMatchObject({
      kind: 'bar',
      x: 'value',
    });
    const followUp = await ask('and by surgeon', first.conversation_id);
    expect(followUp.message.content).toMatch(
      /total revenue of all cases by surgeon, 1 Jan 2025 – 31 Dec 2025/,
    );
  });

  it('asks which one was meant for an ambiguous name, and refuses off-topic questions without a number', async () => {
    const asked = await ask('knee cost');
    expect(types(asked.message.blocks)).not.toContain('table');
    expect(asked.message.blocks.at(-1)?.type).toBe('suggestions');
    const refused = await ask('write a poem about surgeons');
    expect(types(refused.message.blocks)).toEqual(['step', 'suggestions']);
    expect(refused.message.content).not.toMatch(/\$\d/);
  });
});

describe('the written answer', () => {
  it('escapes values from the data, so a name cannot become markup', () => {
    const text = composeAnalytics('average cost of all cases by surgeon, 1 Dec 2025 – 30 Nov 2026', {
      tables: [],
      chart: null,
      notes: [],
      provenance: { sql: [], window: { from: '2025-12-01', to: '2026-11-30' }, n: 1204, units: {} },
      figures: {
        metric: 'cost',
        view: 'avg',
        unit: 'USD',
        total: 1234.5,
        cases: 1204,
        leaders: [{ value: '<img src=x onerror=alert(1)>', figure: 99, cases: 3 }],
      },
    });
    expect(text).toContain('1,204 cases.');
    expect(text).toContain('$1,235');
    expect(text).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  it('cuts the answer into pieces that join back to it, never inside a word', () => {
    const text = 'The average cost is **$1,234** across 1,204 cases.\n\n- Wei Chen: $1,100\n';
    const pieces = textPieces(text, 12);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[ \n]$/);
  });
});

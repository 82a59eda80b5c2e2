import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentQueryResponse, type MessageBlock } from '../../src/contract/agent';
import type { QueryPlan } from '../../src/contract/query-plan';
import { hashPassword } from '../auth/passwords';
import { addOrgWithUser, makeTestApp, signIn, TEST_PASSWORD, type TestApp } from '../test/make-app';

// Through the API, as the page asks: every suggestion the product offers is answered over cases, and the
// vocabulary (typos, shorthand, window shorthand) reaches the plan.

let t: TestApp;
const TODAY = '2026-11-28';

/** An organization's analysts: a new one signs in every few questions, as the agent allows 20 runs a minute each. */
interface Asker {
  orgId: string;
  asked: number;
  authorization: string;
}
let hospital: Asker;
let payor: Asker;
let passwordHash: string;

async function newAnalyst(orgId: string): Promise<string> {
  const email = `analyst.${orgId.slice(-6)}.${Math.random().toString(36).slice(2, 8)}@example.com`;
  t.deps.accounts.createUser({ orgId, email, name: 'Analyst', role: 'analyst', passwordHash });
  return (await signIn(t, email)).authorization;
}

async function authOf(asker: Asker): Promise<string> {
  if (asker.asked > 0 && asker.asked % 15 === 0) asker.authorization = await newAnalyst(asker.orgId);
  asker.asked++;
  return asker.authorization;
}

beforeAll(async () => {
  t = makeTestApp();
  passwordHash = await hashPassword(TEST_PASSWORD);
  const mercy = await addOrgWithUser(t, 'Mercy');
  await t.deps.cases.seedDemo(mercy.org.id, 'hospital', { endDate: TODAY, cases: 3000 });
  hospital = { orgId: mercy.org.id, asked: 0, authorization: (await signIn(t, mercy.email)).authorization };
  const plan = await addOrgWithUser(t, 'Acme Health Plan', 'payor');
  await t.deps.cases.seedDemo(plan.org.id, 'payor', { endDate: TODAY, cases: 2000 });
  payor = { orgId: plan.org.id, asked: 0, authorization: (await signIn(t, plan.email)).authorization };
}, 120_000);
afterAll(() => t.close());

async function ask(question: string, asker = hospital) {
  const response = await t.app.request('/api/v1/agent/query/', {
    method: 'POST',
    headers: { Authorization: await authOf(asker), 'Content-Type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  return AgentQueryResponse.parse(await response.json()).message;
}

const blockOf = <T extends MessageBlock['type']>(blocks: MessageBlock[], type: T) =>
  blocks.find((block) => block.type === type) as Extract<MessageBlock, { type: T }> | undefined;

/** An answer over at least one case: a table, and no sentence saying the window was empty. */
async function expectAnswered(question: string, asker = hospital) {
  const message = await ask(question, asker);
  expect(message.status, question).toBe('complete');
  expect(blockOf(message.blocks, 'table'), `${question}: ${message.content.slice(0, 200)}`).toBeDefined();
  expect(message.content, question).not.toMatch(/no cases were admitted|(?<![\d,.])0 cases\b/i);
  return message;
}

async function examples(asker: Asker) {
  const response = await t.app.request('/api/v1/agent/examples/', {
    headers: { Authorization: asker.authorization },
  });
  return ((await response.json()) as { questions: string[] }).questions;
}

describe.each([
  ['hospital', () => hospital],
  ['payor', () => payor],
])('every suggestion for the demo %s is answered over cases', (_name, asker) => {
  it('the examples, and the follow-ups offered after each answer', async () => {
    const questions = await examples(asker());
    expect(questions.length).toBeGreaterThanOrEqual(4);
    for (const question of questions) {
      const message = await expectAnswered(question, asker());
      const followUps = blockOf(message.blocks, 'suggestions')?.questions ?? [];
      expect(followUps.length, question).toBeGreaterThanOrEqual(1);
      for (const next of followUps) await expectAnswered(next, asker());
    }
  }, 240_000);

  it("a refusal's examples, never the refused question", async () => {
    const refused = 'write a poem about surgeons';
    const message = await ask(refused, asker());
    expect(blockOf(message.blocks, 'table')).toBeUndefined();
    const offered = blockOf(message.blocks, 'suggestions')?.questions ?? [];
    expect(offered.length).toBeGreaterThanOrEqual(3);
    expect(offered).not.toContain(refused);
    for (const question of offered) await expectAnswered(question, asker());
  }, 120_000);
});

describe('vocabulary through the API', () => {
  const planOf = async (question: string) => {
    const message = await expectAnswered(question);
    const block = blockOf(message.blocks, 'plan');
    expect(block?.workflow).toBe('analytics');
    return { plan: block!.plan as QueryPlan, reading: block!.reading };
  };

  it('reads typos and shorthand, and says which typo it read as what', async () => {
    const { plan, reading } = await planOf('avergae cost of TKA by surgoen');
    expect(plan.measures).toEqual([{ measure: 'cost', aggregation: 'avg' }]);
    expect(plan.group_by).toEqual(['surgeon']);
    expect(plan.filters).toEqual([
      { dimension: 'procedure', op: 'in', values: [{ id: '27447', name: 'Total knee arthroplasty' }] },
    ]);
    expect(reading).toContain('"avergae" as "average"');
    expect(reading).toContain('"surgoen" as "surgeon"');
  }, 30_000);

  it('reads window shorthand as plan windows: YTD stays relative, YoY compares two years', async () => {
    expect((await planOf('ALOS for lap chole YTD')).plan.window).toEqual({
      kind: 'relative',
      period: 'year_to_date',
    });
    const yoy = (await planOf('THR revenue YoY')).plan;
    expect(yoy.comparison).toMatchObject({
      kind: 'windows',
      windows: [{ label: '2024' }, { label: '2025' }],
    });
  }, 30_000);

  it('never answers for shorthand the organization does not have', async () => {
    for (const question of ['TURBT cost', 'average cost of AAA repair']) {
      const message = await ask(question);
      expect(blockOf(message.blocks, 'table'), question).toBeUndefined();
      expect(message.content, question).not.toMatch(/\$\d/);
    }
  }, 30_000);
});

describe('the configured fiscal year (HP_FISCAL_YEAR_START_MONTH)', () => {
  it('names the fiscal years of questions and of the windows the plan runs on', async () => {
    const july = makeTestApp({ fiscalYearStartMonth: 7 });
    try {
      const { org, email } = await addOrgWithUser(july, 'Lakeside');
      await july.deps.cases.seedDemo(org.id, 'hospital', { endDate: TODAY, cases: 600 });
      const { authorization } = await signIn(july, email);
      const planOf = async (question: string) => {
        const response = await july.app.request('/api/v1/agent/query/', {
          method: 'POST',
          headers: { Authorization: authorization, 'Content-Type': 'application/json' },
          body: JSON.stringify({ question }),
        });
        const message = AgentQueryResponse.parse(await response.json()).message;
        const block = blockOf(message.blocks, 'plan');
        expect(block, question).toBeDefined();
        return { window: (block!.plan as QueryPlan).window, dates: block!.dates };
      };
      const fy2025 = await planOf('total revenue FY2025');
      expect(fy2025.window).toEqual({
        kind: 'fixed',
        from: '2024-07-01',
        to: '2025-06-30',
        label: 'FY2025',
      });
      const fytd = await planOf('total revenue FYTD');
      expect(fytd.window).toEqual({ kind: 'relative', period: 'fiscal_year_to_date' });
      // The dates shown with the reading follow the configured start too, not the model's October.
      const [year, month] = TODAY.split('-').map(Number) as [number, number];
      expect(fytd.dates?.from).toBe(`${month >= 7 ? year : year - 1}-07-01`);
    } finally {
      await july.close();
    }
  }, 60_000);
});

// Questions as analysts ask them, through the real parser, resolver, engines and written answer, over the demo
// data; every figure is checked against SQL written here, on a copy of the organization's DuckDB file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseStore } from '../cases/create-case-store';
import type { CaseStore, OrgType } from '../cases/types';
import type { Answer } from './analyst';
import { createCaseAnalyst } from './case-analyst';
import type { ParsedQuery, ParseOutcome } from './parser';

const TODAY = '2026-11-28';
const LAST_365 = "admit_date BETWEEN DATE '2025-11-29' AND DATE '2026-11-28'";
const YEAR_2025 = "admit_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'";
const Q1_2026 = "admit_date BETWEEN DATE '2026-01-01' AND DATE '2026-03-31'";

let directory = '';
let store: CaseStore;
const copies: Record<string, { instance: DuckDBInstance; connection: DuckDBConnection }> = {};

beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-questions-'));
  store = createCaseStore({ dataDir: directory, today: () => TODAY });
  await store.seedDemo('mercy', 'hospital', { cases: 5000, endDate: TODAY });
  await store.seedDemo('lakeside', 'payor', { cases: 2000, endDate: TODAY });
  await store.close();
  for (const orgId of ['mercy', 'lakeside']) {
    // The engines keep their file open, so the checks read a copy of it through their own instance.
    for (const suffix of ['.duckdb', '.duckdb.wal']) {
      const source = path.join(directory, 'analytics', `${orgId}${suffix}`);
      if (fs.existsSync(source)) fs.copyFileSync(source, path.join(directory, `${orgId}-check${suffix}`));
    }
    const instance = await DuckDBInstance.create(path.join(directory, `${orgId}-check.duckdb`));
    copies[orgId] = { instance, connection: await instance.connect() };
  }
  store = createCaseStore({ dataDir: directory, today: () => TODAY });
}, 60_000);

afterAll(async () => {
  for (const { connection, instance } of Object.values(copies)) {
    connection.closeSync();
    instance.closeSync();
  }
  await store.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

async function sql(text: string, orgId = 'mercy'): Promise<Record<string, unknown>[]> {
  const reader = await copies[orgId]!.connection.runAndReadAll(text);
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

/** Cases and one figure over the cases matching `where`. */
async function expected(figure: string, where: string, orgId = 'mercy') {
  const [row] = await sql(
    `SELECT CAST(count(*) AS INTEGER) AS cases, ${figure} AS figure FROM cases WHERE ${where}`,
    orgId,
  );
  return { cases: Number(row?.cases), figure: Number(row?.figure) };
}

interface Asked {
  outcome: ParseOutcome;
  query?: ParsedQuery;
  answer?: Answer;
}

async function ask(question: string, options: { orgId?: string; previous?: ParsedQuery } = {}) {
  const orgId = options.orgId ?? 'mercy';
  const orgType: OrgType = orgId === 'mercy' ? 'hospital' : 'payor';
  const request = {
    orgId,
    orgType,
    question,
    today: TODAY,
    ...(options.previous ? { previous: options.previous } : {}),
  };
  const analyst = createCaseAnalyst(store);
  const signal = new AbortController().signal;
  const outcome = await analyst.read(request, signal);
  const asked: Asked = { outcome };
  if (outcome.kind === 'query') {
    asked.query = outcome.query;
    asked.answer = await analyst.answer(request, outcome.query, outcome.reading, signal);
  }
  return asked;
}

/** The answer's "all cases in scope" row, and its opening: metric, window, scope and case count. */
function checkAnswer(asked: Asked, want: { cases: number; figure: number }, window: string) {
  expect(asked.outcome.kind).toBe('query');
  const row = asked.answer?.tables.at(-1)?.rows[0];
  expect(row?.cases).toBe(want.cases);
  expect(Number(row?.figure)).toBeCloseTo(want.figure, 1);
  expect(asked.answer?.summary).toMatch(
    new RegExp(`^I read this as \\*\\*.+${window}\\*\\*, ${want.cases.toLocaleString('en-US')} cases?\\.`),
  );
}

const entityOf = (asked: Asked) =>
  asked.query?.workflow === 'analytics' || asked.query?.workflow === 'dashboard'
    ? asked.query.params.entity?.code
    : undefined;

describe('a name written as the catalog spells it wins', () => {
  it.each([
    [
      'average cost of Vaginal delivery with antepartum and postpartum care by surgeon',
      "procedure_code = '59400'",
    ],
    ['average cost of Laparoscopic inguinal hernia repair by surgeon', "procedure_code = '49650'"],
    ['average cost of Total abdominal hysterectomy', "procedure_code = '58150'"],
    ['Cataract removal with intraocular lens insertion average cost', "procedure_code = '66984'"],
    ['average cost of Unilateral primary osteoarthritis, right knee', "condition_code = 'M17.11'"],
    ['average cost of Cesarean section without sterilization without CC/MCC', "drg_code = '788'"],
    ['average cost of Laparoscopic cholecystectomy without C.D.E. without CC/MCC', "drg_code = '419'"],
    ['average cost of Hip and femur procedures except major joint with CC', "drg_code = '481'"],
    ['knee replacment average cost by surgeon', "procedure_code = '27447'"],
  ])('%s', async (question, where) => {
    const asked = await ask(question);
    checkAnswer(asked, await expected('avg(cost)', `${where} AND ${LAST_365}`), '29 Nov 2025 – 28 Nov 2026');
  });

  it('keeps a condition named in full whole when it is left out', async () => {
    const asked = await ask(
      'average cost of knee replacement excluding Bilateral primary osteoarthritis of knee',
    );
    expect(asked.query).toMatchObject({ params: { filters: { excludeConditions: ['M17.0'] } } });
    const where = `procedure_code = '27447' AND condition_code IS DISTINCT FROM 'M17.0' AND ${LAST_365}`;
    checkAnswer(asked, await expected('avg(cost)', where), '29 Nov 2025 – 28 Nov 2026');
  });

  it('reads a full condition name after "with" as the secondary condition of a prediction', async () => {
    const asked = await ask(
      'predict the cost of Total knee arthroplasty for a 70 year old woman with Unilateral primary osteoarthritis, right knee',
    );
    expect(asked.query).toMatchObject({
      workflow: 'predictions',
      params: { entity: { code: '27447' }, gender: 'F', age: 70, secondaryConditions: ['M17.11'] },
    });
    expect(asked.answer?.summary).not.toContain('..');
  });

  it('simulates a price change for a procedure named in full with a payor', async () => {
    const asked = await ask('what if we raise prices 4% for Laparoscopic inguinal hernia repair with Aetna');
    expect(asked.query).toMatchObject({ params: { scope: { procedures: ['49650'], payors: ['Aetna'] } } });
    const want = await expected(
      'sum(hospital_revenue)',
      `procedure_code = '49650' AND payor = 'Aetna' AND ${LAST_365}`,
    );
    const before = asked.answer?.summary.match(/from \$([\d,]+) to/)?.[1]?.replaceAll(',', '');
    expect(Number(before)).toBeCloseTo(want.figure, -1);
    expect(asked.answer?.summary).toContain(`${want.cases.toLocaleString('en-US')} case`);
  });

  it('looks a full name or a code up when asked what it is', async () => {
    expect((await ask('what is Total abdominal hysterectomy')).answer?.summary).toContain(
      '(procedure 58150)',
    );
    expect((await ask('what does DRG 470 mean')).query).toMatchObject({ workflow: 'entity_resolver' });
  });
});

describe('vague and unknown names', () => {
  it('asks among the knee procedures for "knee surgery"', async () => {
    const { outcome } = await ask('average cost of knee surgery');
    expect(outcome.kind).toBe('clarify');
    if (outcome.kind !== 'clarify') return;
    expect(outcome.options.map((option) => option.id)).toEqual(expect.arrayContaining(['27447', '29881']));
  });

  it.each(['average cost of unicorn surgery', 'average cost of foo bar surgery'])(
    '%s is refused as not recognised, with examples',
    async (question) => {
      const { outcome } = await ask(question);
      expect(outcome).toMatchObject({
        kind: 'refuse',
        message: expect.stringContaining('did not recognise'),
      });
      if (outcome.kind === 'refuse') expect(outcome.examples.length).toBeGreaterThan(0);
    },
  );

  it('offers only the close options for a surname', async () => {
    const { outcome } = await ask('how many cases did Dr. Haddad do last year');
    expect(outcome.kind).toBe('clarify');
    if (outcome.kind === 'clarify')
      for (const option of outcome.options) expect(option.name).toContain('Haddad');
  });
});

describe('counts lead with the count', () => {
  it('how many c-sections did we do last year', async () => {
    const asked = await ask('how many c-sections did we do last year');
    const want = await expected('sum(cost)', `procedure_code = '59510' AND ${YEAR_2025}`);
    checkAnswer(asked, want, '1 Jan 2025 – 31 Dec 2025');
    expect(asked.answer?.summary).toContain(
      `**${want.cases.toLocaleString('en-US')} cases**, with a total cost`,
    );
  });

  it('lists the surgeons with the most cases, not the highest cost', async () => {
    const asked = await ask('how many cases by surgeon last year');
    const [top] = await sql(
      `SELECT surgeon, CAST(count(*) AS INTEGER) AS cases FROM cases WHERE ${YEAR_2025} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    expect(asked.answer?.summary).toContain(`Most cases:\n\n- ${top?.surgeon}: ${top?.cases} cases`);
  });

  it('counts readmissions as readmissions', async () => {
    const asked = await ask('How many readmissions did we have in Q1 2026');
    const want = await expected('sum(readmitted_30)', Q1_2026);
    checkAnswer(asked, want, '1 Jan 2026 – 31 Mar 2026');
    expect(asked.answer?.summary).toContain('number of 30-day readmissions');
    expect(asked.answer?.summary).toContain(`**${want.figure.toLocaleString('en-US')} readmission`);
  });
});

describe('what the engines cannot do is refused with the reason', () => {
  it.each([
    ['predict the length of stay for a hip replacement for an 80 year old man', 'not length of stay'],
    ['average cost of knee replacement this year vs last year', 'one window at a time'],
    ['profit by procedure last year', 'not by procedure'],
    ['which procedure costs the most', 'not by procedure'],
    ['average age of knee replacement patients', 'ages are not a figure'],
  ])('%s', async (question, reason) => {
    const { outcome } = await ask(question);
    expect(outcome).toMatchObject({ kind: 'refuse', message: expect.stringContaining(reason) });
  });

  it('still answers "per procedure" and "across all procedures" as figures over the cases', async () => {
    const perCase = await ask('average cost per procedure for knee replacement');
    checkAnswer(
      perCase,
      await expected('avg(cost)', `procedure_code = '27447' AND ${LAST_365}`),
      '29 Nov 2025 – 28 Nov 2026',
    );
    const overall = await ask('average cost across all procedures last year');
    checkAnswer(overall, await expected('avg(cost)', YEAR_2025), '1 Jan 2025 – 31 Dec 2025');
  });

  it('refuses a hospital-only figure for a payor, and answers cost from its own data', async () => {
    const margin = await ask('average margin by provider', { orgId: 'lakeside' });
    expect(margin.outcome).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('hospital revenue'),
    });
    const cost = await ask('average cost of knee replacement by provider', { orgId: 'lakeside' });
    const want = await expected('avg(cost)', `procedure_code = '27447' AND ${LAST_365}`, 'lakeside');
    checkAnswer(cost, want, '29 Nov 2025 – 28 Nov 2026');
  });
});

describe('conversations and windows', () => {
  it('follows up on metric, breakdown and window, with the figures each time', async () => {
    const knee = "procedure_code = '27447'";
    const first = await ask('average cost of knee replacement by surgeon');
    checkAnswer(first, await expected('avg(cost)', `${knee} AND ${LAST_365}`), '29 Nov 2025 – 28 Nov 2026');
    const byPayor = await ask('now by payor', { previous: first.query! });
    expect(byPayor.query).toMatchObject({ params: { pivot: 'payor' } });
    const revenue = await ask('what about revenue?', { previous: byPayor.query! });
    checkAnswer(
      revenue,
      await expected('avg(revenue)', `${knee} AND ${LAST_365}`),
      '29 Nov 2025 – 28 Nov 2026',
    );
    const lastYear = await ask('and last year', { previous: revenue.query! });
    checkAnswer(
      lastYear,
      await expected('avg(revenue)', `${knee} AND ${YEAR_2025}`),
      '1 Jan 2025 – 31 Dec 2025',
    );
  });

  it('lists the lowest values first when asked for the lowest', async () => {
    const asked = await ask('which surgeon has the lowest average cost for knee replacement');
    const [lowest] = await sql(
      `SELECT surgeon FROM cases WHERE procedure_code = '27447' AND ${LAST_365} GROUP BY 1 ORDER BY avg(cost), 1 LIMIT 1`,
    );
    expect(asked.answer?.summary).toContain(`, lowest first**`);
    expect(asked.answer?.summary).toContain(`Lowest values:\n\n- ${lowest?.surgeon}: $`);
  });

  it('reads "in the last year" as the past twelve months and "last year" as the calendar year', async () => {
    const rolling = await ask('average cost of TKA in the last year');
    checkAnswer(
      rolling,
      await expected('avg(cost)', `procedure_code = '27447' AND ${LAST_365}`),
      '29 Nov 2025 – 28 Nov 2026',
    );
    const calendar = await ask('discounts given to Cigna last year');
    checkAnswer(
      calendar,
      await expected('avg(discount)', `payor = 'Cigna' AND ${YEAR_2025}`),
      '1 Jan 2025 – 31 Dec 2025',
    );
  });

  it('says what it can leave out when asked to leave out a payor', async () => {
    const { outcome } = await ask('total revenue for all payors except Medicare');
    expect(outcome).toMatchObject({
      kind: 'refuse',
      message: expect.stringContaining('not those of one payor'),
    });
  });

  it('says so when a follow-up overview has no cases, rather than a table of blanks', async () => {
    const [idle] = await sql(
      `SELECT surgeon FROM cases WHERE surgeon NOT IN (SELECT surgeon FROM cases WHERE procedure_code = '27447') LIMIT 1`,
    );
    const overview = await ask('overview of knee replacement');
    expect(entityOf(overview)).toBe('27447');
    const empty = await ask(`what about ${idle?.surgeon}?`, { previous: overview.query! });
    expect(empty.answer?.summary).toContain('No cases match');
    expect(empty.answer?.summary).not.toContain('| Revenue |');
  });

  it('margin is a ratio of sums over the window', async () => {
    const asked = await ask('what is our average margin by provider in Q1 2026');
    const want = await expected('100 * sum(hospital_revenue - cost) / sum(hospital_revenue)', Q1_2026);
    checkAnswer(asked, want, '1 Jan 2026 – 31 Mar 2026');
  });

  it('a price cut shows a negative change with one kind of minus sign', async () => {
    const asked = await ask('what if we cut prices by 3% for knee replacement with Medicare');
    expect(asked.answer?.summary).toContain('(−3.0%)');
    expect(asked.answer?.summary).toMatch(/net change of \*\*−\$[\d,]+\*\*/);
  });
});

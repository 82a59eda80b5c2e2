import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisPlan } from '../../src/contract/query-plan';
import { resolveText } from '../cases/resolver';
import { temporaryStore, textSource } from '../cases/test-fixture';
import type { CaseStore, OrgType } from '../cases/types';
import { addOrgWithUser, makeTestApp, signIn } from '../test/make-app';
import { createCaseAnalyst } from './case-analyst';
import {
  casesBehind,
  createSuggestions,
  exampleCandidates,
  pickExamples,
  type SuggestionReader,
} from './examples';
import { parseQuestion } from './parser';

// Every suggestion the product can produce (the empty state's examples, a refusal's examples, the follow-ups after
// each answer) is asked through the real agent, for both demo organizations and a freshly uploaded small file,
// and must be answered over at least one case.

const TODAY = '2026-11-28';
let store: CaseStore;
let cleanup: () => Promise<void>;

/** A small upload unlike the demo: other procedures and names, data ending months before today. */
function smallUpload(): string {
  const procedures = [
    ['42826', 'Tonsillectomy age 12 or over'],
    ['69436', 'Tympanostomy with ventilating tube'],
    ['30520', 'Septoplasty'],
  ];
  const header =
    'case_id,admit_date,discharge_date,procedure_code,procedure_name,condition_code,condition_name,surgeon,payor,provider,gender,age,revenue,hospital_revenue,cost,discount,los_days,or_minutes,readmitted_30';
  const rows = Array.from({ length: 36 }, (_, index) => {
    const [code, name] = procedures[index % 3]!;
    const month = String(2 + (index % 6)).padStart(2, '0');
    const day = String(1 + (index % 27)).padStart(2, '0');
    const cost = 2000 + 97 * index;
    return [
      `U${index}`,
      `2025-${month}-${day}`,
      `2025-${month}-${day}`,
      code,
      name,
      'J35.01',
      'Chronic tonsillitis',
      ['Dr. Ana Ruiz', 'Dr. Tom Berg'][index % 2],
      ['Regence', 'Premera', 'Self-pay'][index % 3],
      'Harbor Surgery Center',
      index % 2 ? 'F' : 'M',
      20 + index,
      cost * 3,
      Math.round(cost * 1.4),
      cost,
      cost,
      0,
      30 + index,
      index % 9 === 0 ? 1 : 0,
    ].join(',');
  });
  return `${header}\n${rows.join('\n')}\n`;
}

beforeAll(async () => {
  ({ store, cleanup } = temporaryStore(TODAY));
  await store.seedDemo('hospital', 'hospital', { cases: 4000, seed: 5, endDate: TODAY });
  await store.seedDemo('payor', 'payor', { cases: 3000, seed: 6, endDate: TODAY });
  const result = await store.ingest('upload', 'file-1', textSource(smallUpload()));
  expect(result, JSON.stringify(result).slice(0, 400)).toMatchObject({ kind: 'ingested', rows: 36 });
}, 120_000);
afterAll(() => cleanup());

async function readerFor(orgId: string, orgType: OrgType): Promise<SuggestionReader> {
  const catalog = await store.catalog(orgId);
  return {
    read: (question) =>
      parseQuestion(question, {
        today: TODAY,
        orgType,
        lastAdmit: catalog.lastAdmit,
        firstAdmit: catalog.firstAdmit,
        resolve: (text, kinds) => resolveText(catalog, text, kinds),
      }),
  };
}

/** Asks through the agent as the pipeline does: read, then answer; returns the plan and the cases behind it. */
async function ask(orgId: string, orgType: OrgType, question: string) {
  const analyst = createCaseAnalyst(store);
  const request = { orgId, orgType, question, today: TODAY };
  const outcome = await analyst.read(request, new AbortController().signal);
  expect(outcome.kind, `${question}: ${JSON.stringify(outcome).slice(0, 300)}`).toBe('query');
  if (outcome.kind !== 'query') throw new Error('not answered');
  const answer = await analyst.answer(request, outcome, new AbortController().signal);
  const cases = await casesBehind(store, orgId, orgType, outcome.query);
  expect(cases, question).toBeGreaterThanOrEqual(1);
  expect(answer.summary, question).not.toMatch(/no cases were admitted/i);
  return { plan: outcome.query as AnalysisPlan, answer };
}

const ORGS: [orgId: string, orgType: OrgType][] = [
  ['hospital', 'hospital'],
  ['payor', 'payor'],
  ['upload', 'hospital'],
];

describe.each(ORGS)('suggestions for %s (%s)', (orgId, orgType) => {
  const suggestions = () => createSuggestions(store);

  it('offers examples from its own data, and each one, and each follow-up after it, answers over cases', async () => {
    const reader = await readerFor(orgId, orgType);
    const catalog = await store.catalog(orgId);
    const examples = await suggestions().examples(orgId, orgType, catalog, reader);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const ids = catalog.entities.procedure.map((entry) => entry.id);
    const named: string[] = [];
    for (const question of examples) {
      const { plan } = await ask(orgId, orgType, question);
      const json = JSON.stringify(plan);
      named.push(...ids.filter((id) => json.includes(`"id":"${id}"`)));
      const followUps = suggestions().followUps(plan, orgType, reader, { catalog });
      expect(followUps.length, question).toBeGreaterThanOrEqual(1);
      for (const next of followUps) await ask(orgId, orgType, next);
    }
    // The procedures the examples name are the organization's own.
    expect(named.length).toBeGreaterThan(0);
  }, 120_000);

  it('offers answerable examples with a refusal, never the refused question itself', async () => {
    const reader = await readerFor(orgId, orgType);
    const catalog = await store.catalog(orgId);
    const examples = await suggestions().examples(orgId, orgType, catalog, reader);
    const refused = examples[0]!;
    const offered = await suggestions().forRefusal(
      orgId,
      orgType,
      catalog,
      reader,
      ` ${refused.toUpperCase()} `,
    );
    expect(offered).not.toContain(refused);
    expect(offered.length).toBeGreaterThanOrEqual(3);
    for (const question of offered) await ask(orgId, orgType, question);
  }, 120_000);
});

describe('example questions', () => {
  it('come from a fresh catalog after an upload changes the data', async () => {
    const suggestions = createSuggestions(store);
    const reader = await readerFor('fresh', 'hospital');
    expect(await suggestions.examples('fresh', 'hospital', await store.catalog('fresh'), reader)).toEqual([]);
    await store.ingest('fresh', 'file-2', textSource(smallUpload()));
    const after = await suggestions.examples(
      'fresh',
      'hospital',
      await store.catalog('fresh'),
      await readerFor('fresh', 'hospital'),
    );
    expect(after.length).toBeGreaterThanOrEqual(4);
    expect(after.join(' ')).toMatch(/Tonsillectomy|Tympanostomy|Septoplasty/);
  }, 60_000);

  it('are one per kind', () => {
    expect(
      pickExamples([
        'average cost of A',
        'average cost of B',
        'total revenue by payor',
        'predict the cost of A',
      ]),
    ).toEqual(['average cost of A', 'total revenue by payor', 'predict the cost of A']);
  });

  it('name no procedure or year an organization without data lacks', async () => {
    const catalog = await store.catalog('nobody');
    expect(exampleCandidates(catalog, 'hospital')).toEqual([]);
  });
});

describe('GET /api/v1/agent/examples/', () => {
  it('reflects the organization’s current data: none before an upload, its own names after', async () => {
    const t = makeTestApp();
    try {
      const { org, email } = await addOrgWithUser(t, 'Harbor');
      const { authorization } = await signIn(t, email);
      const examples = async () => {
        const response = await t.app.request('/api/v1/agent/examples/', {
          headers: { Authorization: authorization },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toBe('no-store');
        return ((await response.json()) as { questions: string[] }).questions;
      };
      expect(await examples()).toEqual([]);
      await t.deps.cases.ingest(org.id, 'file-1', textSource(smallUpload()));
      const after = await examples();
      expect(after.length).toBeGreaterThanOrEqual(3);
      expect(after.join(' ')).toMatch(/Tonsillectomy|Tympanostomy|Septoplasty/);
    } finally {
      await t.close();
    }
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import type { AnalysisPlan } from '../../../src/contract/query-plan';
import { demoCatalog } from '../../cases/demo-catalog';
import { DEMO_CLIENTS, DEMO_PAYORS, DEMO_PROVIDERS, DEMO_SURGEONS } from '../../cases/demo-dimensions';
import { closestNames, resolveText } from '../../cases/resolver';
import type { CatalogEntry, EntityKind, OrgType } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { correctWords, questionVocabulary } from './typos';

// The phrasing table's rows for words analysts use that once went astray: what-if wording, everyday words that
// looked like names, loss words, condition shorthand, generic case nouns, scoping words and overviews. Read by
// the real parser against the demo organization's catalog with the real resolver; each expects a plan (compared
// field by field) or, where nothing may be answered, a refusal naming what was not found. Today is 2026-11-28.

const entries = (kind: EntityKind, names: string[]): CatalogEntry[] =>
  names.map((name, index) => ({ kind, id: name, name, cases: 1000 - index }));
const catalog = demoCatalog({
  surgeon: entries(
    'surgeon',
    DEMO_SURGEONS.map((surgeon) => surgeon.name),
  ),
  payor: entries(
    'payor',
    DEMO_PAYORS.map((payor) => payor.name),
  ),
  provider: entries(
    'provider',
    DEMO_PROVIDERS.map((provider) => provider.name),
  ),
  client: entries('client', DEMO_CLIENTS),
});
const vocabulary = questionVocabulary(catalog);

function read(question: string, orgType: OrgType = 'hospital') {
  const { text } = correctWords(question, vocabulary);
  return parseQuestion(text, {
    today: '2026-11-28',
    orgType,
    lastAdmit: '2026-11-28',
    firstAdmit: '2023-11-29',
    resolve: (words, kinds) => resolveText(catalog, words, kinds),
    closest: (words, kinds) => closestNames(catalog, words, kinds),
  });
}

type Want = { workflow: AnalysisPlan['workflow']; plan: Record<string, unknown> } | { refuse: RegExp };

function check(question: string, want: Want) {
  const outcome = read(question);
  if ('refuse' in want) {
    expect(outcome.kind, `${question}: ${JSON.stringify(outcome).slice(0, 300)}`).not.toBe('query');
    if (outcome.kind !== 'query') expect(outcome.message).toMatch(want.refuse);
    return;
  }
  expect(outcome.kind, `${question}: ${JSON.stringify(outcome).slice(0, 300)}`).toBe('query');
  if (outcome.kind !== 'query') return;
  expect(outcome.query.workflow, question).toBe(want.workflow);
  expect(outcome.query.plan, question).toMatchObject(want.plan);
}

const MEDICARE = { id: 'Medicare', name: 'Medicare' };
const AETNA = { id: 'Aetna', name: 'Aetna' };
const KNEE = { id: '27447', name: 'Total knee arthroplasty' };
const price = (value: number, filters: unknown[] = []): Want => ({
  workflow: 'simulation',
  plan: { target: 'price', change: { kind: 'percent', value }, filters },
});
const cost = (value: number, filters: unknown[] = []): Want => ({
  workflow: 'simulation',
  plan: { target: 'cost', change: { kind: 'percent', value }, filters },
});
const payor = (value: { id: string; name: string }) => ({ dimension: 'payor', op: 'in', values: [value] });
const procedure = (value: { id: string; name: string }) => ({
  dimension: 'procedure',
  op: 'in',
  values: [value],
});

const WHAT_IF: [string, Want][] = [
  ['what happens to margin if medicare cuts rates 5%', price(-5, [payor(MEDICARE)])],
  ['if aetna paid 3% less what would revenue be', price(-3, [payor(AETNA)])],
  ['what would revenue be if aetna paid 3% less', price(-3, [payor(AETNA)])],
  ['suppose aetna pays 4% more for knee replacements', price(4, [payor(AETNA), procedure(KNEE)])],
  ['assume supply costs rise 3%', cost(3)],
  ['if we raise prices 5% on knee replacements', price(5, [procedure(KNEE)])],
  ['what if reimbursement drops by 2%', price(-2)],
  ['medicare reimbursement falls 6%', price(-6, [payor(MEDICARE)])],
  ['if rates go down 5% for medicare what happens to profit', price(-5, [payor(MEDICARE)])],
  ['supplies get 10% cheaper', cost(-10)],
  ['if implants get cheaper by 8% what happens to margin on knee replacements', cost(-8, [procedure(KNEE)])],
  ['what would margin be if supply costs fell 10%', cost(-10)],
  ['cost goes up 5% for knee replacements', cost(5, [procedure(KNEE)])],
  ['what if there is a 3% price increase', price(3)],
  ['if medicare renegotiates rates down 4%', price(-4, [payor(MEDICARE)])],
  ['how much would we lose if medicare cut payments 2%', price(-2, [payor(MEDICARE)])],
  ['assuming a 5% cut in medicare rates what is our margin', price(-5, [payor(MEDICARE)])],
  [
    'what would happen if medicaid reimbursed 10% less',
    price(-10, [payor({ id: 'Medicaid', name: 'Medicaid' })]),
  ],
  ['assume a 7% increase in costs', cost(7)],
  ['if we had 10% more knee replacements', { refuse: /not to how many cases there are/ }],
  ['what if volume grows 5%', { refuse: /not to how many cases there are/ }],
];

const EVERYDAY_WORDS: [string, Want][] = [
  [
    'how long does a typical c-section stay',
    {
      workflow: 'analytics',
      plan: {
        measures: [{ measure: 'los', aggregation: 'avg' }],
        filters: [procedure({ id: '59510', name: 'Cesarean delivery' })],
        comparison: null,
      },
    },
  ],
  [
    'how long do knee replacement patients stay',
    {
      workflow: 'analytics',
      plan: { measures: [{ measure: 'los', aggregation: 'avg' }], filters: [procedure(KNEE)] },
    },
  ],
  ['avg age of tkr patients', { refuse: /ages are not a figure I compute/ }],
  ['average age of our patients', { refuse: /ages are not a figure I compute/ }],
  ['median age for knee replacement', { refuse: /age bands/ }],
  ['how old are our knee replacement patients', { refuse: /age bands/ }],
  ['knee replacement age', { refuse: /age bands/ }],
  [
    'number of tkr cases by age band',
    { workflow: 'analytics', plan: { group_by: ['age_band'], filters: [procedure(KNEE)] } },
  ],
];

const COLONOSCOPY = { id: '45378', name: 'Diagnostic colonoscopy' };
const HIP = { id: '27130', name: 'Total hip arthroplasty' };
const age = (op: string, value: number) => ({ field: 'age', op, value });
const stay = (op: string, value: number) => ({ field: 'los_days', op, value });
const count = [{ measure: 'cases', aggregation: 'count' }];
const avgCost = [{ measure: 'cost', aggregation: 'avg' }];
const analytics = (plan: Record<string, unknown>): Want => ({ workflow: 'analytics', plan });

const CASE_CONDITIONS: [string, Want][] = [
  [
    'cost of colonoscopies over 75 years old',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [procedure(COLONOSCOPY)],
      conditions: [age('>', 75)],
    }),
  ],
  ['average los for patients aged 65+', analytics({ conditions: [age('>=', 65)] })],
  [
    'average cost of hip replacement under 50 years old',
    analytics({ filters: [procedure(HIP)], conditions: [age('<', 50)] }),
  ],
  ['cost of tka for 70 yo patients', analytics({ filters: [procedure(KNEE)], conditions: [age('=', 70)] })],
  ['knee replacement cost for 80 year olds', analytics({ conditions: [age('=', 80)] })],
  ['average cost for patients 65 years and older', analytics({ conditions: [age('>=', 65)] })],
  ['average cost for patients 18 and younger', analytics({ conditions: [age('<=', 18)] })],
  ['average cost for under-18s', analytics({ conditions: [age('<', 18)] })],
  ['average cost of cases longer than 5 days', analytics({ measures: avgCost, conditions: [stay('>', 5)] })],
  [
    'how many cases with los of 10 or more days',
    analytics({ measures: count, conditions: [stay('>=', 10)] }),
  ],
  [
    'number of cases with stays over 7 days by payor',
    analytics({ measures: count, group_by: ['payor'], conditions: [stay('>', 7)], having: [] }),
  ],
  [
    'number of stays of 3 nights or less by payor',
    analytics({ measures: count, group_by: ['payor'], conditions: [stay('<=', 3)] }),
  ],
  [
    'cases costing more than $50,000 by surgeon',
    analytics({
      measures: count,
      group_by: ['surgeon'],
      conditions: [{ field: 'cost', op: '>', value: 50_000 }],
    }),
  ],
  [
    'show cases where los > 10 days by drg',
    analytics({ measures: count, group_by: ['drg'], conditions: [stay('>', 10)] }),
  ],
  [
    'list cases with cost over 50k by surgeon',
    analytics({
      measures: count,
      group_by: ['surgeon'],
      conditions: [{ field: 'cost', op: '>', value: 50_000 }],
    }),
  ],
  ['show me all cases by drg', analytics({ measures: count, group_by: ['drg'] })],
  [
    'cases with OR time longer than 3 hours',
    analytics({ measures: count, conditions: [{ field: 'or_minutes', op: '>', value: 180 }] }),
  ],
  [
    'surgeons whose average stay is longer than 5 days',
    analytics({ group_by: ['surgeon'], conditions: [], having: [{ measure: 0, op: '>', value: 5 }] }),
  ],
  ['cost of tkr for pts over 70', analytics({ filters: [procedure(KNEE)], conditions: [age('>', 70)] })],
  [
    'average revenue for patients between 50 and 60',
    analytics({ conditions: [age('>=', 50), age('<=', 60)] }),
  ],
  [
    'surgeries longer than 3 hours by procedure',
    analytics({
      measures: count,
      group_by: ['procedure'],
      conditions: [{ field: 'or_minutes', op: '>', value: 180 }],
    }),
  ],
  [
    'procedures with average or time longer than 2 hours',
    analytics({ group_by: ['procedure'], conditions: [], having: [{ measure: 0, op: '>', value: 120 }] }),
  ],
  // A condition no rule reads is never dropped.
  ['how many cases over $100k', { refuse: /which figure of a case/ }],
  ['average cost of knee replacement more than 20 times', { refuse: /could not tell what "more than 20"/ }],
  ['total revenue of procedures done 50 or more', { refuse: /could not tell what "50 or more"/ }],
];

const profitBelowZero = (dimension: string): Want =>
  analytics({
    measures: [{ measure: 'profit', aggregation: 'sum' }],
    group_by: [dimension],
    having: [{ measure: 0, op: '<', value: 0 }],
    order: { by: 'measure', index: 0, direction: 'asc' },
  });

const LOSSES: [string, Want][] = [
  ['which procedures lose money', profitBelowZero('procedure')],
  ['which payors are unprofitable', profitBelowZero('payor')],
  ['procedures in the red', profitBelowZero('procedure')],
  ['money losers by procedure', profitBelowZero('procedure')],
  ['what procedures are we losing money on', profitBelowZero('procedure')],
  ["which drgs don't break even", profitBelowZero('drg')],
  ['which procedures have negative profit', profitBelowZero('procedure')],
  ['unprofitable surgeons', profitBelowZero('surgeon')],
  [
    'which surgeons have a negative margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '<', value: 0 }],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'top 5 money losing procedures',
    analytics({
      having: [{ measure: 0, op: '<', value: 0 }],
      limit: 5,
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'which procedure loses the most money',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      having: [],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'do we lose money on tavr',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: [],
      having: [],
      filters: [procedure({ id: '33361', name: 'Transcatheter aortic valve replacement (TAVR)' })],
    }),
  ],
  ['how many cases lose money', { refuse: /cannot test profit on single cases/ }],
];

const condition = (...ids: string[]) => ({
  dimension: 'condition',
  op: 'in',
  values: ids.map((id) => expect.objectContaining({ id })),
});
const OSTEOARTHRITIS = ['M17.11', 'M17.12', 'M17.0', 'M16.11', 'M16.12', 'M19.011', 'M19.012'];
const readmissions = [{ measure: 'readmission_30', aggregation: 'ratio' }];

const CONDITION_SHORTHAND: [string, Want][] = [
  // The demo has none of these conditions: each is "not found", never another name and never all cases.
  [
    'copd readmissions',
    { refuse: /didn't find copd \(chronic obstructive pulmonary disease\) among your conditions/ },
  ],
  ["what's the readmit rate for CHF", { refuse: /didn't find CHF \(heart failure\)/ }],
  ['cost of knee replacement in diabetics', { refuse: /didn't find diabetics \(diabetes mellitus\)/ }],
  ['afib readmission rate', { refuse: /didn't find afib/ }],
  ['average los for stroke patients', { refuse: /didn't find stroke/ }],
  ['HTN cost by payor', { refuse: /didn't find HTN \(hypertension\)/ }],
  ['readmission rate for ckd', { refuse: /didn't find ckd/ }],
  ['uti cases by month', { refuse: /didn't find uti/ }],
  ['pna los', { refuse: /didn't find pna \(pneumonia\)/ }],
  ['DVT readmissions', { refuse: /didn't find DVT/ }],
  ['gi bleed average cost', { refuse: /didn't find gi bleed/ }],
  ['cost for esrd patients', { refuse: /didn't find esrd/ }],
  // These the demo has: matched by ICD-10-CM prefix, several codes as one filter.
  [
    'readmission rate for OA',
    analytics({ measures: readmissions, filters: [condition(...OSTEOARTHRITIS)], comparison: null }),
  ],
  [
    'readmissions for knee oa by surgeon',
    analytics({ group_by: ['surgeon'], filters: [condition('M17.11', 'M17.12', 'M17.0')], comparison: null }),
  ],
  ['average cost for hip fx', analytics({ measures: avgCost, filters: [condition('S72.141A', 'S72.142A')] })],
  ['los for heart attack patients', analytics({ filters: [condition('I21.4')] })],
  ['average los for NSTEMI', analytics({ filters: [condition('I21.4')] })],
  ['AMI readmission rate', analytics({ measures: readmissions, filters: [condition('I21.4')] })],
  ['sepsis los', analytics({ filters: [condition('A41.9')] })],
  ['average cost of cases with CAD', analytics({ filters: [condition('I25.10', 'I25.110')] })],
  ['ACS cases by payor', analytics({ group_by: ['payor'], filters: [condition('I25.110', 'I21.4')] })],
  ['number of fracture cases by month', analytics({ filters: [condition('S72.141A', 'S72.142A')] })],
  ['bph cost', analytics({ filters: [condition('N40.1')] })],
  ['kidney stones los', analytics({ filters: [condition('N20.0', 'N20.1')] })],
  ['cirrhosis readmissions', analytics({ filters: [condition('K70.31', 'K74.60')] })],
  [
    'average cost of cataract surgery',
    analytics({
      filters: [procedure({ id: '66984', name: 'Cataract removal with intraocular lens insertion' })],
    }),
  ],
];

const monthly = { kind: 'relative', period: 'year_to_date' };
const CASE_NOUNS: [string, Want][] = [
  [
    'number of surgeries per month this year',
    analytics({ measures: count, group_by: ['month'], filters: [], window: monthly }),
  ],
  ['surgeries by month', analytics({ measures: count, group_by: ['month'], filters: [] })],
  ['how many operations did we do in 2025', analytics({ measures: count, group_by: [], filters: [] })],
  ['admissions by payor', analytics({ measures: count, group_by: ['payor'], filters: [] })],
  ['total claims by month', analytics({ measures: count, group_by: ['month'], filters: [] })],
  ['visits per quarter', analytics({ measures: count, group_by: ['quarter'], filters: [] })],
  ['discharges by surgeon', analytics({ measures: count, group_by: ['surgeon'], filters: [] })],
  ['surgeries per surgeon', analytics({ measures: count, group_by: ['surgeon'], filters: [] })],
  ['all procedures by month', analytics({ measures: count, group_by: ['month'], filters: [] })],
  ['number of inpatients by month', { refuse: /does not say which cases were inpatient/ }],
  ['outpatient revenue', { refuse: /does not say which cases were outpatient/ }],
  [
    'cost of knee replacement in patients aged 75+',
    analytics({ filters: [procedure(KNEE)], conditions: [age('>=', 75)] }),
  ],
  ['spine cases by month', { refuse: /no specialty or service line/ }],
  ['cardiac cases by payor', { refuse: /no specialty or service line/ }],
  ['revenue by service line', { refuse: /no specialty or service line|does not hold that/ }],
  ['knee replacement cost for vets', { refuse: /didn't find "vets"/ }],
];

const NAME_LIKE: [string, Want][] = [
  ['gout cost', { refuse: /didn't find "gout"/ }],
  ['ortho cases by month', { refuse: /no specialty or service line/ }],
  ['podiatry cases by month', { refuse: /didn't find "podiatry"/ }],
  ['elective admissions by payor', { refuse: /didn't find "elective/ }],
  ['lupus readmissions', { refuse: /didn't find "lupus"/ }],
  ['total cost for NYC', { refuse: /didn't find "NYC"/ }],
  ['COPD cost', { refuse: /didn't find COPD/ }],
  ['knee replacement cost pls', analytics({ filters: [procedure(KNEE)] })],
  ['whats the total revenue lol', analytics({ measures: [{ measure: 'revenue', aggregation: 'sum' }] })],
];

const KPIS = [
  { measure: 'cases', aggregation: 'count' },
  { measure: 'hospital_revenue', aggregation: 'sum' },
  { measure: 'cost', aggregation: 'sum' },
  { measure: 'margin', aggregation: 'ratio' },
  { measure: 'los', aggregation: 'avg' },
  { measure: 'readmission_30', aggregation: 'ratio' },
];
const fixed = (from: string, to: string) => expect.objectContaining({ kind: 'fixed', from, to });
const overview = (earlier: [string, string], later: [string, string], filters: unknown[] = []): Want =>
  analytics({
    measures: KPIS,
    group_by: [],
    filters,
    comparison: { kind: 'windows', windows: [fixed(...earlier), fixed(...later)] },
  });
const LAST_12: [string, string] = ['2025-11-29', '2026-11-28'];
const BEFORE_12: [string, string] = ['2024-11-29', '2025-11-28'];

const OVERVIEWS: [string, Want][] = [
  ['how are we doing', overview(BEFORE_12, LAST_12)],
  ['give me a summary', overview(BEFORE_12, LAST_12)],
  ['kpis', overview(BEFORE_12, LAST_12)],
  ["how's business", overview(BEFORE_12, LAST_12)],
  ['how did we do last quarter', overview(['2026-04-01', '2026-06-30'], ['2026-07-01', '2026-09-30'])],
  ['overview for 2025', overview(['2024-01-01', '2024-12-31'], ['2025-01-01', '2025-12-31'])],
  ['how are we doing this year', overview(['2025-01-01', '2025-11-28'], ['2026-01-01', '2026-11-28'])],
  ['how is aetna doing', overview(BEFORE_12, LAST_12, [payor(AETNA)])],
  ['summary for knee replacements', overview(BEFORE_12, LAST_12, [procedure(KNEE)])],
  [
    'what does a typical knee replacement look like',
    { workflow: 'dashboard', plan: { filters: [procedure(KNEE)] } },
  ],
];

const CATEGORIES: [string, [string, Want][]][] = [
  ['an overview is the key figures beside the window before', OVERVIEWS],
  ['generic case nouns mean all cases', CASE_NOUNS],
  ['words that look like names are never dropped', NAME_LIKE],
  ["condition shorthand names the catalog's conditions or is not found", CONDITION_SHORTHAND],
  ['conditions on cases are read, never dropped', CASE_CONDITIONS],
  ['loss words keep the groups below zero, lowest first', LOSSES],
  ['what-if wording reaches the simulation', WHAT_IF],
  ['everyday words are never names', EVERYDAY_WORDS],
];

for (const [category, rows] of CATEGORIES) {
  describe(category, () => {
    it.each(rows)('%s', (question, want) => check(question, want));
  });
}

describe("a payor organization's overview", () => {
  it('holds no hospital-only figure', () => {
    const outcome = read('how are we doing', 'payor');
    expect(outcome.kind).toBe('query');
    if (outcome.kind !== 'query' || outcome.query.workflow !== 'analytics') return;
    const measures = outcome.query.plan.measures.map((ref) => ref.measure);
    expect(measures).toEqual(['cases', 'revenue', 'discount_rate', 'cost', 'los', 'readmission_30']);
  });
});

describe('refusals offer examples that are answered', () => {
  it.each([
    'avg age of tkr patients',
    'number of inpatients by month',
    'spine cases by month',
    'how many cases lose money',
    'average cost of knee replacement more than 20 times',
  ])('%s', (question) => {
    const outcome = read(question);
    expect(outcome.kind).toBe('refuse');
    if (outcome.kind !== 'refuse') return;
    for (const example of outcome.examples) expect(read(example).kind, example).toBe('query');
  });
});

// The guard: a word that scopes the question either changes the plan or stops the answer; it never leaves the
// unscoped figure standing as if it answered the narrower question.
const BASES = [
  'readmission rate',
  'average cost',
  'number of cases by month',
  'average length of stay by payor',
  'total revenue in 2025',
  'average cost of knee replacement',
];
const SCOPING = [
  ['copd', 'before'],
  ['chf', 'before'],
  ['gout', 'before'],
  ['ortho', 'before'],
  ['for diabetics', 'after'],
  ['for patients over 75 years old', 'after'],
  ['for 70 yo patients', 'after'],
  ['for patients aged 65+', 'after'],
  ['for stays of 10 or more days', 'after'],
  ['for cases longer than 5 days', 'after'],
  ['for Texas', 'after'],
  ['for lupus patients', 'after'],
  ['for afib', 'after'],
  ['for OA', 'after'],
  ['for hip fx', 'after'],
  ['for medicaid', 'after'],
  ['for inpatients', 'after'],
  ['over $50k', 'after'],
] as const;

describe('a scoping word changes the plan or stops the answer', () => {
  const rows = BASES.flatMap((base) =>
    SCOPING.map(
      ([word, where]) => [base, where === 'before' ? `${word} ${base}` : `${base} ${word}`] as const,
    ),
  );
  it.each(rows)('%s → %s', (base, scoped) => {
    const plain = read(base);
    expect(plain.kind, base).toBe('query');
    const outcome = read(scoped);
    if (outcome.kind !== 'query' || plain.kind !== 'query') return;
    expect(outcome.query, scoped).not.toEqual(plain.query);
  });
});

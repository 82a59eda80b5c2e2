import { describe, expect, it } from 'vitest';
import type { AnalysisPlan, PlanWindow } from '../../../src/contract/query-plan';
import { demoCatalog } from '../../cases/demo-catalog';
import { DEMO_CLIENTS, DEMO_PAYORS, DEMO_PROVIDERS, DEMO_SURGEONS } from '../../cases/demo-dimensions';
import { resolveText } from '../../cases/resolver';
import type { CatalogEntry, EntityKind } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { correctWords, questionVocabulary } from './typos';

// The phrasing table's vocabulary rows: whole questions as analysts type them (typos, clinical and finance
// shorthand, window shorthand, codes), read by the real parser against the demo organization's catalog with the
// real resolver, each expecting a plan fragment. Today is 2026-11-28; the data ends the same day.

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

function read(question: string) {
  const { text } = correctWords(question, vocabulary);
  return parseQuestion(text, {
    today: '2026-11-28',
    orgType: 'hospital',
    lastAdmit: '2026-11-28',
    firstAdmit: '2023-11-29',
    resolve: (words, kinds) => resolveText(catalog, words, kinds),
  });
}

/** What a row expects of the plan; only the fields given are checked. */
interface Expect {
  workflow?: AnalysisPlan['workflow'];
  measure?: string;
  aggregation?: string;
  procedure?: string;
  payor?: string;
  surgeon?: string;
  drg?: string;
  condition?: string;
  groupBy?: string[];
  window?: PlanWindow;
  lookup?: string;
}

function check(question: string, expected: Expect) {
  const outcome = read(question);
  expect(outcome.kind, `${question}: ${JSON.stringify(outcome).slice(0, 300)}`).toBe('query');
  if (outcome.kind !== 'query') return;
  const plan = outcome.query;
  expect(plan.workflow).toBe(expected.workflow ?? 'analytics');
  if (plan.workflow === 'entity_resolver') {
    if (expected.lookup) expect(plan.plan.text.toLowerCase()).toBe(expected.lookup.toLowerCase());
    return;
  }
  const filterIds = (dimension: string) => {
    const filters = 'filters' in plan.plan ? plan.plan.filters : [];
    const ids = filters
      .filter((filter) => filter.dimension === dimension && filter.op === 'in')
      .flatMap((filter) => filter.values.map((value) => value.id));
    if (plan.workflow === 'predictions' && dimension === 'procedure') ids.push(plan.plan.procedure.id);
    return ids;
  };
  for (const dimension of ['procedure', 'payor', 'surgeon', 'drg', 'condition'] as const) {
    const id = expected[dimension];
    if (id) expect(filterIds(dimension), `${question}: ${dimension}`).toEqual([id]);
  }
  if (plan.workflow === 'analytics') {
    if (expected.measure) expect(plan.plan.measures[0]?.measure, question).toBe(expected.measure);
    if (expected.aggregation) expect(plan.plan.measures[0]?.aggregation, question).toBe(expected.aggregation);
    if (expected.groupBy) expect(plan.plan.group_by, question).toEqual(expected.groupBy);
    if (expected.window) expect(plan.plan.window, question).toEqual(expected.window);
  }
}

const TYPOS: [string, Expect][] = [
  ['avergae cost of knee replacment', { measure: 'cost', aggregation: 'avg', procedure: '27447' }],
  ['average cots of hip replacement', { measure: 'cost', procedure: '27130' }],
  ['total revnue by payor', { measure: 'revenue', aggregation: 'sum', groupBy: ['payor'] }],
  ['totla revenue by surgeon', { measure: 'revenue', groupBy: ['surgeon'] }],
  ['revenue by surgoen', { measure: 'revenue', groupBy: ['surgeon'] }],
  ['average cost by payer', { measure: 'cost', groupBy: ['payor'] }],
  [
    'medain length of stay for hip replacement',
    { measure: 'los', aggregation: 'median', procedure: '27130' },
  ],
  ['lenght of stay for total knee arthroplasty', { measure: 'los', procedure: '27447' }],
  ['cost of laparoscopic cholecystecomy', { measure: 'cost', procedure: '47562' }],
  ['cost of lap cholecystectmy', { measure: 'cost', procedure: '47562' }],
  ['average cost of total knee arthroplsty', { measure: 'cost', procedure: '27447' }],
  ['average cost for Aetan', { measure: 'cost', payor: 'Aetna' }],
  ['revenue from Medicar patients', { measure: 'revenue', payor: 'Medicare' }],
  ['average cost for Humanna', { measure: 'cost', payor: 'Humana' }],
  ['total revenue from Cigan', { measure: 'revenue', payor: 'Cigna' }],
  ['discoutn by payor', { measure: 'discount', groupBy: ['payor'] }],
  ['total discuont by payor', { measure: 'discount', groupBy: ['payor'] }],
  ['margni by procedure', { measure: 'margin', groupBy: ['procedure'] }],
  ['marign by surgeon', { measure: 'margin', groupBy: ['surgeon'] }],
  ['profti by payor', { measure: 'profit', groupBy: ['payor'] }],
  ['readmision rate by surgeon', { measure: 'readmission_30', groupBy: ['surgeon'] }],
  ['readmissions by procdure', { measure: 'readmission_30', groupBy: ['procedure'] }],
  [
    'average cost of cataract surgery by surgeon',
    { measure: 'cost', procedure: '66984', groupBy: ['surgeon'] },
  ],
  ['averge cost of colonoscopy', { measure: 'cost', procedure: '45378' }],
  ['average cost of colonscopy', { measure: 'cost', procedure: '45378' }],
  ['revenue of apendectomy by surgeon', { procedure: '44970', groupBy: ['surgeon'] }],
  ['cost of cesarian delivery', { measure: 'cost', procedure: '59510' }],
  ['average cost of spinal fuison', { measure: 'cost', procedure: '22612' }],
  ['average cost of pacemakr insertion', { measure: 'cost', procedure: '33208' }],
  ['mastectomy revenue by payor', { procedure: '19303', groupBy: ['payor'] }],
  ['cost of carotid endarterectomy by surgoen', { procedure: '35301', groupBy: ['surgeon'] }],
  ['revenue at Riverside Comunity Hospital', { measure: 'revenue' }],
  [
    'averag cost per case in 2025',
    {
      measure: 'cost',
      aggregation: 'avg',
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    },
  ],
  ['cost by quartr', { measure: 'cost', groupBy: ['quarter'] }],
  ['revenue by moneth in 2025', { measure: 'revenue', groupBy: ['month'] }],
  ['average operating tiem for knee replacement', { measure: 'time', procedure: '27447' }],
  ['median cosst of hip replacement', { measure: 'cost', aggregation: 'median', procedure: '27130' }],
  ['averag revenue of Blue Cross Blue Sheild', { measure: 'revenue', payor: 'Blue Cross Blue Shield' }],
];

const SHORTHAND: [string, Expect][] = [
  // Procedure abbreviations in questions
  ['average cost of TKA by surgeon', { measure: 'cost', procedure: '27447', groupBy: ['surgeon'] }],
  ['TKR cost by payor', { measure: 'cost', procedure: '27447', groupBy: ['payor'] }],
  ['THA revenue', { measure: 'revenue', procedure: '27130' }],
  ['average cost of THR', { measure: 'cost', procedure: '27130' }],
  ['lap chole cost per case', { measure: 'cost', aggregation: 'avg', procedure: '47562' }],
  ['cost per case for lap chole by surgeon', { measure: 'cost', procedure: '47562', groupBy: ['surgeon'] }],
  ['lap appy revenue by payor', { procedure: '44970', groupBy: ['payor'] }],
  ['ALOS for CABG', { measure: 'los', aggregation: 'avg', procedure: '33533' }],
  ['LOS for CABG by surgeon', { measure: 'los', procedure: '33533', groupBy: ['surgeon'] }],
  ['OR time for TURP', { measure: 'time', procedure: '52601' }],
  ['average OR time for ACDF by surgeon', { measure: 'time', procedure: '22551', groupBy: ['surgeon'] }],
  ['EGD volume by month', { procedure: '43239', groupBy: ['month'] }],
  ['PCI cost by payor', { measure: 'cost', procedure: '92928', groupBy: ['payor'] }],
  ['CEA average cost', { measure: 'cost', procedure: '35301' }],
  ['TAVR margin', { measure: 'margin', procedure: '33361' }],
  ['TAVI cost per case', { measure: 'cost', procedure: '33361' }],
  ['SAVR revenue by payor', { procedure: '33405', groupBy: ['payor'] }],
  ['PPM cost by surgeon', { measure: 'cost', procedure: '33208', groupBy: ['surgeon'] }],
  ['TAH cost', { measure: 'cost', procedure: '58150' }],
  ['TAH-BSO average cost', { measure: 'cost', procedure: '58150' }],
  ['TLH length of stay', { measure: 'los', procedure: '58571' }],
  ['c/s revenue by payor', { procedure: '59510', groupBy: ['payor'] }],
  ['NSVD cost', { measure: 'cost', procedure: '59400' }],
  ['RYGB cost by surgeon', { measure: 'cost', procedure: '43644', groupBy: ['surgeon'] }],
  ['sleeve gastrectomy margin', { measure: 'margin', procedure: '43775' }],
  ['TLIF cost per case', { measure: 'cost', procedure: '22633' }],
  ['lumbar lami length of stay', { measure: 'los', procedure: '63047' }],
  ['VATS lobectomy cost', { measure: 'cost', procedure: '32663' }],
  ['RALP revenue', { measure: 'revenue', procedure: '55866' }],
  ['ESWL cost by payor', { measure: 'cost', procedure: '50590', groupBy: ['payor'] }],
  ['phaco cost by surgeon', { measure: 'cost', procedure: '66984', groupBy: ['surgeon'] }],
  ['RCR average cost', { measure: 'cost', procedure: '29827' }],
  ['carpal tunnel release revenue', { measure: 'revenue', procedure: '64721' }],
  ['heart cath cost', { measure: 'cost', procedure: '93458' }],
  ['knee scope cost by surgeon', { measure: 'cost', procedure: '29881', groupBy: ['surgeon'] }],
  ['lap hernia repair cost', { measure: 'cost', procedure: '49650' }],
  ['open IHR cost', { measure: 'cost', procedure: '49505' }],
  ['mech vent length of stay', { measure: 'los', procedure: '5A1955Z' }],
  ['predict the cost of a TKA', { workflow: 'predictions', procedure: '27447' }],
  ['what does a typical lap chole case look like', { workflow: 'dashboard', procedure: '47562' }],
  // Metric shorthand
  ['ALOS by payor', { measure: 'los', aggregation: 'avg', groupBy: ['payor'] }],
  ['LOS by surgeon', { measure: 'los', groupBy: ['surgeon'] }],
  ['OR time by surgeon', { measure: 'time', groupBy: ['surgeon'] }],
  ['OR minutes for knee replacement', { measure: 'time', procedure: '27447' }],
  ['cost per case by payor', { measure: 'cost', aggregation: 'avg', groupBy: ['payor'] }],
  ['reimbursement by payor', { measure: 'revenue', groupBy: ['payor'] }],
  ['average reimbursement for knee replacement', { measure: 'revenue', procedure: '27447' }],
  ['total payments by payor', { measure: 'revenue', aggregation: 'sum', groupBy: ['payor'] }],
  ['payments for hip replacement by payor', { measure: 'revenue', procedure: '27130', groupBy: ['payor'] }],
  ['contractual adjustments by payor', { measure: 'discount', groupBy: ['payor'] }],
  ['total contractual adjustments for Medicare', { measure: 'discount', payor: 'Medicare' }],
  ['writeoffs by payor', { measure: 'discount', groupBy: ['payor'] }],
  ['30-day readmission rate by surgeon', { measure: 'readmission_30', groupBy: ['surgeon'] }],
  ['profit margin by payor', { measure: 'margin', groupBy: ['payor'] }],
  ['case volume by month', { measure: 'cases', groupBy: ['month'] }],
];

const T = (from: string, to: string, label: string): PlanWindow => ({ kind: 'fixed', from, to, label });
const WINDOWS: [string, Expect][] = [
  ['TKA cost FY2025', { procedure: '27447', window: T('2024-10-01', '2025-09-30', 'FY2025') }],
  ['revenue by payor YTD', { groupBy: ['payor'], window: { kind: 'relative', period: 'year_to_date' } }],
  ['cost per case QTD', { measure: 'cost', window: { kind: 'relative', period: 'quarter_to_date' } }],
  ['case volume MTD', { measure: 'cases', window: { kind: 'relative', period: 'month_to_date' } }],
  [
    'revenue FYTD by payor',
    { groupBy: ['payor'], window: { kind: 'relative', period: 'fiscal_year_to_date' } },
  ],
  ['margin last FY', { measure: 'margin', window: { kind: 'relative', period: 'last_fiscal_year' } }],
  ['ALOS LTM', { measure: 'los', window: { kind: 'relative', period: 'last_months', count: 12 } }],
  [
    'cost by surgeon last quarter',
    { groupBy: ['surgeon'], window: { kind: 'relative', period: 'last_quarter' } },
  ],
  ['revenue in Q3 FY2026', { window: T('2026-04-01', '2026-06-30', 'Q3 FY2026') }],
  ['lap chole volume in 2025', { procedure: '47562', window: T('2025-01-01', '2025-12-31', '2025') }],
];

const CODES: [string, Expect][] = [
  ['cost of procedure 27130', { measure: 'cost', procedure: '27130' }],
  ['average cost for CPT 27447 by surgeon', { procedure: '27447', groupBy: ['surgeon'] }],
  ['DRG 470 revenue by payor', { drg: '470', groupBy: ['payor'] }],
  ['MS-DRG 470 average cost', { measure: 'cost', drg: '470' }],
  ['number of cases with dx M17.11', { measure: 'cases', condition: 'M17.11' }],
  ['what is DRG 470', { workflow: 'entity_resolver', lookup: '470' }],
  ['code for total knee arthroplasty', { workflow: 'entity_resolver', lookup: 'total knee arthroplasty' }],
  ["what's the CPT code for lap chole", { workflow: 'entity_resolver', lookup: 'lap chole' }],
  ['which procedure is 47562', { workflow: 'entity_resolver', lookup: '47562' }],
];

describe.each([
  ['typos', TYPOS],
  ['shorthand', SHORTHAND],
  ['window shorthand', WINDOWS],
  ['codes', CODES],
] as const)('vocabulary phrasings: %s', (_category, rows) => {
  it.each(rows)('"%s"', (question, expected) => check(question, expected));
});

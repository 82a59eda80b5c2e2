import { describe, expect, it } from 'vitest';
import type { AnalyticsParams } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { contextWith, HIP, KNEE, LAST_365_DAYS } from './test-resolver';

const KNEE_PCS = {
  domain: 'procedure',
  code: '0SRC0J9',
  name: 'Replacement of right knee joint with synthetic substitute, open approach',
} as const;
const DIABETES = {
  domain: 'condition',
  code: 'E11.9',
  name: 'Type 2 diabetes mellitus without complications',
} as const;
const DRG_470 = {
  domain: 'drg',
  code: '470',
  name: 'Major hip and knee joint replacement without MCC',
} as const;
const OSTEOARTHRITIS = {
  domain: 'condition',
  code: 'M17.11',
  name: 'Unilateral primary osteoarthritis, right knee',
} as const;
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };

const CASES: [string, AnalyticsParams][] = [
  [
    'average cost of knee replacement by surgeon',
    { entity: KNEE, metric: 'cost', view: 'avg', pivot: 'surgeon', window: LAST_365_DAYS },
  ],
  [
    'Mean costs for TKA per physician in 2025',
    { entity: KNEE, metric: 'cost', view: 'avg', pivot: 'surgeon', window: YEAR_2025 },
  ],
  [
    'typical expense of hip replacements',
    { entity: HIP, metric: 'cost', view: 'avg', window: LAST_365_DAYS },
  ],
  [
    'avg spend on total hip arthroplasty',
    { entity: HIP, metric: 'cost', view: 'avg', window: LAST_365_DAYS },
  ],
  [
    'What is the total cost of total knee arthroplasty?',
    { entity: KNEE, metric: 'cost', view: 'sum', window: LAST_365_DAYS },
  ],
  ['total knee arthroplasty cost', { entity: KNEE, metric: 'cost', view: 'avg', window: LAST_365_DAYS }],
  ['sum of revenue by payer', { metric: 'revenue', view: 'sum', pivot: 'payor', window: LAST_365_DAYS }],
  [
    'overall charges for each insurer',
    { metric: 'revenue', view: 'sum', pivot: 'payor', window: LAST_365_DAYS },
  ],
  [
    'billed amounts across facilities in 2025',
    { metric: 'revenue', view: 'avg', pivot: 'provider', window: YEAR_2025 },
  ],
  [
    'hospital revenue by hospital',
    { metric: 'hospital_revenue', view: 'avg', pivot: 'provider', window: LAST_365_DAYS },
  ],
  [
    'margin for knee replacement broken down by client',
    { entity: KNEE, metric: 'margin', view: 'avg', pivot: 'client', window: LAST_365_DAYS },
  ],
  ['total profit per customer', { metric: 'profit', view: 'sum', pivot: 'client', window: LAST_365_DAYS }],
  [
    'discounts by payor for hip replacement',
    { entity: HIP, metric: 'discount', view: 'avg', pivot: 'payor', window: LAST_365_DAYS },
  ],
  ['average LOS for CPT 27447', { entity: KNEE, metric: 'los', view: 'avg', window: LAST_365_DAYS }],
  [
    'length of stay by doctor for 27130',
    { entity: HIP, metric: 'los', view: 'avg', pivot: 'surgeon', window: LAST_365_DAYS },
  ],
  ['days in hospital for DRG 470', { entity: DRG_470, metric: 'los', view: 'avg', window: LAST_365_DAYS }],
  [
    'OR time for 0SRC0J9 by surgeon',
    { entity: KNEE_PCS, metric: 'time', view: 'avg', pivot: 'surgeon', window: LAST_365_DAYS },
  ],
  [
    'surgical time of knee replacements',
    { entity: KNEE, metric: 'time', view: 'avg', window: LAST_365_DAYS },
  ],
  ['operating minutes per surgeon', { metric: 'time', view: 'avg', pivot: 'surgeon', window: LAST_365_DAYS }],
  [
    '30-day readmission rate for patients with diabetes',
    { entity: DIABETES, metric: 'readmission_30', view: 'avg', window: LAST_365_DAYS },
  ],
  [
    'readmissions for M17.11 by provider',
    {
      entity: OSTEOARTHRITIS,
      metric: 'readmission_30',
      view: 'avg',
      pivot: 'provider',
      window: LAST_365_DAYS,
    },
  ],
  [
    'list cases of knee replacement with their cost',
    { entity: KNEE, metric: 'cost', view: 'detail', window: LAST_365_DAYS },
  ],
  [
    'show me the cases for hip replacement last year',
    { entity: HIP, metric: 'cost', view: 'detail', window: YEAR_2025 },
  ],
  [
    'how many knee replacements by payor since March',
    {
      entity: KNEE,
      metric: 'cost',
      view: 'sum',
      pivot: 'payor',
      window: { from: '2026-03-01', to: '2026-11-28' },
    },
  ],
  [
    'Which surgeon has the highest cost for hip replacements?',
    { entity: HIP, metric: 'cost', view: 'avg', pivot: 'surgeon', window: LAST_365_DAYS },
  ],
];

describe('analytics questions', () => {
  it.each(CASES)('%s', (question, params) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual({ workflow: 'analytics', params });
  });

  it('reads the question back in words', () => {
    const outcome = parseQuestion(
      'average cost of knee replacement by surgeon from 2025-12-01 to 2026-11-30',
      contextWith(),
    );
    expect(outcome).toMatchObject({
      kind: 'query',
      reading: 'average cost of Total knee arthroplasty (27447) by surgeon, 1 Dec 2025 – 30 Nov 2026',
    });
  });

  it('says a count is a count', () => {
    const outcome = parseQuestion('how many cases of hip replacement in 2025', contextWith());
    expect(outcome).toMatchObject({
      kind: 'query',
      query: {
        workflow: 'analytics',
        params: { entity: HIP, metric: 'cost', view: 'sum', window: YEAR_2025 },
      },
      reading: 'number of cases and total cost of Total hip arthroplasty (27130), 1 Jan 2025 – 31 Dec 2025',
    });
  });

  it('returns every resolution it used', () => {
    const outcome = parseQuestion('average cost of knee replacement for Aetna', contextWith());
    if (outcome.kind !== 'query') throw new Error(outcome.message);
    expect(outcome.resolutions.map((item) => item.best?.id)).toEqual(['27447', 'Aetna']);
  });
});

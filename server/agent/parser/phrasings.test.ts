import { describe, expect, it } from 'vitest';
import type { AnalyticsParams } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { contextWith, HIP, KNEE, LAST_365_DAYS } from './test-resolver';

// Questions as people type them: names run together, verbs instead of metric words, chatty filler.
const KNEE_PCS = {
  domain: 'procedure',
  code: '0SRC0J9',
  name: 'Replacement of right knee joint with synthetic substitute, open approach',
} as const;
const DRG_470 = {
  domain: 'drg',
  code: '470',
  name: 'Major hip and knee joint replacement without MCC',
} as const;
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
const PATEL: AnalyticsParams['filters'] = { dimensions: [{ dimension: 'surgeon', values: ['Anil Patel'] }] };
const AETNA: AnalyticsParams['filters'] = { dimensions: [{ dimension: 'payor', values: ['Aetna'] }] };

const CASES: [string, AnalyticsParams][] = [
  [
    'How many hip replacements did Dr. Patel do in Q3 2026?',
    {
      entity: HIP,
      metric: 'cost',
      view: 'sum',
      window: { from: '2026-07-01', to: '2026-09-30' },
      filters: PATEL,
    },
  ],
  [
    'Aetna knee replacement cost',
    { entity: KNEE, metric: 'cost', view: 'avg', window: LAST_365_DAYS, filters: AETNA },
  ],
  [
    'how much revenue did we make from Aetna in 2025',
    { metric: 'revenue', view: 'sum', window: YEAR_2025, filters: AETNA },
  ],
  [
    'Which payor pays the most for gallbladder removal?',
    {
      entity: { domain: 'procedure', code: '47562', name: 'Laparoscopic cholecystectomy' },
      metric: 'revenue',
      view: 'avg',
      pivot: 'payor',
      window: LAST_365_DAYS,
    },
  ],
  [
    'average time in surgery for knee scopes',
    {
      entity: { domain: 'procedure', code: '29881', name: 'Knee arthroscopy with meniscectomy' },
      metric: 'time',
      view: 'avg',
      window: LAST_365_DAYS,
    },
  ],
  [
    'cost of major hip and knee joint replacement without MCC',
    { entity: DRG_470, metric: 'cost', view: 'avg', window: LAST_365_DAYS },
  ],
  [
    'OR time for replacement of right knee joint with synthetic substitute',
    { entity: KNEE_PCS, metric: 'time', view: 'avg', window: LAST_365_DAYS },
  ],
  [
    'how much did we spend on knee replacements in 2025',
    { entity: KNEE, metric: 'cost', view: 'sum', window: YEAR_2025 },
  ],
  ['cost', { metric: 'cost', view: 'avg', window: LAST_365_DAYS }],
  [
    'top 5 surgeons by revenue for knee replacement',
    { entity: KNEE, metric: 'revenue', view: 'avg', pivot: 'surgeon', window: LAST_365_DAYS },
  ],
  [
    'compare payors on cost for TKA',
    { entity: KNEE, metric: 'cost', view: 'avg', pivot: 'payor', window: LAST_365_DAYS },
  ],
  [
    'how long do hip replacement patients stay',
    { entity: HIP, metric: 'los', view: 'avg', window: LAST_365_DAYS },
  ],
];

describe('everyday phrasings', () => {
  it.each(CASES)('%s', (question, params) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual({ workflow: 'analytics', params });
  });
});

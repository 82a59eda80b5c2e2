import { describe, expect, it } from 'vitest';
import { describeQuery } from './describe';
import { analytics, HIP, KNEE, LAST_365_DAYS } from './test-resolver';
import type { ParsedQuery } from './types';

const CASES: [ParsedQuery, string][] = [
  [
    analytics({
      entity: KNEE,
      metric: 'cost',
      view: 'avg',
      pivot: 'surgeon',
      window: { from: '2025-12-01', to: '2026-11-30' },
    }),
    'average cost of Total knee arthroplasty (27447) by surgeon, 1 Dec 2025 – 30 Nov 2026',
  ],
  [
    analytics({ metric: 'readmission_30', view: 'avg', window: LAST_365_DAYS }),
    '30-day readmission rate of all cases, 29 Nov 2025 – 28 Nov 2026',
  ],
  [
    analytics({ entity: HIP, metric: 'time', view: 'detail', window: LAST_365_DAYS }),
    'cases with their OR time of Total hip arthroplasty (27130), 29 Nov 2025 – 28 Nov 2026',
  ],
  [{ workflow: 'dashboard', params: {} }, 'overview of all cases'],
  [
    {
      workflow: 'predictions',
      params: { entity: KNEE, metric: 'time', ageBand: [65, 74], secondaryConditions: ['E11.9'] },
    },
    'predicted OR time of Total knee arthroplasty (27447) for a patient aged 65–74 with E11.9',
  ],
  [
    {
      workflow: 'simulation',
      params: {
        change: { kind: 'percent', value: -3 },
        scope: { payors: ['Aetna'] },
        lookbackMonths: 24,
        horizonMonths: 6,
      },
    },
    'simulated −3% price change for all procedures with Aetna, based on the last 24 months, projected over the next 6 months',
  ],
  [{ workflow: 'entity_resolver', text: 'knee', kinds: ['procedure'] }, 'look up "knee" among procedures'],
];

describe('describeQuery', () => {
  it.each(CASES)('%#: %s', (query, words) => {
    expect(describeQuery(query)).toBe(words);
  });
});

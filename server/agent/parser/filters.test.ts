import { describe, expect, it } from 'vitest';
import type { AnalyticsParams } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { contextWith, HIP, KNEE, LAST_365_DAYS } from './test-resolver';

const CASES: [string, AnalyticsParams][] = [
  [
    'average cost of knee replacement for Aetna',
    {
      entity: KNEE,
      metric: 'cost',
      view: 'avg',
      window: LAST_365_DAYS,
      filters: { dimensions: [{ dimension: 'payor', values: ['Aetna'] }] },
    },
  ],
  [
    'revenue at Mercy North for Aetna and Cigna',
    {
      metric: 'revenue',
      view: 'avg',
      window: LAST_365_DAYS,
      filters: {
        dimensions: [
          { dimension: 'provider', values: ['Mercy North'] },
          { dimension: 'payor', values: ['Aetna', 'Cigna'] },
        ],
      },
    },
  ],
  [
    'cost of hip replacement with Dr. Patel by payor',
    {
      entity: HIP,
      metric: 'cost',
      view: 'avg',
      pivot: 'payor',
      window: LAST_365_DAYS,
      filters: { dimensions: [{ dimension: 'surgeon', values: ['Anil Patel'] }] },
    },
  ],
  [
    'total revenue for client Northwind in Q1 2026',
    {
      metric: 'revenue',
      view: 'sum',
      window: { from: '2026-01-01', to: '2026-03-31' },
      filters: { dimensions: [{ dimension: 'client', values: ['Northwind'] }] },
    },
  ],
  [
    'average cost of knee replacement excluding outliers',
    {
      entity: KNEE,
      metric: 'cost',
      view: 'avg',
      window: LAST_365_DAYS,
      filters: { percentileBand: [5, 95] },
    },
  ],
  [
    'LOS for hip replacement excluding diabetes over the last 6 months',
    {
      entity: HIP,
      metric: 'los',
      view: 'avg',
      window: { from: '2026-05-29', to: '2026-11-28' },
      filters: { excludeConditions: ['E11.9'] },
    },
  ],
  [
    'average cost of knee replacement between the 10th and 90th percentile by surgeon',
    {
      entity: KNEE,
      metric: 'cost',
      view: 'avg',
      pivot: 'surgeon',
      window: LAST_365_DAYS,
      filters: { percentileBand: [10, 90] },
    },
  ],
  [
    'cost for knee replacement without diabetes and hypertension',
    {
      entity: KNEE,
      metric: 'cost',
      view: 'avg',
      window: LAST_365_DAYS,
      filters: { excludeConditions: ['E11.9', 'I10'] },
    },
  ],
  [
    'total hip replacement revenue for Aetna, Cigna or Medicare',
    {
      entity: HIP,
      metric: 'revenue',
      view: 'avg',
      window: LAST_365_DAYS,
      filters: { dimensions: [{ dimension: 'payor', values: ['Aetna', 'Cigna', 'Medicare'] }] },
    },
  ],
  [
    'average cost for payor Medicare at provider Mercy South excluding obesity from the p10 to p90',
    {
      metric: 'cost',
      view: 'avg',
      window: LAST_365_DAYS,
      filters: {
        dimensions: [
          { dimension: 'payor', values: ['Medicare'] },
          { dimension: 'provider', values: ['Mercy South'] },
        ],
        percentileBand: [10, 90],
        excludeConditions: ['E66.9'],
      },
    },
  ],
];

describe('analytics questions with filters', () => {
  it.each(CASES)('%s', (question, params) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual({ workflow: 'analytics', params });
  });

  it('reads filters back with the names of excluded conditions', () => {
    const outcome = parseQuestion(
      'LOS for hip replacement by payor for Aetna excluding diabetes and outliers',
      contextWith(),
    );
    expect(outcome).toMatchObject({
      kind: 'query',
      reading:
        'average length of stay of Total hip arthroplasty (27130) by payor for payor Aetna between the 5th and 95th percentile ' +
        'excluding Type 2 diabetes mellitus without complications (E11.9), 29 Nov 2025 – 28 Nov 2026',
    });
  });
});

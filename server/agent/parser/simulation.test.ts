import { describe, expect, it } from 'vitest';
import type { SimulationParams } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { contextWith } from './test-resolver';

const CASES: [string, SimulationParams][] = [
  [
    'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
    {
      change: { kind: 'percent', value: 5 },
      scope: { procedures: ['27447'], payors: ['Aetna'] },
      lookbackMonths: 12,
      horizonMonths: 12,
    },
  ],
  [
    'simulate a $200 price cut for hip replacement',
    {
      change: { kind: 'flat', value: -200 },
      scope: { procedures: ['27130'] },
      lookbackMonths: 12,
      horizonMonths: 12,
    },
  ],
  [
    'what if we increase by 3 percent',
    { change: { kind: 'percent', value: 3 }, scope: {}, lookbackMonths: 12, horizonMonths: 12 },
  ],
  [
    'what if we lower prices by 10% for Cigna and Medicare based on the last 24 months',
    {
      change: { kind: 'percent', value: -10 },
      scope: { payors: ['Cigna', 'Medicare'] },
      lookbackMonths: 24,
      horizonMonths: 12,
    },
  ],
  [
    'simulate a 2.5% price increase for knee replacement and hip replacement over the next 6 months',
    {
      change: { kind: 'percent', value: 2.5 },
      scope: { procedures: ['27447', '27130'] },
      lookbackMonths: 12,
      horizonMonths: 6,
    },
  ],
  [
    'What happens if we cut prices by $1,500 for CPT 27447 with BCBS over the next 2 years?',
    {
      change: { kind: 'flat', value: -1500 },
      scope: { procedures: ['27447'], payors: ['Blue Cross Blue Shield'] },
      lookbackMonths: 12,
      horizonMonths: 24,
    },
  ],
  [
    'scenario: reduce charges 7 pct for TKA using the past 18 months',
    {
      change: { kind: 'percent', value: -7 },
      scope: { procedures: ['27447'] },
      lookbackMonths: 18,
      horizonMonths: 12,
    },
  ],
  [
    'what if prices were 4% higher for Aetna for the coming year',
    {
      change: { kind: 'percent', value: 4 },
      scope: { payors: ['Aetna'] },
      lookbackMonths: 12,
      horizonMonths: 12,
    },
  ],
];

describe('simulation questions', () => {
  it.each(CASES)('%s', (question, params) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual({ workflow: 'simulation', params });
  });

  it('reads the scenario back', () => {
    const outcome = parseQuestion('simulate a $200 price cut for hip replacement', contextWith());
    expect(outcome).toMatchObject({
      reading:
        'simulated −$200 per case price change for Total hip arthroplasty (27130), based on the last 12 months, projected over the next 12 months',
    });
  });

  it.each([
    ['what if we raise prices for knee replacements', /price change to simulate/],
    ['what if we cut prices 150%', /not one I can simulate/],
    ['what if we raise prices 5% and 10%', /one price change/],
  ])('refuses %s', (question, message) => {
    expect(parseQuestion(question, contextWith())).toMatchObject({
      kind: 'refuse',
      message: expect.stringMatching(message),
    });
  });
});

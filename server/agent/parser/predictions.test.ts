import { describe, expect, it } from 'vitest';
import type { PredictionParams } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { contextWith, HIP, KNEE } from './test-resolver';

const DRG_470 = {
  domain: 'drg',
  code: '470',
  name: 'Major hip and knee joint replacement without MCC',
} as const;

const CASES: [string, PredictionParams][] = [
  [
    'what will a knee replacement cost for a 67-year-old woman with diabetes',
    { entity: KNEE, metric: 'cost', gender: 'F', age: 67, secondaryConditions: ['E11.9'] },
  ],
  [
    'predict the price of a hip replacement for a male aged 72',
    { entity: HIP, metric: 'price', gender: 'M', age: 72 },
  ],
  [
    'estimate charges for TKA for a woman in her 70s',
    { entity: KNEE, metric: 'price', gender: 'F', ageBand: [70, 79] },
  ],
  [
    'expected revenue of DRG 470 for men 65-74',
    { entity: DRG_470, metric: 'price', gender: 'M', ageBand: [65, 74] },
  ],
  [
    'predict OR time for hip replacement, F, 58 years old',
    { entity: HIP, metric: 'time', gender: 'F', age: 58 },
  ],
  [
    'estimate the profit of a knee replacement for a 80 yo man with hypertension and obesity',
    { entity: KNEE, metric: 'profit', gender: 'M', age: 80, secondaryConditions: ['I10', 'E66.9'] },
  ],
  [
    'predict the cost of CPT 27130 for a patient over 80',
    { entity: HIP, metric: 'cost', ageBand: [81, 120] },
  ],
  ['forecast the price of a knee replacement', { entity: KNEE, metric: 'price' }],
  [
    'How much will a hip replacement cost for a female between 50 and 59 with heart failure?',
    { entity: HIP, metric: 'cost', gender: 'F', ageBand: [50, 59], secondaryConditions: ['I50.9'] },
  ],
  [
    'expected cost for a man in his sixties having a knee replacement',
    { entity: KNEE, metric: 'cost', gender: 'M', ageBand: [60, 69] },
  ],
];

describe('prediction questions', () => {
  it.each(CASES)('%s', (question, params) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual({ workflow: 'predictions', params });
  });

  it('reads the patient back with condition names', () => {
    const outcome = parseQuestion(
      'what will a knee replacement cost for a 67-year-old woman with diabetes',
      contextWith(),
    );
    expect(outcome).toMatchObject({
      reading:
        'predicted cost of Total knee arthroplasty (27447) for a 67-year-old woman with Type 2 diabetes mellitus without complications (E11.9)',
    });
  });

  it.each([
    ['predict the length of stay for a knee replacement', /price, cost, OR time and profit/],
    ['predict the cost for a 67-year-old woman', /which procedure/],
    ['predict the cost of a knee replacement for a 150-year-old man', /not an age/],
  ])('refuses %s', (question, message) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'refuse', message: expect.stringMatching(message) });
  });

  it('refuses a profit prediction for a payor', () => {
    const outcome = parseQuestion(
      'predict the profit of a knee replacement for a 60 year old',
      contextWith({ orgType: 'payor' }),
    );
    expect(outcome).toMatchObject({ kind: 'refuse', message: expect.stringMatching(/hospital-only/) });
  });
});

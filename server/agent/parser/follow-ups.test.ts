import { describe, expect, it } from 'vitest';
import type { AnalyticsFilters } from '../../cases/types';
import { parseQuestion } from './parse-question';
import { analytics, contextWith, HIP, KNEE, LAST_365_DAYS } from './test-resolver';
import type { ParsedQuery } from './types';

const BASE = analytics({
  entity: KNEE,
  metric: 'cost',
  view: 'avg',
  pivot: 'surgeon',
  window: LAST_365_DAYS,
});
const BASE_PARAMS = {
  entity: KNEE,
  metric: 'cost',
  view: 'avg',
  pivot: 'surgeon',
  window: LAST_365_DAYS,
} as const;
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
const AETNA: AnalyticsFilters = { dimensions: [{ dimension: 'payor', values: ['Aetna'] }] };

const ANALYTICS_FOLLOW_UPS: [string, ParsedQuery][] = [
  ['now by payor', analytics({ ...BASE_PARAMS, pivot: 'payor' })],
  ['by provider?', analytics({ ...BASE_PARAMS, pivot: 'provider' })],
  ['what about cost?', BASE],
  ['what about revenue?', analytics({ ...BASE_PARAMS, metric: 'revenue' })],
  ['How about length of stay', analytics({ ...BASE_PARAMS, metric: 'los' })],
  ['and for hip replacement?', analytics({ ...BASE_PARAMS, entity: HIP })],
  ['hip replacement?', analytics({ ...BASE_PARAMS, entity: HIP })],
  ['same for last year', analytics({ ...BASE_PARAMS, window: YEAR_2025 })],
  ['and in 2025', analytics({ ...BASE_PARAMS, window: YEAR_2025 })],
  ['without the pivot', analytics({ entity: KNEE, metric: 'cost', view: 'avg', window: LAST_365_DAYS })],
  ['only Aetna', analytics({ ...BASE_PARAMS, filters: AETNA })],
  ['just for Aetna please', analytics({ ...BASE_PARAMS, filters: AETNA })],
  ['show the cases', analytics({ ...BASE_PARAMS, view: 'detail' })],
  ['now the total', analytics({ ...BASE_PARAMS, view: 'sum' })],
  ['and excluding outliers', analytics({ ...BASE_PARAMS, filters: { percentileBand: [5, 95] } })],
  [
    'now for all procedures',
    analytics({ metric: 'cost', view: 'avg', pivot: 'surgeon', window: LAST_365_DAYS }),
  ],
  ['overview', { workflow: 'dashboard', params: { entity: KNEE, window: LAST_365_DAYS } }],
  ['how many cases?', analytics({ ...BASE_PARAMS, view: 'sum' })],
];

describe('follow-ups to an analytics question', () => {
  it.each(ANALYTICS_FOLLOW_UPS)('%s', (question, query) => {
    const outcome = parseQuestion(question, contextWith({ previous: BASE }));
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual(query);
  });

  it('keeps other dimension filters and replaces the one named', () => {
    const previous = analytics({
      ...BASE_PARAMS,
      filters: {
        dimensions: [
          { dimension: 'payor', values: ['Cigna'] },
          { dimension: 'provider', values: ['Mercy North'] },
        ],
      },
    });
    const outcome = parseQuestion('only Aetna', contextWith({ previous }));
    expect(outcome).toMatchObject({
      kind: 'query',
      query: {
        params: {
          filters: {
            dimensions: [
              { dimension: 'provider', values: ['Mercy North'] },
              { dimension: 'payor', values: ['Aetna'] },
            ],
          },
        },
      },
    });
  });

  it('counts with total cost rather than summing a rate', () => {
    const previous = analytics({ ...BASE_PARAMS, metric: 'margin' });
    const outcome = parseQuestion('how many cases?', contextWith({ previous }));
    expect(outcome).toMatchObject({
      kind: 'query',
      query: analytics({ ...BASE_PARAMS, metric: 'cost', view: 'sum' }),
      reading:
        'number of cases and total cost of Total knee arthroplasty (27447) by surgeon, 29 Nov 2025 – 28 Nov 2026',
    });
  });

  it('treats a complete question as a new one', () => {
    const outcome = parseQuestion(
      'total revenue of hip replacement in 2025',
      contextWith({ previous: BASE }),
    );
    expect(outcome).toMatchObject({
      query: analytics({ entity: HIP, metric: 'revenue', view: 'sum', window: YEAR_2025 }),
    });
  });
});

const DASHBOARD: ParsedQuery = { workflow: 'dashboard', params: { entity: KNEE, window: LAST_365_DAYS } };
const PREDICTION: ParsedQuery = {
  workflow: 'predictions',
  params: { entity: KNEE, metric: 'cost', gender: 'F', age: 67, secondaryConditions: ['E11.9'] },
};
const SIMULATION: ParsedQuery = {
  workflow: 'simulation',
  params: {
    change: { kind: 'percent', value: 5 },
    scope: { procedures: ['27447'] },
    lookbackMonths: 12,
    horizonMonths: 12,
  },
};

const OTHER_FOLLOW_UPS: [ParsedQuery, string, ParsedQuery][] = [
  [DASHBOARD, 'what about cost by surgeon?', analytics({ ...BASE_PARAMS })],
  [
    DASHBOARD,
    'and for hip replacement',
    { workflow: 'dashboard', params: { entity: HIP, window: LAST_365_DAYS } },
  ],
  [
    DASHBOARD,
    'now for Aetna',
    { workflow: 'dashboard', params: { entity: KNEE, window: LAST_365_DAYS, filters: AETNA } },
  ],
  [PREDICTION, 'what about for a man?', { ...PREDICTION, params: { ...PREDICTION.params, gender: 'M' } }],
  [PREDICTION, 'and the price?', { ...PREDICTION, params: { ...PREDICTION.params, metric: 'price' } }],
  [PREDICTION, 'for a 45 year old', { ...PREDICTION, params: { ...PREDICTION.params, age: 45 } }],
  [PREDICTION, 'and for hip replacement', { ...PREDICTION, params: { ...PREDICTION.params, entity: HIP } }],
  [
    SIMULATION,
    'what about 10%?',
    { ...SIMULATION, params: { ...SIMULATION.params, change: { kind: 'percent', value: 10 } } },
  ],
  [
    SIMULATION,
    'and only for Aetna',
    { ...SIMULATION, params: { ...SIMULATION.params, scope: { procedures: ['27447'], payors: ['Aetna'] } } },
  ],
  [
    SIMULATION,
    'over the next 24 months',
    { ...SIMULATION, params: { ...SIMULATION.params, horizonMonths: 24 } },
  ],
];

describe('follow-ups to dashboard, prediction and simulation questions', () => {
  it.each(OTHER_FOLLOW_UPS)('%# %s', (previous, question, query) => {
    const outcome = parseQuestion(question, contextWith({ previous }));
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual(query);
  });

  it.each([
    [SIMULATION, 'and what is the average cost of knee replacement by surgeon?'],
    [PREDICTION, 'average cost of knee replacement by surgeon'],
    [PREDICTION, 'now cost by surgeon'],
  ])('%# leaves a scenario for an analytics question: %s', (previous, question) => {
    const outcome = parseQuestion(question, contextWith({ previous }));
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual(
      question.includes('knee')
        ? analytics(BASE_PARAMS)
        : analytics({ metric: 'cost', view: 'avg', pivot: 'surgeon', window: LAST_365_DAYS }),
    );
  });

  it('keeps the scenario reason when neither reading works', () => {
    expect(parseQuestion('what about 150% less?', contextWith({ previous: SIMULATION }))).toMatchObject({
      kind: 'refuse',
      message: expect.stringMatching(/not one I can simulate/),
    });
  });

  it('asks for a full question when there is nothing to follow', () => {
    expect(parseQuestion('now by payor', contextWith())).toMatchObject({ kind: 'refuse' });
  });
});

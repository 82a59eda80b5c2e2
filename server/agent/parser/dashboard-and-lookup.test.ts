import { describe, expect, it } from 'vitest';
import { parseQuestion } from './parse-question';
import { contextWith, HIP, KNEE, LAST_365_DAYS } from './test-resolver';
import type { ParsedQuery } from './types';

const CASES: [string, ParsedQuery][] = [
  [
    'overview for knee replacement',
    { workflow: 'dashboard', params: { entity: KNEE, window: LAST_365_DAYS } },
  ],
  [
    'Give me a summary of hip replacements in 2025',
    {
      workflow: 'dashboard',
      params: { entity: HIP, window: { from: '2025-01-01', to: '2025-12-31' } },
    },
  ],
  ['dashboard', { workflow: 'dashboard', params: { window: LAST_365_DAYS } }],
  [
    'key figures for Aetna this year',
    {
      workflow: 'dashboard',
      params: {
        window: { from: '2026-01-01', to: '2026-11-28' },
        filters: { dimensions: [{ dimension: 'payor', values: ['Aetna'] }] },
      },
    },
  ],
  [
    'stats for TKA at Mercy North',
    {
      workflow: 'dashboard',
      params: {
        entity: KNEE,
        window: LAST_365_DAYS,
        filters: { dimensions: [{ dimension: 'provider', values: ['Mercy North'] }] },
      },
    },
  ],
  ['hip replacement', { workflow: 'dashboard', params: { entity: HIP, window: LAST_365_DAYS } }],
  ['what is CPT 27447?', { workflow: 'entity_resolver', text: '27447', kinds: ['procedure'] }],
  ['What is M17.11', { workflow: 'entity_resolver', text: 'M17.11', kinds: ['condition'] }],
  ["what's DRG 470", { workflow: 'entity_resolver', text: '470', kinds: ['drg'] }],
  ['find knee procedures', { workflow: 'entity_resolver', text: 'knee', kinds: ['procedure'] }],
  [
    'look up diagnoses for heart failure',
    { workflow: 'entity_resolver', text: 'heart failure', kinds: ['condition'] },
  ],
  ['what is the code for gallbladder removal', { workflow: 'entity_resolver', text: 'gallbladder removal' }],
  ['find surgeons named Chen', { workflow: 'entity_resolver', text: 'Chen', kinds: ['surgeon'] }],
];

describe('dashboard and look-up questions', () => {
  it.each(CASES)('%s', (question, query) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'query' });
    if (outcome.kind !== 'query') return;
    expect(outcome.query).toEqual(query);
  });

  it('reads a dashboard question back', () => {
    expect(parseQuestion('overview for knee replacement', contextWith())).toMatchObject({
      reading: 'overview of Total knee arthroplasty (27447), 29 Nov 2025 – 28 Nov 2026',
    });
  });
});

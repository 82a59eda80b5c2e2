import { describe, expect, it } from 'vitest';
import { parseQuestion } from './parse-question';
import { contextWith } from './test-resolver';

const OFF_TOPIC = [
  "what's the weather",
  'write a poem about knee replacements',
  '',
  '   ?!  ',
  'hello',
  'tell me a joke',
  'who won the football match',
  'banana smoothie',
];

describe('questions outside the domain', () => {
  it.each(OFF_TOPIC)('refuses "%s" with examples and no figures', (question) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome.kind).toBe('refuse');
    if (outcome.kind !== 'refuse') return;
    expect(outcome.examples.length).toBeGreaterThan(0);
    expect(outcome.message).not.toMatch(/\d/);
  });
});

describe('questions it cannot answer as asked', () => {
  it.each([
    ['average cost of unicorn grooming', /did not recognise "unicorn grooming"/],
    ['average cost of knee replacement for Zorblax Insurance', /"Zorblax Insurance"/],
    ['cost and revenue of knee replacement', /one figure at a time/],
    ['average cost of knee replacement and hip replacement', /one procedure, condition or DRG at a time/],
    ['average by surgeon for knee replacement', /which figure/],
    ['cost of knee replacement excluding dragon pox', /condition called "dragon pox"/],
    ['average cost between the 90th and 10th percentile', /percentile band/],
    ['median cost of knee replacement', /not medians/],
    ['average cost of hip replacement by month', /over time/],
    ['cost of knee replacement for women aged 65-74', /age or gender/],
  ])('%s', (question, message) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'refuse', message: expect.stringMatching(message) });
    if (outcome.kind === 'refuse') expect(outcome.examples.length).toBeGreaterThan(0);
  });

  it.each([
    'average margin by surgeon',
    'total profit for knee replacement',
    'hospital revenue per provider',
    'what about margin?',
  ])('refuses the hospital-only "%s" for a payor', (question) => {
    const previous = {
      workflow: 'analytics',
      params: { metric: 'cost', view: 'avg', window: { from: '2025-11-29', to: '2026-11-28' } },
    } as const;
    const outcome = parseQuestion(question, contextWith({ orgType: 'payor', previous }));
    expect(outcome).toMatchObject({
      kind: 'refuse',
      message: expect.stringMatching(/^[A-Z].* is a hospital-only figure/),
    });
  });

  it('answers the same hospital-only question for a hospital', () => {
    expect(parseQuestion('average margin by surgeon', contextWith({ orgType: 'hospital' }))).toMatchObject({
      kind: 'query',
      query: { workflow: 'analytics', params: { metric: 'margin', pivot: 'surgeon' } },
    });
  });
});

describe('ambiguous entities', () => {
  it.each([
    ['average cost of knee procedures', 'knee', ['27447', '29881']],
    ['cost with Dr. Chen', 'Chen', ['Wei Chen', 'Linda Chen']],
    ['revenue at Mercy', 'Mercy', ['Mercy North', 'Mercy South']],
    ['predict the cost of a knee surgery for a 60 year old', 'knee surgery', ['27447', '29881']],
  ])('%s asks which one', (question, text, ids) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'clarify', text });
    if (outcome.kind !== 'clarify') return;
    expect(outcome.options.map((option) => option.id)).toEqual(expect.arrayContaining(ids));
    expect(outcome.options.length).toBeLessThanOrEqual(5);
  });

  it('settles once the question names it fully', () => {
    expect(parseQuestion('cost with Dr. Wei Chen', contextWith())).toMatchObject({
      kind: 'query',
      query: { params: { filters: { dimensions: [{ dimension: 'surgeon', values: ['Wei Chen'] }] } } },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parseQuestion } from './parse-question';
import { analytics, contextWith, KNEE, keep } from './test-resolver';
import type { ParsedQuery } from './types';

// What the parser must not answer with a number, what it asks back, and what it says while answering.

const OFF_TOPIC = [
  "what's the weather",
  'write a poem about knee replacements',
  '',
  '   ?!  ',
  'hello',
  'tell me a joke',
  'who won the football match',
  'banana smoothie',
  'translate hello into French',
  'recipe for lasagne',
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

const CANNOT: [string, RegExp][] = [
  ['avg cost readmitted vs not', /cannot set readmitted and not readmitted cases side by side/],
  [
    'los readmitted versus non-readmitted patients',
    /cannot set readmitted and not readmitted cases side by side/,
  ],
  ['average cost of unicorn grooming', /didn't find "unicorn grooming" among your/],
  ['average cost of knee replacement for Zorblax Insurance', /didn't find "Zorblax Insurance"/],
  ['average cost of knee replacement for Dr Smith', /didn't find "Smith" among your surgeons/],
  ['average cost for humana', /didn't find "humana"/],
  ['revenue in Texas', /didn't find "Texas"/],
  ['TURBT cost', /didn't find TURBT \(transurethral resection of bladder tumor\) among your procedures/],
  ['average cost of ORIF by surgeon', /didn't find ORIF \(open reduction/],
  ['cost of knee replacement excluding dragon pox', /"dragon pox"/],
  ['average cost between the 90th and 10th percentile', /percentile band/],
  ['average cost of knee replacement excluding outliers', /do not trim cases by percentile/],
  ['average cost between the 10th and 90th percentile', /do not trim cases by percentile/],
  ['list cases of knee replacement with their cost', /not lists of single cases/],
  ['show me the cases for hip replacement last year', /not lists of single cases/],
  ['median margin by surgeon', /ratio of sums/],
  ['97th percentile cost', /steps of 5/],
  ['average patient age', /ages are not a figure/],
  ['how old are our knee replacement patients', /ages are not a figure/],
  ['mortality rate by surgeon', /does not hold that/],
  ['profit by service line', /does not hold that/],
  ['patient satisfaction by provider', /does not hold that/],
  ['standard deviation of cost for knee replacement', /standard deviations/],
  ['average by surgeon for knee replacement', /which figure/],
  ['median by payor', /which figure/],
  ['surgeons averaging over $20k', /which figure must be over \$20k/],
  ['cost in 2023, 2024 and 2025', /two windows at a time/],
  ['average cost by surgeon, payor and provider', /at most two/],
  ['compare Aetna and Cigna for Mercy North and Mercy South', /one kind side by side/],
  ['now by payor', /no earlier question/],
  ['what if prices change', /Tell me the change/],
  ['predict the cost for a 60 year old', /which procedure/],
  ['predict the cost of a knee replacement for a 130 year old', /not an age/],
  ['simulate a 0% price change', /not one I can simulate/],
  // One side of a comparison matched nothing: the other side alone is not what was asked.
  ['what is our margin on knee replacements with Medicare vs commercial', /set side by side.*"commercial"/],
  ['average cost Aetna vs blorp', /set side by side.*"blorp"/],
  // A share of the whole scope with nothing to divide by would read 100 %.
  ['what share of revenue in 2025', /share needs a whole/],
  ['what if we cut prices 100%', /not one I can simulate/],
];

describe('questions it cannot answer as asked get a reason and no figure', () => {
  it.each(CANNOT)('%s', (question, message) => {
    const outcome = parseQuestion(question, contextWith());
    expect(outcome).toMatchObject({ kind: 'refuse', message: expect.stringMatching(message) });
    if (outcome.kind === 'refuse') expect(outcome.examples.length).toBeGreaterThan(0);
  });

  it('names the closest names of the kind the words looked like', () => {
    const outcome = parseQuestion('average cost for Dr. Patle', contextWith());
    expect(outcome).toMatchObject({
      kind: 'refuse',
      message: expect.stringMatching(/The closest name.* Anil Patel/),
    });
  });
});

describe('hospital-only figures for a payor organization', () => {
  const previous = analytics({ filters: [keep('procedure', KNEE)] });
  it.each([
    'average margin by surgeon',
    'total profit for knee replacement',
    'hospital revenue per provider',
    'what about margin?',
    'providers with a margin under 10%',
    'predict the profit of a knee replacement',
  ])('refuses "%s" with the reason', (question) => {
    const outcome = parseQuestion(question, contextWith({ orgType: 'payor', previous }));
    expect(outcome).toMatchObject({ kind: 'refuse', message: expect.stringMatching(/hospital revenue/) });
  });

  it('answers the same question for a hospital', () => {
    expect(parseQuestion('average margin by surgeon', contextWith({ orgType: 'hospital' }))).toMatchObject({
      kind: 'query',
      query: { workflow: 'analytics', plan: { measures: [{ measure: 'margin', aggregation: 'ratio' }] } },
    });
  });

  it('leaves profit out of a payor’s typical case', () => {
    expect(parseQuestion('typical case', contextWith({ orgType: 'payor' }))).toMatchObject({
      query: { workflow: 'dashboard', plan: { measures: ['revenue', 'cost', 'los', 'time'] } },
    });
    const overview = parseQuestion('overview', contextWith({ orgType: 'payor' }));
    expect(overview.kind === 'query' && overview.query.workflow === 'analytics').toBe(true);
    if (overview.kind === 'query' && overview.query.workflow === 'analytics') {
      const measures = overview.query.plan.measures.map((ref) => ref.measure);
      expect(measures).not.toContain('profit');
      expect(measures).not.toContain('margin');
      expect(measures).not.toContain('hospital_revenue');
    }
  });
});

describe('ambiguous names', () => {
  it.each([
    ['average cost of knee procedures', 'knee', ['27447', '29881']],
    ['cost with Dr. Chen', 'Chen', ['Wei Chen', 'Linda Chen']],
    ['revenue at Mercy', 'Mercy', ['Mercy North', 'Mercy South']],
    ['predict the cost of a knee surgery for a 60 year old', 'knee surgery', ['27447', '29881']],
    ["if one payor's rates fall 6%", "one payor's", ['Aetna', 'Cigna']],
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
      query: { plan: { filters: [keep('surgeon', { id: 'Wei Chen', name: 'Wei Chen' })] } },
    });
  });
});

describe('follow-ups with nothing to follow', () => {
  it.each(['and the discount?', 'by quarter', 'only Medicare', 'what about 2024', 'top 3 only'])(
    'after an unanswered turn, "%s" asks what it refers to',
    (question) => {
      const previous: ParsedQuery = analytics({ group_by: ['surgeon'] });
      const outcome = parseQuestion(question, contextWith({ previous, previousUnanswered: true }));
      expect(outcome).toMatchObject({
        kind: 'refuse',
        message: expect.stringMatching(/could not answer the question before it/),
      });
    },
  );

  it('keeps the scenario reason when neither reading works', () => {
    const previous: ParsedQuery = {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 5 },
        filters: [],
        base: { kind: 'data_trailing', months: 12 },
        horizon_months: 12,
      },
    };
    expect(parseQuestion('what about 150% less?', contextWith({ previous }))).toMatchObject({
      kind: 'refuse',
      message: expect.stringMatching(/not one I can simulate/),
    });
  });
});

describe('the reading says what the plan decided', () => {
  const reading = (question: string) => {
    const outcome = parseQuestion(question, contextWith());
    return outcome.kind === 'query' ? outcome.reading : outcome.kind;
  };

  it.each([
    [
      'average cost of knee replacement',
      'average cost per case of Total knee arthroplasty (27447), in the 12 months to 31 Oct 2026, the latest admit date in your data (no window named)',
    ],
    [
      'top 5 surgeons by revenue',
      'total revenue of all cases by surgeon, in the 12 months to 31 Oct 2026, the latest admit date in your data (no window named), the 5 highest by total revenue',
    ],
    [
      'top 3 surgeons by average cost in 2025',
      'average cost per case of all cases by surgeon, in 2025 (1 Jan 2025 – 31 Dec 2025), the 3 highest by average cost',
    ],
    [
      'which provider has the lowest margin in Q1 2026',
      'margin of all cases by provider, in Q1 2026 (1 Jan 2026 – 31 Mar 2026), lowest margin first',
    ],
    [
      'how many knee replacements in 2025',
      'number of cases of Total knee arthroplasty (27447), in 2025 (1 Jan 2025 – 31 Dec 2025)',
    ],
    [
      'Aetna vs Cigna average cost for knee replacement in 2025',
      'average cost per case of Total knee arthroplasty (27447), comparing Aetna and Cigna (one row each), in 2025 (1 Jan 2025 – 31 Dec 2025)',
    ],
    [
      '2024 vs 2025 cost per case',
      'average cost per case of all cases, in 2024 (1 Jan 2024 – 31 Dec 2024) compared with 2025 (1 Jan 2025 – 31 Dec 2025)',
    ],
    [
      'surgeons whose average cost is over $20,000 in 2025',
      'average cost per case of all cases by surgeon, where average cost is over $20,000, in 2025 (1 Jan 2025 – 31 Dec 2025), highest average cost first',
    ],
    [
      'cost of knee replacement excluding diabetes and hypertension in 2025',
      'total cost of Total knee arthroplasty (27447) excluding Type 2 diabetes mellitus without complications (E11.9) and Essential hypertension (I10), in 2025 (1 Jan 2025 – 31 Dec 2025)',
    ],
    [
      'what if supply cost per case drops 7%',
      'simulated −7% cost per case change for all cases, based on the 12 months to the latest admit date in your data, projected over the next 12 months',
    ],
    [
      'predict the cost of a knee replacement with Dr. Patel for a 67 year old woman',
      'predicted cost of Total knee arthroplasty (27447), for a 67-year-old woman, for surgeon Anil Patel',
    ],
  ])('%s', (question, expected) => {
    expect(reading(question)).toBe(expected);
  });

  it.each([
    ['avg cost per case for knee replacement by qtr 2025', 'by quarter'],
    ['case volume by mth in 2025', 'by month'],
    ['total revenue by yr', 'by year'],
  ])('reads the abbreviated grain in "%s"', (question, grain) => {
    expect(reading(question)).toContain(grain);
  });

  it('says the order of a min or max figure once, apart from the figure', () => {
    const text = reading('max LOS by procedure in 2025');
    expect(text).not.toMatch(/highest highest|highest lowest|lowest lowest/);
    expect(text).toMatch(/, by highest length of stay, largest first$/);
  });

  it('gives the admit dates the window covers, anchored to the data for the default', () => {
    const outcome = parseQuestion('average cost', contextWith());
    expect(outcome).toMatchObject({ kind: 'query', dates: { from: '2025-11-01', to: '2026-10-31' } });
  });

  it('singles out the value a share question names', () => {
    expect(parseQuestion('what share of knee replacements are Medicare', contextWith())).toMatchObject({
      kind: 'query',
      highlight: [{ id: 'Medicare', name: 'Medicare' }],
      query: { plan: { measures: [{ measure: 'cases', aggregation: 'share' }], group_by: ['payor'] } },
    });
  });
});

describe('phrasings found by probing with analyst questions', () => {
  it.each([
    [
      'surgeons with more than 30 knee replacements last year',
      {
        measures: [{ measure: 'cases', aggregation: 'count' }],
        group_by: ['surgeon'],
        filters: [keep('procedure', KNEE)],
        having: [{ measure: 0, op: '>', value: 30 }],
      },
    ],
    [
      'Who are our top 5 surgeons by profit?',
      { measures: [{ measure: 'profit', aggregation: 'sum' }], group_by: ['surgeon'], limit: 5 },
    ],
    [
      'Are Aetna patients staying longer than Medicare patients after hip replacement?',
      {
        measures: [{ measure: 'los', aggregation: 'avg' }],
        comparison: {
          kind: 'values',
          dimension: 'payor',
          values: [
            { id: 'Aetna', name: 'Aetna' },
            { id: 'Medicare', name: 'Medicare' },
          ],
        },
      },
    ],
  ])('%s', (question, plan) => {
    expect(parseQuestion(question, contextWith())).toMatchObject({ kind: 'query', query: { plan } });
  });
});

describe('a name written in full after a word that leaves it out', () => {
  it.each(['leave out Dr. Wei Chen', 'excluding Wei Chen', 'minus Wei Chen', 'apart from Dr. Wei Chen'])(
    '%s is left out, never kept',
    (question) => {
      const previous = analytics({ group_by: ['surgeon'], filters: [keep('procedure', KNEE)] });
      expect(parseQuestion(question, contextWith({ previous }))).toMatchObject({
        kind: 'query',
        query: {
          plan: {
            filters: [
              keep('procedure', KNEE),
              { dimension: 'surgeon', op: 'not_in', values: [{ id: 'Wei Chen', name: 'Wei Chen' }] },
            ],
          },
        },
      });
    },
  );
});

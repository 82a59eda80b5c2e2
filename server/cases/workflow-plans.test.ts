import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PredictionPlan, SimulationPlan, TypicalCasePlan } from '../../src/contract/query-plan';
import { trailingMonths } from '../lib/dates';
import { projectFromBase } from './simulation-plan-engine';
import {
  mean,
  type PlanFixtureCase,
  planFixtureCases,
  planFixtureCsv,
  quantile,
  temporaryStore,
  textSource,
} from './test-fixture';
import type { CaseStore } from './types';

// The typical-case dashboard, predictions and simulations on the plan types, against plain TypeScript.

const CASES = planFixtureCases(300);
const LAST_ADMIT = CASES.map((row) => row.admit_date)
  .sort()
  .at(-1)!;
const round2 = (value: number) => Math.round(value * 100) / 100;
const numbers = (rows: PlanFixtureCase[], pick: (row: PlanFixtureCase) => number | null) =>
  rows.map(pick).filter((value): value is number => value !== null);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

let store: CaseStore;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  // Today is far past the data: every window here must anchor on the data, not the wall clock.
  ({ store, cleanup } = temporaryStore('2027-03-15'));
  await store.ingest('org', 'file', textSource(planFixtureCsv(CASES)));
});
afterAll(() => cleanup());

describe('typicalCase', () => {
  const plan = (overrides: Partial<TypicalCasePlan> = {}): TypicalCasePlan => ({
    measures: ['cost', 'los', 'margin', 'profit'],
    filters: [{ dimension: 'procedure', op: 'in', values: [{ id: '27447', name: 'TKA' }] }],
    conditions: [],
    window: { kind: 'all' },
    ...overrides,
  });

  it('gives mean, median and p10–p90 per measure, and ratio measures as ratios of sums', async () => {
    const result = await store.typicalCase('org', 'hospital', plan());
    const knees = CASES.filter((row) => row.procedure_code === '27447');
    const costs = numbers(knees, (row) => row.cost);
    expect(result.figures.cases).toBe(knees.length);
    expect(result.figures.cost).toEqual({
      mean: round2(mean(costs)),
      median: round2(quantile(costs, 0.5)),
      p10: round2(quantile(costs, 0.1)),
      p25: round2(quantile(costs, 0.25)),
      p75: round2(quantile(costs, 0.75)),
      p90: round2(quantile(costs, 0.9)),
      n: costs.length,
    });
    const los = numbers(knees, (row) => row.los_days);
    expect(result.figures.los?.median).toBe(round2(quantile(los, 0.5)));
    const both = knees.filter((row) => row.cost !== null && row.hospital_revenue !== null);
    expect(result.figures.margin?.mean).toBe(
      round2(
        (100 * sum(both.map((row) => row.hospital_revenue! - row.cost!))) /
          sum(both.map((row) => row.hospital_revenue!)),
      ),
    );
    expect(result.tables.map((table) => table.title)).toEqual([
      'Financials per case',
      'Length of stay and OR time per case',
      'Rates over the cases in scope (ratios of sums)',
    ]);
    expect(result.chart).toMatchObject({ kind: 'interval', y: ['p10', 'median', 'p90'] });
  });

  it('leaves hospital-only measures out for a payor and says so', async () => {
    const result = await store.typicalCase('org', 'payor', plan());
    expect(result.figures.profit).toBeNull();
    expect(result.figures.margin).toBeNull();
    expect(result.notes.join(' ')).toContain('Profit is left out');
  });

  it('anchors its default window on the data and answers an empty window with where the data lies', async () => {
    const result = await store.typicalCase(
      'org',
      'hospital',
      plan({ window: { kind: 'data_trailing', months: 12 } }),
    );
    const window = trailingMonths(LAST_ADMIT, 12);
    expect(result.provenance.window).toEqual(window);
    expect(result.figures.cases).toBe(
      CASES.filter((row) => row.procedure_code === '27447' && row.admit_date >= window.from).length,
    );
    await expect(
      store.typicalCase('org', 'hospital', plan({ window: { kind: 'relative', period: 'last_month' } })),
    ).rejects.toMatchObject({
      reason: 'no_data',
      message: expect.stringContaining('cases were admitted from'),
    });
  });
});

describe('predict', () => {
  const plan = (overrides: Partial<PredictionPlan> = {}): PredictionPlan => ({
    target: 'cost',
    procedure: { id: '27447', name: 'Total knee arthroplasty' },
    filters: [],
    gender: null,
    age: null,
    age_band: null,
    secondary_conditions: [],
    ...overrides,
  });
  const window = trailingMonths(LAST_ADMIT, 36);
  const knees = CASES.filter((row) => row.procedure_code === '27447' && row.admit_date >= window.from);

  it('narrows the cohort by surgeon and shows the band and the cohort', async () => {
    const result = await store.predict(
      'org',
      'hospital',
      plan({
        filters: [
          { dimension: 'surgeon', op: 'in', values: [{ id: 'Dr. Ben Ortiz', name: 'Dr. Ben Ortiz' }] },
        ],
      }),
    );
    const cohort = numbers(
      knees.filter((row) => row.surgeon === 'Dr. Ben Ortiz'),
      (row) => row.cost,
    );
    expect(cohort.length).toBeGreaterThanOrEqual(30);
    expect(result.figures).toMatchObject({
      estimate: round2(quantile(cohort, 0.5)),
      low: round2(quantile(cohort, 0.1)),
      high: round2(quantile(cohort, 0.9)),
      cases: cohort.length,
      cohort: 'Total knee arthroplasty cases with surgeon Dr. Ben Ortiz',
    });
    expect(result.tables[0]!.rows[0]).toMatchObject({ label: result.figures.cohort, cases: cohort.length });
    expect(result.tables[1]!.rows.map((row) => row.used)).toEqual(['yes', '']);
  });

  it('widens a cohort under 30 cases, dropping age before gender and the payor', async () => {
    const result = await store.predict(
      'org',
      'hospital',
      plan({
        target: 'los',
        gender: 'F',
        age_band: [55, 65],
        filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Medicare', name: 'Medicare' }] }],
      }),
    );
    const kept = knees.filter((row) => row.payor === 'Medicare' && row.gender === 'F');
    const narrow = kept.filter((row) => row.age >= 55 && row.age <= 65);
    expect(narrow.length).toBeLessThan(30);
    expect(kept.length).toBeGreaterThanOrEqual(30);
    expect(result.figures.cohort).toBe('Total knee arthroplasty cases with payor Medicare, gender F');
    expect(result.figures.cases).toBe(kept.length);
    expect(result.figures.estimate).toBe(
      round2(
        quantile(
          kept.map((row) => row.los_days),
          0.5,
        ),
      ),
    );
    expect(result.notes[0]).toContain('Widened');
    expect(result.tables[1]!.rows.map((row) => row.cases)).toEqual([
      narrow.length,
      kept.length,
      knees.filter((row) => row.payor === 'Medicare').length,
      knees.length,
    ]);
  });

  it('refuses profit for a payor', async () => {
    await expect(store.predict('org', 'payor', plan({ target: 'profit' }))).rejects.toMatchObject({
      reason: 'hospital_only_metric',
    });
  });
});

describe('simulate', () => {
  const plan = (overrides: Partial<SimulationPlan> = {}): SimulationPlan => ({
    target: 'price',
    change: { kind: 'percent', value: -6 },
    filters: [],
    base: { kind: 'data_trailing', months: 12 },
    horizon_months: 12,
    ...overrides,
  });

  it('changes one payor’s rates on the trailing 12 months of data and states the base', async () => {
    const result = await store.simulate(
      'org',
      'hospital',
      plan({ filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }] }),
    );
    const window = trailingMonths(LAST_ADMIT, 12);
    const base = CASES.filter(
      (row) => row.admit_date >= window.from && row.admit_date <= window.to && row.hospital_revenue !== null,
    );
    const aetna = base.filter((row) => row.payor === 'Aetna');
    const before = sum(aetna.map((row) => row.hospital_revenue!));
    expect(result.figures).toMatchObject({
      revenueColumn: 'hospital_revenue',
      cases: aetna.length,
      before: round2(before),
      after: round2(before * 0.94),
      net: round2(before * -0.06),
      percent: -6,
      totalBefore: round2(sum(base.map((row) => row.hospital_revenue!))),
      base: { from: window.from, to: window.to },
    });
    expect(result.notes[0]).toContain('Base: the 12 months ending');
    expect(result.tables[2]!.rows.map((row) => row.key)).toEqual(['Aetna']);
    // Every projected month has figures: none of the ten-months-of-zeros of a wall-clock window.
    expect(result.tables[3]!.rows).toHaveLength(12);
    for (const month of result.tables[3]!.rows) expect(Number(month.baseline)).toBeGreaterThan(0);
    expect(result.tables[3]!.rows[0]!.month).toBe(
      `${LAST_ADMIT.slice(0, 4)}-${String(Number(LAST_ADMIT.slice(5, 7)) + 1).padStart(2, '0')}`,
    );
  });

  it('changes cost per case on a calendar-year base', async () => {
    const result = await store.simulate(
      'org',
      'hospital',
      plan({
        target: 'cost',
        change: { kind: 'percent', value: -7 },
        base: { kind: 'calendar_year', year: 2025 },
      }),
    );
    const year = CASES.filter((row) => row.admit_date.startsWith('2025') && row.cost !== null);
    const before = sum(year.map((row) => row.cost!));
    expect(result.figures).toMatchObject({
      revenueColumn: 'cost',
      cases: year.length,
      before: round2(before),
      net: round2(-0.07 * before),
      base: { label: 'calendar year 2025', from: '2025-01-01', to: '2025-12-31' },
    });
    const monthsWithData = new Set(year.map((row) => row.admit_date.slice(0, 7))).size;
    expect(result.figures.monthsWithData).toBe(monthsWithData);
    expect(monthsWithData).toBeLessThan(12);
    expect(result.notes.join(' ')).toContain('Profit moves by the opposite of the cost change: up');
  });

  it('applies a flat change per case', async () => {
    const result = await store.simulate('org', 'payor', plan({ change: { kind: 'flat', value: 100 } }));
    expect(result.figures.revenueColumn).toBe('revenue');
    expect(result.figures.net).toBe(100 * result.figures.cases);
  });

  it('answers an empty base with where the data lies', async () => {
    await expect(
      store.simulate('org', 'hospital', plan({ base: { kind: 'calendar_year', year: 2019 } })),
    ).rejects.toMatchObject({ reason: 'no_data', message: expect.stringContaining('calendar year 2019') });
  });
});

describe('projectFromBase', () => {
  it('projects from the months that hold data, never averaging in empty months', () => {
    const history = [
      { month: '2025-01', cases: 10, before: 1000 },
      { month: '2025-02', cases: 0, before: 0 },
      { month: '2025-03', cases: 30, before: 3000 },
    ];
    const flat = projectFromBase(history, '2025-03', 2, false);
    expect(flat).toEqual([
      { month: '2025-04', cases: 20, baseline: 2000 },
      { month: '2025-05', cases: 20, baseline: 2000 },
    ]);
    const seasonal = projectFromBase(history, '2025-12', 3, true);
    expect(seasonal.map((month) => month.baseline)).toEqual([1000, 2000, 3000]);
  });
});

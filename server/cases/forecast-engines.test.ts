import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confidenceOf } from './prediction-engine';
import {
  FIXTURE_TODAY,
  type FixtureCase,
  fixtureCases,
  quantile,
  temporaryStore,
  textSource,
  toCsv,
} from './test-fixture';
import type { CaseStore, EntityRef } from './types';

const cases = fixtureCases(50);
const knee: EntityRef = { domain: 'procedure', code: '27447', name: 'Total knee arthroplasty' };
const lastYear = { from: '2025-07-01', to: FIXTURE_TODAY };
const inWindow = (row: FixtureCase, window = lastYear) =>
  row.admit_date >= window.from && row.admit_date <= window.to;
const present = (values: (number | null)[]) => values.filter((value): value is number => value !== null);

let store: CaseStore;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = temporaryStore());
  const result = await store.ingest('org', 'fixture', textSource(toCsv(cases)));
  expect(result).toMatchObject({ rows: 50, rejected_rows: 0 });
});
afterAll(() => cleanup());

describe('predictions', () => {
  it('backs off to a cohort of at least 30 cases and reports it', async () => {
    const result = await store.predictions('org', 'hospital', {
      entity: knee,
      metric: 'cost',
      gender: 'F',
      ageBand: [40, 70],
    });
    const kneeCosts = present(cases.filter((row) => row.procedure_code === '27447').map((row) => row.cost));
    const narrow = cases.filter(
      (row) => row.procedure_code === '27447' && row.gender === 'F' && row.cost !== null,
    );
    expect(narrow.length).toBeLessThan(30);
    expect(result.figures.cases).toBe(kneeCosts.length);
    expect(result.figures.estimate).toBeCloseTo(quantile(kneeCosts, 0.5), 1);
    expect(result.figures.low).toBeCloseTo(quantile(kneeCosts, 0.1), 1);
    expect(result.figures.high).toBeCloseTo(quantile(kneeCosts, 0.9), 1);
    expect(result.figures.cohort).toBe('all Total knee arthroplasty cases');
    expect(result.tables[1]!.rows.map((row) => row.cases)).toEqual([
      narrow.filter((row) => row.age >= 40 && row.age <= 70).length,
      narrow.length,
      kneeCosts.length,
    ]);
  });

  it('uses the exact cohort when it is large enough, and confidence falls with small n and unknown gender', async () => {
    const billed = cases.filter((row) => row.procedure_code === '27447').map((row) => row.revenue);
    const withoutGender = await store.predictions('org', 'hospital', { entity: knee, metric: 'price' });
    expect(withoutGender.figures.estimate).toBeCloseTo(quantile(billed, 0.5), 1);
    expect(withoutGender.figures.cohort).toBe('all Total knee arthroplasty cases');
    expect(withoutGender.figures.confidence).toBeCloseTo((billed.length / (billed.length + 40)) * 0.85, 2);
    expect(withoutGender.notes.join(' ')).toContain('Gender was not given');
    expect(confidenceOf(200, true, 0).value).toBeGreaterThan(confidenceOf(200, false, 0).value);
    expect(confidenceOf(200, true, 0).value).toBeGreaterThan(confidenceOf(12, true, 0).value);
    expect(confidenceOf(12, false, 2).word).toBe('low');
    expect(confidenceOf(2000, true, 0).word).toBe('high');
  });

  it('refuses profit for a payor and answers no data for an unknown entity', async () => {
    await expect(store.predictions('org', 'payor', { entity: knee, metric: 'profit' })).rejects.toMatchObject(
      { reason: 'hospital_only_metric' },
    );
    await expect(
      store.predictions('org', 'hospital', {
        entity: { domain: 'procedure', code: '00000', name: 'Nothing' },
        metric: 'cost',
      }),
    ).rejects.toMatchObject({ reason: 'no_data' });
  });
});

describe('simulation', () => {
  const kneeLastYear = cases.filter(
    (row) => inWindow(row) && row.procedure_code === '27447' && row.hospital_revenue !== null,
  );
  const before = kneeLastYear.reduce((sum, row) => sum + row.hospital_revenue!, 0);

  it('applies a percentage change to hospital revenue, overall, by payor and by month', async () => {
    const result = await store.simulation('org', 'hospital', {
      change: { kind: 'percent', value: 10 },
      scope: { procedures: ['27447'] },
      lookbackMonths: 12,
      horizonMonths: 3,
    });
    expect(result.figures).toMatchObject({
      cases: kneeLastYear.length,
      revenueColumn: 'hospital_revenue',
      percent: 10,
    });
    expect(result.figures.before).toBeCloseTo(before, 1);
    expect(result.figures.net).toBeCloseTo(before * 0.1, 1);
    const aetna = result.tables[2]!.rows.find((row) => row.key === 'Aetna')!;
    const aetnaBefore = kneeLastYear
      .filter((row) => row.payor === 'Aetna')
      .reduce((sum, row) => sum + row.hospital_revenue!, 0);
    expect(aetna.before).toBeCloseTo(aetnaBefore, 1);
    const projection = result.tables[3]!.rows;
    expect(projection.map((row) => row.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    for (const row of projection) {
      const month = String(row.month).slice(5);
      const baseline = kneeLastYear
        .filter((item) => item.admit_date.slice(5, 7) === month)
        .reduce((sum, item) => sum + item.hospital_revenue!, 0);
      expect(row.baseline).toBeCloseTo(baseline, 1);
      expect(row.adjusted).toBeCloseTo(baseline * 1.1, 1);
    }
  });

  it('applies a flat change per case and uses billed revenue for a payor', async () => {
    const result = await store.simulation('org', 'hospital', {
      change: { kind: 'flat', value: 100 },
      scope: { procedures: ['27447'] },
      lookbackMonths: 12,
      horizonMonths: 1,
    });
    expect(result.figures.after).toBeCloseTo(before + 100 * kneeLastYear.length, 1);
    const payor = await store.simulation('org', 'payor', {
      change: { kind: 'percent', value: -5 },
      scope: { payors: ['Aetna'] },
      lookbackMonths: 6,
      horizonMonths: 2,
    });
    const window = { from: '2026-01-01', to: FIXTURE_TODAY };
    const billed = cases
      .filter((row) => inWindow(row, window) && row.payor === 'Aetna')
      .reduce((sum, row) => sum + row.revenue, 0);
    expect(payor.figures.revenueColumn).toBe('revenue');
    expect(payor.figures.before).toBeCloseTo(billed, 1);
    expect(payor.tables[3]!.rows[0]!.baseline).toBeCloseTo(billed / 6, 1);
  });
});

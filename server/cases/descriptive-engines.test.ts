import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_TODAY,
  type FixtureCase,
  fixtureCases,
  mean,
  quantile,
  temporaryStore,
  textSource,
  toCsv,
} from './test-fixture';
import { type CaseStore, EngineRefusal, type EntityRef } from './types';

const cases = fixtureCases(50);
const knee: EntityRef = { domain: 'procedure', code: '27447', name: 'Total knee arthroplasty' };
const lastYear = { from: '2025-07-01', to: FIXTURE_TODAY };
const inWindow = (row: FixtureCase, window = lastYear) =>
  row.admit_date >= window.from && row.admit_date <= window.to;
const present = (values: (number | null)[]) => values.filter((value): value is number => value !== null);
const profit = (row: FixtureCase) =>
  row.hospital_revenue !== null && row.cost !== null ? row.hospital_revenue - row.cost : null;

let store: CaseStore;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = temporaryStore());
  const result = await store.ingest('org', 'fixture', textSource(toCsv(cases)));
  expect(result).toMatchObject({ rows: 50, rejected_rows: 0 });
});
afterAll(() => cleanup());

function expectDistribution(actual: unknown, values: number[]) {
  expect(actual).toMatchObject({ n: values.length });
  const distribution = actual as { mean: number; median: number; p10: number; p90: number };
  expect(distribution.mean).toBeCloseTo(mean(values), 1);
  expect(distribution.median).toBeCloseTo(quantile(values, 0.5), 1);
  expect(distribution.p10).toBeCloseTo(quantile(values, 0.1), 1);
  expect(distribution.p90).toBeCloseTo(quantile(values, 0.9), 1);
}

describe('dashboard', () => {
  it('summarizes the last 365 days by default', async () => {
    const scoped = cases.filter((row) => inWindow(row));
    const result = await store.dashboard('org', 'hospital', {});
    expect(result.figures.cases).toBe(scoped.length);
    expect(result.provenance.window).toEqual(lastYear);
    expectDistribution(
      result.figures.revenue,
      scoped.map((row) => row.revenue),
    );
    expectDistribution(result.figures.cost, present(scoped.map((row) => row.cost)));
    expectDistribution(result.figures.profit, present(scoped.map(profit)));
    expectDistribution(
      result.figures.los,
      scoped.map((row) => row.los_days),
    );
    expectDistribution(
      result.figures.time,
      scoped.map((row) => row.or_minutes),
    );
    expect(result.provenance.sql[0]).toContain("'2025-07-01'");
  });

  it('filters by entity and dimension, and leaves profit out for a payor', async () => {
    const scoped = cases.filter(
      (row) => inWindow(row) && row.procedure_code === '27447' && row.payor === 'Aetna',
    );
    const result = await store.dashboard('org', 'payor', {
      entity: knee,
      filters: { dimensions: [{ dimension: 'payor', values: ['Aetna'] }] },
    });
    expect(result.figures.cases).toBe(scoped.length);
    expect(result.figures.profit).toBeNull();
    expectDistribution(
      result.figures.revenue,
      scoped.map((row) => row.revenue),
    );
  });
});

describe('analytics', () => {
  it('averages cost by surgeon', async () => {
    const result = await store.analytics('org', 'hospital', {
      metric: 'cost',
      view: 'avg',
      pivot: 'surgeon',
      window: lastYear,
    });
    const scoped = cases.filter((row) => inWindow(row));
    for (const row of result.tables[0]!.rows) {
      const group = scoped.filter((item) => item.surgeon === row.value);
      expect(row.cases).toBe(group.length);
      expect(row.figure).toBeCloseTo(mean(present(group.map((item) => item.cost))), 1);
    }
    expect(result.tables[0]!.rows).toHaveLength(3);
    expect(result.chart).toEqual({ kind: 'bar', table: 0, x: 'value', y: ['figure'] });
    expect(result.figures.unit).toBe('USD');
  });

  it('computes margin as total profit over total hospital revenue, per payor', async () => {
    const result = await store.analytics('org', 'hospital', {
      metric: 'margin',
      view: 'sum',
      pivot: 'payor',
      window: lastYear,
    });
    for (const row of result.tables[0]!.rows) {
      const group = cases.filter(
        (item) => inWindow(item) && item.payor === row.value && profit(item) !== null,
      );
      const expected =
        (100 * group.reduce((sum, item) => sum + profit(item)!, 0)) /
        group.reduce((sum, item) => sum + item.hospital_revenue!, 0);
      expect(row.figure).toBeCloseTo(expected, 1);
    }
    expect(result.figures.unit).toBe('%');
  });

  it('gives readmission as a percentage and a count', async () => {
    const scoped = cases.filter((row) => inWindow(row));
    const share = await store.analytics('org', 'provider', {
      metric: 'readmission_30',
      view: 'avg',
      window: lastYear,
    });
    expect(share.figures.total).toBeCloseTo(
      (100 * scoped.filter((row) => row.readmitted_30 === 1).length) / scoped.length,
      1,
    );
    const count = await store.analytics('org', 'hospital', {
      metric: 'readmission_30',
      view: 'sum',
      window: lastYear,
    });
    expect(count.figures.total).toBe(scoped.filter((row) => row.readmitted_30 === 1).length);
  });

  it('applies a percentile band, excluded conditions and dimension filters', async () => {
    const scoped = cases.filter(
      (row) => inWindow(row) && row.condition_code !== 'E11.9' && row.payor === 'Medicare',
    );
    const costs = present(scoped.map((row) => row.cost));
    const [low, high] = [quantile(costs, 0.1), quantile(costs, 0.9)];
    const kept = costs.filter((cost) => cost >= low && cost <= high);
    const result = await store.analytics('org', 'hospital', {
      metric: 'cost',
      view: 'sum',
      window: lastYear,
      filters: {
        percentileBand: [10, 90],
        excludeConditions: ['E11.9'],
        dimensions: [{ dimension: 'payor', values: ['Medicare'] }],
      },
    });
    expect(result.figures.cases).toBe(kept.length);
    expect(result.figures.total).toBeCloseTo(
      kept.reduce((sum, cost) => sum + cost, 0),
      1,
    );
  });

  it('lists detail rows for an entity, newest first', async () => {
    const scoped = cases.filter((row) => inWindow(row) && row.procedure_code === '27447');
    const result = await store.analytics('org', 'hospital', {
      entity: knee,
      metric: 'los',
      view: 'detail',
      window: lastYear,
    });
    const table = result.tables[0]!;
    expect(table.rowCount).toBe(scoped.length);
    expect(table.truncated).toBe(false);
    expect(table.rows.map((row) => row.admit_date)).toEqual(
      scoped
        .map((row) => row.admit_date)
        .sort()
        .reverse(),
    );
    expect(result.figures.total).toBeCloseTo(mean(scoped.map((row) => row.los_days)), 1);
    expect(table.columns.find((column) => column.key === 'figure')).toMatchObject({ unit: 'days' });
  });

  it('refuses hospital-only metrics for a payor, with the reason', async () => {
    for (const metric of ['hospital_revenue', 'profit', 'margin'] as const) {
      const attempt = store.analytics('org', 'payor', { metric, view: 'avg', window: lastYear });
      await expect(attempt).rejects.toBeInstanceOf(EngineRefusal);
      await expect(attempt).rejects.toMatchObject({ reason: 'hospital_only_metric' });
    }
  });

  it('stops a query when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(
      store.analytics(
        'org',
        'hospital',
        { metric: 'cost', view: 'avg', window: lastYear },
        { signal: controller.signal },
      ),
    ).rejects.toThrow('stopped');
  });
});

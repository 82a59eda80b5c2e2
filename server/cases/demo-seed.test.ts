import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPlan } from '../test/query-plan';
import { temporaryStore } from './test-fixture';
import type { CaseStore } from './types';

const END = '2026-06-30';
let store: CaseStore;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = temporaryStore(END));
  await store.seedDemo('first', 'hospital', { cases: 5000, seed: 11, endDate: END });
  await store.seedDemo('second', 'hospital', { cases: 5000, seed: 11, endDate: END });
  await store.seedDemo('other-seed', 'hospital', { cases: 5000, seed: 12, endDate: END });
  await store.seedDemo('payor', 'payor', { cases: 5000, seed: 11, endDate: END });
});
afterAll(() => cleanup());

async function fingerprint(orgId: string) {
  const cost = await store.runPlan(
    orgId,
    'hospital',
    queryPlan({ measures: [{ measure: 'cost', aggregation: 'sum' }], group_by: ['surgeon'] }),
  );
  const stay = await store.runPlan(
    orgId,
    'hospital',
    queryPlan({ measures: [{ measure: 'los', aggregation: 'avg' }], group_by: ['payor'] }),
  );
  return { cost: cost.tables[0]!.rows, stay: stay.tables[0]!.rows };
}

describe('seedDemo', () => {
  it('gives the same data for the same seed and different data for another', async () => {
    expect(await fingerprint('first')).toEqual(await fingerprint('second'));
    expect(await fingerprint('first')).not.toEqual(await fingerprint('other-seed'));
  });

  it('has plausible shapes', async () => {
    const catalog = await store.catalog('first');
    expect(catalog.cases).toBe(5000);
    expect(catalog.firstAdmit! >= '2023-07-01').toBe(true);
    expect(catalog.lastAdmit! <= END).toBe(true);
    expect(catalog.entities.procedure.length).toBeGreaterThanOrEqual(38);
    expect(catalog.entities.surgeon).toHaveLength(60);
    const readmission = await store.runPlan(
      'first',
      'hospital',
      queryPlan({ measures: [{ measure: 'readmission_30', aggregation: 'ratio' }] }),
    );
    expect(readmission.figures.totals[0]).toBeGreaterThan(2);
    expect(readmission.figures.totals[0]).toBeLessThan(20);
    const byProcedure = async (code: string) =>
      store.typicalCase('first', 'hospital', {
        measures: ['cost', 'los'],
        filters: [{ dimension: 'procedure', op: 'in', values: [{ id: code, name: code }] }],
        conditions: [],
        window: { kind: 'all' },
      });
    const knee = await byProcedure('27447');
    const bypass = await byProcedure('33533');
    const colonoscopy = await byProcedure('45378');
    expect(knee.figures.cost!.median!).toBeGreaterThan(13_000);
    expect(knee.figures.cost!.median!).toBeLessThan(21_000);
    expect(knee.figures.cost!.p90!).toBeGreaterThan(knee.figures.cost!.p10! * 1.5);
    expect(bypass.figures.los!.mean!).toBeGreaterThan(knee.figures.los!.mean!);
    expect(colonoscopy.figures.cost!.median!).toBeLessThan(knee.figures.cost!.median! / 5);
    const margins = await store.runPlan(
      'first',
      'hospital',
      queryPlan({ measures: [{ measure: 'margin', aggregation: 'ratio' }], group_by: ['payor'] }),
    );
    const margin = (payor: string) =>
      margins.tables[0]!.rows.find((row) => row.payor === payor)!.margin_ratio as number;
    expect(margin('Aetna')).toBeGreaterThan(margin('Medicaid'));
  });

  it('keeps every generated row valid by the ingestion rules', async () => {
    expect(await store.countCases('first')).toBe(5000);
    const all = { measures: ['cost', 'los', 'revenue', 'profit'] as const, filters: [], conditions: [] };
    const dashboard = await store.typicalCase('first', 'hospital', {
      ...all,
      measures: [...all.measures],
      window: { kind: 'all' },
    });
    expect(dashboard.figures.cases).toBe(5000);
    expect(dashboard.figures.cost!.p10!).toBeGreaterThan(0);
    expect(dashboard.figures.los!.p10!).toBeGreaterThanOrEqual(0);
  });

  it('leaves hospital revenue empty for a payor organization', async () => {
    const dashboard = await store.typicalCase('payor', 'hospital', {
      measures: ['profit', 'revenue'],
      filters: [],
      conditions: [],
      window: { kind: 'all' },
    });
    expect(dashboard.figures.profit!.n).toBe(0);
    expect(dashboard.figures.revenue!.n).toBe(5000);
  });
});

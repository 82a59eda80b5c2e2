import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryStore } from './test-fixture';
import type { CaseStore } from './types';

const END = '2026-06-30';
const ALL_TIME = { from: '2000-01-01', to: '2100-01-01' };
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
  const cost = await store.analytics(orgId, 'hospital', {
    metric: 'cost',
    view: 'sum',
    pivot: 'surgeon',
    window: ALL_TIME,
  });
  const stay = await store.analytics(orgId, 'hospital', {
    metric: 'los',
    view: 'avg',
    pivot: 'payor',
    window: ALL_TIME,
  });
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
    const readmission = await store.analytics('first', 'hospital', {
      metric: 'readmission_30',
      view: 'avg',
      window: ALL_TIME,
    });
    expect(readmission.figures.total).toBeGreaterThan(2);
    expect(readmission.figures.total).toBeLessThan(20);
    const byProcedure = async (code: string) =>
      store.dashboard('first', 'hospital', {
        entity: { domain: 'procedure', code, name: code },
        window: ALL_TIME,
      });
    const knee = await byProcedure('27447');
    const bypass = await byProcedure('33533');
    const colonoscopy = await byProcedure('45378');
    expect(knee.figures.cost!.median!).toBeGreaterThan(13_000);
    expect(knee.figures.cost!.median!).toBeLessThan(21_000);
    expect(knee.figures.cost!.p90!).toBeGreaterThan(knee.figures.cost!.p10! * 1.5);
    expect(bypass.figures.los!.mean!).toBeGreaterThan(knee.figures.los!.mean!);
    expect(colonoscopy.figures.cost!.median!).toBeLessThan(knee.figures.cost!.median! / 5);
    const margins = await store.analytics('first', 'hospital', {
      metric: 'margin',
      view: 'avg',
      pivot: 'payor',
      window: ALL_TIME,
    });
    const margin = (payor: string) =>
      margins.tables[0]!.rows.find((row) => row.value === payor)!.figure as number;
    expect(margin('Aetna')).toBeGreaterThan(margin('Medicaid'));
  });

  it('keeps every generated row valid by the ingestion rules', async () => {
    const detail = await store.analytics('first', 'hospital', {
      metric: 'cost',
      view: 'detail',
      window: ALL_TIME,
    });
    expect(detail.tables[0]!.rowCount).toBe(5000);
    const dashboard = await store.dashboard('first', 'hospital', { window: ALL_TIME });
    expect(dashboard.figures.cost!.p10!).toBeGreaterThan(0);
    expect(dashboard.figures.los!.p10!).toBeGreaterThanOrEqual(0);
  });

  it('leaves hospital revenue empty for a payor organization', async () => {
    const dashboard = await store.dashboard('payor', 'hospital', { window: ALL_TIME });
    expect(dashboard.figures.profit!.n).toBe(0);
    expect(dashboard.figures.revenue!.n).toBe(5000);
  });
});

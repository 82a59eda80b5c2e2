import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../lib/dates';
import { createCaseStore } from './create-case-store';
import { monthSlices } from './overview';
import { type FixtureCase, fixtureCases, temporaryStore, textSource, toCsv } from './test-fixture';

// The dashboard's KPIs against the same figures computed row by row in JavaScript from the file's cases.

const rows = fixtureCases(400);
const store = temporaryStore();
const payorStore = temporaryStore();

beforeAll(async () => {
  await store.store.ingest('org_h', 'fil_1', textSource(toCsv(rows)));
  await payorStore.store.ingest(
    'org_p',
    'fil_1',
    textSource(toCsv(rows.map((row) => ({ ...row, hospital_revenue: null })))),
  );
});
afterAll(async () => {
  await store.cleanup();
  await payorStore.cleanup();
});

const sum = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
const inWindow = (from: string, to: string) =>
  rows.filter((row) => row.admit_date >= from && row.admit_date <= to);

function expected(cases: FixtureCase[]) {
  const withBoth = cases.filter((row) => row.hospital_revenue !== null && row.cost !== null);
  return {
    cases: cases.length,
    hospital_revenue: sum(cases.map((row) => row.hospital_revenue)),
    cost: sum(cases.map((row) => row.cost)),
    margin:
      (100 * sum(withBoth.map((row) => row.hospital_revenue! - row.cost!))) /
      sum(withBoth.map((row) => row.hospital_revenue)),
    avg_los: sum(cases.map((row) => row.los_days)) / cases.length,
    avg_or_minutes: sum(cases.map((row) => row.or_minutes)) / cases.length,
    readmission_rate: (100 * sum(cases.map((row) => row.readmitted_30))) / cases.length,
    discount_rate: 0,
  };
}

describe('overview', () => {
  it('slices the 24 months before the latest admit date without gaps', () => {
    const slices = monthSlices('2026-03-31');
    expect(slices).toHaveLength(24);
    expect(slices[23]).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(slices[0]!.from).toBe('2024-04-01');
    for (let index = 1; index < slices.length; index += 1) {
      expect(slices[index]!.from).toBe(addDays(slices[index - 1]!.to, 1));
    }
  });

  it('computes every hospital KPI for the window and the one before, with changes and monthly series', async () => {
    const overview = await store.store.overview('org_h', 'hospital');
    const last = rows
      .map((row) => row.admit_date)
      .sort()
      .at(-1)!;
    const from = addDays(addMonths(last, -12), 1);
    const previousFrom = addDays(addMonths(last, -24), 1);
    expect(overview.window).toEqual({ from, to: last });
    expect(overview.previousWindow).toEqual({ from: previousFrom, to: addDays(from, -1) });
    const now = expected(inWindow(from, last));
    const before = expected(inWindow(previousFrom, addDays(from, -1)));
    const byKey = Object.fromEntries(overview.kpis.map((kpi) => [kpi.key, kpi]));
    expect(Object.keys(byKey)).toEqual([
      'cases',
      'hospital_revenue',
      'cost',
      'margin',
      'avg_los',
      'avg_or_minutes',
      'readmission_rate',
    ]);
    for (const key of Object.keys(byKey) as (keyof typeof now)[]) {
      expect(byKey[key]!.value).toBeCloseTo(now[key], 1);
      expect(byKey[key]!.previous).toBeCloseTo(before[key], 1);
    }
    expect(byKey.cases!.change).toBeCloseTo((100 * (now.cases - before.cases)) / before.cases, 1);
    expect(byKey.margin!.change).toBeCloseTo(now.margin - before.margin, 1);
    expect(byKey.margin!.change_unit).toBe('points');
    expect(byKey.cases!.series).toHaveLength(12);
    expect(sum(byKey.cases!.series)).toBe(now.cases);
    expect(overview.months.at(-1)!.to).toBe(last);
  });

  it('ranks procedures by volume and by margin within the window', async () => {
    const overview = await store.store.overview('org_h', 'hospital');
    const window = overview.window!;
    const counts = new Map<string, number>();
    for (const row of inWindow(window.from, window.to))
      counts.set(row.procedure_code, (counts.get(row.procedure_code) ?? 0) + 1);
    const volume = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(overview.topByVolume.map((item) => [item.code, item.cases])).toEqual(volume);
    expect(overview.topByMargin?.length).toBeGreaterThan(0);
    const margins = overview.topByMargin!.map((item) => item.margin!);
    expect([...margins].sort((a, b) => b - a)).toEqual(margins);
  });

  it('gives a payor paid amount and discount rate, and refuses margin as the agent does', async () => {
    const overview = await payorStore.store.overview('org_p', 'payor');
    expect(overview.kpis.map((kpi) => kpi.key)).toEqual([
      'cases',
      'paid_amount',
      'cost',
      'discount_rate',
      'avg_los',
      'avg_or_minutes',
      'readmission_rate',
    ]);
    expect(overview.topByMargin).toBeNull();
    expect(overview.topByMarginRefusal).toMatch(
      /hospital revenue, which a payor organization's data does not include/,
    );
  });

  it('says nothing rather than zeros when there are no cases', async () => {
    const empty = temporaryStore();
    try {
      const overview = await empty.store.overview('org_e', 'hospital');
      expect(overview.window).toBeNull();
      expect(overview.kpis.find((kpi) => kpi.key === 'margin')!.value).toBeNull();
    } finally {
      await empty.cleanup();
    }
  });

  it('bumps the data version on ingest and on file removal only', async () => {
    const start = await store.store.dataVersion('org_h');
    await store.store.overview('org_h', 'hospital');
    expect(await store.store.dataVersion('org_h')).toBe(start);
    await store.store.ingest(
      'org_h',
      'fil_2',
      textSource(toCsv(rows.slice(0, 3).map((row) => ({ ...row, case_id: `X${row.case_id}` })))),
    );
    expect(await store.store.dataVersion('org_h')).toBe(start + 1);
    await store.store.removeFile('org_h', 'fil_2');
    expect(await store.store.dataVersion('org_h')).toBe(start + 2);
  });

  it('keeps the data version across a restart, and a change that rolls back leaves it alone', async () => {
    const scratch = temporaryStore();
    try {
      const created = await scratch.store.dataVersion('org_v');
      // A new file starts from its creation time, so a file made again never repeats an earlier version.
      expect(created).toBeGreaterThan(Date.UTC(2024, 0, 1));
      await scratch.store.ingest('org_v', 'fil_1', textSource(toCsv(rows.slice(0, 5))));
      await scratch.store.seedDemo('org_v', 'hospital', { cases: 50, endDate: '2026-06-30' });
      expect(await scratch.store.dataVersion('org_v')).toBe(created + 2);
      const refused = await scratch.store.ingest(
        'org_v',
        'fil_bad',
        textSource('this is not,a case file\n1,2\n'),
      );
      expect(refused).toMatchObject({ kind: 'not_case_data' });
      expect(await scratch.store.dataVersion('org_v')).toBe(created + 2);
      await scratch.store.close();

      const reopened = createCaseStore({ dataDir: scratch.dataDir });
      try {
        expect(await reopened.dataVersion('org_v')).toBe(created + 2);
        await reopened.removeFile('org_v', 'fil_1');
        expect(await reopened.dataVersion('org_v')).toBe(created + 3);
      } finally {
        await reopened.close();
      }
    } finally {
      await scratch.cleanup();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryPlan } from '../../src/contract/query-plan';
import { addDays } from '../lib/dates';
import { queryPlan } from '../test/query-plan';
import { resolvePlanWindow } from './plan-window';
import { AGE_BANDS } from './semantic-model';
import {
  FIXTURE_TODAY,
  mean,
  type PlanFixtureCase,
  planFixtureCases,
  planFixtureCsv,
  quantile,
  temporaryStore,
  textSource,
} from './test-fixture';
import type { CaseStore, PlanResult, Row } from './types';

// Every plan shape, checked against the same figures computed in plain TypeScript over the fixture's rows.

type Case = PlanFixtureCase;
const CASES: Case[] = planFixtureCases(300);
const CSV = planFixtureCsv(CASES);

const LAST_ADMIT = CASES.map((row) => row.admit_date)
  .sort()
  .at(-1)!;
const FIRST_ADMIT = CASES.map((row) => row.admit_date).sort()[0]!;

const plan = queryPlan;

const round2 = (value: number) => Math.round(value * 100) / 100;
const values = (rows: Case[], pick: (row: Case) => number | null) =>
  rows.map(pick).filter((value): value is number => value !== null);
const sum = (numbers: number[]) => numbers.reduce((total, value) => total + value, 0);
const groupBy = <K extends string>(rows: Case[], key: (row: Case) => K) => {
  const groups = new Map<K, Case[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};
const margin = (rows: Case[]) => {
  const both = rows.filter((row) => row.hospital_revenue !== null && row.cost !== null);
  return (
    (100 * sum(both.map((row) => row.hospital_revenue! - row.cost!))) /
    sum(both.map((row) => row.hospital_revenue!))
  );
};
const byKey = (rows: Row[], key: string) => new Map(rows.map((row) => [String(row[key]), row]));

let store: CaseStore;
let cleanup: () => Promise<void>;
const run = (query: Partial<QueryPlan>, orgType: 'hospital' | 'payor' = 'hospital'): Promise<PlanResult> =>
  store.runPlan('org', orgType, plan(query));

beforeAll(async () => {
  ({ store, cleanup } = temporaryStore());
  const result = await store.ingest('org', 'file', textSource(CSV));
  expect(result).toMatchObject({ kind: 'ingested', rows: CASES.length, rejected_rows: 0 });
});
afterAll(() => cleanup());

describe('runPlan: grouped figures', () => {
  it('averages cost by surgeon, largest first, with the cases behind each row and the scope total', async () => {
    const result = await run({ group_by: ['surgeon'] });
    const expected = [...groupBy(CASES, (row) => row.surgeon)].map(([surgeon, rows]) => ({
      surgeon,
      cost_avg: round2(mean(values(rows, (row) => row.cost))),
      cases: rows.length,
    }));
    expected.sort((left, right) => right.cost_avg - left.cost_avg);
    expect(result.tables[0]!.rows).toEqual(expected);
    expect(result.tables[1]!.rows).toEqual([
      { cost_avg: round2(mean(values(CASES, (row) => row.cost))), cases: CASES.length },
    ]);
    expect(result.figures.cases).toBe(CASES.length);
    expect(result.chart).toEqual({ kind: 'bar', table: 0, x: 'surgeon', y: ['cost_avg'] });
    expect(result.tables[0]!.columns.map((column) => column.label)).toEqual([
      'Surgeon',
      'Average cost',
      'Cases',
    ]);
  });

  it('counts cases month by month, oldest first, and draws a line', async () => {
    const result = await run({ measures: [{ measure: 'cases', aggregation: 'count' }], group_by: ['month'] });
    const expected = [...groupBy(CASES, (row) => row.admit_date.slice(0, 7))]
      .map(([month, rows]) => ({ month, cases_count: rows.length, cases: rows.length }))
      .sort((left, right) => left.month.localeCompare(right.month));
    expect(result.tables[0]!.rows).toEqual(expected);
    expect(result.chart).toEqual({ kind: 'line', table: 0, x: 'month', y: ['cases_count'] });
  });

  it('labels quarters and years and sums revenue per period', async () => {
    const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
    const result = await run({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['quarter'],
    });
    const expected = [...groupBy(CASES, (row) => quarterOf(row.admit_date))]
      .map(([quarter, rows]) => ({
        quarter,
        revenue_sum: round2(sum(rows.map((row) => row.revenue))),
        cases: rows.length,
      }))
      .sort((left, right) => left.quarter.localeCompare(right.quarter));
    expect(result.tables[0]!.rows).toEqual(expected);
    const years = await run({ measures: [{ measure: 'cases', aggregation: 'count' }], group_by: ['year'] });
    expect(years.tables[0]!.rows.map((row) => row.year)).toEqual(['2025', '2026']);
  });

  it('takes the median and the 90th percentile per procedure with quantile_cont', async () => {
    const result = await run({
      measures: [
        { measure: 'los', aggregation: 'median' },
        { measure: 'cost', aggregation: 'p90' },
      ],
      group_by: ['procedure'],
      order: { by: 'dimension', direction: 'asc' },
    });
    const rows = byKey(result.tables[0]!.rows, 'procedure_code');
    for (const [code, group] of groupBy(CASES, (row) => row.procedure_code)) {
      expect(rows.get(code)).toEqual({
        procedure: group[0]!.procedure_name,
        procedure_code: code,
        los_median: round2(
          quantile(
            values(group, (row) => row.los_days),
            0.5,
          ),
        ),
        cost_p90: round2(
          quantile(
            values(group, (row) => row.cost),
            0.9,
          ),
        ),
        cases: group.length,
      });
    }
    // The scope's total row is the whole scope's median, not a figure made from the groups'.
    expect(result.figures.totals).toEqual([
      round2(
        quantile(
          values(CASES, (row) => row.los_days),
          0.5,
        ),
      ),
      round2(
        quantile(
          values(CASES, (row) => row.cost),
          0.9,
        ),
      ),
    ]);
    // Ordered by the procedure's name.
    expect(result.tables[0]!.rows.map((row) => row.procedure)).toEqual([
      'Laparoscopic cholecystectomy',
      'Total knee arthroplasty',
    ]);
    expect(result.tables[0]!.columns.find((column) => column.key === 'cost_p90')?.label).toBe(
      '90th percentile cost',
    );
  });

  it('gives each payor its share of cases and of revenue in scope', async () => {
    const result = await run({
      measures: [
        { measure: 'cases', aggregation: 'share' },
        { measure: 'revenue', aggregation: 'share' },
      ],
      group_by: ['payor'],
    });
    const totalRevenue = sum(CASES.map((row) => row.revenue));
    const rows = byKey(result.tables[0]!.rows, 'payor');
    for (const [payor, group] of groupBy(CASES, (row) => row.payor)) {
      expect(rows.get(payor)).toMatchObject({
        cases_share: round2((100 * group.length) / CASES.length),
        revenue_share: round2((100 * sum(group.map((row) => row.revenue))) / totalRevenue),
      });
    }
    expect(result.tables[1]!.rows[0]).toMatchObject({ cases_share: 100, revenue_share: 100 });
  });

  it('computes ratio measures as ratios of sums, never averages of per-case ratios', async () => {
    const result = await run({
      measures: [
        { measure: 'margin', aggregation: 'avg' },
        { measure: 'discount_rate', aggregation: 'ratio' },
        { measure: 'readmission_30', aggregation: 'ratio' },
      ],
      group_by: ['payor'],
    });
    const rows = byKey(result.tables[0]!.rows, 'payor');
    for (const [payor, group] of groupBy(CASES, (row) => row.payor)) {
      const discounted = group.filter((row) => row.discount !== null);
      expect(rows.get(payor)).toMatchObject({
        margin_ratio: round2(margin(group)),
        discount_rate_ratio: round2(
          (100 * sum(discounted.map((row) => row.discount!))) / sum(discounted.map((row) => row.revenue)),
        ),
        readmission_30_ratio: round2((100 * sum(group.map((row) => row.readmitted_30))) / group.length),
      });
    }
    const perCaseAverage = mean(
      CASES.filter((row) => row.hospital_revenue && row.cost !== null).map(
        (row) => (100 * (row.hospital_revenue! - row.cost!)) / row.hospital_revenue!,
      ),
    );
    expect(result.figures.totals[0]).toBe(round2(margin(CASES)));
    expect(result.figures.totals[0]).not.toBe(round2(perCaseAverage));
  });

  it('breaks down by two dimensions, gender and age band included', async () => {
    const bandOf = (age: number) =>
      AGE_BANDS.find((band) => age >= band.low && (band.high === null || age <= band.high))!.id;
    const result = await run({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['gender', 'age_band'],
      order: { by: 'dimension', direction: 'asc' },
    });
    const expected = [...groupBy(CASES, (row) => `${row.gender}|${bandOf(row.age)}`)].map(([key, group]) => {
      const [gender, band] = key.split('|');
      return {
        gender: gender === 'F' ? 'Female' : gender === 'M' ? 'Male' : '(not recorded)',
        age_band: band,
        cases_count: group.length,
        cases: group.length,
      };
    });
    const sortKey = (row: { gender: string; age_band?: string }) =>
      `${row.gender === 'Female' ? 0 : row.gender === 'Male' ? 1 : 2}|${row.age_band}`;
    expected.sort((left, right) => sortKey(left).localeCompare(sortKey(right)));
    expect(result.tables[0]!.rows).toEqual(expected);
    expect(result.chart).toBeNull();
  });
});

describe('runPlan: conditions, comparisons, ranking', () => {
  it('keeps only the groups whose figure meets the condition', async () => {
    const averages = [...groupBy(CASES, (row) => row.surgeon)].map(([surgeon, group]) => ({
      surgeon,
      cost: mean(values(group, (row) => row.cost)),
    }));
    const threshold = mean(averages.map((row) => row.cost));
    const result = await run({ group_by: ['surgeon'], having: [{ measure: 0, op: '>', value: threshold }] });
    expect(result.tables[0]!.rows.map((row) => row.surgeon).sort()).toEqual(
      averages
        .filter((row) => row.cost > threshold)
        .map((row) => row.surgeon)
        .sort(),
    );
    expect(result.tables[0]!.rows.length).toBeGreaterThan(0);
    expect(result.tables[0]!.rows.length).toBeLessThan(averages.length);
    // The total row stays the whole scope.
    expect(result.figures.cases).toBe(CASES.length);

    const under = await run({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['provider'],
      having: [{ measure: 0, op: '<', value: 10 }],
    });
    const low = [...groupBy(CASES, (row) => row.provider)].filter(([, group]) => margin(group) < 10);
    expect(under.tables[0]!.rows.map((row) => row.provider).sort()).toEqual(
      low.map(([provider]) => provider).sort(),
    );
  });

  it('compares values one row each, in the order asked, never pooled', async () => {
    const result = await run({
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Medicare', name: 'Medicare' },
          { id: 'Aetna', name: 'Aetna' },
        ],
      },
      filters: [{ dimension: 'procedure', op: 'in', values: [{ id: '47562', name: 'Lap chole' }] }],
    });
    const lap = CASES.filter((row) => row.procedure_code === '47562');
    expect(result.tables[0]!.rows).toEqual(
      ['Medicare', 'Aetna'].map((payor) => {
        const group = lap.filter((row) => row.payor === payor);
        return { payor, cost_avg: round2(mean(values(group, (row) => row.cost))), cases: group.length };
      }),
    );
    expect(result.chart).toMatchObject({ kind: 'bar', x: 'payor', y: ['cost_avg'] });
  });

  it('gives a compared value with no cases its own empty row and says so', async () => {
    const result = await run({
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Cigna', name: 'Cigna' },
          { id: 'Aetna', name: 'Aetna' },
        ],
      },
    });
    expect(result.tables[0]!.rows.map((row) => [row.payor, row.cases])).toEqual([
      ['Cigna', 0],
      ['Aetna', CASES.filter((row) => row.payor === 'Aetna').length],
    ]);
    expect(result.notes).toContain('Cigna has no cases in scope.');
  });

  it('compares two windows, a column each plus the change and the % change', async () => {
    const first = { kind: 'fixed', from: '2025-07-01', to: '2025-12-31', label: 'H2 2025' } as const;
    const second = { kind: 'fixed', from: '2026-01-01', to: '2026-06-30', label: 'H1 2026' } as const;
    const result = await run({
      measures: [{ measure: 'cost', aggregation: 'avg' }],
      group_by: ['payor'],
      comparison: { kind: 'windows', windows: [first, second] },
    });
    const inWindow = (row: Case, window: { from: string; to: string }) =>
      row.admit_date >= window.from && row.admit_date <= window.to;
    const rows = byKey(result.tables[0]!.rows, 'payor');
    for (const [payor, group] of groupBy(CASES, (row) => row.payor)) {
      const before = mean(
        values(
          group.filter((row) => inWindow(row, first)),
          (row) => row.cost,
        ),
      );
      const after = mean(
        values(
          group.filter((row) => inWindow(row, second)),
          (row) => row.cost,
        ),
      );
      expect(rows.get(payor)).toEqual({
        payor,
        cost_avg_1: round2(before),
        cost_avg_2: round2(after),
        cost_avg_change: round2(after - before),
        cost_avg_change_pct: round2((100 * (after - before)) / before),
        cases_1: group.filter((row) => inWindow(row, first)).length,
        cases_2: group.filter((row) => inWindow(row, second)).length,
      });
    }
    expect(result.tables[0]!.columns.map((column) => column.label)).toEqual([
      'Payor',
      'Average cost, H2 2025',
      'Average cost, H1 2026',
      'Change in average cost',
      '% change',
      'Cases, H2 2025',
      'Cases, H1 2026',
    ]);
    expect(result.chart).toEqual({ kind: 'bar', table: 0, x: 'payor', y: ['cost_avg_1', 'cost_avg_2'] });
    expect(result.figures.cases).toBe(
      CASES.filter((row) => inWindow(row, first) || inWindow(row, second)).length,
    );
  });

  it('compares windows with a gap between them without counting the gap', async () => {
    const first = { kind: 'fixed', from: '2025-06-01', to: '2025-06-30', label: 'June 2025' } as const;
    const second = { kind: 'fixed', from: '2026-06-01', to: '2026-06-30', label: 'June 2026' } as const;
    const result = await run({
      measures: [
        { measure: 'cases', aggregation: 'count' },
        { measure: 'cost', aggregation: 'min' },
        { measure: 'cost', aggregation: 'max' },
      ],
      comparison: { kind: 'windows', windows: [first, second] },
    });
    const june25 = CASES.filter((row) => row.admit_date.startsWith('2025-06'));
    const june26 = CASES.filter((row) => row.admit_date.startsWith('2026-06'));
    expect(result.tables[0]!.rows[0]).toMatchObject({
      cases_count_1: june25.length,
      cases_count_2: june26.length,
      cost_min_1: Math.min(...values(june25, (row) => row.cost)),
      cost_max_2: Math.max(...values(june26, (row) => row.cost)),
      cases_1: june25.length,
      cases_2: june26.length,
    });
    expect(result.figures.cases).toBe(june25.length + june26.length);
    expect(result.provenance.sql[0]).toContain(' OR ');
  });

  it('sums the total row from the groups for min and max too', async () => {
    const result = await run({
      measures: [
        { measure: 'cost', aggregation: 'min' },
        { measure: 'cost', aggregation: 'max' },
      ],
      group_by: ['payor'],
    });
    expect(result.provenance.sql[0]).not.toContain('GROUPING SETS');
    expect(result.figures.totals).toEqual([
      Math.min(...values(CASES, (row) => row.cost)),
      Math.max(...values(CASES, (row) => row.cost)),
    ]);
  });

  it('counts 0, not nothing, for a group with no cases in one window', async () => {
    const day = CASES[0]!.admit_date;
    const first = { kind: 'fixed', from: day, to: day, label: 'that day' } as const;
    const second = { kind: 'fixed', from: addDays(day, 1), to: '2026-06-30', label: 'after' } as const;
    const result = await run({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      comparison: { kind: 'windows', windows: [first, second] },
      order: { by: 'dimension', direction: 'asc' },
    });
    for (const row of result.tables[0]!.rows) {
      const surgeonCases = CASES.filter((item) => item.surgeon === row.surgeon);
      const onDay = surgeonCases.filter((item) => item.admit_date === day).length;
      const after = surgeonCases.filter((item) => item.admit_date > day).length;
      expect(row).toMatchObject({
        cases_count_1: onDay,
        cases_count_2: after,
        cases_1: onDay,
        cases_2: after,
      });
    }
    expect(result.tables[0]!.rows.some((row) => row.cases_1 === 0)).toBe(true);
  });

  it('compares windows along a time grain, each period beside its twin in the other window', async () => {
    const first = { kind: 'fixed', from: '2025-07-01', to: '2025-12-31', label: 'H2 2025' } as const;
    const second = { kind: 'fixed', from: '2026-01-01', to: '2026-06-30', label: 'H1 2026' } as const;
    const result = await run({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['quarter'],
      comparison: { kind: 'windows', windows: [first, second] },
    });
    const revenue = (from: string, to: string) =>
      round2(
        sum(CASES.filter((row) => row.admit_date >= from && row.admit_date <= to).map((row) => row.revenue)),
      );
    const count = (from: string, to: string) =>
      CASES.filter((row) => row.admit_date >= from && row.admit_date <= to).length;
    // Half-years half a year apart: each row names both quarters it sets side by side.
    expect(result.tables[0]!.rows).toEqual([
      expect.objectContaining({
        quarter: '2025-Q3 / 2026-Q1',
        revenue_sum_1: revenue('2025-07-01', '2025-09-30'),
        revenue_sum_2: revenue('2026-01-01', '2026-03-31'),
        cases_1: count('2025-07-01', '2025-09-30'),
        cases_2: count('2026-01-01', '2026-03-31'),
      }),
      expect.objectContaining({
        quarter: '2025-Q4 / 2026-Q2',
        revenue_sum_1: revenue('2025-10-01', '2025-12-31'),
        revenue_sum_2: revenue('2026-04-01', '2026-06-30'),
        cases_1: count('2025-10-01', '2025-12-31'),
        cases_2: count('2026-04-01', '2026-06-30'),
      }),
    ]);
    expect(result.chart).toMatchObject({ kind: 'line', x: 'quarter', y: ['revenue_sum_1', 'revenue_sum_2'] });
  });

  it("lines up the quarters of two years, counting from each window's start", async () => {
    const result = await run({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['quarter'],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-10-01', to: '2025-09-30', label: 'FY2025' },
          { kind: 'fixed', from: '2025-10-01', to: '2026-09-30', label: 'FY2026' },
        ],
      },
    });
    const rows = result.tables[0]!.rows;
    expect(rows.map((row) => row.quarter)).toEqual(['Q1', 'Q2', 'Q3', 'Q4'].slice(0, rows.length));
    const count = (from: string, to: string) =>
      CASES.filter((row) => row.admit_date >= from && row.admit_date <= to).length;
    expect(rows[0]).toMatchObject({
      cases_1: count('2024-10-01', '2024-12-31'),
      cases_2: count('2025-10-01', '2025-12-31'),
    });
  });

  it('ranks totals for the top N and keeps the order for the bottom N', async () => {
    const totals = [...groupBy(CASES, (row) => row.surgeon)]
      .map(([surgeon, group]) => ({ surgeon, total: sum(group.map((row) => row.revenue)) }))
      .sort((left, right) => right.total - left.total);
    const top = await run({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      limit: 2,
    });
    expect(top.tables[0]!.rows.map((row) => [row.surgeon, row.revenue_sum])).toEqual(
      totals.slice(0, 2).map((row) => [row.surgeon, round2(row.total)]),
    );
    const bottom = await run({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'asc' },
      limit: 1,
    });
    expect(bottom.tables[0]!.rows.map((row) => row.surgeon)).toEqual([totals.at(-1)!.surgeon]);
    expect(bottom.figures.totals[0]).toBe(round2(sum(CASES.map((row) => row.revenue))));
  });
});

describe('runPlan: scope', () => {
  it('keeps and leaves out values of any dimension', async () => {
    const result = await run({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [
        { dimension: 'payor', op: 'not_in', values: [{ id: 'Aetna', name: 'Aetna' }] },
        { dimension: 'gender', op: 'in', values: [{ id: 'F', name: 'Female' }] },
        { dimension: 'procedure', op: 'in', values: [{ id: '27447', name: 'TKA' }] },
      ],
    });
    const kept = CASES.filter(
      (row) => row.payor !== 'Aetna' && row.gender === 'F' && row.procedure_code === '27447',
    );
    expect(result.tables[0]!.rows).toEqual([
      { cost_sum: round2(sum(values(kept, (row) => row.cost))), cases: kept.length },
    ]);
  });

  it('leaving a value out keeps the cases where it is not recorded', async () => {
    const result = await run({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      filters: [{ dimension: 'gender', op: 'not_in', values: [{ id: 'M', name: 'Male' }] }],
    });
    expect(result.figures.cases).toBe(CASES.filter((row) => row.gender !== 'M').length);
  });

  it('applies numeric conditions on case fields', async () => {
    const result = await run({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      conditions: [
        { field: 'age', op: '>=', value: 65 },
        { field: 'los_days', op: '>', value: 1 },
      ],
    });
    const kept = CASES.filter((row) => row.age >= 65 && row.los_days > 1);
    expect(result.tables[0]!.rows).toEqual([
      { los_avg: round2(mean(kept.map((row) => row.los_days))), cases: kept.length },
    ]);
  });

  it('defaults to the 12 months ending at the latest admit date, not today', async () => {
    const result = await run({ window: { kind: 'data_trailing', months: 12 } });
    const from = resolvePlanWindow(
      { kind: 'data_trailing', months: 12 },
      { today: '2030-01-01', lastAdmit: LAST_ADMIT },
    )!;
    expect(from.to).toBe(LAST_ADMIT);
    const kept = CASES.filter((row) => row.admit_date >= from.from && row.admit_date <= LAST_ADMIT);
    expect(result.figures.dates).toEqual(from);
    expect(result.figures.cases).toBe(kept.length);
    expect(kept.length).toBeLessThan(CASES.length);
  });

  it('computes relative windows from today and fixed windows as named', async () => {
    const quarter = await run({ window: { kind: 'relative', period: 'last_quarter' } });
    expect(quarter.figures.dates).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarter.figures.cases).toBe(
      CASES.filter((row) => row.admit_date >= '2026-01-01' && row.admit_date <= '2026-03-31').length,
    );
    const fixed = await run({
      window: { kind: 'fixed', from: '2025-09-01', to: '2025-09-30', label: 'September 2025' },
    });
    expect(fixed.figures.cases).toBe(CASES.filter((row) => row.admit_date.startsWith('2025-09')).length);
  });

  it('answers an empty window by saying where the data lies, never with zeros', async () => {
    await expect(
      run({ window: { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' } }),
    ).rejects.toMatchObject({
      reason: 'no_data',
      message: expect.stringMatching(
        /No cases were admitted between 1 Jan 2024 and 31 Dec 2024; .* from \d+ \w+ 2025 to \d+ \w+ 2026\./,
      ),
    });
    const first = new Date(`${FIRST_ADMIT}T00:00:00Z`);
    await expect(
      run({ window: { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' } }),
    ).rejects.toThrow(`from ${first.getUTCDate()} `);
  });

  it('refuses hospital-only measures for a payor organization, with the reason', async () => {
    await expect(
      run({ measures: [{ measure: 'margin', aggregation: 'ratio' }] }, 'payor'),
    ).rejects.toMatchObject({
      reason: 'hospital_only_metric',
      message: expect.stringContaining('hospital revenue'),
    });
    await expect(
      run({ conditions: [{ field: 'hospital_revenue', op: '>', value: 1 }] }, 'payor'),
    ).rejects.toMatchObject({ reason: 'hospital_only_metric' });
    await expect(run({ measures: [{ measure: 'cost', aggregation: 'avg' }] }, 'payor')).resolves.toBeTruthy();
  });

  it('refuses an aggregation that means nothing for the measure', async () => {
    await expect(run({ measures: [{ measure: 'margin', aggregation: 'median' }] })).rejects.toMatchObject({
      reason: 'invalid_request',
    });
  });

  it('binds a filter value, never splices it into the SQL', async () => {
    const attack = "Aetna' OR '1'='1";
    await expect(
      run({ filters: [{ dimension: 'payor', op: 'in', values: [{ id: attack, name: attack }] }] }),
    ).rejects.toMatchObject({ reason: 'no_data' });
    const result = await run({
      filters: [
        { dimension: 'payor', op: 'not_in', values: [{ id: "x'); DROP TABLE cases; --", name: 'x' }] },
      ],
    });
    expect(result.figures.cases).toBe(CASES.length);
    const [statement, parameters] = result.provenance.sql[0]!.split('-- parameters:');
    expect(statement).not.toContain('DROP TABLE');
    expect(statement).toContain('payor NOT IN ($1)');
    expect(parameters).toContain('DROP TABLE');
    expect(await store.countCases('org')).toBe(CASES.length);
  });

  it('runs one statement per plan', async () => {
    const result = await run({
      group_by: ['payor', 'month'],
      having: [{ measure: 0, op: '>', value: 1 }],
      limit: 3,
    });
    expect(result.provenance.sql).toHaveLength(1);
    expect(result.tables[0]!.rows.length).toBeLessThanOrEqual(3);
  });
});

describe('resolvePlanWindow', () => {
  const context = { today: FIXTURE_TODAY, lastAdmit: '2025-12-15' };
  it.each([
    [
      { kind: 'relative', period: 'last_month' },
      { from: '2026-05-01', to: '2026-05-31' },
    ],
    [
      { kind: 'relative', period: 'last_quarter' },
      { from: '2026-01-01', to: '2026-03-31' },
    ],
    [
      { kind: 'relative', period: 'last_year' },
      { from: '2025-01-01', to: '2025-12-31' },
    ],
    [
      { kind: 'relative', period: 'year_to_date' },
      { from: '2026-01-01', to: '2026-06-30' },
    ],
    [
      { kind: 'relative', period: 'quarter_to_date' },
      { from: '2026-04-01', to: '2026-06-30' },
    ],
    [
      { kind: 'relative', period: 'month_to_date' },
      { from: '2026-06-01', to: '2026-06-30' },
    ],
    [
      { kind: 'relative', period: 'last_days', count: 30 },
      { from: '2026-06-01', to: '2026-06-30' },
    ],
    [
      { kind: 'relative', period: 'last_months', count: 12 },
      { from: '2025-07-01', to: '2026-06-30' },
    ],
    [
      { kind: 'relative', period: 'fiscal_year_to_date' },
      { from: '2025-10-01', to: '2026-06-30' },
    ],
    [
      { kind: 'relative', period: 'last_fiscal_year' },
      { from: '2024-10-01', to: '2025-09-30' },
    ],
    [
      { kind: 'data_trailing', months: 12 },
      { from: '2024-12-16', to: '2025-12-15' },
    ],
    [{ kind: 'all' }, null],
  ] as const)('%o', (window, expected) => {
    expect(resolvePlanWindow(window, context)).toEqual(expected);
  });

  it('starts fiscal years in the configured month', () => {
    expect(
      resolvePlanWindow(
        { kind: 'relative', period: 'fiscal_year_to_date' },
        { ...context, fiscalYearStartMonth: 7 },
      ),
    ).toEqual({ from: '2025-07-01', to: '2026-06-30' });
  });
});

import { describe, expect, it } from 'vitest';
import type { QueryPlan } from '../../src/contract/query-plan';
import type { PlanResult, Row, TypicalCaseResult } from '../cases/types';
import { composePlan, composeTypicalCase } from './compose';
import type { QueryOutcome } from './parser';

// The written answer states the headline figures and what stands out, after the reading and the case count.

const PLAN: QueryPlan = {
  measures: [{ measure: 'cost', aggregation: 'avg' }],
  group_by: [],
  filters: [],
  conditions: [],
  having: [],
  comparison: null,
  order: null,
  limit: null,
  window: { kind: 'data_trailing', months: 12 },
};

function outcome(plan: QueryPlan, reading = 'the reading, in 2025 (1 Jan 2025 – 31 Dec 2025)'): QueryOutcome {
  return { kind: 'query', query: { workflow: 'analytics', plan }, reading, dates: null, resolutions: [] };
}

function result(rows: Row[], cases: number, totals: (number | null)[], scope?: Row): PlanResult {
  return {
    tables: [
      { title: 'Answer', columns: [], rows, rowCount: rows.length, truncated: false },
      ...(scope
        ? [{ title: 'All cases in scope', columns: [], rows: [scope], rowCount: 1, truncated: false }]
        : []),
    ],
    chart: null,
    notes: [],
    provenance: { sql: [], window: null, n: cases, units: {} },
    figures: { cases, dates: null, totals },
  };
}

describe('the written answer', () => {
  it('opens with the reading and the cases, then the figure', () => {
    const text = composePlan(
      outcome(PLAN),
      PLAN,
      result([{ cost_avg: 1234.5, cases: 1204 }], 1204, [1234.5]),
    );
    expect(text).toMatch(
      /^I read this as \*\*the reading, in 2025 \(1 Jan 2025 – 31 Dec 2025\)\*\*, 1,204 cases\./,
    );
    expect(text).toContain('Average cost: **$1,235**.');
  });

  it('never sets a partial period against whole ones', () => {
    const plan: QueryPlan = {
      ...PLAN,
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['year'],
      order: { by: 'dimension', direction: 'asc' },
    };
    const rows = [
      { year: '2024', revenue_sum: 100, cases: 10 },
      { year: '2025', revenue_sum: 120, cases: 12 },
      { year: '2026', revenue_sum: 30, cases: 3 },
    ];
    const partial = {
      ...result(rows, 25, [250]),
      figures: {
        cases: 25,
        dates: null,
        totals: [250],
        partialPeriods: [{ period: '2026', from: '2026-01-01', to: '2026-03-17' }],
      },
    };
    const text = composePlan(outcome(plan), plan, partial);
    expect(text).toContain('went from **$100** in 2024 to **$120** in 2025');
    expect(text).toContain('lowest in 2024');
  });

  it('names a count once, not "150 cases over 150 cases"', () => {
    const plan: QueryPlan = {
      ...PLAN,
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    };
    const rows = [
      { payor: 'Medicare', cases_count: 150, cases: 150 },
      { payor: 'Aetna', cases_count: 20, cases: 20 },
    ];
    const text = composePlan(outcome(plan), plan, result(rows, 170, [170]));
    expect(text).toContain('Highest: **Medicare**, 150 cases.');
    expect(text).not.toMatch(/cases over/);
  });

  it('escapes values from the data, so a name cannot become markup', () => {
    const plan: QueryPlan = {
      ...PLAN,
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    };
    const rows = [
      { surgeon: '<img src=x onerror=alert(1)>', cost_avg: 99, cases: 3 },
      { surgeon: 'Dr. *Bold*', cost_avg: 50, cases: 2 },
    ];
    const text = composePlan(outcome(plan), plan, result(rows, 5, [80], { cost_avg: 80, cases: 5 }));
    expect(text).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(text).toContain('Dr. \\*Bold\\*');
    expect(text).not.toMatch(/[^\\]<img/);
  });

  it('names the highest and lowest of a breakdown instead of listing the table', () => {
    const plan: QueryPlan = {
      ...PLAN,
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    };
    const rows = [
      { payor: 'Aetna', cost_avg: 30000, cases: 10 },
      { payor: 'Cigna', cost_avg: 20000, cases: 20 },
      { payor: 'Medicare', cost_avg: 10000, cases: 30 },
    ];
    const text = composePlan(outcome(plan), plan, result(rows, 60, [15000], { cost_avg: 15000, cases: 60 }));
    expect(text).toContain(
      'Across 3 payors, average cost runs from **$10,000** (Medicare) to **$30,000** (Aetna).',
    );
    expect(text).toContain('Highest: **Aetna**, $30,000 over 10 cases.');
    expect(text).toContain('Over all cases in scope, average cost: **$15,000**.');
  });

  it('says the lowest first when the ranking runs upwards, and the top N when limited', () => {
    const plan: QueryPlan = {
      ...PLAN,
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'asc' },
      limit: 2,
    };
    const rows = [
      { provider: 'North', margin_ratio: 2.5, cases: 10 },
      { provider: 'South', margin_ratio: 7.25, cases: 12 },
    ];
    const text = composePlan(outcome(plan), plan, result(rows, 22, [5], { margin_ratio: 5, cases: 22 }));
    expect(text).toContain('The bottom 2 providers, margin runs from **2.5%** (North) to **7.3%** (South).');
    expect(text).toContain('Lowest: **North**, 2.5% over 10 cases.');
  });

  it('follows a time series from its first to its last period, with the change and the peak', () => {
    const plan: QueryPlan = {
      ...PLAN,
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['month'],
      order: { by: 'dimension', direction: 'asc' },
    };
    const rows = [
      { month: '2025-01', revenue_sum: 1000, cases: 1 },
      { month: '2025-02', revenue_sum: 3000, cases: 3 },
      { month: '2025-03', revenue_sum: 1500, cases: 2 },
    ];
    const text = composePlan(outcome(plan), plan, result(rows, 6, [5500], { revenue_sum: 5500, cases: 6 }));
    expect(text).toContain(
      'Total revenue went from **$1,000** in 2025-01 to **$1,500** in 2025-03, +$500 (+50.0%).',
    );
    expect(text).toContain('Highest in 2025-02 ($3,000), lowest in 2025-01 ($1,000).');
  });

  it('sets compared values side by side with the difference, never pooled', () => {
    const plan: QueryPlan = {
      ...PLAN,
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Cigna', name: 'Cigna' },
        ],
      },
    };
    const rows = [
      { payor: 'Aetna', cost_avg: 12000, cases: 40 },
      { payor: 'Cigna', cost_avg: 10000, cases: 25 },
    ];
    const text = composePlan(outcome(plan), plan, result(rows, 65, [11230]));
    expect(text).toContain('Average cost: Aetna **$12,000** (40 cases), Cigna **$10,000** (25 cases).');
    expect(text).toContain('Aetna is higher than Cigna by $2,000 (+20.0%).');
  });

  it('compares two windows with the change and the % change', () => {
    const plan: QueryPlan = {
      ...PLAN,
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
    };
    const rows = [{ cost_avg_1: 10000, cost_avg_2: 9000, cost_avg_change: -1000, cases_1: 50, cases_2: 40 }];
    const text = composePlan(outcome(plan), plan, result(rows, 90, [9000]));
    expect(text).toContain(
      'Average cost: **$10,000** in 2024 (50 cases), **$9,000** in 2025 (40 cases): −$1,000 (−10.0%).',
    );
  });

  it('leads a share question with the value it named', () => {
    const plan: QueryPlan = {
      ...PLAN,
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    };
    const rows = [
      { payor: 'Medicare', cases_share: 58.87, cases: 83 },
      { payor: 'Aetna', cases_share: 41.13, cases: 58 },
    ];
    const asked = { ...outcome(plan), highlight: [{ id: 'Medicare', name: 'Medicare' }] };
    const text = composePlan(asked, plan, result(rows, 141, [100], { cases_share: 100, cases: 141 }));
    expect(text).toContain('Medicare: **58.9%** of the cases, 83 cases.');
  });

  it('gives no figure when nothing matches', () => {
    const text = composePlan(outcome(PLAN), PLAN, result([], 0, [null]));
    expect(text).toContain('No cases match');
    expect(text).not.toMatch(/\$\d/);
  });
});

describe('the typical case', () => {
  it('has a row per figure, and none for the number of cases the opening already gives', () => {
    const distribution = { mean: 15000, median: 14000, p10: 9000, p90: 22000, n: 40 };
    const text = composeTypicalCase('typical case of Total knee arthroplasty (27447), in 2025', {
      tables: [],
      chart: null,
      notes: [],
      provenance: { sql: [], window: null, n: 40, units: {} },
      figures: {
        cases: 40,
        dates: null,
        revenue: null,
        hospital_revenue: null,
        profit: null,
        margin: null,
        cost: distribution,
        discount: null,
        discount_rate: null,
        los: null,
        time: null,
        readmission_30: null,
      } as unknown as TypicalCaseResult['figures'],
    });
    expect(text).toContain('| Cost | $15,000 | $14,000 | $9,000 – $22,000 |');
    expect(text).not.toMatch(/Number of cases|no figure/);
    expect(text).toMatch(/^I read this as .*, 40 cases\./);
  });
});

import { describe, expect, it } from 'vitest';
import type { QueryPlan } from '../../../src/contract/query-plan';
import { formatDay } from '../../lib/dates';
import { parseQuestion } from './parse-question';
import { analytics, contextWith, DEFAULT_WINDOW, HIP, KNEE, keep, named, year } from './test-resolver';
import type { ParsedQuery } from './types';

// The parser's table: each question as analysts write it and the plan it must become (not a sentence), grouped
// by category. A plan is compared whole, so a changed default (the window, totals for a ranking, the order) fails
// here. The fixture catalog is in test-resolver.ts; today is 28 Nov 2026 and the data ends on 31 Oct 2026.

type Row = [string, ParsedQuery];

type Dates = [from: string, to: string, label?: string];
const LAST_12: Dates = ['2025-11-01', '2026-10-31'];
const BEFORE_12: Dates = ['2024-11-01', '2025-10-31'];
const YEAR_2025: Dates = ['2025-01-01', '2025-12-31', '2025'];
const YEAR_2024: Dates = ['2024-01-01', '2024-12-31', '2024'];

/** "How are we doing": the key figures of the window asked beside the window before it (issue 11). */
function overview(later: Dates, earlier: Dates, filters: QueryPlan['filters'] = []): ParsedQuery {
  const fixed = ([from, to, label]: Dates) =>
    ({ kind: 'fixed', from, to, label: label ?? `${formatDay(from)} – ${formatDay(to)}` }) as const;
  return analytics({
    measures: [
      { measure: 'cases', aggregation: 'count' },
      { measure: 'hospital_revenue', aggregation: 'sum' },
      { measure: 'cost', aggregation: 'sum' },
      { measure: 'margin', aggregation: 'ratio' },
      { measure: 'los', aggregation: 'avg' },
      { measure: 'readmission_30', aggregation: 'ratio' },
    ],
    filters,
    comparison: { kind: 'windows', windows: [fixed(earlier), fixed(later)] },
    window: {
      kind: 'fixed',
      from: earlier[0],
      to: later[1],
      label: `${fixed(earlier).label} and ${fixed(later).label}`,
    },
  });
}

const BREAKDOWNS: Row[] = [
  [
    'average cost of knee replacement by surgeon',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'Mean costs for TKA per physician in 2025',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'sum of revenue by payer',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'overall charges for each insurer',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'billed amounts across facilities in 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'hospital revenue by hospital',
    analytics({
      measures: [{ measure: 'hospital_revenue', aggregation: 'sum' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'margin for knee replacement broken down by client',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['client'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'total profit per customer',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['client'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'discounts by payor for hip replacement',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      group_by: ['payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'length of stay by doctor for 27130',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'OR time for 0SRC0J9 by surgeon',
    analytics({
      measures: [{ measure: 'time', aggregation: 'avg' }],
      group_by: ['surgeon'],
      filters: [
        {
          dimension: 'procedure',
          op: 'in',
          values: [
            {
              id: '0SRC0J9',
              name: 'Replacement of right knee joint with synthetic substitute, open approach',
            },
          ],
        },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'operating minutes per surgeon',
    analytics({
      measures: [{ measure: 'time', aggregation: 'avg' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'readmissions for M17.11 by provider',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['provider'],
      filters: [
        {
          dimension: 'condition',
          op: 'in',
          values: [{ id: 'M17.11', name: 'Unilateral primary osteoarthritis, right knee' }],
        },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cost by procedure',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost by procedure in 2025',
    analytics({
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'total revenue by procedure',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'revenue per procedure for Aetna',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['procedure'],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'volume by procedure',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'case count by DRG',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['drg'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average length of stay by diagnosis',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['condition'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'margin by condition',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['condition'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cost by age group',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['age_band'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average LOS by age band',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['age_band'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cases by gender',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['gender'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'revenue by sex for knee replacement',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['gender'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cost per case by quarter',
    analytics({ group_by: ['quarter'], order: { by: 'dimension', direction: 'asc' } }),
  ],
  [
    'monthly knee replacement volume in 2025',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['month'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'revenue by month',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['month'],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'total revenue by year',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['year'],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'cases per year',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['year'],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'quarterly margin for hip replacement',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['quarter'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'average cost by month for Dr. Patel',
    analytics({
      group_by: ['month'],
      filters: [{ dimension: 'surgeon', op: 'in', values: [{ id: 'Anil Patel', name: 'Anil Patel' }] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'annual discount by payor',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      group_by: ['payor', 'year'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'margin by payor and surgeon',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['payor', 'surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost by surgeon and payor for knee replacement',
    analytics({
      group_by: ['surgeon', 'payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'case volume by provider and quarter',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['provider', 'quarter'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'revenue by payor by year',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor', 'year'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cost by procedure and surgeon',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['procedure', 'surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost by surgeon broken down by payor',
    analytics({ group_by: ['surgeon', 'payor'], order: { by: 'measure', index: 0, direction: 'desc' } }),
  ],
  [
    'LOS split by provider',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'profit grouped by client',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['client'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cost across providers',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'revenue for each payor in Q1 2026',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2026-01-01', to: '2026-03-31', label: 'Q1 2026' },
    }),
  ],
  [
    'margin by surgeon for knee replacement at Mercy North',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'provider', op: 'in', values: [{ id: 'Mercy North', name: 'Mercy North' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cases by month for Medicare',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['month'],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Medicare', name: 'Medicare' }] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'average OR time by month',
    analytics({
      measures: [{ measure: 'time', aggregation: 'avg' }],
      group_by: ['month'],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'readmission rate by quarter',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['quarter'],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'discount rate by payor',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'discount rate by provider for knee replacement',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      group_by: ['provider'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average discount rate by client',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      group_by: ['client'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    '30-day readmission rate by surgeon',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'readmission rate by procedure',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'hospital revenue by month in 2025',
    analytics({
      measures: [{ measure: 'hospital_revenue', aggregation: 'sum' }],
      group_by: ['month'],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'total cost by year from 2023 through 2025',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['year'],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2023-01-01', to: '2025-12-31', label: '2023–2025' },
    }),
  ],
  [
    'total revenue from 2023 through 2025 by year',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['year'],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2023-01-01', to: '2025-12-31', label: '2023–2025' },
    }),
  ],
  [
    'cases by year 2024 to 2026',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['year'],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2024-01-01', to: '2026-12-31', label: '2024–2026' },
    }),
  ],
  [
    'average cost of hip replacement per surgeon last year',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'number of cases per surgeon',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'how many cases per payor',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'knee replacement volume by surgeon',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'procedure mix',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'payor mix',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'payor mix for knee replacement',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeon mix for hip replacement in 2025',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'case mix by DRG',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['drg'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'gender split for knee replacement',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['gender'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cost trend for hip replacement',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['month'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'revenue trend',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['month'],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'margin over time',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['month'],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'how has the average cost of knee replacement changed over time',
    analytics({
      group_by: ['month'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'cost of knee replacement month by month',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['month'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'volume trend by quarter',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['quarter'],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'LOS trend for Aetna',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['month'],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'monthly cases in 2025 for Dr. Patel',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['month'],
      filters: [{ dimension: 'surgeon', op: 'in', values: [{ id: 'Anil Patel', name: 'Anil Patel' }] }],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
];

const AGGREGATIONS: Row[] = [
  [
    'median LOS for hip replacement',
    analytics({
      measures: [{ measure: 'los', aggregation: 'median' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
    }),
  ],
  [
    'median cost of knee replacement',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'median' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'median revenue by payor',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'median' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    '90th percentile cost of knee replacement',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'p90' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'p90 OR time for hip replacement',
    analytics({
      measures: [{ measure: 'time', aggregation: 'p90' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
    }),
  ],
  [
    '75th percentile length of stay by surgeon',
    analytics({
      measures: [{ measure: 'los', aggregation: 'p75' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  ['25th percentile cost', analytics({ measures: [{ measure: 'cost', aggregation: 'p25' }] })],
  [
    'p10 revenue for knee replacement',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'p10' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'upper quartile cost of knee replacement',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'p75' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  ['lower quartile LOS', analytics({ measures: [{ measure: 'los', aggregation: 'p25' }] })],
  [
    'maximum cost of a knee replacement',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'max' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'max LOS for hip replacement',
    analytics({
      measures: [{ measure: 'los', aggregation: 'max' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
    }),
  ],
  [
    'minimum revenue for knee replacement',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'min' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'min OR time by surgeon',
    analytics({
      measures: [{ measure: 'time', aggregation: 'min' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'longest stay for knee replacement case',
    analytics({
      measures: [{ measure: 'los', aggregation: 'max' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'highest cost of a knee replacement case',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'max' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'how many knee replacements',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'how many cases did we have in 2025',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'how many hip replacements did Dr. Patel do in Q3 2026',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      filters: [
        { dimension: 'procedure', op: 'in', values: [HIP] },
        { dimension: 'surgeon', op: 'in', values: [{ id: 'Anil Patel', name: 'Anil Patel' }] },
      ],
      window: { kind: 'fixed', from: '2026-07-01', to: '2026-09-30', label: 'Q3 2026' },
    }),
  ],
  [
    'number of cases for Aetna',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
    }),
  ],
  [
    'count of knee replacements at Mercy North',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'provider', op: 'in', values: [{ id: 'Mercy North', name: 'Mercy North' }] },
      ],
    }),
  ],
  [
    'case volume in 2025',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'how many readmissions last year',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'sum' }],
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'number of readmissions for knee replacement',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'what share of knee replacements are Medicare',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what share of our hip replacements are Aetna',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what percent of revenue comes from Aetna',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'share' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what percentage of cases are Medicare',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'share of revenue by payor',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'share' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'share of cases by provider',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what fraction of cost is knee replacement',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'share' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'proportion of cases by surgeon',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what share of cases are women',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['gender'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what percent of knee replacement cases were readmitted',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'readmission rate for knee replacement',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  ['discount rate', analytics({ measures: [{ measure: 'discount_rate', aggregation: 'ratio' }] })],
  [
    'discount rate for Aetna',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
    }),
  ],
  [
    'what is our discount rate in 2025',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  ['average margin', analytics({ measures: [{ measure: 'margin', aggregation: 'ratio' }] })],
  [
    'margin for hip replacement',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
    }),
  ],
  [
    'profit margin at Mercy South',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      filters: [{ dimension: 'provider', op: 'in', values: [{ id: 'Mercy South', name: 'Mercy South' }] }],
    }),
  ],
  [
    'total discount for Cigna',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Cigna', name: 'Cigna' }] }],
    }),
  ],
  [
    'total profit for knee replacement',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'average profit of hip replacement',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'avg' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
    }),
  ],
  [
    'how much did we spend on knee replacements in 2025',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'how much revenue did we make from Aetna in 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  ['total cost', analytics({ measures: [{ measure: 'cost', aggregation: 'sum' }] })],
  [
    'what is the total cost of total knee arthroplasty',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'total knee arthroplasty cost',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'average cost of knee replacement',
    analytics({ filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }] }),
  ],
  [
    'typical expense of hip replacements',
    analytics({ filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }] }),
  ],
  [
    'avg spend on total hip arthroplasty',
    analytics({ filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }] }),
  ],
  [
    'cost per case for knee replacement',
    analytics({ filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }] }),
  ],
  [
    'average LOS for CPT 27447',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'days in hospital for DRG 470',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      filters: [
        {
          dimension: 'drg',
          op: 'in',
          values: [{ id: '470', name: 'Major hip and knee joint replacement without MCC' }],
        },
      ],
    }),
  ],
  [
    'surgical time of knee replacements',
    analytics({
      measures: [{ measure: 'time', aggregation: 'avg' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    '30-day readmission rate for patients with diabetes',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      filters: [
        {
          dimension: 'condition',
          op: 'in',
          values: [{ id: 'E11.9', name: 'Type 2 diabetes mellitus without complications' }],
        },
      ],
    }),
  ],
  [
    'how long do hip replacement patients stay',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
    }),
  ],
  [
    'average time in surgery for knee scopes',
    analytics({
      measures: [{ measure: 'time', aggregation: 'avg' }],
      filters: [
        {
          dimension: 'procedure',
          op: 'in',
          values: [{ id: '29881', name: 'Knee arthroscopy with meniscectomy' }],
        },
      ],
    }),
  ],
  [
    'average revenue and cost of knee replacement',
    analytics({
      measures: [
        { measure: 'revenue', aggregation: 'avg' },
        { measure: 'cost', aggregation: 'avg' },
      ],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'revenue, cost and profit by payor',
    analytics({
      measures: [
        { measure: 'revenue', aggregation: 'sum' },
        { measure: 'cost', aggregation: 'sum' },
        { measure: 'profit', aggregation: 'sum' },
      ],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cost and LOS for hip replacement by surgeon',
    analytics({
      measures: [
        { measure: 'cost', aggregation: 'sum' },
        { measure: 'los', aggregation: 'avg' },
      ],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'Aetna knee replacement cost',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] },
      ],
    }),
  ],
  [
    'cost of major hip and knee joint replacement without MCC',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [
        {
          dimension: 'drg',
          op: 'in',
          values: [{ id: '470', name: 'Major hip and knee joint replacement without MCC' }],
        },
      ],
    }),
  ],
  [
    'OR time for replacement of right knee joint with synthetic substitute',
    analytics({
      measures: [{ measure: 'time', aggregation: 'avg' }],
      filters: [
        {
          dimension: 'procedure',
          op: 'in',
          values: [
            {
              id: '0SRC0J9',
              name: 'Replacement of right knee joint with synthetic substitute, open approach',
            },
          ],
        },
      ],
    }),
  ],
  ['cost', analytics({ measures: [{ measure: 'cost', aggregation: 'sum' }] })],
  ['revenue', analytics({ measures: [{ measure: 'revenue', aggregation: 'sum' }] })],
  ["what's our total revenue", analytics({ measures: [{ measure: 'revenue', aggregation: 'sum' }] })],
  [
    'total hospital revenue in 2025',
    analytics({
      measures: [{ measure: 'hospital_revenue', aggregation: 'sum' }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'average discount for knee replacement last year',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'avg' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'reimbursement for knee replacement',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'payments from Cigna in 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Cigna', name: 'Cigna' }] }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'write-offs by payor',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'contractual adjustments for Medicare',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Medicare', name: 'Medicare' }] }],
    }),
  ],
  [
    'ALOS for hip replacement',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
    }),
  ],
  [
    'average length of stay for hip replacement in the last 6 months',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      window: { kind: 'relative', period: 'last_months', count: 6 },
    }),
  ],
  [
    "what's the average cost for a knee replacement with Dr. Patel",
    analytics({
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'surgeon', op: 'in', values: [{ id: 'Anil Patel', name: 'Anil Patel' }] },
      ],
    }),
  ],
  [
    'cost of knee replacement for women',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'gender', op: 'in', values: [{ id: 'F', name: 'Female' }] },
      ],
    }),
  ],
  [
    'average cost for men',
    analytics({ filters: [{ dimension: 'gender', op: 'in', values: [{ id: 'M', name: 'Male' }] }] }),
  ],
  [
    'average LOS for patients over 65',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      conditions: [{ field: 'age', op: '>', value: 65 }],
    }),
  ],
  [
    'cost for seniors',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      conditions: [{ field: 'age', op: '>=', value: 65 }],
    }),
  ],
  [
    'average cost for patients aged 65 to 74',
    analytics({
      conditions: [
        { field: 'age', op: '>=', value: 65 },
        { field: 'age', op: '<=', value: 74 },
      ],
    }),
  ],
  [
    'knee replacement cost for patients 80 and over',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      conditions: [{ field: 'age', op: '>=', value: 80 }],
    }),
  ],
  ['average cost for pediatric cases', analytics({ conditions: [{ field: 'age', op: '<', value: 18 }] })],
  [
    'average LOS for readmitted patients',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      conditions: [{ field: 'readmitted_30', op: '=', value: 1 }],
    }),
  ],
  [
    'average LOS for patients not readmitted',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      conditions: [{ field: 'readmitted_30', op: '=', value: 0 }],
    }),
  ],
  [
    'average LOS for non-readmitted patients',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      conditions: [{ field: 'readmitted_30', op: '=', value: 0 }],
    }),
  ],
  // One figure as a percent of another is the model's ratio, not two shares of the scope (each 100 %).
  [
    'contractual adjustments as a percent of charges',
    analytics({ measures: [{ measure: 'discount_rate', aggregation: 'ratio' }] }),
  ],
  [
    'write-offs as a percentage of revenue in 2025',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    // A named procedure is the scope here, not the part of a share of all profit.
    'profit as a percent of revenue for knee replacement',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  // Both ends of the range, one column each.
  [
    'min and max cost for TKA',
    analytics({
      measures: [
        { measure: 'cost', aggregation: 'min' },
        { measure: 'cost', aggregation: 'max' },
      ],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'shortest and longest OR time for hip replacement in 2025',
    analytics({
      measures: [
        { measure: 'time', aggregation: 'min' },
        { measure: 'time', aggregation: 'max' },
      ],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'min/max revenue by payor',
    analytics({
      measures: [
        { measure: 'revenue', aggregation: 'min' },
        { measure: 'revenue', aggregation: 'max' },
      ],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
];

const FORMS: Row[] = [
  // A superlative before one singular noun asks which one, not for the extreme single case.
  [
    'most expensive procedure',
    analytics({ group_by: ['procedure'], order: { by: 'measure', index: 0, direction: 'desc' } }),
  ],
  [
    'highest cost procedure for Aetna',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['procedure'],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'most profitable procedure',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'busiest month in 2025',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['month'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'top procedure by volume',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'least common diagnosis',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['condition'],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'worst margin month last year',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['month'],
      order: { by: 'measure', index: 0, direction: 'asc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    // The single case stays the single case.
    'highest cost of a knee replacement case',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'max' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
    }),
  ],
  [
    'which surgeon has the highest cost for hip replacements',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'which payor pays the most for gallbladder removal',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [{ id: '47562', name: 'Laparoscopic cholecystectomy' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'which procedures lose us the most money',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'which provider has the lowest margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'which surgeon does the most knee replacements',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'which payors have the highest discount rate',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'who has the longest length of stay for hip replacement',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'who is the most expensive surgeon for knee replacement',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'who performs the most hip replacements',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what procedures are most profitable',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what payor has the highest readmission rate',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'top 5 surgeons by revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      limit: 5,
    }),
  ],
  [
    'top 5 surgeons by revenue for knee replacement',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      limit: 5,
    }),
  ],
  [
    'top 3 payors by cost',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      limit: 3,
    }),
  ],
  [
    'top 10 procedures by volume',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      limit: 10,
    }),
  ],
  [
    'bottom 3 providers by margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'asc' },
      limit: 3,
    }),
  ],
  [
    'bottom 5 surgeons by profit',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'asc' },
      limit: 5,
    }),
  ],
  [
    'top 3 surgeons by average cost',
    analytics({ group_by: ['surgeon'], order: { by: 'measure', index: 0, direction: 'desc' }, limit: 3 }),
  ],
  [
    'top five procedures by total revenue in 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      limit: 5,
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'the 5 most expensive procedures',
    analytics({ group_by: ['procedure'], order: { by: 'measure', index: 0, direction: 'desc' }, limit: 5 }),
  ],
  [
    '3 cheapest surgeons for knee replacement',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'asc' },
      limit: 3,
    }),
  ],
  [
    'most expensive procedures',
    analytics({ group_by: ['procedure'], order: { by: 'measure', index: 0, direction: 'desc' } }),
  ],
  [
    'cheapest surgeon for knee replacement',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'which surgeons are cheapest for knee replacement',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'busiest surgeons',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'highest margin payors',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'lowest revenue providers last year',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'asc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'rank surgeons by profit',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'rank payors by average revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'avg' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons ranked by cost for hip replacement',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'most profitable payors',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'least profitable procedures',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'which DRGs have the longest stays',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['drg'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'which conditions cost the most',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['condition'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'which clients bring in the most revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['client'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what surgeon has the fewest cases',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'is Aetna more expensive than Cigna for knee replacement',
    analytics({
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Cigna', name: 'Cigna' },
        ],
      },
    }),
  ],
  [
    'is Medicare cheaper than Aetna',
    analytics({
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Medicare', name: 'Medicare' },
          { id: 'Aetna', name: 'Aetna' },
        ],
      },
    }),
  ],
  [
    'does Dr. Patel cost more than Dr. Wei Chen for knee replacement',
    analytics({
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      comparison: {
        kind: 'values',
        dimension: 'surgeon',
        values: [
          { id: 'Anil Patel', name: 'Anil Patel' },
          { id: 'Wei Chen', name: 'Wei Chen' },
        ],
      },
    }),
  ],
  [
    'Aetna vs Cigna average cost for knee replacement',
    analytics({
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Cigna', name: 'Cigna' },
        ],
      },
    }),
  ],
  [
    'Aetna versus Medicare revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Medicare', name: 'Medicare' },
        ],
      },
    }),
  ],
  [
    'compare Aetna and Cigna on margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Cigna', name: 'Cigna' },
        ],
      },
    }),
  ],
  [
    'compare Mercy North and Mercy South average LOS',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      comparison: {
        kind: 'values',
        dimension: 'provider',
        values: [
          { id: 'Mercy North', name: 'Mercy North' },
          { id: 'Mercy South', name: 'Mercy South' },
        ],
      },
    }),
  ],
  [
    'Mercy North vs Mercy South cost in 2025',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      comparison: {
        kind: 'values',
        dimension: 'provider',
        values: [
          { id: 'Mercy North', name: 'Mercy North' },
          { id: 'Mercy South', name: 'Mercy South' },
        ],
      },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'knee replacement vs hip replacement average cost',
    analytics({ comparison: { kind: 'values', dimension: 'procedure', values: [KNEE, HIP] } }),
  ],
  [
    'total knee arthroplasty versus total hip arthroplasty revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      comparison: { kind: 'values', dimension: 'procedure', values: [KNEE, HIP] },
    }),
  ],
  [
    'Dr. Patel vs Dr. Linda Chen OR time',
    analytics({
      measures: [{ measure: 'time', aggregation: 'avg' }],
      comparison: {
        kind: 'values',
        dimension: 'surgeon',
        values: [
          { id: 'Anil Patel', name: 'Anil Patel' },
          { id: 'Linda Chen', name: 'Linda Chen' },
        ],
      },
    }),
  ],
  [
    'compare payors on cost for TKA',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'compare surgeons by LOS',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'Aetna vs Cigna cost by surgeon',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['payor', 'surgeon'],
      filters: [
        {
          dimension: 'payor',
          op: 'in',
          values: [
            { id: 'Aetna', name: 'Aetna' },
            { id: 'Cigna', name: 'Cigna' },
          ],
        },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    '2024 vs 2025 cost per case',
    analytics({
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    '2025 vs 2026 revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
          { kind: 'fixed', from: '2026-01-01', to: '2026-12-31', label: '2026' },
        ],
      },
      window: { kind: 'fixed', from: '2025-01-01', to: '2026-12-31', label: '2025 and 2026' },
    }),
  ],
  [
    'revenue in 2024 compared with 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    'compare 2024 and 2025 margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    'knee replacement volume 2024 vs 2025',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    'average cost of hip replacement in 2024 vs 2025 by surgeon',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    'Q1 2026 vs Q1 2025 cost',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2025-01-01', to: '2025-03-31', label: 'Q1 2025' },
          { kind: 'fixed', from: '2026-01-01', to: '2026-03-31', label: 'Q1 2026' },
        ],
      },
      window: { kind: 'fixed', from: '2025-01-01', to: '2026-03-31', label: 'Q1 2025 and Q1 2026' },
    }),
  ],
  [
    // This year so far against the same stretch of last year, never 11 months against 12.
    'cost last year vs this year',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2025-01-01', to: '2025-11-28', label: '1 Jan 2025 – 28 Nov 2025' },
          { kind: 'fixed', from: '2026-01-01', to: '2026-11-28', label: '1 Jan 2026 – 28 Nov 2026' },
        ],
      },
      window: {
        kind: 'fixed',
        from: '2025-01-01',
        to: '2026-11-28',
        label: '1 Jan 2025 – 28 Nov 2025 and 1 Jan 2026 – 28 Nov 2026',
      },
    }),
  ],
  ['how are we doing', overview(LAST_12, BEFORE_12)],
  ['how are we doing this year', overview(['2026-01-01', '2026-11-28'], ['2025-01-01', '2025-11-28'])],
  ['overview', overview(LAST_12, BEFORE_12)],
  [
    'overview for knee replacement',
    overview(LAST_12, BEFORE_12, [{ dimension: 'procedure', op: 'in', values: [KNEE] }]),
  ],
  [
    'Give me a summary of hip replacements in 2025',
    overview(YEAR_2025, YEAR_2024, [{ dimension: 'procedure', op: 'in', values: [HIP] }]),
  ],
  ['dashboard', overview(LAST_12, BEFORE_12)],
  [
    'key figures for Aetna this year',
    overview(
      ['2026-01-01', '2026-11-28'],
      ['2025-01-01', '2025-11-28'],
      [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
    ),
  ],
  [
    'stats for TKA at Mercy North',
    overview(LAST_12, BEFORE_12, [
      { dimension: 'procedure', op: 'in', values: [KNEE] },
      { dimension: 'provider', op: 'in', values: [{ id: 'Mercy North', name: 'Mercy North' }] },
    ]),
  ],
  [
    'hip replacement',
    {
      workflow: 'dashboard',
      plan: {
        measures: ['revenue', 'cost', 'profit', 'los', 'time'],
        filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
        conditions: [],
        window: DEFAULT_WINDOW,
      },
    },
  ],
  [
    'what does a typical knee replacement case look like',
    {
      workflow: 'dashboard',
      plan: {
        measures: ['revenue', 'cost', 'profit', 'los', 'time'],
        filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
        conditions: [],
        window: DEFAULT_WINDOW,
      },
    },
  ],
  [
    'what does a typical hip replacement look like for Medicare',
    {
      workflow: 'dashboard',
      plan: {
        measures: ['revenue', 'cost', 'profit', 'los', 'time'],
        filters: [
          { dimension: 'procedure', op: 'in', values: [HIP] },
          { dimension: 'payor', op: 'in', values: [{ id: 'Medicare', name: 'Medicare' }] },
        ],
        conditions: [],
        window: DEFAULT_WINDOW,
      },
    },
  ],
  [
    'what does the average knee replacement case look like in 2025',
    {
      workflow: 'dashboard',
      plan: {
        measures: ['revenue', 'cost', 'profit', 'los', 'time'],
        filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
        conditions: [],
        window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
      },
    },
  ],
  [
    'typical case for DRG 470',
    {
      workflow: 'dashboard',
      plan: {
        measures: ['revenue', 'cost', 'profit', 'los', 'time'],
        filters: [
          {
            dimension: 'drg',
            op: 'in',
            values: [{ id: '470', name: 'Major hip and knee joint replacement without MCC' }],
          },
        ],
        conditions: [],
        window: DEFAULT_WINDOW,
      },
    },
  ],
  [
    'snapshot of Mercy North',
    overview(LAST_12, BEFORE_12, [
      { dimension: 'provider', op: 'in', values: [{ id: 'Mercy North', name: 'Mercy North' }] },
    ]),
  ],
  ['kpis for 2025', overview(YEAR_2025, YEAR_2024)],
  ['how did we do last year', overview(YEAR_2025, YEAR_2024)],
  ['average cost', analytics({})],
  [
    'what was the average cost of knee replacement last quarter',
    analytics({
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      window: { kind: 'relative', period: 'last_quarter' },
    }),
  ],
  [
    'knee replacement cost this year',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      window: { kind: 'relative', period: 'year_to_date' },
    }),
  ],
  [
    'average cost of knee replacement YTD',
    analytics({
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      window: { kind: 'relative', period: 'year_to_date' },
    }),
  ],
];

const THRESHOLDS: Row[] = [
  [
    'payors with more than $1M in revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      having: [{ measure: 0, op: '>', value: 1_000_000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons with more than $500,000 in total revenue in 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '>', value: 500_000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'payors with over $2 million of discounts',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      group_by: ['payor'],
      having: [{ measure: 0, op: '>', value: 2_000_000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    // A per-case figure stays an average.
    'surgeons with cost over $20,000',
    analytics({
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '>', value: 20_000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons whose average cost is over $20,000',
    analytics({
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '>', value: 20000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'providers with a margin under 10%',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['provider'],
      having: [{ measure: 0, op: '<', value: 10 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'payors with a discount rate above 30%',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      group_by: ['payor'],
      having: [{ measure: 0, op: '>', value: 30 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons with more than 50 cases',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '>', value: 50 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'procedures with more than 100 cases',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['procedure'],
      having: [{ measure: 0, op: '>', value: 100 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons with an average LOS over 3 days',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '>', value: 3 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'providers whose total revenue is over $1,000,000',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['provider'],
      having: [{ measure: 0, op: '>', value: 1000000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons whose average OR time is over 120 minutes',
    analytics({
      measures: [{ measure: 'time', aggregation: 'avg' }],
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '>', value: 120 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'payors with average revenue under $15k',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'avg' }],
      group_by: ['payor'],
      having: [{ measure: 0, op: '<', value: 15000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons with a readmission rate above 5%',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '>', value: 5 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'procedures whose median cost is over $10,000',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'median' }],
      group_by: ['procedure'],
      having: [{ measure: 0, op: '>', value: 10000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons with at least 20 cases for knee replacement',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      having: [{ measure: 0, op: '>=', value: 20 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'providers with margin below 5% in 2025',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['provider'],
      having: [{ measure: 0, op: '<', value: 5 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'clients with total profit under $0',
    analytics({
      measures: [{ measure: 'profit', aggregation: 'sum' }],
      group_by: ['client'],
      having: [{ measure: 0, op: '<', value: 0 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'surgeons whose average cost is over $20,000 for knee replacement',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      having: [{ measure: 0, op: '>', value: 20000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'which surgeons have an average cost over $25,000',
    analytics({
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '>', value: 25000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'show surgeons with fewer than 10 cases',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      having: [{ measure: 0, op: '<', value: 10 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'payors with total discount over $500k by year',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      group_by: ['payor', 'year'],
      having: [{ measure: 0, op: '>', value: 500000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'cases with cost over $50,000',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      conditions: [{ field: 'cost', op: '>', value: 50000 }],
    }),
  ],
  [
    'knee replacement cases with LOS over 5 days',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      conditions: [{ field: 'los_days', op: '>', value: 5 }],
    }),
  ],
  [
    'cases with OR time over 3 hours',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      conditions: [{ field: 'or_minutes', op: '>', value: 180 }],
    }),
  ],
  [
    'how many cases with cost above $40,000',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      conditions: [{ field: 'cost', op: '>', value: 40000 }],
    }),
  ],
  [
    'average revenue of cases with cost over $30,000',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'avg' }],
      conditions: [{ field: 'cost', op: '>', value: 30000 }],
    }),
  ],
];

const WORKFLOWS: Row[] = [
  [
    'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: KNEE,
        filters: [],
        gender: 'F',
        age: 67,
        age_band: null,
        secondary_conditions: [{ id: 'E11.9', name: 'Type 2 diabetes mellitus without complications' }],
      },
    },
  ],
  [
    'estimate the price of DRG 470 for a man aged 65-74',
    {
      workflow: 'predictions',
      plan: {
        target: 'price',
        procedure: { id: '*', name: 'any procedure' },
        filters: [
          {
            dimension: 'drg',
            op: 'in',
            values: [{ id: '470', name: 'Major hip and knee joint replacement without MCC' }],
          },
        ],
        gender: 'M',
        age: null,
        age_band: [65, 74],
        secondary_conditions: [],
      },
    },
  ],
  [
    'predict the OR time of a knee replacement for a 70-year-old man',
    {
      workflow: 'predictions',
      plan: {
        target: 'time',
        procedure: KNEE,
        filters: [],
        gender: 'M',
        age: 70,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'what will a hip replacement cost for a 72 year old man',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: HIP,
        filters: [],
        gender: 'M',
        age: 72,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'how long will a knee replacement take',
    {
      workflow: 'predictions',
      plan: {
        target: 'time',
        procedure: KNEE,
        filters: [],
        gender: null,
        age: null,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'how long will a hip replacement patient stay',
    {
      workflow: 'predictions',
      plan: {
        target: 'los',
        procedure: HIP,
        filters: [],
        gender: null,
        age: null,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'predict the cost of a knee replacement with Dr. Patel',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: KNEE,
        filters: [{ dimension: 'surgeon', op: 'in', values: [{ id: 'Anil Patel', name: 'Anil Patel' }] }],
        gender: null,
        age: null,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'estimate the price of a hip replacement for Aetna',
    {
      workflow: 'predictions',
      plan: {
        target: 'price',
        procedure: HIP,
        filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
        gender: null,
        age: null,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'predict the profit of a knee replacement at Mercy North for a woman in her 60s',
    {
      workflow: 'predictions',
      plan: {
        target: 'profit',
        procedure: KNEE,
        filters: [{ dimension: 'provider', op: 'in', values: [{ id: 'Mercy North', name: 'Mercy North' }] }],
        gender: 'F',
        age: null,
        age_band: [60, 69],
        secondary_conditions: [],
      },
    },
  ],
  [
    'expected length of stay for a knee replacement for an 80 year old',
    {
      workflow: 'predictions',
      plan: {
        target: 'los',
        procedure: KNEE,
        filters: [],
        gender: null,
        age: 80,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'forecast the cost of a hip replacement for a patient over 70 with hypertension',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: HIP,
        filters: [],
        gender: null,
        age: null,
        age_band: [71, 120],
        secondary_conditions: [{ id: 'I10', name: 'Essential hypertension' }],
      },
    },
  ],
  [
    'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 5 },
        filters: [
          { dimension: 'procedure', op: 'in', values: [KNEE] },
          { dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] },
        ],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'simulate a $200 price cut for hip replacement based on the last 24 months',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'flat', value: -200 },
        filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
        base: { kind: 'data_trailing', months: 24 },
        horizon_months: 12,
      },
    },
  ],
  [
    "what if Aetna's rates fall 6%",
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: -6 },
        filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if supply cost per case drops 7%',
    {
      workflow: 'simulation',
      plan: {
        target: 'cost',
        change: { kind: 'percent', value: -7 },
        filters: [],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if reimbursement drops 5%',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: -5 },
        filters: [],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if supplies get cheaper by 10% for knee replacement',
    {
      workflow: 'simulation',
      plan: {
        target: 'cost',
        change: { kind: 'percent', value: -10 },
        filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'if Cigna pays 3% less',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: -3 },
        filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Cigna', name: 'Cigna' }] }],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if costs go up 4% based on 2025',
    {
      workflow: 'simulation',
      plan: {
        target: 'cost',
        change: { kind: 'percent', value: 4 },
        filters: [],
        base: { kind: 'calendar_year', year: 2025 },
        horizon_months: 12,
      },
    },
  ],
  [
    'simulate a 10% price increase for all payors based on 2025',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 10 },
        filters: [],
        base: { kind: 'calendar_year', year: 2025 },
        horizon_months: 12,
      },
    },
  ],
  [
    'what if we cut prices 8% for Medicare over the next 6 months',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: -8 },
        filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Medicare', name: 'Medicare' }] }],
        base: DEFAULT_WINDOW,
        horizon_months: 6,
      },
    },
  ],
  [
    'what if cost per case for hip replacement falls 5%',
    {
      workflow: 'simulation',
      plan: {
        target: 'cost',
        change: { kind: 'percent', value: -5 },
        filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if we raise rates 2% with Blue Cross Blue Shield',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 2 },
        filters: [
          {
            dimension: 'payor',
            op: 'in',
            values: [{ id: 'Blue Cross Blue Shield', name: 'Blue Cross Blue Shield' }],
          },
        ],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  ['what is CPT 27447', { workflow: 'entity_resolver', plan: { text: '27447', kinds: ['procedure'] } }],
  ['What is M17.11', { workflow: 'entity_resolver', plan: { text: 'M17.11', kinds: ['condition'] } }],
  ['find knee procedures', { workflow: 'entity_resolver', plan: { text: 'knee', kinds: ['procedure'] } }],
  [
    'look up diagnoses for heart failure',
    { workflow: 'entity_resolver', plan: { text: 'heart failure', kinds: ['condition'] } },
  ],
  [
    'what is the code for gallbladder removal',
    {
      workflow: 'entity_resolver',
      plan: { text: 'gallbladder removal', kinds: ['procedure', 'condition', 'drg'] },
    },
  ],
  ['find surgeons named Chen', { workflow: 'entity_resolver', plan: { text: 'Chen', kinds: ['surgeon'] } }],
  [
    'what will a knee replacement cost for a 67-year-old woman with diabetes',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: KNEE,
        filters: [],
        gender: 'F',
        age: 67,
        age_band: null,
        secondary_conditions: [{ id: 'E11.9', name: 'Type 2 diabetes mellitus without complications' }],
      },
    },
  ],
  [
    'predict the price of a hip replacement for a male aged 72',
    {
      workflow: 'predictions',
      plan: {
        target: 'price',
        procedure: HIP,
        filters: [],
        gender: 'M',
        age: 72,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'estimate charges for TKA for a woman in her 70s',
    {
      workflow: 'predictions',
      plan: {
        target: 'price',
        procedure: KNEE,
        filters: [],
        gender: 'F',
        age: null,
        age_band: [70, 79],
        secondary_conditions: [],
      },
    },
  ],
  [
    'expected revenue of DRG 470 for men 65-74',
    {
      workflow: 'predictions',
      plan: {
        target: 'price',
        procedure: { id: '*', name: 'any procedure' },
        filters: [
          {
            dimension: 'drg',
            op: 'in',
            values: [{ id: '470', name: 'Major hip and knee joint replacement without MCC' }],
          },
        ],
        gender: 'M',
        age: null,
        age_band: [65, 74],
        secondary_conditions: [],
      },
    },
  ],
  [
    'predict OR time for hip replacement, F, 58 years old',
    {
      workflow: 'predictions',
      plan: {
        target: 'time',
        procedure: HIP,
        filters: [],
        gender: 'F',
        age: 58,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'estimate the profit of a knee replacement for a 80 yo man with hypertension and obesity',
    {
      workflow: 'predictions',
      plan: {
        target: 'profit',
        procedure: KNEE,
        filters: [],
        gender: 'M',
        age: 80,
        age_band: null,
        secondary_conditions: [
          { id: 'I10', name: 'Essential hypertension' },
          { id: 'E66.9', name: 'Obesity' },
        ],
      },
    },
  ],
  [
    'predict the cost of CPT 27130 for a patient over 80',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: HIP,
        filters: [],
        gender: null,
        age: null,
        age_band: [81, 120],
        secondary_conditions: [],
      },
    },
  ],
  [
    'forecast the price of a knee replacement',
    {
      workflow: 'predictions',
      plan: {
        target: 'price',
        procedure: KNEE,
        filters: [],
        gender: null,
        age: null,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'How much will a hip replacement cost for a female between 50 and 59 with heart failure?',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: HIP,
        filters: [],
        gender: 'F',
        age: null,
        age_band: [50, 59],
        secondary_conditions: [{ id: 'I50.9', name: 'Heart failure' }],
      },
    },
  ],
  [
    'expected cost for a man in his sixties having a knee replacement',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: KNEE,
        filters: [],
        gender: 'M',
        age: null,
        age_band: [60, 69],
        secondary_conditions: [],
      },
    },
  ],
  [
    'predict the length of stay for a knee replacement',
    {
      workflow: 'predictions',
      plan: {
        target: 'los',
        procedure: KNEE,
        filters: [],
        gender: null,
        age: null,
        age_band: null,
        secondary_conditions: [],
      },
    },
  ],
  [
    'simulate a $200 price cut for hip replacement',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'flat', value: -200 },
        filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if we increase by 3 percent',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 3 },
        filters: [],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if we lower prices by 10% for Cigna and Medicare based on the last 24 months',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: -10 },
        filters: [
          {
            dimension: 'payor',
            op: 'in',
            values: [
              { id: 'Cigna', name: 'Cigna' },
              { id: 'Medicare', name: 'Medicare' },
            ],
          },
        ],
        base: { kind: 'data_trailing', months: 24 },
        horizon_months: 12,
      },
    },
  ],
  [
    'simulate a 2.5% price increase for knee replacement and hip replacement over the next 6 months',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 2.5 },
        filters: [{ dimension: 'procedure', op: 'in', values: [KNEE, HIP] }],
        base: DEFAULT_WINDOW,
        horizon_months: 6,
      },
    },
  ],
  [
    'What happens if we cut prices by $1,500 for CPT 27447 with BCBS over the next 2 years?',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'flat', value: -1500 },
        filters: [
          { dimension: 'procedure', op: 'in', values: [KNEE] },
          {
            dimension: 'payor',
            op: 'in',
            values: [{ id: 'Blue Cross Blue Shield', name: 'Blue Cross Blue Shield' }],
          },
        ],
        base: DEFAULT_WINDOW,
        horizon_months: 24,
      },
    },
  ],
  [
    'scenario: reduce charges 7 pct for TKA using the past 18 months',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: -7 },
        filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
        base: { kind: 'data_trailing', months: 18 },
        horizon_months: 12,
      },
    },
  ],
  [
    'what if prices were 4% higher for Aetna for the coming year',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 4 },
        filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
];

const FOLLOW_UPS: [string, string, ParsedQuery][] = [
  [
    'average cost of knee replacement by surgeon',
    'and the discount?',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'avg' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'by quarter',
    analytics({
      group_by: ['quarter'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'only Medicare',
    analytics({
      group_by: ['surgeon'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'payor', op: 'in', values: [{ id: 'Medicare', name: 'Medicare' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'leave out Dr. Patel',
    analytics({
      group_by: ['surgeon'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'surgeon', op: 'not_in', values: [{ id: 'Anil Patel', name: 'Anil Patel' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'what about 2024',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'top 3 only',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      limit: 3,
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'same for hip replacement',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'now by payor',
    analytics({
      group_by: ['payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'by provider?',
    analytics({
      group_by: ['provider'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'what about revenue?',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'avg' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'How about length of stay',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'and for hip replacement?',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'hip replacement?',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'same for last year',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'and in 2025',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'without the breakdown',
    analytics({ filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }] }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'only Aetna',
    analytics({
      group_by: ['surgeon'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'just for Aetna please',
    analytics({
      group_by: ['surgeon'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'now the total',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'what about the median',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'median' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'now for all procedures',
    analytics({ group_by: ['surgeon'], order: { by: 'measure', index: 0, direction: 'desc' } }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'overview',
    overview(LAST_12, BEFORE_12, [{ dimension: 'procedure', op: 'in', values: [KNEE] }]),
  ],
  [
    'average cost of knee replacement by surgeon',
    'how many cases?',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'excluding Medicare',
    analytics({
      group_by: ['surgeon'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'payor', op: 'not_in', values: [{ id: 'Medicare', name: 'Medicare' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'bottom 5',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'asc' },
      limit: 5,
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'lowest first',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'by month instead',
    analytics({
      group_by: ['month'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'dimension', direction: 'asc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'and by payor too',
    analytics({
      group_by: ['surgeon', 'payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'for women only',
    analytics({
      group_by: ['surgeon'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'gender', op: 'in', values: [{ id: 'F', name: 'Female' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'what about patients over 65',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      conditions: [{ field: 'age', op: '>', value: 65 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'compare 2024 and 2025',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'at Mercy North',
    analytics({
      group_by: ['surgeon'],
      filters: [
        { dimension: 'procedure', op: 'in', values: [KNEE] },
        { dimension: 'provider', op: 'in', values: [{ id: 'Mercy North', name: 'Mercy North' }] },
      ],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'and the margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'average cost of knee replacement by surgeon',
    'total revenue of hip replacement in 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'total revenue by payor last year',
    'and by surgeon',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'total revenue by payor last year',
    'what about 2024',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
    }),
  ],
  [
    'total revenue by payor last year',
    'top 3 only',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      limit: 3,
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'total revenue by payor last year',
    'only for knee replacement',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'total revenue by payor last year',
    'and the discount?',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'total revenue by payor last year',
    'by quarter',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['quarter'],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'total revenue by payor last year',
    'leave out Medicare',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      filters: [{ dimension: 'payor', op: 'not_in', values: [{ id: 'Medicare', name: 'Medicare' }] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'Aetna vs Cigna average cost for knee replacement',
    'and the revenue?',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'avg' }],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Cigna', name: 'Cigna' },
        ],
      },
    }),
  ],
  [
    'Aetna vs Cigna average cost for knee replacement',
    'what about 2025',
    analytics({
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Cigna', name: 'Cigna' },
        ],
      },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'Aetna vs Cigna average cost for knee replacement',
    'same for hip replacement',
    analytics({
      filters: [{ dimension: 'procedure', op: 'in', values: [HIP] }],
      comparison: {
        kind: 'values',
        dimension: 'payor',
        values: [
          { id: 'Aetna', name: 'Aetna' },
          { id: 'Cigna', name: 'Cigna' },
        ],
      },
    }),
  ],
  [
    '2024 vs 2025 cost per case',
    'and for knee replacement',
    analytics({
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    '2024 vs 2025 cost per case',
    'by payor',
    analytics({
      group_by: ['payor'],
      comparison: {
        kind: 'windows',
        windows: [
          { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
          { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
        ],
      },
      order: { by: 'measure', index: 0, direction: 'desc' },
      window: { kind: 'fixed', from: '2024-01-01', to: '2025-12-31', label: '2024 and 2025' },
    }),
  ],
  [
    'monthly knee replacement volume in 2025',
    'and the cost?',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['month'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'monthly knee replacement volume in 2025',
    'by quarter',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['quarter'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2025-01-01', to: '2025-12-31', label: '2025' },
    }),
  ],
  [
    'monthly knee replacement volume in 2025',
    'what about 2024',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: ['month'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'dimension', direction: 'asc' },
      window: { kind: 'fixed', from: '2024-01-01', to: '2024-12-31', label: '2024' },
    }),
  ],
  [
    'surgeons whose average cost is over $20,000',
    'only Aetna',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] }],
      having: [{ measure: 0, op: '>', value: 20000 }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'overview for knee replacement',
    'what about cost by surgeon?',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'overview for knee replacement',
    'and for hip replacement',
    overview(LAST_12, BEFORE_12, [{ dimension: 'procedure', op: 'in', values: [HIP] }]),
  ],
  [
    'overview for knee replacement',
    'now for Aetna',
    overview(LAST_12, BEFORE_12, [
      { dimension: 'procedure', op: 'in', values: [KNEE] },
      { dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] },
    ]),
  ],
  [
    'overview for knee replacement',
    'in 2025',
    overview(YEAR_2025, YEAR_2024, [{ dimension: 'procedure', op: 'in', values: [KNEE] }]),
  ],
  [
    'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
    'what about for a man?',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: KNEE,
        filters: [],
        gender: 'M',
        age: 67,
        age_band: null,
        secondary_conditions: [{ id: 'E11.9', name: 'Type 2 diabetes mellitus without complications' }],
      },
    },
  ],
  [
    'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
    'and the price?',
    {
      workflow: 'predictions',
      plan: {
        target: 'price',
        procedure: KNEE,
        filters: [],
        gender: 'F',
        age: 67,
        age_band: null,
        secondary_conditions: [{ id: 'E11.9', name: 'Type 2 diabetes mellitus without complications' }],
      },
    },
  ],
  [
    'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
    'for a 45 year old',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: KNEE,
        filters: [],
        gender: 'F',
        age: 45,
        age_band: null,
        secondary_conditions: [{ id: 'E11.9', name: 'Type 2 diabetes mellitus without complications' }],
      },
    },
  ],
  [
    'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
    'and for hip replacement',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: HIP,
        filters: [],
        gender: 'F',
        age: 67,
        age_band: null,
        secondary_conditions: [{ id: 'E11.9', name: 'Type 2 diabetes mellitus without complications' }],
      },
    },
  ],
  [
    'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
    'with Dr. Patel',
    {
      workflow: 'predictions',
      plan: {
        target: 'cost',
        procedure: KNEE,
        filters: [{ dimension: 'surgeon', op: 'in', values: [{ id: 'Anil Patel', name: 'Anil Patel' }] }],
        gender: 'F',
        age: 67,
        age_band: null,
        secondary_conditions: [{ id: 'E11.9', name: 'Type 2 diabetes mellitus without complications' }],
      },
    },
  ],
  [
    'predict the cost of a knee replacement for a 67-year-old woman with diabetes',
    'average cost of knee replacement by surgeon',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
    'what about 10%?',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 10 },
        filters: [
          { dimension: 'procedure', op: 'in', values: [KNEE] },
          { dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] },
        ],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
    'and only for Cigna',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 5 },
        filters: [
          { dimension: 'procedure', op: 'in', values: [KNEE] },
          { dimension: 'payor', op: 'in', values: [{ id: 'Cigna', name: 'Cigna' }] },
        ],
        base: DEFAULT_WINDOW,
        horizon_months: 12,
      },
    },
  ],
  [
    'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
    'over the next 24 months',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 5 },
        filters: [
          { dimension: 'procedure', op: 'in', values: [KNEE] },
          { dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] },
        ],
        base: DEFAULT_WINDOW,
        horizon_months: 24,
      },
    },
  ],
  [
    'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
    'based on 2025',
    {
      workflow: 'simulation',
      plan: {
        target: 'price',
        change: { kind: 'percent', value: 5 },
        filters: [
          { dimension: 'procedure', op: 'in', values: [KNEE] },
          { dimension: 'payor', op: 'in', values: [{ id: 'Aetna', name: 'Aetna' }] },
        ],
        base: { kind: 'calendar_year', year: 2025 },
        horizon_months: 12,
      },
    },
  ],
  [
    'what if we raise prices 5% for knee replacements with Aetna over the next 12 months',
    'and what is the average cost of knee replacement by surgeon?',
    analytics({
      group_by: ['surgeon'],
      filters: [{ dimension: 'procedure', op: 'in', values: [KNEE] }],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
];
const byMeasure = { by: 'measure', index: 0, direction: 'desc' } as const;
const byTime = { by: 'dimension', direction: 'asc' } as const;
const cases = [{ measure: 'cases', aggregation: 'count' }] as const;

// Clipped and vowel-dropped shorthand: each is spelt out before the question is read (shorthand.ts).
const SHORTHAND: Row[] = [
  ['avg cst of knee replacement', analytics({ filters: [keep('procedure', KNEE)] })],
  [
    'rev by payor',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
  [
    'rvn by payer 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: byMeasure,
      window: year(2025),
    }),
  ],
  [
    'mrgn by surgeon',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      order: byMeasure,
    }),
  ],
  [
    'mgn for tka',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      filters: [keep('procedure', KNEE)],
    }),
  ],
  [
    'disc rate by payer',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
  [
    'avg disc for aetna',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'avg' }],
      filters: [keep('payor', named('Aetna'))],
    }),
  ],
  [
    'los by dr',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      group_by: ['surgeon'],
      order: byMeasure,
    }),
  ],
  ['avg cost per drs', analytics({ group_by: ['surgeon'], order: byMeasure })],
  [
    'readm rate for hip replacement',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      filters: [keep('procedure', HIP)],
    }),
  ],
  ['vol by month', analytics({ measures: [...cases], group_by: ['month'], order: byTime })],
  [
    'pts over 80 avg los',
    analytics({
      measures: [{ measure: 'los', aggregation: 'avg' }],
      conditions: [{ field: 'age', op: '>', value: 80 }],
    }),
  ],
  ['tot rev 2025', analytics({ measures: [{ measure: 'revenue', aggregation: 'sum' }], window: year(2025) })],
  [
    'ttl cost by yr',
    analytics({ measures: [{ measure: 'cost', aggregation: 'sum' }], group_by: ['year'], order: byTime }),
  ],
  ['avg cost per pt for knee replacements', analytics({ filters: [keep('procedure', KNEE)] })],
  ['# of cases by payor', analytics({ measures: [...cases], group_by: ['payor'], order: byMeasure })],
  ['no. of cases in 2025', analytics({ measures: [...cases], window: year(2025) })],
  ['pct of cases readmitted', analytics({ measures: [{ measure: 'readmission_30', aggregation: 'ratio' }] })],
  [
    'med los for tka',
    analytics({ measures: [{ measure: 'los', aggregation: 'median' }], filters: [keep('procedure', KNEE)] }),
  ],
  [
    'median cst by surg',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'median' }],
      group_by: ['surgeon'],
      order: byMeasure,
    }),
  ],
  ['cases by proc', analytics({ measures: [...cases], group_by: ['procedure'], order: byMeasure })],
  [
    'top 5 procs by vol',
    analytics({ measures: [...cases], group_by: ['procedure'], order: byMeasure, limit: 5 }),
  ],
  [
    'avg or mins for tka',
    analytics({ measures: [{ measure: 'time', aggregation: 'avg' }], filters: [keep('procedure', KNEE)] }),
  ],
  ['av cost by provider', analytics({ group_by: ['provider'], order: byMeasure })],
  [
    'cost by mo',
    analytics({ measures: [{ measure: 'cost', aggregation: 'sum' }], group_by: ['month'], order: byTime }),
  ],
  ['cases by dx', analytics({ measures: [...cases], group_by: ['condition'], order: byMeasure })],
  [
    'ttl chgs by payer',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
];

// Finance words: billed revenue for a hospital; a payor's payments, spend and claims paid are its paid amount
// (billed revenue less the discount, as the overview's "Paid amount" tile); a count answers the count only.
const FINANCE: Row[] = [
  [
    'allowed amount by payor',
    analytics({ measures: [{ measure: 'paid', aggregation: 'sum' }], group_by: ['payor'], order: byMeasure }),
  ],
  [
    'total paid amount in 2025',
    analytics({ measures: [{ measure: 'paid', aggregation: 'sum' }], window: year(2025) }),
  ],
  [
    'amount paid for knee replacement',
    analytics({ measures: [{ measure: 'paid', aggregation: 'avg' }], filters: [keep('procedure', KNEE)] }),
  ],
  [
    'claims paid by month',
    analytics({ measures: [{ measure: 'paid', aggregation: 'sum' }], group_by: ['month'], order: byTime }),
  ],
  [
    'charges by surgeon',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['surgeon'],
      order: byMeasure,
    }),
  ],
  [
    'total billed for knee replacement',
    analytics({ measures: [{ measure: 'revenue', aggregation: 'sum' }], filters: [keep('procedure', KNEE)] }),
  ],
  [
    'reimbursement for hip replacement',
    analytics({ measures: [{ measure: 'revenue', aggregation: 'sum' }], filters: [keep('procedure', HIP)] }),
  ],
  [
    'payments by payor',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
  [
    'collections last year',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'write-offs by payor',
    analytics({
      measures: [{ measure: 'discount', aggregation: 'sum' }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
  [
    'how many cases did we bill to aetna',
    analytics({ measures: [...cases], filters: [keep('payor', named('Aetna'))] }),
  ],
  [
    'what did we spend on knee replacements in 2025',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [keep('procedure', KNEE)],
      window: year(2025),
    }),
  ],
];

const PAYOR_FINANCE: Row[] = [
  ['how many claims did we pay', analytics({ measures: [...cases] })],
  [
    'what percent of claims are over 65',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share', where: [{ field: 'age', op: '>', value: 65 }] }],
    }),
  ],
  [
    'how many claims did we pay for knee replacements in 2025',
    analytics({ measures: [...cases], filters: [keep('procedure', KNEE)], window: year(2025) }),
  ],
  [
    "total payments to St. Luke's in 2025",
    analytics({
      measures: [{ measure: 'paid', aggregation: 'sum' }],
      filters: [keep('provider', named("St. Luke's"))],
      window: year(2025),
    }),
  ],
  [
    'reimbursement by payer for tka',
    analytics({
      measures: [{ measure: 'paid', aggregation: 'sum' }],
      group_by: ['payor'],
      filters: [keep('procedure', KNEE)],
      order: byMeasure,
    }),
  ],
  [
    "what's our spend on knee replacements",
    analytics({ measures: [{ measure: 'paid', aggregation: 'avg' }], filters: [keep('procedure', KNEE)] }),
  ],
  [
    'what did we pay out for cabg last year',
    analytics({
      measures: [{ measure: 'paid', aggregation: 'sum' }],
      filters: [keep('procedure', { id: '33533', name: 'Coronary artery bypass' })],
      window: { kind: 'relative', period: 'last_year' },
    }),
  ],
  [
    'total billed for knee replacement',
    analytics({ measures: [{ measure: 'revenue', aggregation: 'sum' }], filters: [keep('procedure', KNEE)] }),
  ],
  ['avg cost of knee replacement', analytics({ filters: [keep('procedure', KNEE)] })],
];

// "what percent of cases are over 65": the share of the cases (of each group) meeting the conditions.
const over65 = [{ field: 'age', op: '>', value: 65 }] as const;
const SHARE_CONDITIONS: Row[] = [
  [
    'what percent of cases are over 65',
    analytics({ measures: [{ measure: 'cases', aggregation: 'share', where: [...over65] }] }),
  ],
  [
    'what percentage of patients are over 80',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share', where: [{ field: 'age', op: '>', value: 80 }] }],
    }),
  ],
  [
    'what proportion of cases stay longer than 5 days',
    analytics({
      measures: [
        { measure: 'cases', aggregation: 'share', where: [{ field: 'los_days', op: '>', value: 5 }] },
      ],
    }),
  ],
  [
    'what fraction of cases cost more than $20k',
    analytics({
      measures: [
        { measure: 'cases', aggregation: 'share', where: [{ field: 'cost', op: '>', value: 20000 }] },
      ],
    }),
  ],
  [
    'what percent of cases had or time over 3 hours',
    analytics({
      measures: [
        { measure: 'cases', aggregation: 'share', where: [{ field: 'or_minutes', op: '>', value: 180 }] },
      ],
    }),
  ],
  [
    'share of cases over 65 by payor',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share', where: [...over65] }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
  [
    'what percent of knee replacements are over 65',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share', where: [...over65] }],
      filters: [keep('procedure', KNEE)],
    }),
  ],
  [
    'pct of pts under 18 in 2025',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share', where: [{ field: 'age', op: '<', value: 18 }] }],
      window: year(2025),
    }),
  ],
  [
    'share of cases for patients over 65',
    analytics({ measures: [{ measure: 'cases', aggregation: 'share', where: [...over65] }] }),
  ],
  // The part is a named value: the cases over 65 are the whole.
  [
    'what share of cases over 65 are medicare',
    analytics({
      measures: [{ measure: 'cases', aggregation: 'share' }],
      group_by: ['payor'],
      conditions: [...over65],
      order: byMeasure,
    }),
  ],
  [
    'what percent of cases were readmitted',
    analytics({ measures: [{ measure: 'readmission_30', aggregation: 'ratio' }] }),
  ],
  [
    'what % of our cases were readmitted within 30 days',
    analytics({ measures: [{ measure: 'readmission_30', aggregation: 'ratio' }] }),
  ],
  [
    '30 day readmits by payor',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
  [
    'how many patients over 80',
    analytics({ measures: [...cases], conditions: [{ field: 'age', op: '>', value: 80 }] }),
  ],
];

// Question forms found in QA: which month, noun before its superlative, best/worst by a figure where less is
// better, "A vs B <noun>", what is counted, typical patients, "65+".
const FORMS_QA: Row[] = [
  ['surgeons by volume', analytics({ measures: [...cases], group_by: ['surgeon'], order: byMeasure })],
  [
    'payors by revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
  [
    'readmission % by provider',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['provider'],
      order: byMeasure,
    }),
  ],
  ['who is our biggest payer', analytics({ measures: [...cases], group_by: ['payor'], order: byMeasure })],
  [
    'who are our top 3 payors by revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['payor'],
      order: byMeasure,
      limit: 3,
    }),
  ],
  [
    'who are our top 5 surgeons by revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['surgeon'],
      order: byMeasure,
      limit: 5,
    }),
  ],
  [
    'is cigna paying more than aetna for knee replacements',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'avg' }],
      filters: [keep('procedure', KNEE)],
      comparison: { kind: 'values', dimension: 'payor', values: [named('Cigna'), named('Aetna')] },
    }),
  ],
  [
    'how many surgeons do we have',
    analytics({ measures: [...cases], group_by: ['surgeon'], order: byMeasure }),
  ],
  ['how many payors', analytics({ measures: [...cases], group_by: ['payor'], order: byMeasure })],
  ['how many procedures did we do in 2025', analytics({ measures: [...cases], window: year(2025) })],
  [
    'which month had the most cases',
    analytics({ measures: [...cases], group_by: ['month'], order: byMeasure }),
  ],
  [
    'which quarter had the highest revenue',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      group_by: ['quarter'],
      order: byMeasure,
    }),
  ],
  ['dx with highest avg cost', analytics({ group_by: ['condition'], order: byMeasure })],
  [
    'procedure with the lowest margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['procedure'],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'worst 5 procedures by readmission rate',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['procedure'],
      order: byMeasure,
      limit: 5,
    }),
  ],
  [
    'best 5 surgeons by readmission rate',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'asc' },
      limit: 5,
    }),
  ],
  [
    'which payor has the worst discount rate',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'desc' },
    }),
  ],
  [
    'which surgeon has the best readmission rate',
    analytics({
      measures: [{ measure: 'readmission_30', aggregation: 'ratio' }],
      group_by: ['surgeon'],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'which payor has the worst margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: { by: 'measure', index: 0, direction: 'asc' },
    }),
  ],
  [
    'worst 3 providers by margin',
    analytics({
      measures: [{ measure: 'margin', aggregation: 'ratio' }],
      group_by: ['provider'],
      order: { by: 'measure', index: 0, direction: 'asc' },
      limit: 3,
    }),
  ],
  [
    'knee vs hip replacement cost',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      comparison: { kind: 'values', dimension: 'procedure', values: [KNEE, HIP] },
    }),
  ],
  [
    'how much did medicare pay us in 2025',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      filters: [keep('payor', named('Medicare'))],
      window: year(2025),
    }),
  ],
  ['how much does a knee replacement cost', analytics({ filters: [keep('procedure', KNEE)] })],
  [
    'how much did we bill aetna',
    analytics({
      measures: [{ measure: 'revenue', aggregation: 'sum' }],
      filters: [keep('payor', named('Aetna'))],
    }),
  ],
  ['number of claims by payor', analytics({ measures: [...cases], group_by: ['payor'], order: byMeasure })],
  [
    'avg discount % by payer',
    analytics({
      measures: [{ measure: 'discount_rate', aggregation: 'ratio' }],
      group_by: ['payor'],
      order: byMeasure,
    }),
  ],
  [
    'cost of knee replacement for 65+',
    analytics({
      measures: [{ measure: 'cost', aggregation: 'sum' }],
      filters: [keep('procedure', KNEE)],
      conditions: [{ field: 'age', op: '>=', value: 65 }],
    }),
  ],
  ['average cost of knee replacement patient', analytics({ filters: [keep('procedure', KNEE)] })],
  [
    'typical hip replacement patient',
    {
      workflow: 'dashboard',
      plan: {
        measures: ['revenue', 'cost', 'profit', 'los', 'time'],
        filters: [keep('procedure', HIP)],
        conditions: [],
        window: DEFAULT_WINDOW,
      },
    },
  ],
];

function read(question: string, previous?: ParsedQuery) {
  return parseQuestion(question, contextWith(previous ? { previous } : {}));
}

const CATEGORIES: [string, Row[]][] = [
  ['breakdowns by procedure, time and two dimensions', BREAKDOWNS],
  ['aggregations: median, percentiles, counts, shares, ratios, min and max', AGGREGATIONS],
  ['question forms, rankings, comparisons and overviews', FORMS],
  ['thresholds on grouped figures and on cases', THRESHOLDS],
  ['workflows: predictions, simulations and look-ups', WORKFLOWS],
  ['clipped and vowel-dropped shorthand', SHORTHAND],
  ['finance words for a hospital', FINANCE],
  ['the share of cases meeting a condition', SHARE_CONDITIONS],
  ['question forms found in QA', FORMS_QA],
];

for (const [category, rows] of CATEGORIES) {
  describe(category, () => {
    it.each(rows)('%s', (question, plan) => {
      const outcome = read(question);
      expect(outcome.kind, outcome.kind === 'query' ? '' : JSON.stringify(outcome)).toBe('query');
      if (outcome.kind === 'query') expect(outcome.query).toEqual(plan);
    });
  });
}

describe('finance words for a payor organization', () => {
  it.each(PAYOR_FINANCE)('%s', (question, plan) => {
    const outcome = parseQuestion(question, contextWith({ orgType: 'payor' }));
    expect(outcome.kind, outcome.kind === 'query' ? '' : JSON.stringify(outcome)).toBe('query');
    if (outcome.kind === 'query') expect(outcome.query).toEqual(plan);
  });
});

// Words that look like a name and match none: "not found" with the closest names, never a clarifying question
// among names that share only a word with it, and never a name looked up for an everyday word.
const NOT_FOUND: [string, RegExp][] = [
  ['how many nurses do we have', /"nurses" is not something it holds/],
  // A word let go might have been the figure: a bare breakdown is not answered with a count of cases.
  ['fnord by payor', /^Tell me which figure you want/],
  ['cases over $100k', /^Tell me which figure (?:of a case )?must be over \$100k/],
  ['how many procedures over $50k', /^Tell me which figure must be over \$50k/],
  ['average cost of heart transplant', /didn't find "heart transplant"/],
  ['how many heart transplants last year', /didn't find "heart transplants"/],
  ['revenue for knee transplant', /didn't find "knee transplant"/],
  ['avg allowed per claim for mri', /didn't find "mri"/],
  ['cost for ent in 2025', /didn't find "ent"/],
  ['cost of diabetes insipidus', /didn't find "?diabetes/],
];

// One figure per unit of another is a ratio the model does not hold: said so, never two averages in its place.
const UNIT_RATIOS: [string, RegExp][] = [
  ['cost per minute of OR time', /^Cost per OR minute is not a figure I compute/],
  ['cost per OR minute', /^Cost per OR minute is not a figure I compute/],
  ['cost per day for sepsis', /^Cost per day of stay is not a figure I compute/],
  ['daily cost for knee replacements', /^Cost per day of stay is not a figure I compute/],
  ['revenue per day of stay', /^Revenue per day of stay is not a figure I compute/],
  ['cost per los day by payor', /^Cost per day of stay is not a figure I compute/],
  ['margin per or hour', /^Margin per OR hour is not a figure I compute/],
];

describe('a figure per unit of another figure', () => {
  it.each(UNIT_RATIOS)('%s', (question, message) => {
    const outcome = read(question);
    expect(outcome.kind, JSON.stringify(outcome)).toBe('refuse');
    if (outcome.kind === 'refuse') expect(outcome.message).toMatch(message);
  });
  it.each<Row>([
    ['how many minutes per case', analytics({ measures: [{ measure: 'time', aggregation: 'avg' }] })],
    [
      'how many days do knee replacement patients stay',
      analytics({ measures: [{ measure: 'los', aggregation: 'avg' }], filters: [keep('procedure', KNEE)] }),
    ],
    ['avg OR minutes per case', analytics({ measures: [{ measure: 'time', aggregation: 'avg' }] })],
    ['cost per case', analytics({})],
  ])('a unit asked per case is its average: %s', (question, plan) => {
    const outcome = read(question);
    expect(outcome.kind, JSON.stringify(outcome)).toBe('query');
    if (outcome.kind === 'query') expect(outcome.query).toEqual(plan);
  });
});

describe('names that match nothing', () => {
  it.each(NOT_FOUND)('%s', (question, message) => {
    const outcome = read(question);
    expect(outcome.kind, JSON.stringify(outcome)).toBe('refuse');
    if (outcome.kind === 'refuse') expect(outcome.message).toMatch(message);
  });
  it.each<Row>([
    [
      'what did we lose on knee replacements',
      analytics({
        measures: [{ measure: 'profit', aggregation: 'sum' }],
        filters: [keep('procedure', KNEE)],
      }),
    ],
    ['avg cost for bcbs', analytics({ filters: [keep('payor', named('Blue Cross Blue Shield'))] })],
  ])('everyday words are not names: %s', (question, plan) => {
    const outcome = read(question);
    expect(outcome.kind, JSON.stringify(outcome)).toBe('query');
    if (outcome.kind === 'query') expect(outcome.query).toEqual(plan);
  });
});

describe('follow-ups change the last plan', () => {
  it.each(FOLLOW_UPS)('after "%s": %s', (first, question, plan) => {
    const before = read(first);
    expect(before.kind).toBe('query');
    if (before.kind !== 'query') return;
    const outcome = read(question, before.query);
    expect(outcome.kind, JSON.stringify(outcome)).toBe('query');
    if (outcome.kind === 'query') expect(outcome.query).toEqual(plan);
  });
});

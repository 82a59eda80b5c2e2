import * as z from 'zod/mini';
import { WORKFLOWS } from './query-plan';

// The dashboard home (`/api/v1/dashboard/`): the organization at a glance, and answers pinned to stay current.
// A pin stores the question, its typed plan and the reading; its card runs the plan again on the current data.

const DateRange = z.object({ from: z.string(), to: z.string() });
export type DateRange = z.infer<typeof DateRange>;

const KPI_KEYS = [
  'cases',
  'hospital_revenue',
  'paid_amount',
  'cost',
  'margin',
  'discount_rate',
  'avg_los',
  'avg_or_minutes',
  'readmission_rate',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export const Kpi = z.object({
  key: z.enum(KPI_KEYS),
  label: z.string(),
  /** `USD`, `%`, `days`, `minutes` or `cases`. */
  unit: z.string(),
  value: z.nullable(z.number()),
  previous: z.nullable(z.number()),
  /** Relative change in % for amounts; for figures already in % (margin, rates), the change in points. */
  change: z.nullable(z.number()),
  change_unit: z.enum(['%', 'points']),
  /** Whether a rise is good news (cost and readmissions are not), so the page colours the change honestly. */
  higher_is_better: z.boolean(),
  /** One value per month of the window, oldest first (null where the month has no cases). */
  series: z.array(z.nullable(z.number())),
});
export type Kpi = z.infer<typeof Kpi>;

export const TopProcedure = z.object({
  code: z.string(),
  name: z.string(),
  cases: z.number(),
  /** Margin in % (ratio of sums); null when no case has hospital revenue. */
  margin: z.nullable(z.number()),
});
export type TopProcedure = z.infer<typeof TopProcedure>;

export const Coverage = z.object({
  cases: z.number(),
  first_admit: z.nullable(z.string()),
  last_admit: z.nullable(z.string()),
  files: z.number(),
  last_upload: z.nullable(z.string()),
  rows_rejected: z.number(),
});
export type Coverage = z.infer<typeof Coverage>;

export const Overview = z.object({
  organization_type: z.enum(['hospital', 'provider', 'payor']),
  /** The 12 months ending at the latest admit date, and the 12 before them; null when there are no cases. */
  window: z.nullable(DateRange),
  previous_window: z.nullable(DateRange),
  /** Month slices of the window, oldest first, matching every KPI's `series`. */
  months: z.array(DateRange),
  kpis: z.array(Kpi),
  top_by_volume: z.array(TopProcedure),
  /** Null with `top_by_margin_refusal` for a payor: margin needs hospital revenue. */
  top_by_margin: z.nullable(z.array(TopProcedure)),
  top_by_margin_refusal: z.nullable(z.string()),
  /** Procedures need at least this many cases in the window to rank by margin. */
  margin_min_cases: z.number(),
  coverage: Coverage,
  data_version: z.number(),
  computed_at: z.string(),
});
export type Overview = z.infer<typeof Overview>;

export const PIN_TITLE_MAX = 120;
const PIN_QUESTION_MAX = 2000;

export const Pin = z.object({
  id: z.string(),
  title: z.string(),
  question: z.string(),
  reading: z.string(),
  workflow: z.enum(WORKFLOWS),
  /** The stored plan as it was pinned; the card checks it against the current model before running it. */
  plan: z.unknown(),
  shared: z.boolean(),
  /** Whether the caller owns the card (only the owner renames, shares, reorders or removes it). */
  is_owner: z.boolean(),
  owner_name: z.string(),
  position: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Pin = z.infer<typeof Pin>;

export const PinList = z.object({ results: z.array(Pin), next_cursor: z.null() });
export type PinList = z.infer<typeof PinList>;

export const CreatePinRequest = z.object({
  // Lengths are counted as sent, before trimming, as the OpenAPI document states them.
  question: z.string().check(z.maxLength(PIN_QUESTION_MAX), z.trim(), z.minLength(1)),
  reading: z.string().check(z.maxLength(4000)),
  workflow: z.enum(WORKFLOWS),
  plan: z.unknown(),
  title: z.optional(z.string().check(z.maxLength(PIN_TITLE_MAX), z.trim(), z.minLength(1))),
});
export type CreatePinRequest = z.infer<typeof CreatePinRequest>;

export const UpdatePinRequest = z.object({
  title: z.optional(z.string().check(z.maxLength(PIN_TITLE_MAX), z.trim(), z.minLength(1))),
  shared: z.optional(z.boolean()),
});
export type UpdatePinRequest = z.infer<typeof UpdatePinRequest>;

export const PinOrderRequest = z.object({
  ids: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(200)),
});
export type PinOrderRequest = z.infer<typeof PinOrderRequest>;

const CardColumn = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['string', 'integer', 'number', 'currency', 'percent', 'date']),
  unit: z.optional(z.string()),
});

export const CARD_ROWS_MAX = 50;

/** A pinned card's figures, run against the current data. */
export const CardResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    pin_id: z.string(),
    columns: z.array(CardColumn),
    /** At most CARD_ROWS_MAX rows; `row_count` says how many the answer has. */
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    row_count: z.number(),
    chart: z.nullable(
      z.object({
        kind: z.enum(['bar', 'line', 'histogram', 'interval']),
        x: z.string(),
        y: z.array(z.string()),
      }),
    ),
    cases: z.number(),
    /** The admit dates the window resolved to when it ran; null for all time. */
    dates: z.nullable(DateRange),
    data_through: z.nullable(z.string()),
    data_version: z.number(),
    notes: z.array(z.string()),
    computed_at: z.string(),
  }),
  /** The stored plan no longer fits the semantic model or the data: the message says why; re-ask the question. */
  z.object({ status: z.literal('invalid'), pin_id: z.string(), message: z.string() }),
  /** The plan is valid but could not run now (a deadline, a refusal); trying again may work. */
  z.object({ status: z.literal('failed'), pin_id: z.string(), message: z.string() }),
]);
export type CardResult = z.infer<typeof CardResult>;

export const CardResultList = z.object({ results: z.array(CardResult) });
export type CardResultList = z.infer<typeof CardResultList>;

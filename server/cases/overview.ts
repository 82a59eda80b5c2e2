import type { DateRange, Kpi, KpiKey, TopProcedure } from '../../src/contract/dashboard';
import { addDays, addMonths, isIsoDate } from '../lib/dates';
import { refuseHospitalOnly, round } from './metrics';
import type { OrgDatabase, QueryRow } from './org-database';
import { type CaseOverview, type EngineOptions, EngineRefusal, type OrgType } from './types';

// The dashboard's "organization at a glance": KPI tiles over the 12 months ending at the latest admit date
// beside the 12 months before, a month-by-month series, and the leading procedures. One scan buckets every case
// of both windows into 24 month slices; window figures are sums of slices, ratios are ratios of those sums, the
// same definitions the semantic model uses (margin = Σprofit ÷ Σhospital revenue, rates of sums, not averages).

const MONTHS = 12;
const TOP = 5;
/** A procedure needs this many cases in the window before its margin ranks; a handful of cases is noise. */
export const MARGIN_MIN_CASES = 30;

interface Sums {
  n: number;
  hr: number | null;
  cost: number | null;
  mNum: number | null;
  mDen: number | null;
  rev: number | null;
  disc: number | null;
  paid: number | null;
  losSum: number | null;
  losN: number;
  orSum: number | null;
  orN: number;
  readmSum: number | null;
  readmN: number;
}

const EMPTY: Sums = {
  n: 0,
  hr: null,
  cost: null,
  mNum: null,
  mDen: null,
  rev: null,
  disc: null,
  paid: null,
  losSum: null,
  losN: 0,
  orSum: null,
  orN: 0,
  readmSum: null,
  readmN: 0,
};

const SUM_COLUMNS = `CAST(count(*) AS BIGINT) AS n,
  sum(hospital_revenue) AS hr,
  sum(cost) AS cost,
  sum(hospital_revenue - cost) AS m_num,
  sum(CASE WHEN cost IS NOT NULL THEN hospital_revenue END) AS m_den,
  sum(revenue) AS rev,
  sum(discount) AS disc,
  sum(revenue - discount) AS paid,
  sum(los_days) AS los_sum, CAST(count(los_days) AS BIGINT) AS los_n,
  sum(or_minutes) AS or_sum, CAST(count(or_minutes) AS BIGINT) AS or_n,
  sum(readmitted_30) AS readm_sum, CAST(count(readmitted_30) AS BIGINT) AS readm_n`;

/** SUM_COLUMNS again, over rows that already hold them (one per day). */
const DAY_SUM_COLUMNS = `CAST(sum(n) AS BIGINT) AS n, sum(hr) AS hr, sum(cost) AS cost, sum(m_num) AS m_num,
  sum(m_den) AS m_den, sum(rev) AS rev, sum(disc) AS disc, sum(paid) AS paid,
  sum(los_sum) AS los_sum, CAST(sum(los_n) AS BIGINT) AS los_n,
  sum(or_sum) AS or_sum, CAST(sum(or_n) AS BIGINT) AS or_n,
  sum(readm_sum) AS readm_sum, CAST(sum(readm_n) AS BIGINT) AS readm_n`;

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function sumsOf(row: QueryRow): Sums {
  return {
    n: num(row.n) ?? 0,
    hr: num(row.hr),
    cost: num(row.cost),
    mNum: num(row.m_num),
    mDen: num(row.m_den),
    rev: num(row.rev),
    disc: num(row.disc),
    paid: num(row.paid),
    losSum: num(row.los_sum),
    losN: num(row.los_n) ?? 0,
    orSum: num(row.or_sum),
    orN: num(row.or_n) ?? 0,
    readmSum: num(row.readm_sum),
    readmN: num(row.readm_n) ?? 0,
  };
}

const plus = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

function add(a: Sums, b: Sums): Sums {
  return {
    n: a.n + b.n,
    hr: plus(a.hr, b.hr),
    cost: plus(a.cost, b.cost),
    mNum: plus(a.mNum, b.mNum),
    mDen: plus(a.mDen, b.mDen),
    rev: plus(a.rev, b.rev),
    disc: plus(a.disc, b.disc),
    paid: plus(a.paid, b.paid),
    losSum: plus(a.losSum, b.losSum),
    losN: a.losN + b.losN,
    orSum: plus(a.orSum, b.orSum),
    orN: a.orN + b.orN,
    readmSum: plus(a.readmSum, b.readmSum),
    readmN: a.readmN + b.readmN,
  };
}

const ratio = (top: number | null, bottom: number | null, scale = 1) =>
  top === null || bottom === null || bottom === 0 ? null : (scale * top) / bottom;

interface KpiSpec {
  key: KpiKey;
  label: string;
  unit: string;
  higherIsBetter: boolean;
  /** Figures already in % change by points, amounts by a relative %. */
  isRate: boolean;
  value(sums: Sums): number | null;
  /** Hospital-only figures (refused for a payor, as the agent refuses them). */
  metric?: 'hospital_revenue' | 'margin';
}

const KPIS: KpiSpec[] = [
  { key: 'cases', label: 'Cases', unit: 'cases', higherIsBetter: true, isRate: false, value: (s) => s.n },
  {
    key: 'hospital_revenue',
    label: 'Hospital revenue',
    unit: 'USD',
    higherIsBetter: true,
    isRate: false,
    value: (s) => s.hr,
    metric: 'hospital_revenue',
  },
  {
    key: 'paid_amount',
    label: 'Paid amount',
    unit: 'USD',
    higherIsBetter: false,
    isRate: false,
    value: (s) => s.paid,
  },
  { key: 'cost', label: 'Cost', unit: 'USD', higherIsBetter: false, isRate: false, value: (s) => s.cost },
  {
    key: 'margin',
    label: 'Margin',
    unit: '%',
    higherIsBetter: true,
    isRate: true,
    value: (s) => ratio(s.mNum, s.mDen, 100),
    metric: 'margin',
  },
  {
    key: 'discount_rate',
    label: 'Discount rate',
    unit: '%',
    higherIsBetter: true,
    isRate: true,
    value: (s) => ratio(s.disc, s.rev, 100),
  },
  {
    key: 'avg_los',
    label: 'Average length of stay',
    unit: 'days',
    higherIsBetter: false,
    isRate: false,
    value: (s) => ratio(s.losSum, s.losN),
  },
  {
    key: 'avg_or_minutes',
    label: 'Average OR time',
    unit: 'minutes',
    higherIsBetter: false,
    isRate: false,
    value: (s) => ratio(s.orSum, s.orN),
  },
  {
    key: 'readmission_rate',
    label: '30-day readmission rate',
    unit: '%',
    higherIsBetter: false,
    isRate: true,
    value: (s) => ratio(s.readmSum, s.readmN, 100),
  },
];

/** Which tiles an organization sees: a payor has no hospital revenue, so paid amount and discount rate instead. */
function kpisFor(orgType: OrgType): KpiSpec[] {
  const hidden: KpiKey[] =
    orgType === 'payor' ? ['hospital_revenue', 'margin'] : ['paid_amount', 'discount_rate'];
  return KPIS.filter((spec) => {
    if (hidden.includes(spec.key)) return false;
    if (spec.metric) refuseHospitalOnly(orgType, spec.metric);
    return true;
  });
}

const DIGITS: Record<string, number> = { USD: 2, '%': 2, days: 2, minutes: 1, cases: 0 };

function kpiOf(spec: KpiSpec, current: Sums, previous: Sums, slices: Sums[]): Kpi {
  const value = spec.value(current);
  const before = previous.n > 0 ? spec.value(previous) : null;
  let change: number | null = null;
  if (value !== null && before !== null) {
    change = spec.isRate ? value - before : before === 0 ? null : (100 * (value - before)) / Math.abs(before);
  }
  const digits = DIGITS[spec.unit] ?? 2;
  return {
    key: spec.key,
    label: spec.label,
    unit: spec.unit,
    value: round(value, digits),
    previous: round(before, digits),
    change: round(change, 1),
    change_unit: spec.isRate ? 'points' : '%',
    higher_is_better: spec.higherIsBetter,
    series: slices.map((slice) => (slice.n === 0 ? null : round(spec.value(slice), digits))),
  };
}

/** The 24 month slices, oldest first: slice 23 ends at `last`, each one calendar month long. */
export function monthSlices(last: string): DateRange[] {
  return Array.from({ length: 2 * MONTHS }, (_, index) => {
    const back = 2 * MONTHS - index;
    return { from: addDays(addMonths(last, -back), 1), to: addMonths(last, -(back - 1)) };
  });
}

const literal = (date: string) => {
  if (!isIsoDate(date)) throw new EngineRefusal('invalid_request', `Not a date: ${date}`);
  return `DATE '${date}'`;
};

export async function computeOverview(
  database: OrgDatabase,
  orgType: OrgType,
  options: EngineOptions = {},
): Promise<CaseOverview> {
  const specs = kpisFor(orgType);
  const [bounds] = await database.query(
    `SELECT CAST(count(*) AS BIGINT) AS n, CAST(min(admit_date) AS VARCHAR) AS first_admit,
       CAST(max(admit_date) AS VARCHAR) AS last_admit FROM cases`,
    [],
    options.signal,
  );
  const cases = num(bounds?.n) ?? 0;
  const firstAdmit = typeof bounds?.first_admit === 'string' ? bounds.first_admit : null;
  const lastAdmit = typeof bounds?.last_admit === 'string' ? bounds.last_admit : null;
  if (!lastAdmit) {
    return {
      window: null,
      previousWindow: null,
      months: [],
      kpis: specs.map((spec) => kpiOf(spec, EMPTY, EMPTY, [])),
      topByVolume: [],
      topByMargin: orgType === 'payor' ? null : [],
      topByMarginRefusal: marginRefusal(orgType),
      cases,
      firstAdmit,
      lastAdmit,
    };
  }
  const slices = monthSlices(lastAdmit);
  const first = slices[0]!;
  const current = { from: slices[MONTHS]!.from, to: lastAdmit };
  const bucket = `CASE ${slices
    .map((slice, index) => ({ slice, index }))
    .reverse()
    .map(({ slice, index }) => `WHEN day >= ${literal(slice.from)} THEN ${index}`)
    .join(' ')} END`;
  // One query after the other: the dashboard gives the overview one lane of its work, like a card, and the two
  // take as long in a row as side by side on a busy machine (measured at 1M cases).
  // Days first, then slices: grouping a million rows on their date is cheap, while the slice's CASE of 24
  // comparisons is not; over some 730 days it costs nothing. Sums of sums and counts of counts are the same figures.
  const sliceRows = await database.query(
    `WITH days AS (
         SELECT admit_date AS day, ${SUM_COLUMNS} FROM cases
         WHERE admit_date BETWEEN ${literal(first.from)} AND ${literal(lastAdmit)} GROUP BY admit_date
       )
       SELECT ${bucket} AS slice, ${DAY_SUM_COLUMNS} FROM days GROUP BY slice`,
    [],
    options.signal,
  );
  const procedureRows = await database.query(
    `SELECT procedure_code AS code, min(procedure_name) AS name, CAST(count(*) AS BIGINT) AS n,
         100 * sum(hospital_revenue - cost) / NULLIF(sum(CASE WHEN cost IS NOT NULL THEN hospital_revenue END), 0) AS margin
       FROM cases WHERE admit_date BETWEEN ${literal(current.from)} AND ${literal(current.to)}
         AND procedure_code IS NOT NULL
       GROUP BY procedure_code`,
    [],
    options.signal,
  );
  const bySlice: Sums[] = slices.map(() => EMPTY);
  for (const row of sliceRows) {
    const index = num(row.slice);
    if (index !== null) bySlice[index] = sumsOf(row);
  }
  const previousSums = bySlice.slice(0, MONTHS).reduce(add, EMPTY);
  const currentSums = bySlice.slice(MONTHS).reduce(add, EMPTY);
  const procedures: TopProcedure[] = procedureRows.map((row) => ({
    code: String(row.code),
    name: typeof row.name === 'string' ? row.name : String(row.code),
    cases: num(row.n) ?? 0,
    margin: round(num(row.margin), 2),
  }));
  const byCode = (a: TopProcedure, b: TopProcedure) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const topByVolume = [...procedures].sort((a, b) => b.cases - a.cases || byCode(a, b)).slice(0, TOP);
  const topByMargin =
    orgType === 'payor'
      ? null
      : procedures
          .filter((item) => item.cases >= MARGIN_MIN_CASES && item.margin !== null)
          .sort((a, b) => (b.margin ?? 0) - (a.margin ?? 0) || byCode(a, b))
          .slice(0, TOP);
  return {
    window: current,
    previousWindow: { from: first.from, to: slices[MONTHS - 1]!.to },
    months: slices
      .slice(MONTHS)
      .map((slice, index) => (index === MONTHS - 1 ? { ...slice, to: lastAdmit } : slice)),
    kpis: specs.map((spec) => kpiOf(spec, currentSums, previousSums, bySlice.slice(MONTHS))),
    topByVolume,
    topByMargin,
    topByMarginRefusal: marginRefusal(orgType),
    cases,
    firstAdmit,
    lastAdmit,
  };
}

function marginRefusal(orgType: OrgType): string | null {
  try {
    refuseHospitalOnly(orgType, 'margin');
    return null;
  } catch (error) {
    if (error instanceof EngineRefusal) return error.message;
    throw error;
  }
}

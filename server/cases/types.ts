import type { MappingColumns } from '../../src/contract/column-mapping';
import type { DateRange, Kpi, TopProcedure } from '../../src/contract/dashboard';
import {
  CLINICAL_DIMENSIONS,
  type Measure,
  ORGANIZATION_DIMENSIONS,
  type OrganizationDimension,
  type PREDICTION_TARGETS,
  type PredictionPlan,
  type QueryPlan,
  type SimulationPlan,
  type TypicalCasePlan,
} from '../../src/contract/query-plan';
import type { ColumnType, EntityKind, OrgType } from './semantic-model';

// The case store's types (contract: "Case data"). The agent's parser produces the query plan's types
// (src/contract/query-plan.ts); the engines answer with the results below.

export const PIVOTS = ORGANIZATION_DIMENSIONS;
export type Pivot = OrganizationDimension;

export const DOMAINS = CLINICAL_DIMENSIONS;

export type { EntityKind, OrgType };

/** What a prediction estimates: the contract's targets (`price` is billed revenue). */
type PredictionMetric = (typeof PREDICTION_TARGETS)[number];

/** Inclusive calendar dates, `YYYY-MM-DD`, filtering on admit_date. */
export interface DateWindow {
  from: string;
  to: string;
}

/** Same shape as the `table` stream event's columns. */
export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  unit?: string;
}

export type Row = Record<string, string | number | null>;

export interface ResultTable {
  title: string;
  columns: Column[];
  rows: Row[];
  /** Rows in the full result; `rows` may hold fewer when `truncated`. */
  rowCount: number;
  truncated: boolean;
}

/** What every engine result carries for provenance. */
interface Provenance {
  /** Every SQL statement that ran, in order, with parameters inlined for reading. */
  sql: string[];
  window: DateWindow | null;
  /** Cases behind the figures. */
  n: number;
  /** Unit of each figure by key, e.g. { cost: 'USD', los: 'days', margin: '%' }. */
  units: Record<string, string>;
}

export interface MatchCandidate {
  kind: EntityKind;
  /** Code for clinical domains; the value itself for dimensions. */
  id: string;
  name: string;
  /** 0..1, higher is better. */
  score: number;
}

export interface Resolution {
  text: string;
  best: MatchCandidate | null;
  alternatives: MatchCandidate[];
  /** True when the best match is not clearly ahead of the next one. */
  ambiguous: boolean;
  /** Shorthand that names several entries together ("OA": every osteoarthritis code): all of them are meant. */
  group?: MatchCandidate[];
}

/** Thrown by engines for a request that cannot be answered as asked (e.g. hospital metric for a payor). */
export class EngineRefusal extends Error {
  constructor(
    readonly reason: 'hospital_only_metric' | 'no_data' | 'invalid_request',
    message: string,
  ) {
    super(message);
    this.name = 'EngineRefusal';
  }
}

// ---- Results -------------------------------------------------------------------------------

export interface ChartHint {
  kind: 'bar' | 'line' | 'histogram' | 'interval';
  /** Index into the result's `tables`. */
  table: number;
  x: string;
  y: string[];
}

/** What every engine returns: tables ready to show, a chart hint, headline figures and provenance. */
export interface EngineResult<Figures> {
  tables: ResultTable[];
  chart: ChartHint | null;
  figures: Figures;
  provenance: Provenance;
  /** Plain sentences a summary should repeat (e.g. a cohort that was widened, a metric left out). */
  notes: string[];
}

export interface Distribution {
  mean: number | null;
  median: number | null;
  p10: number | null;
  p25?: number | null;
  p75?: number | null;
  p90: number | null;
  n: number;
}

/** A typical case: every measure's distribution (null when not asked or not the organization's), for ratio
 *  measures only `mean` (the ratio of sums) and `n`. */
export type TypicalCaseFigures = { cases: number; dates: DateWindow | null } & Record<
  Measure,
  Distribution | null
>;
export type TypicalCaseResult = EngineResult<TypicalCaseFigures>;

export type ConfidenceWord = 'high' | 'moderate' | 'low';

interface PredictionFigures {
  metric: PredictionMetric;
  unit: string;
  estimate: number;
  low: number;
  high: number;
  cases: number;
  confidence: number;
  confidenceWord: ConfidenceWord;
  /** The cohort the estimate came from, in words. */
  cohort: string;
  method: string;
}
export type PredictionResult = EngineResult<PredictionFigures>;

interface SimulationFigures {
  /** Column the change applies to: hospital_revenue for hospitals and providers, revenue for payors, or cost. */
  revenueColumn: 'hospital_revenue' | 'revenue' | 'cost';
  /** Plan simulations: what changes, the base period in words and dates, and the whole base before the change. */
  target?: 'price' | 'cost';
  base?: { label: string; from: string; to: string };
  totalBefore?: number;
  /** Months of the base that hold data; the projection's run-rate divides by these, not by empty months. */
  monthsWithData?: number;
  cases: number;
  before: number;
  after: number;
  net: number;
  percent: number | null;
  projectedBaseline: number;
  projectedAdjusted: number;
  projectedNet: number;
}
export type SimulationResult = EngineResult<SimulationFigures>;

/** What a query plan's run returns: `tables[0]` is the answer table, ordered as the plan asks, with its total row
 *  and the cases behind every figure. */
interface PlanFigures {
  /** Cases in scope. */
  cases: number;
  /** The admit dates the window resolved to; null for all time. */
  dates: DateWindow | null;
  /** One figure per plan measure over the whole scope (the total row), in plan order. */
  totals: (number | null)[];
  /** Time-grain periods (as the table names them) that the window or the data cover only in part, with the
   *  admit dates they do cover: a partial month is never compared as if it were a whole one. */
  partialPeriods?: { period: string; from: string; to: string }[];
}
export type PlanResult = EngineResult<PlanFigures>;

/** The organization at a glance (the dashboard's tiles, top procedures and coverage). */
export interface CaseOverview {
  window: DateRange | null;
  previousWindow: DateRange | null;
  months: DateRange[];
  kpis: Kpi[];
  topByVolume: TopProcedure[];
  topByMargin: TopProcedure[] | null;
  topByMarginRefusal: string | null;
  cases: number;
  firstAdmit: string | null;
  lastAdmit: string | null;
}

// ---- Ingestion, catalog, store ------------------------------------------------------------

export interface IngestSource {
  open(): Promise<NodeJS.ReadableStream>;
  filename: string;
  format: 'csv' | 'tsv' | 'parquet';
  /** The organization's column mapping the file is read with (column-mapping.ts); none: case column names. */
  mapping?: MappingColumns;
  /** Where to write the rejected rows as CSV (original rows plus a reason), when there are any. */
  rejectedRowsFile?: string;
}

export interface IngestError {
  /** 1-based data row in the file (the header is not counted). */
  row: number;
  column: string;
  message: string;
}

export type IngestResult =
  | { kind: 'ingested'; rows: number; rejected_rows: number; errors: IngestError[] }
  | { kind: 'not_case_data'; missing: string[] };

export interface IngestProgress {
  phase: 'reading' | 'validating' | 'writing';
  fraction: number;
}

export interface CatalogEntry {
  kind: EntityKind;
  /** Code for clinical domains; the value itself for dimensions. */
  id: string;
  name: string;
  cases: number;
}

export interface Catalog {
  cases: number;
  firstAdmit: string | null;
  lastAdmit: string | null;
  /** Per kind, most cases first. */
  entities: Record<EntityKind, CatalogEntry[]>;
}

export interface SeedOptions {
  cases?: number;
  seed?: number;
  /** Last admit date of the generated three years, `YYYY-MM-DD`. */
  endDate: string;
}

export interface EngineOptions {
  signal?: AbortSignal;
}

export interface CaseStore {
  ingest(
    orgId: string,
    fileId: string,
    source: IngestSource,
    onProgress?: (progress: IngestProgress) => void,
  ): Promise<IngestResult>;
  removeFile(orgId: string, fileId: string): Promise<{ rows: number }>;
  /** What a committed ingestion of the file recorded, or null: start-up sets interrupted files' status from it. */
  committedIngest(orgId: string, fileId: string): Promise<Extract<IngestResult, { kind: 'ingested' }> | null>;
  seedDemo(orgId: string, orgType: OrgType, options: SeedOptions): Promise<{ rows: number }>;
  countCases(orgId: string): Promise<number>;
  catalog(orgId: string): Promise<Catalog>;
  resolve(orgId: string, text: string, options?: { kinds?: EntityKind[] }): Promise<Resolution>;
  /** A typical case: mean, median and p10–p90 of each measure over the plan's scope. */
  typicalCase(
    orgId: string,
    orgType: OrgType,
    plan: TypicalCasePlan,
    options?: EngineOptions,
  ): Promise<TypicalCaseResult>;
  /** A prediction for a procedure's cohort, narrowed by the plan's filters (surgeon, provider, payor …). */
  predict(
    orgId: string,
    orgType: OrgType,
    plan: PredictionPlan,
    options?: EngineOptions,
  ): Promise<PredictionResult>;
  /** A price or cost change over a base period of the data, projected forward. */
  simulate(
    orgId: string,
    orgType: OrgType,
    plan: SimulationPlan,
    options?: EngineOptions,
  ): Promise<SimulationResult>;
  /** Compiles a query plan to one parameterized DuckDB statement and runs it (contract: "Case data"). */
  runPlan(orgId: string, orgType: OrgType, plan: QueryPlan, options?: EngineOptions): Promise<PlanResult>;
  /** The dashboard's KPIs, series and leading procedures (server/cases/overview.ts). */
  overview(orgId: string, orgType: OrgType, options?: EngineOptions): Promise<CaseOverview>;
  /** How many cases, and the first and last admit date (cached until the cases change). */
  dataSpan(orgId: string): Promise<{ cases: number; firstAdmit: string | null; lastAdmit: string | null }>;
  /**
   * Grows whenever the organization's cases change (ingest, file delete, demo seed); caches key on it. Kept in
   * the organization's DuckDB file, so a restart neither resets it nor repeats an earlier value.
   */
  dataVersion(orgId: string): Promise<number>;
  /** Called after every change to an organization's cases; returns the unsubscribe. */
  onDataChange(listener: (orgId: string) => void): () => void;
  check(): Promise<void>;
  close(): Promise<void>;
}

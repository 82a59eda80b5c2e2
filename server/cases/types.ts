import type { MappingColumns } from '../../src/contract/column-mapping';
import type { QueryPlan } from '../../src/contract/query-plan';

// The typed vocabulary of the case-data engines (contract: "Case data").
// The agent's parser produces these parameters; the engines consume them.

export const METRICS = [
  'revenue',
  'hospital_revenue',
  'profit',
  'margin',
  'cost',
  'discount',
  'los',
  'time',
  'readmission_30',
] as const;
export type Metric = (typeof METRICS)[number];

export const VIEWS = ['detail', 'avg', 'sum'] as const;
export type View = (typeof VIEWS)[number];

export const PIVOTS = ['surgeon', 'payor', 'provider', 'client'] as const;
export type Pivot = (typeof PIVOTS)[number];

export const DOMAINS = ['procedure', 'condition', 'drg'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Anything the resolver can name: a clinical domain or an organizational dimension. */
export type EntityKind = Domain | Pivot;

export const PREDICTION_METRICS = ['price', 'cost', 'time', 'profit'] as const;
export type PredictionMetric = (typeof PREDICTION_METRICS)[number];

export type OrgType = 'hospital' | 'provider' | 'payor';

/** Inclusive calendar dates, `YYYY-MM-DD`, filtering on admit_date. */
export interface DateWindow {
  from: string;
  to: string;
}

/** A clinical entity: `code` is the procedure / condition / DRG code. */
export interface EntityRef {
  domain: Domain;
  code: string;
  name: string;
}

/** Restricts rows to some values of an organizational dimension (e.g. payor = Aetna). */
export interface DimensionFilter {
  dimension: Pivot;
  values: string[];
}

export interface AnalyticsFilters {
  dimensions?: DimensionFilter[];
  /** Keep cases whose metric lies between these percentiles, e.g. [5, 95]. */
  percentileBand?: [number, number];
  /** ICD-10-CM condition codes whose cases are left out. */
  excludeConditions?: string[];
}

export interface DashboardParams {
  entity?: EntityRef;
  window?: DateWindow;
  filters?: Pick<AnalyticsFilters, 'dimensions'>;
}

export interface AnalyticsParams {
  entity?: EntityRef;
  metric: Metric;
  view: View;
  pivot?: Pivot;
  window: DateWindow;
  filters?: AnalyticsFilters;
}

export interface PredictionParams {
  entity: EntityRef;
  metric: PredictionMetric;
  gender?: 'M' | 'F';
  age?: number;
  /** Inclusive ages, e.g. [65, 74]. */
  ageBand?: [number, number];
  /** ICD-10-CM codes of secondary conditions. */
  secondaryConditions?: string[];
}

export interface PriceChange {
  kind: 'percent' | 'flat';
  /** Percent (10 = +10 %) or currency per case. */
  value: number;
}

export interface SimulationParams {
  change: PriceChange;
  scope: { procedures?: string[]; payors?: string[] };
  lookbackMonths: number;
  horizonMonths: number;
}

export type ColumnType = 'string' | 'integer' | 'number' | 'currency' | 'percent' | 'date';

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
export interface Provenance {
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
  p90: number | null;
  n: number;
}

export const DASHBOARD_MEASURES = ['revenue', 'cost', 'profit', 'los', 'time'] as const;
export type DashboardMeasure = (typeof DASHBOARD_MEASURES)[number];

/** `profit` is null for a payor organization (it has no hospital revenue). */
export type DashboardFigures = { cases: number } & Record<DashboardMeasure, Distribution | null>;
export type DashboardResult = EngineResult<DashboardFigures>;

export interface AnalyticsFigures {
  metric: Metric;
  view: View;
  unit: string;
  /** The metric over every case in scope (average, sum or ratio as the view asks). */
  total: number | null;
  cases: number;
  /** Up to five leading pivot values, best first. */
  leaders: { value: string; figure: number | null; cases: number }[];
}
export type AnalyticsResult = EngineResult<AnalyticsFigures>;

export type ConfidenceWord = 'high' | 'moderate' | 'low';

export interface PredictionFigures {
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

export interface SimulationFigures {
  /** Revenue column the change applies to: hospital_revenue for hospitals and providers, revenue for payors. */
  revenueColumn: 'hospital_revenue' | 'revenue';
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
export interface PlanFigures {
  /** Cases in scope. */
  cases: number;
  /** The admit dates the window resolved to; null for all time. */
  dates: DateWindow | null;
  /** One figure per plan measure over the whole scope (the total row), in plan order. */
  totals: (number | null)[];
}
export type PlanResult = EngineResult<PlanFigures>;

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
  seedDemo(orgId: string, orgType: OrgType, options: SeedOptions): Promise<{ rows: number }>;
  countCases(orgId: string): Promise<number>;
  catalog(orgId: string): Promise<Catalog>;
  resolve(orgId: string, text: string, options?: { kinds?: EntityKind[] }): Promise<Resolution>;
  dashboard(
    orgId: string,
    orgType: OrgType,
    params: DashboardParams,
    options?: EngineOptions,
  ): Promise<DashboardResult>;
  analytics(
    orgId: string,
    orgType: OrgType,
    params: AnalyticsParams,
    options?: EngineOptions,
  ): Promise<AnalyticsResult>;
  predictions(
    orgId: string,
    orgType: OrgType,
    params: PredictionParams,
    options?: EngineOptions,
  ): Promise<PredictionResult>;
  simulation(
    orgId: string,
    orgType: OrgType,
    params: SimulationParams,
    options?: EngineOptions,
  ): Promise<SimulationResult>;
  /** Compiles a query plan to one parameterized DuckDB statement and runs it (contract: "Case data"). */
  runPlan(orgId: string, orgType: OrgType, plan: QueryPlan, options?: EngineOptions): Promise<PlanResult>;
  check(): Promise<void>;
  close(): Promise<void>;
}

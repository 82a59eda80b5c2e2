import type {
  AnalyticsParams,
  DateWindow,
  DimensionFilter,
  EntityKind,
  EntityRef,
  Metric,
  PredictionParams,
  SimulationParams,
  View,
} from '../../cases/types';
import { formatDay } from './dates';
import type { ParsedQuery } from './types';

export const METRIC_LABELS: Record<Metric, string> = {
  revenue: 'revenue',
  hospital_revenue: 'hospital revenue',
  profit: 'profit',
  margin: 'margin',
  cost: 'cost',
  discount: 'discount',
  los: 'length of stay',
  time: 'OR time',
  readmission_30: '30-day readmission rate',
};

const KIND_LABELS: Record<EntityKind, string> = {
  procedure: 'procedures',
  condition: 'conditions',
  drg: 'DRGs',
  surgeon: 'surgeons',
  payor: 'payors',
  provider: 'providers',
  client: 'clients',
};

const VIEW_LABELS: Record<View, string> = { avg: 'average', sum: 'total', detail: 'cases with' };
const RATE_METRICS: Metric[] = ['margin', 'readmission_30'];

/** A count question runs as the total cost of the cases; its reading opens with this, so the answer leads with the count. */
export const COUNT_READING = 'number of cases and total ';
export const isCountReading = (reading: string) => reading.startsWith(COUNT_READING);

/** A breakdown asked for its lowest values ("which surgeon has the lowest cost") says so at the end of its reading. */
export const LOWEST_FIRST_READING = ', lowest first';
export const isLowestFirstReading = (reading: string) => reading.endsWith(LOWEST_FIRST_READING);

/** Names for codes that appear only as codes in the parameters (secondary conditions, simulation scope). */
export type CodeNames = Record<string, string>;

export function describeEntity(entity: EntityRef | undefined): string {
  if (!entity) return 'all cases';
  const prefix = entity.domain === 'drg' ? 'DRG ' : '';
  return entity.name && entity.name !== entity.code
    ? `${entity.name} (${prefix}${entity.code})`
    : `${prefix}${entity.code}`;
}

export function describeWindow(window: DateWindow): string {
  return `${formatDay(window.from)} – ${formatDay(window.to)}`;
}

function named(code: string, names: CodeNames): string {
  const name = names[code];
  return name ? `${name} (${code})` : code;
}

function describeDimensions(dimensions: DimensionFilter[] | undefined): string {
  if (!dimensions?.length) return '';
  return ` for ${dimensions.map((filter) => `${filter.dimension} ${filter.values.join(' or ')}`).join(' and ')}`;
}

function describeAnalytics(params: AnalyticsParams, names: CodeNames): string {
  const metric = METRIC_LABELS[params.metric];
  const head =
    params.view === 'detail'
      ? `cases with their ${metric}`
      : params.metric === 'readmission_30' && params.view === 'sum'
        ? 'number of 30-day readmissions'
        : RATE_METRICS.includes(params.metric)
          ? metric
          : `${VIEW_LABELS[params.view]} ${metric}`;
  const parts = [`${head} of ${describeEntity(params.entity)}`];
  if (params.pivot) parts.push(` by ${params.pivot}`);
  parts.push(describeDimensions(params.filters?.dimensions));
  const band = params.filters?.percentileBand;
  if (band) parts.push(` between the ${band[0]}th and ${band[1]}th percentile`);
  const excluded = params.filters?.excludeConditions;
  if (excluded?.length) parts.push(` excluding ${excluded.map((code) => named(code, names)).join(', ')}`);
  return `${parts.join('')}, ${describeWindow(params.window)}`;
}

function describePatient(params: PredictionParams, names: CodeNames): string {
  const person = params.gender === 'F' ? 'woman' : params.gender === 'M' ? 'man' : 'patient';
  const age =
    params.age !== undefined
      ? `a ${params.age}-year-old ${person}`
      : params.ageBand
        ? `a ${person} aged ${params.ageBand[0]}–${params.ageBand[1]}`
        : `a ${person} of any age`;
  const conditions = params.secondaryConditions?.length
    ? ` with ${params.secondaryConditions.map((code) => named(code, names)).join(' and ')}`
    : '';
  return `${age}${conditions}`;
}

function describePrediction(params: PredictionParams, names: CodeNames): string {
  const metric = params.metric === 'time' ? 'OR time' : params.metric;
  return `predicted ${metric} of ${describeEntity(params.entity)} for ${describePatient(params, names)}`;
}

function describeSimulation(params: SimulationParams, names: CodeNames): string {
  const { change, scope } = params;
  const sign = change.value > 0 ? '+' : '−';
  const size =
    change.kind === 'percent'
      ? `${sign}${Math.abs(change.value)}%`
      : `${sign}$${Math.abs(change.value)} per case`;
  const procedures = scope.procedures?.length
    ? scope.procedures.map((code) => named(code, names)).join(', ')
    : 'all procedures';
  const payors = scope.payors?.length ? ` with ${scope.payors.join(', ')}` : '';
  return (
    `simulated ${size} price change for ${procedures}${payors}, based on the last ${params.lookbackMonths} months, ` +
    `projected over the next ${params.horizonMonths} months`
  );
}

/** States in words how a query reads; `names` adds names to codes the parameters carry bare. */
export function describeQuery(query: ParsedQuery, names: CodeNames = {}): string {
  switch (query.workflow) {
    case 'analytics':
      return describeAnalytics(query.params, names);
    case 'dashboard': {
      const { params } = query;
      const window = params.window ? `, ${describeWindow(params.window)}` : '';
      return `overview of ${describeEntity(params.entity)}${describeDimensions(params.filters?.dimensions)}${window}`;
    }
    case 'predictions':
      return describePrediction(query.params, names);
    case 'simulation':
      return describeSimulation(query.params, names);
    case 'entity_resolver': {
      const among = query.kinds?.length
        ? ` among ${query.kinds.map((kind) => KIND_LABELS[kind]).join(', ')}`
        : '';
      return `look up "${query.text}"${among}`;
    }
  }
}

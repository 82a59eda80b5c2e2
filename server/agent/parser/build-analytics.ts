import type {
  AnalyticsFilters,
  AnalyticsParams,
  DashboardParams,
  DimensionFilter,
  OrgType,
  View,
} from '../../cases/types';
import type { AnalyticsParts } from './analytics';
import { METRIC_LABELS } from './describe';
import { refuse } from './problem';
import type { ParsedQuery } from './types';
import { defaultWindow } from './windows';

const HOSPITAL_ONLY = new Set(['hospital_revenue', 'profit', 'margin']);

export interface Built {
  query: ParsedQuery;
  /** True when the question asked for a case count, which the reading must say. */
  isCount: boolean;
}

function mergeDimensions(
  previous: DimensionFilter[] | undefined,
  next: DimensionFilter[],
): DimensionFilter[] {
  const kept = (previous ?? []).filter((filter) => !next.some((item) => item.dimension === filter.dimension));
  return [...kept, ...next];
}

function filtersOf(
  dimensions: DimensionFilter[],
  band: [number, number] | undefined,
  exclude: string[] | undefined,
): AnalyticsFilters | undefined {
  const filters: AnalyticsFilters = {};
  if (dimensions.length > 0) filters.dimensions = dimensions;
  if (band) filters.percentileBand = band;
  if (exclude?.length) filters.excludeConditions = exclude;
  return Object.keys(filters).length > 0 ? filters : undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function askForMetric(parts: AnalyticsParts): never {
  const scope = parts.entity ? ` of ${parts.entity.name}` : '';
  const pivot = parts.pivot ? ` by ${parts.pivot}` : '';
  return refuse(
    `Tell me which figure you want (cost, revenue, margin, profit, discount, length of stay, OR time or 30-day readmissions).`,
    [
      `average cost${scope}${pivot}`,
      `total revenue${scope}${pivot}`,
      `average length of stay${scope}${pivot}`,
    ],
  );
}

/**
 * Turns the parts of an analytics-style question into a query. With a previous analytics or dashboard
 * query, the parts replace only what they mention (a follow-up); otherwise defaults fill the rest.
 */
export function buildAnalytics(
  parts: AnalyticsParts,
  today: string,
  orgType: OrgType,
  previous?: ParsedQuery,
): Built {
  const before = previous?.workflow === 'analytics' ? previous.params : undefined;
  const board: DashboardParams | undefined = previous?.workflow === 'dashboard' ? previous.params : before;
  const entity = parts.clearsEntity ? undefined : (parts.entity ?? board?.entity);
  const window = parts.window ?? board?.window;
  const dimensions = mergeDimensions(board?.filters?.dimensions, parts.dimensions);
  const isCount = parts.view === 'count';
  const view: View | undefined = parts.view === 'count' ? 'sum' : (parts.view ?? before?.view);
  const pivot = parts.dropsPivot ? undefined : (parts.pivot ?? before?.pivot);
  const band = parts.band ?? before?.filters?.percentileBand;
  const exclude = parts.excludeConditions ?? before?.filters?.excludeConditions;
  // A count keeps its own figure (total cost) rather than summing a previous rate such as margin.
  let metric = parts.metric ?? (isCount ? undefined : before?.metric);

  const wantsFigures = metric || isCount || pivot || parts.view || band || exclude?.length;
  if (!wantsFigures || (parts.isDashboard && !parts.metric && !parts.pivot)) {
    const params: DashboardParams = { window: window ?? defaultWindow(today) };
    if (entity) params.entity = entity;
    if (dimensions.length > 0) params.filters = { dimensions };
    return { query: { workflow: 'dashboard', params }, isCount: false };
  }
  if (!metric) {
    if (!isCount && view !== 'detail') askForMetric({ ...parts, ...(entity ? { entity } : {}) });
    metric = 'cost';
  }
  if (HOSPITAL_ONLY.has(metric) && orgType === 'payor') {
    refuse(
      `${capitalize(METRIC_LABELS[metric])} is a hospital-only figure: it depends on hospital revenue, which a payor organization's data does not hold.`,
      ['average cost of knee replacement by surgeon', 'total revenue by provider last year'],
    );
  }
  const params: AnalyticsParams = { metric, view: view ?? 'avg', window: window ?? defaultWindow(today) };
  if (entity) params.entity = entity;
  if (pivot) params.pivot = pivot;
  const filters = filtersOf(dimensions, band, exclude);
  if (filters) params.filters = filters;
  return { query: { workflow: 'analytics', params }, isCount };
}

import type { AnalysisPlan, Measure, MeasureRef, PlanWindow } from '../../../src/contract/query-plan';
import { MEASURE_MODEL, measureAllowed } from '../../cases/semantic-model';
import type { OrgType } from '../../cases/types';
import { addDays, addMonths } from '../../lib/dates';
import type { AnalyticsParts } from './analytics';
import { DEFAULT_WINDOW, fixedWindow, type WindowAnchor, windowDates } from './plan-window';

// "How are we doing", "give me a summary", "how did we do last quarter", "KPIs for 2025": an overview of the
// organization, the dashboard's key figures for the window asked (the last 12 months of data by default) beside
// the window before it, each with its change. It is an analytics plan comparing two windows, so it runs on the
// same engine and definitions as every other figure, and a payor organization gets no hospital-only figure.

/** The dashboard's key figures, at most six (a plan's limit), hospital-only ones left out for payors. */
const KEY_FIGURES: Partial<Record<OrgType, Measure[]>> = {
  hospital: ['cases', 'hospital_revenue', 'cost', 'margin', 'los', 'readmission_30'],
  payor: ['cases', 'revenue', 'discount_rate', 'cost', 'los', 'readmission_30'],
};

/** Periods to date are set beside the same period a year earlier; others beside the period just before. */
const TO_DATE = new Set(['year_to_date', 'quarter_to_date', 'month_to_date', 'fiscal_year_to_date']);

function isMonthEnd(date: string): boolean {
  return addDays(date, 1).endsWith('-01');
}

function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/** The window of the same length just before (or a year before, for a period to date), as fixed dates. */
function previousWindow(window: PlanWindow, dates: { from: string; to: string }): PlanWindow {
  const toDate = window.kind === 'relative' && TO_DATE.has(window.period);
  if (toDate) return fixedWindow({ from: addMonths(dates.from, -12), to: addMonths(dates.to, -12) });
  if (dates.from.endsWith('-01') && isMonthEnd(dates.to)) {
    const months = monthsBetween(dates.from, dates.to);
    const from = addMonths(dates.from, -months);
    return fixedWindow({ from, to: addDays(dates.from, -1) });
  }
  if (window.kind === 'data_trailing') {
    const from = addMonths(dates.from, -window.months);
    return fixedWindow({ from, to: addDays(dates.from, -1) });
  }
  const days = Math.round((Date.parse(dates.to) - Date.parse(dates.from)) / 86_400_000) + 1;
  return fixedWindow({ from: addDays(dates.from, -days), to: addDays(dates.from, -1) });
}

/** True for a plan an overview question became: the key figures, two windows side by side, no breakdown. */
export function isOverviewPlan(plan: AnalysisPlan | undefined, orgType: OrgType): boolean {
  if (plan?.workflow !== 'analytics') return false;
  const { measures, comparison, group_by: groupBy } = plan.plan;
  const keys = (KEY_FIGURES[orgType] ?? []).filter((measure) => measureAllowed(orgType, measure));
  return (
    comparison?.kind === 'windows' &&
    groupBy.length === 0 &&
    measures.length === keys.length &&
    measures.every((ref, index) => ref.measure === keys[index])
  );
}

/** True when the question asks for an overview and names no figure and no breakdown of its own. */
export function asksOverview(parts: AnalyticsParts): boolean {
  return (
    parts.isOverview === true &&
    parts.measures.length === 0 &&
    parts.groupBy.length === 0 &&
    parts.having.length === 0 &&
    parts.aggregation === undefined
  );
}

/** The overview as analytics parts: the key figures over the window asked and the window before it. */
export function overviewParts(parts: AnalyticsParts, orgType: OrgType, anchor: WindowAnchor): AnalyticsParts {
  const measures = (KEY_FIGURES[orgType] ?? KEY_FIGURES.hospital ?? []).filter((measure) =>
    measureAllowed(orgType, measure),
  );
  let windows = parts.windows;
  if (windows.length < 2) {
    const current = windows[0] ?? DEFAULT_WINDOW;
    const dates = windowDates(current, anchor);
    if (dates) {
      const later = current.kind === 'fixed' ? current : fixedWindow(dates);
      windows = [previousWindow(current, dates), later];
    }
  }
  // A breakdown left from an earlier question is not part of an overview; its filters are.
  return { ...parts, measures, windows, isDashboard: false, isOverview: false, dropsGroupBy: true };
}

/** The key figures as the plan holds them: totals for money, the model's own figure for the rest. */
export function overviewMeasures(orgType: OrgType): MeasureRef[] {
  return (KEY_FIGURES[orgType] ?? KEY_FIGURES.hospital ?? [])
    .filter((measure) => measureAllowed(orgType, measure))
    .map((measure) => ({ measure, aggregation: MEASURE_MODEL[measure].rankAggregation }));
}

/**
 * What a follow-up to an overview builds on: its scope and its window, not its two windows side by side ("what
 * about cost by surgeon?" after "how are we doing" is the cost over the window the overview was about).
 */
export function afterOverview(plan: AnalysisPlan, anchor: WindowAnchor): AnalysisPlan {
  if (plan.workflow !== 'analytics' || plan.plan.comparison?.kind !== 'windows') return plan;
  const later = plan.plan.comparison.windows[1];
  const usual = windowDates(DEFAULT_WINDOW, anchor);
  const isUsual = later.kind === 'fixed' && usual?.from === later.from && usual.to === later.to;
  return {
    workflow: 'analytics',
    plan: { ...plan.plan, comparison: null, window: isUsual ? DEFAULT_WINDOW : later },
  };
}

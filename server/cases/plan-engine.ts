import type { QueryPlan, TimeGrain } from '../../src/contract/query-plan';
import { addMonths } from '../lib/dates';
import { round } from './metrics';
import type { OrgDatabase, QueryRow } from './org-database';
import { type CompiledPlan, compilePlan } from './plan-compiler';
import { dayText, periodEnd, resolvePlanWindow, type WindowContext, windowLabel } from './plan-window';
import { numberOrNull, QueryLog } from './query-log';
import { DIMENSION_MODEL, isTimeGrain, memberName } from './semantic-model';
import {
  type ChartHint,
  type Column,
  type DateWindow,
  type EngineOptions,
  EngineRefusal,
  type OrgType,
  type PlanResult,
  type ResultTable,
  type Row,
} from './types';

/** What the organization's data spans; cached by the store and dropped whenever its data changes. */
export interface DataSpan {
  cases: number;
  firstAdmit: string | null;
  lastAdmit: string | null;
}

export async function loadDataSpan(database: OrgDatabase): Promise<DataSpan> {
  const [row] = await database.query(
    `SELECT CAST(count(*) AS INTEGER) AS cases, strftime(min(admit_date), '%Y-%m-%d') AS first_admit,
       strftime(max(admit_date), '%Y-%m-%d') AS last_admit FROM cases`,
  );
  return {
    cases: Number(row?.cases ?? 0),
    firstAdmit: (row?.first_admit as string | null) ?? null,
    lastAdmit: (row?.last_admit as string | null) ?? null,
  };
}

/** Where the organization's cases lie, as a clause: "its cases were admitted from 1 Jan 2023 to 30 Jun 2025". */
export function dataSpanText(span: DataSpan): string {
  if (!span.firstAdmit || !span.lastAdmit) return 'this organization has no case data yet';
  return `this organization's cases were admitted from ${dayText(span.firstAdmit)} to ${dayText(span.lastAdmit)}`;
}

/** An empty window is answered with where the data lies, never with zeros. `window` names it in words. */
export function emptyWindowRefusal(window: string | null, span: DataSpan, scoped: boolean): EngineRefusal {
  if (span.cases === 0 || !span.firstAdmit) {
    return new EngineRefusal('no_data', 'This organization has no case data yet; upload a case file first.');
  }
  const subject = scoped ? 'No cases match this question' : 'No cases were admitted';
  return new EngineRefusal('no_data', `${subject}${window ? ` ${window}` : ''}; ${dataSpanText(span)}.`);
}

const betweenText = (dates: DateWindow | null) =>
  dates ? `between ${dayText(dates.from)} and ${dayText(dates.to)}` : null;

interface PlanContext extends Omit<WindowContext, 'lastAdmit'> {
  span: DataSpan;
}

export async function runQueryPlan(
  database: OrgDatabase,
  orgType: OrgType,
  plan: QueryPlan,
  context: PlanContext,
  options: EngineOptions = {},
): Promise<PlanResult> {
  const windowContext: WindowContext = {
    ...context,
    lastAdmit: context.span.lastAdmit,
    firstAdmit: context.span.firstAdmit,
  };
  const dates = resolvePlanWindow(plan.window, windowContext);
  const windows =
    plan.comparison?.kind === 'windows'
      ? (plan.comparison.windows.map((window) => {
          const windowDates = resolvePlanWindow(window, windowContext);
          return { dates: windowDates, label: windowLabel(window, windowDates) };
        }) as [{ dates: DateWindow | null; label: string }, { dates: DateWindow | null; label: string }])
      : undefined;
  const compiled = compilePlan(plan, { orgType, dates, windows });
  const log = new QueryLog(database, options.signal);
  const rows = await log.run(compiled.sql, compiled.params);

  const total = rows.find((row) => row.is_total === true);
  const groups = rows.filter((row) => row.is_total !== true);
  const cases = windows
    ? Number(total?.cases_1 ?? 0) + Number(total?.cases_2 ?? 0)
    : Number(total?.cases ?? 0);
  if (cases === 0) {
    const scoped =
      plan.filters.length > 0 || plan.conditions.length > 0 || plan.comparison?.kind === 'values';
    const window = windows ? `in ${windows[0].label} or ${windows[1].label}` : betweenText(dates);
    throw emptyWindowRefusal(window, context.span, scoped);
  }
  const notes: string[] = [];
  if (windows) {
    for (const [index, window] of windows.entries()) {
      if (Number(total?.[`cases_${index + 1}`] ?? 0) === 0) {
        notes.push(`No cases fall in ${window.label}; ${dataSpanText(context.span)}.`);
      } else if (window.dates && context.span.lastAdmit && window.dates.to > context.span.lastAdmit) {
        // "2026 vs 2025" in November: the later year is short of a month, and its change says so.
        notes.push(
          `${window.label} is partial: the data ends on ${dayText(context.span.lastAdmit)}, the latest admit date, so it is set against a whole period.`,
        );
      } else if (window.dates && context.span.firstAdmit && window.dates.from < context.span.firstAdmit) {
        notes.push(`${window.label} is partial: the data starts on ${dayText(context.span.firstAdmit)}.`);
      }
    }
  }

  const columns = answerColumns(
    compiled,
    windows?.map((window) => window.label),
  );
  const shaped = groups.map((row) => shapeRow(row, compiled, columns));
  if (compiled.comparedValues) addMissingValues(shaped, compiled, columns, notes, plan.order !== null);
  const groupCount = Number(groups[0]?.group_count ?? 0);
  const truncated = plan.limit === null && groupCount > compiled.rowLimit;
  if (truncated) notes.push(`Showing the first ${compiled.rowLimit} of ${groupCount} rows.`);
  if (plan.having.length > 0 && groups.length === 0) {
    notes.push('No group meets the condition on its figures.');
  }

  const totalRow = total ? shapeRow(total, compiled, columns) : {};
  const dimensionKeys = new Set(compiled.dimensions.flatMap((d) => [d.key, `${d.key}_code`]));
  const figureColumns = columns.filter((column) => !dimensionKeys.has(column.key));
  const title = tableTitle(compiled);
  const tables: ResultTable[] = [];
  if (compiled.dimensions.length > 0) {
    tables.push({
      title,
      columns,
      rows: shaped,
      rowCount: truncated ? groupCount : shaped.length,
      truncated,
    });
    tables.push({
      title: 'All cases in scope',
      columns: figureColumns,
      rows: [Object.fromEntries(figureColumns.map((column) => [column.key, totalRow[column.key] ?? null]))],
      rowCount: 1,
      truncated: false,
    });
  } else {
    tables.push({ title, columns: figureColumns, rows: [totalRow], rowCount: 1, truncated: false });
  }

  const partialPeriods = windows ? [] : partialPeriodsOf(compiled, shaped, dates, context.span);
  for (const { period, from, to } of partialPeriods) {
    notes.push(
      `${period} is partial: it holds only cases admitted ${dayText(from)} – ${dayText(to)}${to === context.span.lastAdmit ? ' (the latest admit date in the data)' : from === context.span.firstAdmit ? ' (the first admit date in the data)' : ''}.`,
    );
  }

  const totals = compiled.measures.map((measure) =>
    numberOrNull(totalRow[windows ? `${measure.key}_2` : measure.key]),
  );
  return {
    tables,
    chart: chartHint(compiled, shaped.length),
    figures: {
      cases,
      dates: windows ? spanOf(windows.map((window) => window.dates)) : dates,
      totals,
      ...(partialPeriods.length ? { partialPeriods } : {}),
    },
    provenance: {
      sql: log.sql,
      window: windows ? spanOf(windows.map((window) => window.dates)) : dates,
      n: cases,
      units: Object.fromEntries(compiled.measures.map((measure) => [measure.key, measure.unit])),
    },
    notes,
  };
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const GRAIN_SIZE: Record<TimeGrain, number> = { month: 1, quarter: 3, year: 12 };

function periodText(grain: TimeGrain, start: string): string {
  const [year, month] = start.split('-').map(Number) as [number, number];
  if (grain === 'year') return String(year);
  if (grain === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${SHORT_MONTHS[month - 1]} ${year}`;
}

/**
 * The row name of the n-th period of two windows set side by side: "Q1" or "Mar" when the windows are whole
 * years a year apart (calendar or fiscal, numbered from the window's start), else both periods ("Apr 2026 /
 * Jul 2026").
 */
function alignedPeriodName(index: number, aligned: NonNullable<CompiledPlan['aligned']>): string {
  const size = GRAIN_SIZE[aligned.grain];
  const [first, second] = aligned.starts.map((start) => addMonths(start, index * size)) as [string, string];
  const [fy, fm, fd] = aligned.starts[0].split('-').map(Number) as [number, number, number];
  const [sy, sm, sd] = aligned.starts[1].split('-').map(Number) as [number, number, number];
  const yearsApart = fd === 1 && sd === 1 && fm === sm && sy > fy;
  // Quarters count from the window's start, so a fiscal year's first quarter is its Q1.
  if (yearsApart && aligned.grain === 'quarter' && (sm - 1) % 3 === 0) return `Q${index + 1}`;
  if (yearsApart && aligned.grain === 'month') return SHORT_MONTHS[Number(second.slice(5, 7)) - 1]!;
  return `${periodText(aligned.grain, first)} / ${periodText(aligned.grain, second)}`;
}

/** The first day of the period a table names: `2025-03`, `2025-Q1`, `2025`. */
function periodOf(label: string): string | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3 - 2).padStart(2, '0')}-01`;
  if (/^\d{4}-\d{2}$/.test(label)) return `${label}-01`;
  if (/^\d{4}$/.test(label)) return `${label}-01-01`;
  return null;
}

/** The first and last periods of a time breakdown that the window and the data cover only in part. */
function partialPeriodsOf(
  compiled: CompiledPlan,
  rows: Row[],
  dates: DateWindow | null,
  span: DataSpan,
): { period: string; from: string; to: string }[] {
  const time = compiled.dimensions.find((dimension) => isTimeGrain(dimension.dimension));
  if (!time || !span.firstAdmit || !span.lastAdmit) return [];
  const grain = time.dimension as TimeGrain;
  const covered = {
    from: dates && dates.from > span.firstAdmit ? dates.from : span.firstAdmit,
    to: dates && dates.to < span.lastAdmit ? dates.to : span.lastAdmit,
  };
  const labels = [...new Set(rows.map((row) => row[time.key]).filter((value) => typeof value === 'string'))]
    .map(String)
    .sort();
  const found: { period: string; from: string; to: string }[] = [];
  labels.forEach((label, index) => {
    if (index !== 0 && index !== labels.length - 1) return;
    const start = periodOf(label);
    if (!start) return;
    const end = periodEnd(grain, start);
    const from = covered.from > start ? covered.from : start;
    const to = covered.to < end ? covered.to : end;
    if ((from !== start || to !== end) && from <= to) found.push({ period: label, from, to });
  });
  return found;
}

function spanOf(windows: (DateWindow | null)[]): DateWindow | null {
  if (windows.some((window) => window === null)) return null;
  const known = windows as DateWindow[];
  return {
    from: known.map((window) => window.from).sort()[0]!,
    to: known
      .map((window) => window.to)
      .sort()
      .at(-1)!,
  };
}

function answerColumns(compiled: CompiledPlan, windowLabels?: string[]): Column[] {
  const columns: Column[] = [];
  for (const { dimension, key } of compiled.dimensions) {
    const model = DIMENSION_MODEL[dimension];
    columns.push({ key, label: model.label, type: 'string' });
    if (model.nameSql) columns.push({ key: `${key}_code`, label: `${model.label} code`, type: 'string' });
  }
  const figure = (measure: CompiledPlan['measures'][number], key: string, label: string): Column => ({
    key,
    label,
    type: measure.type,
    unit: measure.unit,
  });
  if (windowLabels) {
    for (const measure of compiled.measures) {
      columns.push(figure(measure, `${measure.key}_1`, `${measure.label}, ${windowLabels[0]}`));
      columns.push(figure(measure, `${measure.key}_2`, `${measure.label}, ${windowLabels[1]}`));
      columns.push(figure(measure, `${measure.key}_change`, `Change in ${lowerFirst(measure.label)}`));
      columns.push({ key: `${measure.key}_change_pct`, label: '% change', type: 'percent', unit: '%' });
    }
    columns.push({ key: 'cases_1', label: `Cases, ${windowLabels[0]}`, type: 'integer' });
    columns.push({ key: 'cases_2', label: `Cases, ${windowLabels[1]}`, type: 'integer' });
  } else {
    for (const measure of compiled.measures) columns.push(figure(measure, measure.key, measure.label));
    columns.push({ key: 'cases', label: 'Cases', type: 'integer' });
  }
  return columns;
}

const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

function shapeRow(row: QueryRow, compiled: CompiledPlan, columns: Column[]): Row {
  const shaped: Row = {};
  for (const column of columns) {
    const value = row[column.key];
    const dimension = compiled.dimensions.find((d) => d.key === column.key);
    if (dimension) {
      shaped[column.key] = isTimeGrain(dimension.dimension)
        ? compiled.aligned && typeof value === 'number'
          ? alignedPeriodName(value, compiled.aligned)
          : (value as string | null)
        : memberName(dimension.dimension, value === null || value === undefined ? null : String(value));
    } else if (column.type === 'string') {
      shaped[column.key] = value === null || value === undefined ? null : String(value);
    } else if (column.type === 'integer') {
      shaped[column.key] = value === null || value === undefined ? null : Math.round(Number(value));
    } else {
      shaped[column.key] = round(numberOrNull(value));
    }
  }
  return shaped;
}

/** A compared value with no cases still gets its row, so a comparison never silently drops a side. */
function addMissingValues(
  rows: Row[],
  compiled: CompiledPlan,
  columns: Column[],
  notes: string[],
  ordered: boolean,
) {
  const dimension = compiled.dimensions[0]!;
  const model = DIMENSION_MODEL[dimension.dimension];
  const idKey = model.nameSql ? `${dimension.key}_code` : dimension.key;
  const present = new Set(rows.map((row) => String(row[idKey])));
  const values = compiled.comparedValues ?? [];
  for (const value of values) {
    const shownId = model.nameSql ? value.id : memberName(dimension.dimension, value.id);
    if (present.has(shownId)) continue;
    const row: Row = Object.fromEntries(columns.map((column) => [column.key, null]));
    row[dimension.key] = model.nameSql ? value.name : shownId;
    if (model.nameSql) row[idKey] = value.id;
    for (const column of columns) if (column.key.startsWith('cases')) row[column.key] = 0;
    rows.push(row);
    notes.push(`${value.name} has no cases in scope.`);
  }
  if (!ordered) {
    const position = (row: Row) =>
      values.findIndex((value) =>
        model.nameSql ? value.id === row[idKey] : memberName(dimension.dimension, value.id) === row[idKey],
      );
    rows.sort((left, right) => position(left) - position(right));
  }
}

function tableTitle(compiled: CompiledPlan): string {
  const figures = compiled.measures.map((measure) => measure.label);
  const head =
    figures.length > 1
      ? `${figures.slice(0, -1).join(', ')} and ${lowerFirst(figures.at(-1)!)}`
      : figures[0]!;
  if (compiled.dimensions.length === 0) return head;
  return `${head} by ${compiled.dimensions.map((d) => DIMENSION_MODEL[d.dimension].label.toLowerCase()).join(' and ')}`;
}

/** Time → line; a comparison → bars with a series each; otherwise bars; nothing to draw for one row or none. */
function chartHint(compiled: CompiledPlan, rows: number): ChartHint | null {
  if (rows <= 1 || compiled.dimensions.length === 0) return null;
  const [first, second] = compiled.dimensions;
  const x = first!.key;
  const keys = compiled.measures.map((measure) => measure.key);
  const y = compiled.windowed
    ? [`${keys[0]}_1`, `${keys[0]}_2`]
    : compiled.comparedValues
      ? keys
      : [keys[0]!];
  if (isTimeGrain(first!.dimension)) return second ? null : { kind: 'line', table: 0, x, y };
  if (second) return null;
  return { kind: 'bar', table: 0, x, y };
}

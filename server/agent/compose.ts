import type { Measure, MeasureRef, QueryPlan } from '../../src/contract/query-plan';
import {
  DIMENSION_MODEL,
  MEASURE_MODEL,
  measureColumnKey,
  measureLabel,
  measurePhrase,
  measureShape,
} from '../cases/semantic-model';
import type {
  EngineResult,
  PlanResult,
  PredictionResult,
  Row,
  SimulationResult,
  TypicalCaseResult,
} from '../cases/types';
import { formatCount, formatFigure } from './format-figure';
import type { QueryOutcome } from './parser';
import { escapeMarkdown } from './refusal-text';

// The written answer. Every one opens with how the question was read (measure, scope, window with its dates)
// and the number of cases behind it, then gives the headline figures and what stands out (the highest and
// lowest, the change, the share) rather than re-listing the table, which is shown beside it. Labels come from
// the semantic model; values from the data (names of surgeons, payors) are escaped: text, never markup.

function opening(reading: string, cases: number): string {
  return `I read this as **${escapeMarkdown(reading)}**, ${formatCount(cases, 'case')}.`;
}

function notesText(result: EngineResult<unknown>): string[] {
  return result.notes.length ? ['', ...result.notes.map((note) => `- ${escapeMarkdown(note)}`)] : [];
}

const NO_CASES = 'No cases match, so there is no figure to report. Try a wider window or fewer filters.';

const figureOf = (ref: MeasureRef, value: unknown) =>
  formatFigure(typeof value === 'number' ? value : null, measureShape(ref.measure, ref.aggregation).unit);

const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A row's name: its group values joined ("Aetna · Wei Chen"). */
function rowName(row: Row, plan: QueryPlan, dimensions = plan.group_by): string {
  return dimensions.map((dimension) => String(row[dimension] ?? '(not recorded)')).join(' · ');
}

/** " over 12 cases" after a figure; a count of cases is its own case count, so nothing is added. */
const overCases = (ref: MeasureRef, row: Record<string, unknown>) =>
  ref.measure === 'cases' && ref.aggregation === 'count'
    ? ''
    : ` over ${formatCount(Number(row.cases ?? 0), 'case')}`;

function changeText(ref: MeasureRef, from: number | null, to: number | null): string {
  if (from === null || to === null) return '';
  const unit = measureShape(ref.measure, ref.aggregation).unit;
  const change = to - from;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size =
    unit === '%'
      ? `${sign}${Math.abs(change).toFixed(1)} points`
      : `${sign}${formatFigure(Math.abs(change), unit)}`;
  const percent =
    from !== 0 && unit !== '%'
      ? ` (${change >= 0 ? '+' : '−'}${Math.abs((change / from) * 100).toFixed(1)}%)`
      : '';
  return `${size}${percent}`;
}

/** One plain line per measure: "Average cost: **$12,345**." */
function totalsLines(plan: QueryPlan, result: PlanResult, lead: string): string[] {
  return plan.measures.map((ref, index) => {
    const name = lead
      ? measurePhrase(ref.measure, ref.aggregation)
      : measureLabel(ref.measure, ref.aggregation);
    return `${lead}${name}: **${figureOf(ref, result.figures.totals[index])}**.`;
  });
}

function groupedLines(outcome: QueryOutcome, plan: QueryPlan, result: PlanResult): string[] {
  const rows = result.tables[0]?.rows ?? [];
  const ref = plan.measures[plan.order?.by === 'measure' ? (plan.order.index ?? 0) : 0] ?? plan.measures[0]!;
  const key = measureColumnKey(ref.measure, ref.aggregation);
  const phrase = measurePhrase(ref.measure, ref.aggregation);
  const lines: string[] = [];
  const first = plan.group_by[0]!;
  const label = plan.group_by.map((dimension) => DIMENSION_MODEL[dimension].plural).join(' and ');
  if (outcome.highlight?.length) {
    // "what share of knee replacements are Medicare": the named values lead.
    const dimension = first;
    for (const value of outcome.highlight) {
      const row = rows.find(
        (item) => String(item[dimension]) === value.name || String(item[`${dimension}_code`]) === value.id,
      );
      lines.push(
        row
          ? `${escapeMarkdown(value.name)}: **${figureOf(ref, row[key])}** ${phrase === 'share of cases' ? 'of the cases' : `(${phrase})`}, ${formatCount(Number(row.cases ?? 0), 'case')}.`
          : `${escapeMarkdown(value.name)} has no cases in this scope.`,
      );
    }
    return lines;
  }
  if (DIMENSION_MODEL[first].kind === 'time' && plan.group_by.length === 1) {
    // A partial period (the data ends mid-month) is never set against whole ones; a note names it.
    const partial = new Map((result.figures.partialPeriods ?? []).map((item) => [item.period, item]));
    const values = rows.map((row) => ({ name: String(row[first]), value: numberOf(row[key]) }));
    const known = values.filter((item) => item.value !== null && !partial.has(item.name)) as {
      name: string;
      value: number;
    }[];
    const start = known[0];
    const end = known[known.length - 1];
    if (start && end && start !== end) {
      lines.push(
        `${measureLabel(ref.measure, ref.aggregation)} went from **${figureOf(ref, start.value)}** in ${start.name} to **${figureOf(ref, end.value)}** in ${end.name}, ${changeText(ref, start.value, end.value)}.`,
      );
      const high = known.reduce((best, item) => (item.value > best.value ? item : best));
      const low = known.reduce((best, item) => (item.value < best.value ? item : best));
      lines.push(
        `Highest in ${high.name} (${figureOf(ref, high.value)}), lowest in ${low.name} (${figureOf(ref, low.value)}).`,
      );
    } else if (start) {
      lines.push(
        `${measureLabel(ref.measure, ref.aggregation)} in ${start.name}: **${figureOf(ref, start.value)}**.`,
      );
    }
    return lines;
  }
  const ranked = rows.filter((row) => numberOf(row[key]) !== null);
  const top = ranked[0];
  const bottom = ranked[ranked.length - 1];
  const shown = result.tables[0]?.rowCount ?? rows.length;
  if (top) {
    const descending = plan.order?.direction !== 'asc';
    const [highRow, lowRow] = descending ? [top, bottom] : [bottom, top];
    const lead = plan.limit
      ? `The ${descending ? 'top' : 'bottom'} ${Math.min(plan.limit, shown)} ${label}`
      : `Across ${shown} ${label}`;
    if (highRow && lowRow && highRow !== lowRow) {
      lines.push(
        `${lead}, ${phrase} runs from **${figureOf(ref, numberOf(lowRow[key]))}** (${escapeMarkdown(rowName(lowRow, plan))}) to **${figureOf(ref, numberOf(highRow[key]))}** (${escapeMarkdown(rowName(highRow, plan))}).`,
      );
      lines.push(
        `${descending ? 'Highest' : 'Lowest'}: **${escapeMarkdown(rowName(top, plan))}**, ${figureOf(ref, numberOf(top[key]))}${overCases(ref, top)}.`,
      );
    } else {
      lines.push(
        `${escapeMarkdown(rowName(top, plan))}: **${figureOf(ref, numberOf(top[key]))}**${overCases(ref, top)}.`,
      );
    }
  }
  if (plan.having.length)
    lines.push(`${formatCount(shown, DIMENSION_MODEL[first].label.toLowerCase())} meet the condition.`);
  return lines;
}

function valuesComparisonLines(plan: QueryPlan, result: PlanResult): string[] {
  const comparison = plan.comparison;
  if (comparison?.kind !== 'values') return [];
  const rows = result.tables[0]?.rows ?? [];
  const dimension = comparison.dimension;
  const lines: string[] = [];
  for (const ref of plan.measures) {
    const key = measureColumnKey(ref.measure, ref.aggregation);
    const items = rows.map((row) => ({
      name: String(row[dimension] ?? ''),
      value: numberOf(row[key]),
      cases: Number(row.cases ?? 0),
    }));
    lines.push(
      `${measureLabel(ref.measure, ref.aggregation)}: ${items
        .map(
          (item) =>
            `${escapeMarkdown(item.name)} **${figureOf(ref, item.value)}** (${formatCount(item.cases, 'case')})`,
        )
        .join(', ')}.`,
    );
    const known = items.filter((item) => item.value !== null) as {
      name: string;
      value: number;
      cases: number;
    }[];
    if (known.length >= 2) {
      const high = known.reduce((best, item) => (item.value > best.value ? item : best));
      const low = known.reduce((best, item) => (item.value < best.value ? item : best));
      if (high !== low) {
        lines.push(
          `${escapeMarkdown(high.name)} is higher than ${escapeMarkdown(low.name)} by ${changeText(ref, low.value, high.value).replace(/^\+/, '')}.`,
        );
      }
    }
  }
  return lines;
}

function windowsComparisonLines(plan: QueryPlan, result: PlanResult): string[] {
  const comparison = plan.comparison;
  if (comparison?.kind !== 'windows') return [];
  const [first, second] = comparison.windows;
  const name = (window: typeof first) => (window.kind === 'fixed' ? window.label : 'the first window');
  const rows = result.tables[0]?.rows ?? [];
  if (plan.group_by.length === 0) {
    const row = rows[0] ?? {};
    return plan.measures.map((ref) => {
      const key = measureColumnKey(ref.measure, ref.aggregation);
      const before = numberOf(row[`${key}_1`]);
      const after = numberOf(row[`${key}_2`]);
      return `${measureLabel(ref.measure, ref.aggregation)}: **${figureOf(ref, before)}** in ${name(first)} (${formatCount(Number(row.cases_1 ?? 0), 'case')}), **${figureOf(ref, after)}** in ${name(second)} (${formatCount(Number(row.cases_2 ?? 0), 'case')}): ${changeText(ref, before, after) || 'no change to compute'}.`;
    });
  }
  const ref = plan.measures[0]!;
  const key = measureColumnKey(ref.measure, ref.aggregation);
  const changes = rows
    .map((row) => ({ name: rowName(row, plan), change: numberOf(row[`${key}_change`]) }))
    .filter((item) => item.change !== null) as { name: string; change: number }[];
  if (changes.length === 0) return [];
  const rise = changes.reduce((best, item) => (item.change > best.change ? item : best));
  const fall = changes.reduce((best, item) => (item.change < best.change ? item : best));
  const signed = (change: number) =>
    `${change > 0 ? '+' : change < 0 ? '−' : '±'}${formatFigure(Math.abs(change), unit)}`;
  const unit = measureShape(ref.measure, ref.aggregation).unit;
  // The whole of each window first, then the periods or members that moved most.
  const scope = result.tables[1]?.rows[0] ?? {};
  const before = numberOf(scope[`${key}_1`]);
  const after = numberOf(scope[`${key}_2`]);
  return [
    `${measureLabel(ref.measure, ref.aggregation)}: **${figureOf(ref, before)}** in ${name(first)}, **${figureOf(ref, after)}** in ${name(second)}: ${changeText(ref, before, after) || 'no change to compute'}.`,
    `From ${name(first)} to ${name(second)}, ${measurePhrase(ref.measure, ref.aggregation)} rose most for **${escapeMarkdown(rise.name)}** (${signed(rise.change)}) and fell most for **${escapeMarkdown(fall.name)}** (${signed(fall.change)}).`,
  ];
}

/** The written answer to a query plan. */
export function composePlan(outcome: QueryOutcome, plan: QueryPlan, result: PlanResult): string {
  const lines = [opening(outcome.reading, result.figures.cases), ''];
  if (result.figures.cases === 0) return [...lines, NO_CASES, ...notesText(result), ''].join('\n');
  if (plan.comparison?.kind === 'windows') lines.push(...windowsComparisonLines(plan, result));
  else if (plan.comparison?.kind === 'values') lines.push(...valuesComparisonLines(plan, result));
  else if (plan.group_by.length > 0) {
    lines.push(...groupedLines(outcome, plan, result));
    if (!outcome.highlight?.length && !isShareOnly(plan)) {
      lines.push('', ...totalsLines(plan, result, 'Over all cases in scope, '));
    }
  } else lines.push(...totalsLines(plan, result, ''));
  return [...lines, ...notesText(result), ''].join('\n');
}

const isShareOnly = (plan: QueryPlan) => plan.measures.every((ref) => ref.aggregation === 'share');

const TYPICAL_UNIT = (measure: Measure) => MEASURE_MODEL[measure].unit;

export function composeTypicalCase(reading: string, result: TypicalCaseResult): string {
  if (result.figures.cases === 0) return [opening(reading, 0), '', NO_CASES, ''].join('\n');
  const lines = [
    opening(reading, result.figures.cases),
    '',
    '| Measure | Mean | Median | 10th–90th percentile |',
    '| --- | --- | --- | --- |',
  ];
  for (const measure of Object.keys(MEASURE_MODEL) as Measure[]) {
    // `cases` in the figures is the count the opening already gives, not a distribution: no row for it.
    const distribution = result.figures[measure];
    if (!distribution || typeof distribution !== 'object' || MEASURE_MODEL[measure].kind === 'count')
      continue;
    const unit = TYPICAL_UNIT(measure);
    const label = measureLabel(measure, MEASURE_MODEL[measure].kind === 'ratio' ? 'ratio' : 'sum').replace(
      /^Total /,
      '',
    );
    lines.push(
      `| ${label.charAt(0).toUpperCase()}${label.slice(1)} | ${formatFigure(distribution.mean, unit)} | ${formatFigure(distribution.median, unit)} | ${formatFigure(distribution.p10, unit)} – ${formatFigure(distribution.p90, unit)} |`,
    );
  }
  return [...lines, ...notesText(result), ''].join('\n');
}

export function composePrediction(reading: string, result: PredictionResult): string {
  const { figures } = result;
  return [
    opening(reading, result.provenance.n),
    '',
    `Estimate: **${formatFigure(figures.estimate, figures.unit)}** (likely range ${formatFigure(figures.low, figures.unit)} – ${formatFigure(figures.high, figures.unit)}).`,
    '',
    `Confidence is ${figures.confidenceWord} (${Math.round(figures.confidence * 100)}%), from ${formatCount(figures.cases, 'similar case')}: ${escapeMarkdown(figures.cohort)}. Method: ${escapeMarkdown(figures.method.replace(/\.+$/, ''))}.`,
    ...notesText(result),
    '',
  ].join('\n');
}

export function composeSimulation(reading: string, result: SimulationResult): string {
  const { figures } = result;
  const percent = figures.percent === null ? '' : ` (${formatFigure(figures.percent, '%')})`;
  return [
    opening(reading, result.provenance.n),
    '',
    `Over the base period, the figure would have moved from ${formatFigure(figures.before, 'USD')} to **${formatFigure(figures.after, 'USD')}**, a net change of **${formatFigure(figures.net, 'USD')}**${percent}.`,
    '',
    `Projected over the horizon: ${formatFigure(figures.projectedBaseline, 'USD')} without the change, ${formatFigure(figures.projectedAdjusted, 'USD')} with it (net ${formatFigure(figures.projectedNet, 'USD')}).`,
    ...notesText(result),
    '',
  ].join('\n');
}

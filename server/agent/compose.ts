import type {
  AnalyticsResult,
  DashboardResult,
  DateWindow,
  EngineResult,
  PredictionResult,
  SimulationResult,
} from '../cases/types';
import { formatCount, formatFigure } from './format-figure';
import { isCountReading, isLowestFirstReading, METRIC_LABELS } from './parser';
import { escapeMarkdown } from './refusal-text';

// The written answer. Every one opens with how the question was read, the window and the number of cases
// behind it (contract: "every numeric answer states the metric, the window, the scope … and the figures").
// Values that come from the data (names of surgeons, payors) are escaped: they are text, never markup.

const DASHBOARD_LABELS = {
  revenue: 'Revenue',
  cost: 'Cost',
  profit: 'Profit',
  los: 'Length of stay',
  time: 'OR time',
} as const;

function opening(reading: string, result: EngineResult<unknown>): string {
  const cases = formatCount(result.provenance.n, 'case');
  const window = result.provenance.window ? windowText(result.provenance.window) : '';
  const readingHasWindow = window !== '' && reading.includes('–');
  return `I read this as **${escapeMarkdown(reading)}**${readingHasWindow || !window ? '' : `, ${window}`}, ${cases}.`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function dayText(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}
const windowText = ({ from, to }: DateWindow) => `${dayText(from)} – ${dayText(to)}`;

function notesText(result: EngineResult<unknown>): string[] {
  return result.notes.length ? ['', ...result.notes.map((note) => `- ${escapeMarkdown(note)}`)] : [];
}

export function composeAnalytics(reading: string, result: AnalyticsResult): string {
  const { figures } = result;
  const lines = [opening(reading, result), ''];
  if (figures.cases === 0) {
    lines.push(NO_CASES);
    return lines.join('\n');
  }
  if (isCountReading(reading)) return [...lines, ...countLines(result), ...notesText(result), ''].join('\n');
  const isReadmissionCount = figures.metric === 'readmission_30' && figures.view === 'sum';
  const figure = (value: number | null) =>
    isReadmissionCount && value !== null
      ? formatCount(value, 'readmission')
      : formatFigure(value, figures.unit);
  if (isReadmissionCount) {
    lines.push(
      `**${figure(figures.total)}** within 30 days of discharge, out of ${formatCount(figures.cases, 'case')}.`,
    );
  } else if (figures.view !== 'detail') {
    const word = figures.unit === '%' ? 'Overall' : figures.view === 'sum' ? 'In total' : 'On average';
    lines.push(
      `${word}: **${formatFigure(figures.total, figures.unit)}** across ${formatCount(figures.cases, 'case')}.`,
    );
  } else {
    lines.push(`The table lists the cases, newest first.`);
  }
  const lowestFirst = isLowestFirstReading(reading);
  const leaders = lowestFirst ? lowestValues(result) : figures.leaders;
  if (leaders.length) {
    lines.push('', lowestFirst ? 'Lowest values:' : 'Leading values:', '');
    for (const leader of leaders) {
      lines.push(
        `- ${escapeMarkdown(leader.value)}: ${figure(leader.figure)} (${formatCount(leader.cases, 'case')})`,
      );
    }
  }
  return [...lines, ...notesText(result), ''].join('\n');
}

/** The five lowest of the breakdown the engine ranked highest first. */
function lowestValues(result: AnalyticsResult): AnalyticsResult['figures']['leaders'] {
  const rows = result.figures.leaders.length ? (result.tables[0]?.rows ?? []) : [];
  return rows
    .filter((row) => typeof row.figure === 'number')
    .map((row) => ({ value: String(row.value), figure: Number(row.figure), cases: Number(row.cases) }))
    .sort((left, right) => left.figure - right.figure || left.value.localeCompare(right.value))
    .slice(0, 5);
}

const NO_CASES = 'No cases match, so there is no figure to report. Try a wider window or fewer filters.';

/** "How many": the count leads, the total comes second, and the leading values are those with the most cases. */
function countLines(result: AnalyticsResult): string[] {
  const { figures } = result;
  const lines = [
    `**${formatCount(figures.cases, 'case')}**, with a total ${METRIC_LABELS[figures.metric]} of ${formatFigure(figures.total, figures.unit)}.`,
  ];
  const byValue = figures.leaders.length ? result.tables[0] : undefined;
  if (byValue) {
    const most = [...byValue.rows]
      .sort(
        (left, right) =>
          Number(right.cases) - Number(left.cases) || String(left.value).localeCompare(String(right.value)),
      )
      .slice(0, 5);
    lines.push('', 'Most cases:', '');
    for (const row of most)
      lines.push(`- ${escapeMarkdown(String(row.value))}: ${formatCount(Number(row.cases), 'case')}`);
  }
  return lines;
}

export function composeDashboard(reading: string, result: DashboardResult): string {
  if (result.figures.cases === 0) return [opening(reading, result), '', NO_CASES, ''].join('\n');
  const lines = [
    opening(reading, result),
    '',
    '| Measure | Mean | Median | 10th–90th percentile |',
    '| --- | --- | --- | --- |',
  ];
  for (const [measure, label] of Object.entries(DASHBOARD_LABELS) as [
    keyof typeof DASHBOARD_LABELS,
    string,
  ][]) {
    const distribution = result.figures[measure];
    if (!distribution) continue;
    const unit = result.provenance.units[measure] ?? '';
    lines.push(
      `| ${label} | ${formatFigure(distribution.mean, unit)} | ${formatFigure(distribution.median, unit)} | ${formatFigure(distribution.p10, unit)} – ${formatFigure(distribution.p90, unit)} |`,
    );
  }
  return [...lines, ...notesText(result), ''].join('\n');
}

export function composePrediction(reading: string, result: PredictionResult): string {
  const { figures } = result;
  return [
    opening(reading, result),
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
    opening(reading, result),
    '',
    `Over the look-back period, revenue would have moved from ${formatFigure(figures.before, 'USD')} to **${formatFigure(figures.after, 'USD')}**, a net change of **${formatFigure(figures.net, 'USD')}**${percent}.`,
    '',
    `Projected over the horizon: ${formatFigure(figures.projectedBaseline, 'USD')} without the change, ${formatFigure(figures.projectedAdjusted, 'USD')} with it (net ${formatFigure(figures.projectedNet, 'USD')}).`,
    ...notesText(result),
    '',
  ].join('\n');
}

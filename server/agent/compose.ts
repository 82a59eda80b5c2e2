import type {
  AnalyticsResult,
  DashboardResult,
  DateWindow,
  EngineResult,
  PredictionResult,
  SimulationResult,
} from '../cases/types';
import { formatCount, formatFigure } from './format-figure';
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
    lines.push('No cases match, so there is no figure to report. Try a wider window or fewer filters.');
    return lines.join('\n');
  }
  if (figures.view !== 'detail') {
    const word = figures.unit === '%' ? 'Overall' : figures.view === 'sum' ? 'In total' : 'On average';
    lines.push(
      `${word}: **${formatFigure(figures.total, figures.unit)}** across ${formatCount(figures.cases, 'case')}.`,
    );
  } else {
    lines.push(`The table lists the cases, newest first.`);
  }
  if (figures.leaders.length) {
    lines.push('', 'Leading values:', '');
    for (const leader of figures.leaders) {
      lines.push(
        `- ${escapeMarkdown(leader.value)}: ${formatFigure(leader.figure, figures.unit)} (${formatCount(leader.cases, 'case')})`,
      );
    }
  }
  return [...lines, ...notesText(result), ''].join('\n');
}

export function composeDashboard(reading: string, result: DashboardResult): string {
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
    `Confidence is ${figures.confidenceWord} (${Math.round(figures.confidence * 100)}%), from ${formatCount(figures.cases, 'similar case')}: ${escapeMarkdown(figures.cohort)}. Method: ${escapeMarkdown(figures.method)}.`,
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

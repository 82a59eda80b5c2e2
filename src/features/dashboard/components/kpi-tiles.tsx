import type { DateRange, Kpi } from '../../../contract/dashboard';
import { formatMonth } from '../../../lib/format-date';
import { formatChange, formatFigure } from '../lib/format';
import { Sparkline } from './sparkline';

function tone(kpi: Kpi): 'good' | 'bad' | 'flat' {
  if (kpi.change === null || Math.abs(kpi.change) < 0.05) return 'flat';
  return kpi.change > 0 === kpi.higher_is_better ? 'good' : 'bad';
}

function seriesText(kpi: Kpi, months: DateRange[]): string {
  const first = months[0];
  const last = months.at(-1);
  const firstValue = kpi.series.find((value) => value !== null) ?? null;
  const lastValue = [...kpi.series].reverse().find((value) => value !== null) ?? null;
  if (!first || !last) return '';
  return `Month by month from ${formatMonth(first.from)} (${formatFigure(firstValue, kpi.unit, true)}) to ${formatMonth(last.to)} (${formatFigure(lastValue, kpi.unit, true)}).`;
}

export function KpiTiles({ kpis, months }: { kpis: Kpi[]; months: DateRange[] }) {
  return (
    <ul className="kpi-grid" aria-label="Key figures">
      {kpis.map((kpi) => {
        const mood = tone(kpi);
        return (
          <li key={kpi.key} className="kpi-tile" data-kpi={kpi.key}>
            <h3 className="kpi-label">{kpi.label}</h3>
            <p className="kpi-value" data-value={kpi.value ?? ''}>
              {formatFigure(kpi.value, kpi.unit, true)}
            </p>
            <p className={`kpi-change ${mood}`}>
              <span aria-hidden="true">{mood === 'flat' ? '→' : (kpi.change ?? 0) > 0 ? '▲' : '▼'} </span>
              {formatChange(kpi.change, kpi.change_unit)}
              <span className="visually-hidden">
                {' '}
                against the previous 12 months ({formatFigure(kpi.previous, kpi.unit, true)})
                {mood === 'good' ? ', an improvement' : mood === 'bad' ? ', a worsening' : ''}
              </span>
            </p>
            <Sparkline values={kpi.series} />
            <p className="visually-hidden">{seriesText(kpi, months)}</p>
          </li>
        );
      })}
    </ul>
  );
}

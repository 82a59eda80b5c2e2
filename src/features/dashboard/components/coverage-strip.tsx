import type { Coverage } from '../../../contract/dashboard';
import { formatDay, formatInstantDay } from '../../../lib/format-date';
import { formatFigure } from '../lib/format';

export function CoverageStrip({ coverage }: { coverage: Coverage }) {
  const items: [string, string][] = [
    ['Cases', formatFigure(coverage.cases, 'cases')],
    ['First admit', formatDay(coverage.first_admit)],
    ['Last admit', formatDay(coverage.last_admit)],
    ['Files', formatFigure(coverage.files, 'cases')],
    ['Last upload', formatInstantDay(coverage.last_upload)],
    ['Rows rejected', formatFigure(coverage.rows_rejected, 'cases')],
  ];
  return (
    <section className="coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title" className="visually-hidden">
        Data coverage
      </h2>
      <dl className="coverage-list">
        {items.map(([term, value]) => (
          <div key={term} className="coverage-item">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../../contract/dashboard';
import { KpiTiles } from './kpi-tiles';

const kpi = (over: Partial<Kpi>): Kpi => ({
  key: 'cost',
  label: 'Cost',
  unit: 'USD',
  value: 950_000,
  previous: 1_000_000,
  change: -5,
  change_unit: '%',
  higher_is_better: false,
  series: [1, 2, null, 3],
  ...over,
});

describe('KpiTiles', () => {
  it('colours a change by whether it is good news, and says so in words', () => {
    render(
      <KpiTiles
        kpis={[
          kpi({}),
          kpi({
            key: 'margin',
            label: 'Margin',
            unit: '%',
            value: 10,
            previous: 12,
            change: -2,
            change_unit: 'points',
            higher_is_better: true,
          }),
        ]}
        months={[
          { from: '2026-01-01', to: '2026-01-31' },
          { from: '2026-02-01', to: '2026-02-28' },
        ]}
      />,
    );
    const cost = screen.getByRole('heading', { name: 'Cost' }).closest('li')!;
    expect(cost.querySelector('.kpi-change')).toHaveClass('good');
    expect(cost).toHaveTextContent('an improvement');
    const margin = screen.getByRole('heading', { name: 'Margin' }).closest('li')!;
    expect(margin.querySelector('.kpi-change')).toHaveClass('bad');
    expect(margin).toHaveTextContent('−2.0 pts');
    expect(margin).toHaveTextContent('a worsening');
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanBlock } from '../../../contract/agent';
import type { Kpi } from '../../../contract/dashboard';
import { formatChange, formatFigure } from '../lib/format';
import { KpiTiles } from './kpi-tiles';
import { PinButton } from './pin-button';

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

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

afterEach(() => vi.restoreAllMocks());

describe('format', () => {
  it('writes figures and changes as an analyst reads them', () => {
    expect(formatFigure(326_951_660.84, 'USD', true)).toBe('$326.95M');
    expect(formatFigure(12.44, '%')).toBe('12.4 %');
    expect(formatFigure(null, 'days')).toBe('—');
    expect(formatChange(-1.25, 'points')).toBe('−1.3 pts');
    expect(formatChange(2.5, '%')).toBe('+2.5 %');
    expect(formatChange(null, '%')).toBe('no earlier figure');
  });
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

describe('PinButton', () => {
  const plan: PlanBlock = {
    block_id: 'b1',
    workflow: 'analytics',
    reading: 'Number of cases, 12 months to the latest admit date.',
    plan: {
      measures: [{ measure: 'cases', aggregation: 'count' }],
      group_by: [],
      filters: [],
      conditions: [],
      having: [],
      comparison: null,
      order: null,
      limit: null,
      window: { kind: 'data_trailing', months: 12 },
    },
  };

  it('pins the question with its plan and reading', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(
        JSON.stringify({
          id: 'pin_1',
          title: 'How many cases?',
          question: 'How many cases?',
          reading: plan.reading,
          workflow: 'analytics',
          plan: plan.plan,
          shared: false,
          is_owner: true,
          owner_name: 'A',
          position: 0,
          created_at: '2026-11-29T00:00:00Z',
          updated_at: '2026-11-29T00:00:00Z',
        }),
        { status: 201, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    render(wrap(<PinButton question="How many cases?" plan={plan} />));
    await userEvent.click(screen.getByRole('button', { name: 'Pin to dashboard' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Pinned.');
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toMatch(/\/api\/v1\/dashboard\/pins\/$/);
    expect(JSON.parse(String(init?.body))).toEqual({
      question: 'How many cases?',
      reading: plan.reading,
      workflow: 'analytics',
      plan: plan.plan,
    });
  });

  it('offers nothing for answers a card cannot run again', () => {
    const { container } = render(
      wrap(
        <PinButton
          question="find knee"
          plan={{ ...plan, workflow: 'entity_resolver', plan: { text: 'knee', kinds: [] } }}
        />,
      ),
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('shows the server’s refusal in place', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ error: 'conflict', message: 'Your dashboard already holds 50 cards.' }), {
        status: 409,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    render(wrap(<PinButton question="q" plan={plan} />));
    await userEvent.click(screen.getByRole('button', { name: 'Pin to dashboard' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already holds 50 cards');
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanBlock } from '../../../contract/agent';
import { PinButton } from './pin-button';

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

afterEach(() => vi.restoreAllMocks());

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

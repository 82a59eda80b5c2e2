import { render, screen, within } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { ApiKey } from '../../../contract/keys';
import { ApiKeyRow } from './api-key-row';

const apiKey: ApiKey = {
  id: 'key_1',
  name: 'nightly-warehouse-export',
  prefix: 'hpx_lmjTEIsd',
  scopes: ['upload', 'agent'],
  created_at: '2026-11-28T12:00:00Z',
  expires_at: '2026-12-08T12:00:00Z',
  last_used_at: null,
  revoked_at: null,
};

// On a phone each row becomes a card whose cells print their own labels; a missing label leaves a bare value.
it('labels every cell of a key with its column, for the phone layout', () => {
  render(
    <table>
      <tbody>
        <ApiKeyRow
          apiKey={apiKey}
          status={{ kind: 'expiring', days: 10 }}
          organization={{ id: 'org_1', name: 'Mercy General Hospital', type: 'hospital' }}
          requester={{ name: 'Maya Chen', email: 'analyst@mercy.example' }}
        />
      </tbody>
    </table>,
  );
  const row = screen.getByRole('row');
  const labels = within(row)
    .getAllByRole('cell')
    .map((cell) => cell.dataset.label);
  expect(labels).toEqual(['Prefix', 'Scopes', 'Created', 'Expires', 'Last used', 'Status', 'Actions']);
  expect(within(row).getByRole('rowheader')).toHaveTextContent('nightly-warehouse-export');
  expect(within(row).getByText('Expires in 10 days')).toBeVisible();
  expect(
    within(row).getByRole('link', { name: 'Request a rotation of nightly-warehouse-export' }),
  ).toBeVisible();
});

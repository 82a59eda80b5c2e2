import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyCheck } from './key-check';

const KEY = `hpx_${'Zq9'.repeat(14)}`;
const identity = {
  api_key: { name: 'nightly-upload', prefix: KEY.slice(0, 12), scopes: ['upload', 'agent'] },
  organization: { id: 'org_1', name: 'Mercy General Hospital', type: 'hospital' },
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

async function checkKey() {
  const user = userEvent.setup();
  render(<KeyCheck />);
  const field = screen.getByLabelText('API key');
  await user.type(field, KEY);
  await user.click(screen.getByRole('button', { name: 'Check the key' }));
  return { user, field: field as HTMLInputElement };
}

describe('KeyCheck', () => {
  it('asks /auth/me/ with the key alone and shows its organization and scopes', async () => {
    fetchMock.mockResolvedValue(json(identity));
    const { field } = await checkKey();
    expect(await screen.findByText('This key works.')).toBeVisible();
    expect(screen.getByText('Mercy General Hospital (hospital)')).toBeVisible();
    expect(screen.getByText('upload, agent')).toBeVisible();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toMatch(/\/api\/v1\/auth\/me\/$/);
    expect(init.headers['X-API-Key']).toBe(KEY);
    expect(init.headers.Authorization).toBeUndefined();

    expect(field.value).toBe('');
    expect(document.body.innerHTML).not.toContain(KEY);
  });

  it('says why a key is refused, and keeps nothing of it', async () => {
    fetchMock.mockResolvedValue(
      json(
        { error: 'unauthorized', message: 'This API key (hpx_Zq9Zq9Zq…) was revoked on 2026-11-01.' },
        401,
      ),
    );
    const { field } = await checkKey();
    expect(await screen.findByText(/was revoked on 2026-11-01/)).toBeVisible();
    expect(field.value).toBe('');
    expect(document.body.innerHTML).not.toContain(KEY);
  });

  it('is a password field with a show toggle, and asks for a key when empty', async () => {
    const user = userEvent.setup();
    render(<KeyCheck />);
    const field = screen.getByLabelText('API key');
    expect(field).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show key' }));
    expect(field).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide key' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Check the key' }));
    expect(screen.getByText('Paste a key first.')).toBeVisible();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { sessionWith } from '../../../test/session-fixture';
import { useSession } from '../session-store';
import { SignInForm } from './sign-in-form';

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  useSession.setState({ status: 'signed_out', accessToken: null, user: null, endedBecause: null });
});
afterEach(() => vi.unstubAllGlobals());

function renderForm(onSignedIn = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SignInForm onSignedIn={onSignedIn} />
    </QueryClientProvider>,
  );
  return onSignedIn;
}

it('explains empty fields without sending anything', async () => {
  renderForm();
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(screen.getByText('Enter a valid email address.')).toBeInTheDocument();
  expect(screen.getByText('Enter your password.')).toBeInTheDocument();
  expect(fetchMock).not.toHaveBeenCalled();
});

it('keeps the token in memory and calls back after a successful sign-in', async () => {
  fetchMock.mockResolvedValueOnce(
    new Response(JSON.stringify(sessionWith('jwt')), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
  const onSignedIn = renderForm();
  await userEvent.type(screen.getByLabelText('Email'), 'a@b.example');
  await userEvent.type(screen.getByLabelText('Password'), 'secret');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
  expect(useSession.getState()).toMatchObject({ status: 'signed_in', accessToken: 'jwt' });
  expect(JSON.stringify(localStorage)).not.toContain('jwt');
});

it('says when to try again after too many attempts', async () => {
  fetchMock.mockResolvedValueOnce(
    new Response(JSON.stringify({ error: 'rate_limited', message: 'Too many.' }), {
      status: 429,
      headers: { 'Content-Type': 'application/json', 'Retry-After': '600' },
    }),
  );
  renderForm();
  await userEvent.type(screen.getByLabelText('Email'), 'a@b.example');
  await userEvent.type(screen.getByLabelText('Password'), 'secret');
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Wait 10 minutes before you try again.');
});

import type { Session } from '../contract/auth';

/** A signed-in hospital analyst as the API describes one, for tests of the session and the API client. */
export const TEST_USER: Session['user'] = {
  id: 'usr_1',
  email: 'a@example.com',
  name: 'A',
  role: 'analyst',
  organization: { id: 'org_1', name: 'Mercy', type: 'hospital' },
};

/** What sign-in or a refresh answers, with the given access token (and user). */
export const sessionWith = (accessToken: string, user: Session['user'] = TEST_USER): Session => ({
  access_token: accessToken,
  token_type: 'Bearer',
  expires_in: 900,
  user,
});

import type { Org } from '../../../contract/auth';
import { API_KEYS_PAGE, useApiKeys } from '../api/list-api-keys';
import { ApiKeyRow } from './api-key-row';
import { EXPIRY_WARNING_DAYS, keyStatusOf, type Requester, SUPPORT_EMAIL } from './key-status';

interface OrganizationKeysProps {
  organization: Org | null;
  requester: Requester | null;
}

export function OrganizationKeys({ organization, requester }: OrganizationKeysProps) {
  const keys = useApiKeys();
  const now = new Date();
  const rows = (keys.data?.results ?? []).map((apiKey) => ({ apiKey, status: keyStatusOf(apiKey, now) }));
  const expiring = rows.filter((row) => row.status.kind === 'expiring');

  return (
    <section className="settings-section" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys{organization ? ` of ${organization.name}` : ''}</h2>
      <p className="muted">
        Keys are issued and revoked by the Valiance Health platform team; only a short prefix of each is shown
        here, never the key itself. To get a new key, email{' '}
        <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>.
      </p>
      {keys.isPending && <p role="status">Loading your organization's keys…</p>}
      {keys.isError && (
        <p className="form-error" role="alert">
          The keys could not be loaded: {keys.error.message}
        </p>
      )}
      {keys.isSuccess && rows.length === 0 && <p className="info">Your organization has no API keys yet.</p>}
      {expiring.length > 0 && (
        <p className="settings-warning">
          <strong>
            {expiring.length === 1 ? 'One key expires' : `${expiring.length} keys expire`} within{' '}
            {EXPIRY_WARNING_DAYS} days.
          </strong>{' '}
          Request a rotation now so the integrations using {expiring.length === 1 ? 'it' : 'them'} keep
          working.
        </p>
      )}
      {rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the wide table scrolls sideways on small screens.
        <div className="table-scroll" tabIndex={0}>
          <table className="keys-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ apiKey, status }) => (
                <ApiKeyRow
                  key={apiKey.id}
                  apiKey={apiKey}
                  status={status}
                  organization={organization}
                  requester={requester}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {keys.data?.next_cursor && (
        <p className="muted">Showing the newest {API_KEYS_PAGE} keys; ask support for the full list.</p>
      )}
    </section>
  );
}

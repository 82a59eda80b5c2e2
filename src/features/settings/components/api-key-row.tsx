import type { Org } from '../../../contract/auth';
import type { ApiKey } from '../../../contract/keys';
import { formatInstant, formatInstantDay } from '../../../lib/format-date';
import { type KeyStatus, type Requester, rotationMailto } from './key-status';

function StatusText({ status }: { status: KeyStatus }) {
  switch (status.kind) {
    case 'revoked':
      return <span className="key-status key-revoked">Revoked {formatInstantDay(status.at)}</span>;
    case 'expired':
      return <span className="key-status key-expired">Expired {formatInstantDay(status.at)}</span>;
    case 'expiring':
      return (
        <span className="key-status key-expiring">
          Expires in {status.days} {status.days === 1 ? 'day' : 'days'}
        </span>
      );
    case 'active':
      return <span className="key-status key-active">Active</span>;
  }
}

const When = ({ iso, withTime = false }: { iso: string | null; withTime?: boolean }) =>
  iso ? <time dateTime={iso}>{withTime ? formatInstant(iso) : formatInstantDay(iso)}</time> : <>Never</>;

interface ApiKeyRowProps {
  apiKey: ApiKey;
  status: KeyStatus;
  organization: Org | null;
  requester: Requester | null;
}

export function ApiKeyRow({ apiKey, status, organization, requester }: ApiKeyRowProps) {
  return (
    <tr className={status.kind === 'expiring' ? 'row-warning' : undefined}>
      <th scope="row" className="key-name">
        {apiKey.name}
      </th>
      <td data-label="Prefix">
        <code>{apiKey.prefix}…</code>
      </td>
      <td data-label="Scopes">{apiKey.scopes.length ? apiKey.scopes.join(', ') : 'none'}</td>
      <td data-label="Created">
        <When iso={apiKey.created_at} />
      </td>
      <td data-label="Expires">
        <When iso={apiKey.expires_at} />
      </td>
      <td data-label="Last used">
        <When iso={apiKey.last_used_at} withTime />
      </td>
      <td data-label="Status">
        <StatusText status={status} />
      </td>
      <td data-label="Actions">
        {organization && status.kind !== 'revoked' ? (
          <a className="button subtle" href={rotationMailto(apiKey, organization, requester)}>
            Request a rotation <span className="visually-hidden">of {apiKey.name}</span>
          </a>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

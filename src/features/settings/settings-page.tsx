import { useMemo } from 'react';
import { PageHeader } from '../../components/page-header';
import type { Org } from '../../contract/auth';
import { CredentialPatterns } from './components/credential-patterns';
import { IntegrationExamples } from './components/integration-examples';
import { KeyCheck } from './components/key-check';
import type { Requester } from './components/key-status';
import { OrganizationKeys } from './components/organization-keys';
import { SecretHandling } from './components/secret-handling';
import { ServiceHealth } from './components/service-health';
import { exampleBaseUrl } from './examples/base-url';
import { buildExamples } from './examples/build-examples';
import './settings.css';

interface SettingsPageProps {
  organization: Org | null;
  requester: Requester | null;
}

export function SettingsPage({ organization, requester }: SettingsPageProps) {
  const examples = useMemo(() => buildExamples(exampleBaseUrl()), []);
  return (
    <div className="settings">
      <PageHeader title="Settings">
        <p>
          How integrations authenticate with the Healthproximate API, examples that work against this server,
          and your organization's API keys.
        </p>
      </PageHeader>
      <CredentialPatterns />
      <SecretHandling />
      <OrganizationKeys organization={organization} requester={requester} />
      <KeyCheck />
      <ServiceHealth apiBase={examples.apiBase} />
      <IntegrationExamples examples={examples} />
    </div>
  );
}

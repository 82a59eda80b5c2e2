import { PageHeader } from '../../components/page-header';

// Placeholder until the feature lands; the route module stays lazy so its code loads only when opened.
export default function SettingsRoute() {
  return (
    <section>
      <PageHeader title="Settings">
        <p>
          How integrations authenticate with the Healthproximate API, with examples that work against this
          server, and your organization's API keys.
        </p>
      </PageHeader>
      <p className="info">This page is being built and will be available soon.</p>
    </section>
  );
}

import { PageHeader } from '../../components/page-header';

// Placeholder until the feature lands; the route module stays lazy so its code loads only when opened.
export default function AnalysisRoute() {
  return (
    <section>
      <PageHeader title="Analysis">
        <p>
          Ask questions about your cases in plain language and watch the answer build up: steps, tables,
          charts and a written answer with its sources.
        </p>
      </PageHeader>
      <p className="info">This page is being built and will be available soon.</p>
    </section>
  );
}

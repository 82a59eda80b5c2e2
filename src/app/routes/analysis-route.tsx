import { PageHeader } from '../../components/page-header';
import { AnalysisPage } from '../../features/analysis';

export default function AnalysisRoute() {
  return (
    <section className="analysis-route">
      <PageHeader title="Analysis">
        <p>
          Ask questions about your cases in plain language and watch the answer build up, with its sources.
        </p>
      </PageHeader>
      <AnalysisPage />
    </section>
  );
}

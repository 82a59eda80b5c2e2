import { AnalysisPage } from '../../features/analysis';

/** The conversation gets the height: no page header, only its heading for screen readers and the outline. */
export default function AnalysisRoute() {
  return (
    <section className="analysis-route" aria-labelledby="analysis-heading">
      <h1 id="analysis-heading" className="visually-hidden">
        Analysis
      </h1>
      <AnalysisPage />
    </section>
  );
}

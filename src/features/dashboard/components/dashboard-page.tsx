import '../dashboard.css';
import { formatDay } from '../../../lib/format-date';
import { useOverview } from '../api/overview';
import { CoverageStrip } from './coverage-strip';
import { KpiTiles } from './kpi-tiles';
import { PinnedCards } from './pinned-cards';
import { TopProcedures } from './top-procedures';

function Overview() {
  const overview = useOverview();
  if (overview.isPending) {
    return (
      <p className="muted" role="status">
        Loading the organization at a glance…
      </p>
    );
  }
  if (overview.isError) return <p role="alert">The key figures could not be loaded. Reload to try again.</p>;
  const data = overview.data;
  if (!data.window) {
    return (
      <div className="panel">
        <p>
          No case data yet. Upload a case file and the key figures appear here, with the change against the
          year before.
        </p>
        <CoverageStrip coverage={data.coverage} />
      </div>
    );
  }
  const windowText = `${formatDay(data.window.from)} – ${formatDay(data.window.to)}`;
  return (
    <>
      <section aria-labelledby="kpi-title" className="overview">
        <div className="section-heading">
          <h2 id="kpi-title">The last 12 months of data</h2>
          <p className="muted small" data-testid="overview-window">
            Admitted {windowText}, compared with the 12 months before (
            {formatDay(data.previous_window?.from ?? null)} – {formatDay(data.previous_window?.to ?? null)}
            ).
          </p>
        </div>
        <KpiTiles kpis={data.kpis} months={data.months} />
      </section>
      <div className="top-grid">
        <TopProcedures
          title="Top procedures by volume"
          caption={`Most cases admitted ${windowText}.`}
          procedures={data.top_by_volume}
          lead="cases"
        />
        <TopProcedures
          title="Top procedures by margin"
          caption={`Highest margin (profit over hospital revenue) among procedures with at least ${data.margin_min_cases} cases, ${windowText}.`}
          procedures={data.top_by_margin}
          refusal={data.top_by_margin_refusal}
          lead="margin"
        />
      </div>
      <CoverageStrip coverage={data.coverage} />
    </>
  );
}

/** The home page: where the numbers stand, and the answers the analyst chose to keep current. */
export function DashboardPage() {
  return (
    <div className="dashboard">
      <Overview />
      <PinnedCards />
    </div>
  );
}

import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';

export function NotFoundRoute() {
  return (
    <section className="not-found">
      <PageHeader title="Page not found">
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      </PageHeader>
      <div className="actions">
        <Link to="/analysis" className="button primary">
          Go to Analysis
        </Link>
        <Link to="/upload" className="button">
          Upload files
        </Link>
      </div>
    </section>
  );
}

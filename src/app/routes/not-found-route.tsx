import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';

export function NotFoundRoute() {
  return (
    <section>
      <PageHeader title="Page not found">
        <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      </PageHeader>
      <Link to="/analysis" className="button primary">
        Go to Analysis
      </Link>
    </section>
  );
}

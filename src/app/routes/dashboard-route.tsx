import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session-store';
import { DashboardPage } from '../../features/dashboard/components/dashboard-page';

export default function DashboardRoute() {
  const organization = useSession((state) => state.user?.organization.name);
  return (
    <section>
      <PageHeader title="Dashboard">
        <p>
          {organization ? `${organization} at a glance` : 'Your organization at a glance'}, and the answers
          you pinned, computed again on the current data.
        </p>
      </PageHeader>
      <DashboardPage />
    </section>
  );
}

import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth';
import { FilesTable, UploadPanel } from '../../features/upload';

export default function UploadRoute() {
  const orgId = useSession((state) => state.user?.organization.id);
  return (
    <section>
      <PageHeader title="Upload">
        <p>
          Drag and drop your data files here to send them straight to your organization's secure storage.
          Large files go in resumable parts.
        </p>
      </PageHeader>
      {orgId && <UploadPanel orgId={orgId} />}
      <FilesTable />
    </section>
  );
}

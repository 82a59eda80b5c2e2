import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session-store';
import { FilesTable } from '../../features/upload/components/files-table';
import { UploadPanel } from '../../features/upload/components/upload-panel';

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

import { PageHeader } from '../../components/page-header';

// Placeholder until the feature lands; the route module stays lazy so its code loads only when opened.
export default function UploadRoute() {
  return (
    <section>
      <PageHeader title="Upload">
        <p>
          Drag and drop your data files here to send them straight to your organization's secure storage.
          Large files go in resumable parts.
        </p>
      </PageHeader>
      <p className="info">This page is being built and will be available soon.</p>
    </section>
  );
}

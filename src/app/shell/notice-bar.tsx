import { useNotice } from '../notice-store';

export function NoticeBar() {
  const { message, requestId, dismiss } = useNotice();
  if (!message) return null;
  return (
    <div className="notice-bar" role="alert">
      <p>
        {message}
        {requestId && <span className="request-id"> (request {requestId})</span>}
      </p>
      <button type="button" className="button subtle" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

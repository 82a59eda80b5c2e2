import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { restoreSession } from '../../features/auth/api/session-api';
import { useSession } from '../../features/auth/session-store';

/** Restores the session from the refresh cookie once per page load, then guards the signed-in pages. */
export function RequireSession({ children }: { children: ReactNode }) {
  const status = useSession((state) => state.status);
  const location = useLocation();

  useEffect(() => {
    if (useSession.getState().status === 'restoring') void restoreSession();
  }, []);

  if (status === 'restoring') {
    return (
      <div className="splash" role="status">
        Opening your workspace…
      </div>
    );
  }
  if (status === 'signed_out') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?from=${encodeURIComponent(from)}`} replace />;
  }
  return <>{children}</>;
}

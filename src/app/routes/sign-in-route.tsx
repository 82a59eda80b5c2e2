import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { restoreSession } from '../../features/auth/api/session-api';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useSession } from '../../features/auth/session-store';

/** Only same-app paths are followed after sign-in, never another site. */
function safeDestination(from: string | null): string {
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in') ? from : '/';
}

const ENDED = {
  idle: 'You were signed out after a period without activity.',
  expired: 'Your session ended. Sign in again to continue.',
  signed_out: null,
} as const;

export function SignInRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { status, endedBecause } = useSession();
  const destination = safeDestination(params.get('from'));

  useEffect(() => {
    if (useSession.getState().status === 'restoring') void restoreSession();
  }, []);

  if (status === 'signed_in') return <Navigate to={destination} replace />;
  const ended = endedBecause ? ENDED[endedBecause] : null;
  return (
    <main className="sign-in-page">
      <section className="sign-in-card" aria-labelledby="sign-in-title">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>Healthproximate</span>
        </div>
        <h1 id="sign-in-title">Sign in</h1>
        <p className="muted">Cost, revenue and operations analytics for your organization.</p>
        {ended && (
          <p className="info" role="status">
            {ended}
          </p>
        )}
        <SignInForm onSignedIn={() => navigate(destination, { replace: true })} />
      </section>
    </main>
  );
}

import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { HealthBadge } from '../../components/health-badge';
import { env } from '../../config/env';
import { IdleLogout } from '../../features/auth/components/idle-logout';
import { useSignOut } from '../../features/auth/hooks/use-sign-out';
import { useSession } from '../../features/auth/session-store';
import { NoticeBar } from './notice-bar';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/upload', label: 'Upload' },
  { to: '/analysis', label: 'Analysis' },
  { to: '/settings', label: 'Settings' },
];

export function AppShell() {
  const user = useSession((state) => state.user);
  const signOut = useSignOut();
  const { pathname } = useLocation();
  const isAnalysis = pathname.startsWith('/analysis');
  const main = useRef<HTMLElement>(null);
  // After sign-in (the form is gone) or a page change that left focus nowhere, focus starts at the page's
  // content, not the body. A page that placed focus itself (the question box) keeps it: its effect ran first.
  useEffect(() => {
    if (pathname && (document.activeElement === document.body || document.activeElement === null))
      main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {isAnalysis && (
        // biome-ignore lint/a11y/useValidAnchor: a skip link is page navigation; the handler makes focus land in the box
        <a
          className="skip-link"
          href="#question"
          onClick={(event) => {
            // Moving focus into the box itself, not only scrolling to it, is what a keyboard user needs.
            const box = document.getElementById('question');
            if (!box) return;
            event.preventDefault();
            box.focus();
          }}
        >
          Ask a question
        </a>
      )}
      <header className="shell-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand-name">Healthproximate</span>
        </div>
        <nav aria-label="Main" className="shell-nav">
          <ul className="nav-list">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell-meta">
          <HealthBadge />
          {user && (
            <span className="who" title={`${user.name}, ${user.organization.name}`}>
              <span className="who-org">{user.organization.name}</span>
              <span className="who-user">{user.name}</span>
            </span>
          )}
          <button type="button" className="button subtle sign-out" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <NoticeBar />
      <main id="main" className="shell-main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
      <IdleLogout minutes={env.idleLogoutMinutes} />
    </div>
  );
}

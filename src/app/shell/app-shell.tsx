import { NavLink, Outlet } from 'react-router';
import { HealthBadge } from '../../components/health-badge';
import { env } from '../../config/env';
import { IdleLogout, useSession, useSignOut } from '../../features/auth';
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
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
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
      <main id="main" className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
      <IdleLogout minutes={env.idleLogoutMinutes} />
    </div>
  );
}

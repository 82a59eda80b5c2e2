import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/error-boundary';
import { NotFoundRoute } from './routes/not-found-route';
import { SignInRoute } from './routes/sign-in-route';
import { AppShell } from './shell/app-shell';
import { RequireSession } from './shell/require-session';

// Each signed-in page is its own chunk, so sign-in loads none of Uppy, markdown or charts. The declarative
// router is half the size of the data router, which keeps the sign-in page inside its bundle budget.
const DashboardRoute = lazy(() => import('./routes/dashboard-route'));
const UploadRoute = lazy(() => import('./routes/upload-route'));
const AnalysisRoute = lazy(() => import('./routes/analysis-route'));
const SettingsRoute = lazy(() => import('./routes/settings-route'));

function Pages() {
  const location = useLocation();
  return (
    <ErrorBoundary resetKey={location.pathname}>
      <Suspense
        fallback={
          <p className="muted" role="status">
            Loading…
          </p>
        }
      >
        <Routes>
          <Route path="/sign-in" element={<SignInRoute />} />
          <Route
            element={
              <RequireSession>
                <AppShell />
              </RequireSession>
            }
          >
            <Route index element={<DashboardRoute />} />
            <Route path="upload" element={<UploadRoute />} />
            <Route path="analysis" element={<AnalysisRoute />} />
            <Route path="settings" element={<SettingsRoute />} />
            <Route path="*" element={<NotFoundRoute />} />
          </Route>
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Pages />
    </BrowserRouter>
  );
}

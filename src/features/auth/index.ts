export { restoreSession } from './api/session-api';
export { IdleLogout } from './components/idle-logout';
export { SignInForm } from './components/sign-in-form';
export { useSignOut } from './hooks/use-sign-out';
export { type SessionStatus, useSession } from './session-store';

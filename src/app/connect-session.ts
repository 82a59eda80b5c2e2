import { sessionAuth } from '../features/auth/api/session-api';
import { connectAuth } from '../lib/api-client';

/**
 * The one place the API client learns where the access token lives and how to renew it. Called by main.tsx
 * before the first render, so the wiring is visible where the app is composed rather than hidden in an import.
 */
export const connectSession = () => connectAuth(sessionAuth);

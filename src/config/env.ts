/**
 * Build-time settings. `VITE_API_BASE_URL` points the SPA at another API (the real service), e.g.
 * https://api.v2.healthproximate.com; empty means the API on the page's own origin.
 */
export const env = {
  apiBaseUrl: (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, ''),
  idleLogoutMinutes: Number(import.meta.env.VITE_IDLE_LOGOUT_MINUTES ?? 15),
  healthPollMs: 30_000,
};

export const apiUrl = (path: string) => `${env.apiBaseUrl}/api/v1${path}`;

import { createMiddleware } from 'hono/factory';

/**
 * No inline scripts or styles from anywhere: the SPA ships only bundled files. `connect-src` names the
 * storage origin because the browser uploads to it directly.
 */
function contentSecurityPolicy(connectOrigins: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Stylesheets come only from our files. Style attributes stay allowed for Uppy's Dashboard; in `style-src`
    // that keyword would also allow injected <style> blocks, so it is granted to attributes alone.
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${connectOrigins.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const securityHeaders = (connectOrigins: string[]) => {
  const csp = contentSecurityPolicy(connectOrigins);
  return createMiddleware(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  });
};

import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Files under /assets/ carry a content hash in their names, so they are cached for a year; index.html is
 * never cached, so a deploy is picked up on the next load. Unknown paths are client routes, except those
 * naming a file (an extension, e.g. /robots.txt): those answer null, for the caller's 404, not the page.
 */
export function serveSpa(distDir: string) {
  const root = path.resolve(distDir);
  const read = (relative: string) => {
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep)) return null;
    try {
      return fs.statSync(file).isFile() ? file : null;
    } catch {
      return null;
    }
  };

  return (c: Context): Response | null => {
    const requested = decodeURIComponent(new URL(c.req.url).pathname);
    const file = requested === '/' ? null : read(requested);
    if (!file && path.extname(requested) !== '') return null;
    if (file) {
      const isHashed = requested.startsWith('/assets/');
      c.header('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      c.header('Cache-Control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      return c.body(fs.readFileSync(file));
    }
    const index = read('/index.html');
    if (!index) {
      return c.text(
        'The dashboard has not been built. Run "npm start" (it builds it) or "npm run build".',
        503,
      );
    }
    c.header('Content-Type', TYPES['.html']!);
    c.header('Cache-Control', 'no-cache');
    return c.body(fs.readFileSync(index));
  };
}

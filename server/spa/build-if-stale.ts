import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** `npm start` must work right after `npm install`: build the SPA when dist/ is missing or older than its sources. */
export async function buildIfStale(root: string, log: (message: string) => void): Promise<string> {
  const distDir = path.join(root, 'dist');
  const builtAt = newestMtime(path.join(distDir, 'index.html'));
  const changedAt = Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source))));
  if (builtAt > 0 && builtAt >= changedAt) return distDir;
  log(builtAt ? 'The dashboard sources changed; rebuilding…' : 'Building the dashboard (first start)…');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
  return distDir;
}

// Reading the repository's TypeScript for the lint scripts (check-boundaries, check-exports): which files there
// are, and which file a relative import names, the way the bundler finds it.
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx)$/;
const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

export function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (SOURCE.test(entry.name)) yield full;
  }
}

export const toRepoPath = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');

/** The file a relative specifier names; the bare path when nothing matches. */
export function resolveImport(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier.replace(/\?.*$/, ''));
  const found = CANDIDATES.map((suffix) => base + suffix).find((candidate) =>
    fs.statSync(candidate, { throwIfNoEntry: false })?.isFile(),
  );
  return toRepoPath(found ?? base);
}

// Run by `npm run lint`: every export must be used by another file, or it stops being exported (or goes).
// The rules are in scripts/unused-exports.ts; the entry points below are the project's programs, tests and
// configurations, whose exports face the outside.
import fs from 'node:fs';
import path from 'node:path';
import { resolveImport, root, sourceFiles, toRepoPath } from './source-files';
import { type FileFacts, factsOf, unusedExports } from './unused-exports';

const FOLDERS = ['src', 'server', 'scripts', 'bench', 'e2e'];
const ROOT_FILES = ['vite.config.ts', 'vitest.config.ts', 'playwright.config.ts'];
const ENTRIES = [
  /^src\/main\.tsx$/,
  /^server\/(main|dev)\.ts$/,
  /^server\/admin\/cli\.ts$/,
  // Started as a child process by the crash-safety test.
  /^server\/test\/ingest-kill-child\.ts$/,
  /^(scripts|bench|e2e)\//,
  /\.(test|spec)\.tsx?$/,
  /^[^/]+\.config\.ts$/,
];

/**
 * Files other branches were changing while this check was added (issue 15, 2026-11-29). Their unused exports
 * are left for after the merge: delete a line here, run `npx tsx scripts/check-exports.ts` and fix what it
 * lists (un-export, or remove what nothing uses).
 */
const files = new Map<string, FileFacts>();
const paths = [
  ...FOLDERS.flatMap((folder) => [...sourceFiles(path.join(root, folder))]),
  ...ROOT_FILES.map((file) => path.join(root, file)),
];
for (const file of paths) {
  const resolve = (specifier: string) => (specifier.startsWith('.') ? resolveImport(file, specifier) : null);
  files.set(toRepoPath(file), factsOf(fs.readFileSync(file, 'utf8'), resolve));
}

const unused = unusedExports(files, (file) => ENTRIES.some((entry) => entry.test(file)));
if (unused.size) {
  const count = [...unused.values()].reduce((sum, names) => sum + names.length, 0);
  console.error(
    [
      `Unused exports (${count}): export only what another file imports; remove the rest or stop exporting it.`,
      ...[...unused].map(([file, names]) => `  ${file}: ${names.join(', ')}`),
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Exports: ok (${files.size} files)`);

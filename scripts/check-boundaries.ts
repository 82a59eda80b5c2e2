// Architecture rules that a formatter cannot see, run by `npm run lint`:
// - features never import each other or the app; shared code (components, lib, config, contract) imports no feature;
// - the SPA and the server share only src/contract;
// - only src/lib/api-client.ts calls fetch, so every request gets the same auth, errors and base URL.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const SHARED = ['components', 'lib', 'config', 'contract', 'styles', 'test'];

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (SOURCE.test(entry.name)) yield full;
  }
}

type Area = { kind: 'feature'; name: string } | { kind: 'shared' | 'app' | 'contract' | 'server' | 'other' };

function areaOf(file: string): Area {
  const relative = path.relative(root, file).split(path.sep);
  if (relative[0] === 'server') return { kind: 'server' };
  if (relative[0] !== 'src') return { kind: 'other' };
  if (relative[1] === 'features' && relative[2]) return { kind: 'feature', name: relative[2] };
  if (relative[1] === 'app') return { kind: 'app' };
  if (relative[1] === 'contract') return { kind: 'contract' };
  if (relative[1] && SHARED.includes(relative[1])) return { kind: 'shared' };
  return { kind: 'other' };
}

function problemWith(from: Area, to: Area): string | null {
  if (from.kind === 'feature' && to.kind === 'feature' && from.name !== to.name) {
    return `feature "${from.name}" imports feature "${to.name}"; compose them in src/app instead`;
  }
  if ((from.kind === 'feature' || from.kind === 'shared') && to.kind === 'app') return 'imports src/app';
  if (from.kind === 'shared' && to.kind === 'feature') return `shared code imports feature "${to.name}"`;
  if (from.kind === 'contract' && to.kind !== 'contract')
    return 'the contract imports something outside src/contract';
  if (from.kind === 'server' && to.kind !== 'server' && to.kind !== 'contract')
    return 'the server imports SPA code other than src/contract';
  if (from.kind !== 'server' && from.kind !== 'other' && to.kind === 'server')
    return 'SPA code imports the server';
  return null;
}

const problems: string[] = [];
for (const top of ['src', 'server']) {
  for (const file of walk(path.join(root, top))) {
    const text = fs.readFileSync(file, 'utf8');
    const from = areaOf(file);
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const problem = problemWith(from, areaOf(path.resolve(path.dirname(file), specifier)));
      if (problem) problems.push(`${path.relative(root, file)}: ${problem} ('${specifier}')`);
    }
    const isApiClient = file.endsWith(path.join('src', 'lib', 'api-client.ts'));
    if (top === 'src' && !isApiClient && !file.includes('.test.') && /\bfetch\(/.test(text)) {
      problems.push(`${path.relative(root, file)}: calls fetch; go through src/lib/api-client.ts`);
    }
  }
}

if (problems.length) {
  console.error(
    `Architecture boundaries broken (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('Architecture boundaries: ok');

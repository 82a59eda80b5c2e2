// The architecture rules that a formatter cannot see, as pure functions over an import graph so they can be
// tested without a file system. scripts/check-boundaries.ts builds the graph from src/ and server/.
// Paths are relative to the repository root with forward slashes ('server/keys/api-keys.ts').

/** Each file and the files it imports (already resolved to repository paths). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

export const RULES = {
  'features-stay-apart':
    'SPA features never import each other or src/app; the routes in src/app compose them',
  'shared-imports-no-feature': 'shared SPA code (components, lib, config) imports no feature and not src/app',
  'contract-stands-alone': 'src/contract imports nothing outside src/contract',
  'spa-and-server-share-only-the-contract': 'the SPA and the server share only src/contract',
  'only-api-client-fetches': 'only src/lib/api-client.ts calls fetch',
  'no-barrel-files':
    'src/ has no barrel files (index.ts, or a module of re-exports only) and nothing imports one: routes import the feature file that holds what they use, so bundles tree-shake and cycles stay visible',
  'cases-never-imports-agent':
    'server/cases never imports server/agent; the agent asks, the case store answers',
  'infrastructure-imports-no-domain':
    'server/http, server/db and server/lib import no domain, only each other, app-env.ts, config.ts and the contract',
  'storage-imports-no-domain':
    'server/storage is plain S3: it imports nothing else of the server but server/http, server/db and server/lib',
  'production-imports-no-test-code': 'production files never import test code',
  'no-import-cycles': 'no import cycles in src/ or server/',
} as const;

export type RuleName = keyof typeof RULES;

export interface Problem {
  rule: RuleName;
  file: string;
  detail: string;
}

const SHARED_SPA = ['components', 'lib', 'config', 'styles', 'test'];
const INFRASTRUCTURE = ['http', 'db', 'lib'];
/** Top-level server files infrastructure may lean on: the request's type and the configuration. */
const INFRASTRUCTURE_ROOT_FILES = ['server/app-env.ts', 'server/config.ts'];

type Area =
  | { kind: 'feature'; name: string }
  | { kind: 'shared' | 'app' | 'contract' | 'other' }
  | { kind: 'server'; folder: string | null };

function areaOf(file: string): Area {
  const parts = file.split('/');
  if (parts[0] === 'server') return { kind: 'server', folder: parts.length > 2 ? parts[1]! : null };
  if (parts[0] !== 'src') return { kind: 'other' };
  if (parts[1] === 'features' && parts.length > 3) return { kind: 'feature', name: parts[2]! };
  if (parts[1] === 'app') return { kind: 'app' };
  if (parts[1] === 'contract') return { kind: 'contract' };
  if (parts[1] && SHARED_SPA.includes(parts[1])) return { kind: 'shared' };
  return { kind: 'other' };
}

const TEST_FOLDERS = new Set(['test', 'tests', '__tests__', 'e2e']);
// A name with "test" as a whole word: x.test.ts, test-fixture.ts, storage-test-harness.ts, test-resolver.ts. Shared
// helpers belong in server/test/ (agent-app.ts, upload-calls.ts); the name marks the few still beside the code.
const TEST_NAME = /(^|[-.])(test|tests)([-.]|$)/;

/** Whether a file exists only for tests: a test, a helper named as one, or anything under a test folder. */
export function isTestCode(file: string): boolean {
  const parts = file.split('/');
  const name = parts.at(-1)!;
  return parts.slice(0, -1).some((folder) => TEST_FOLDERS.has(folder)) || TEST_NAME.test(name);
}

function spaProblem(from: Area, to: Area): [RuleName, string] | null {
  if (from.kind === 'feature' && to.kind === 'feature' && from.name !== to.name)
    return ['features-stay-apart', `feature "${from.name}" imports feature "${to.name}"`];
  if (from.kind === 'feature' && to.kind === 'app')
    return ['features-stay-apart', `feature "${from.name}" imports src/app`];
  if (from.kind === 'shared' && to.kind === 'app')
    return ['shared-imports-no-feature', 'shared code imports src/app'];
  if (from.kind === 'shared' && to.kind === 'feature')
    return ['shared-imports-no-feature', `shared code imports feature "${to.name}"`];
  if (from.kind === 'contract' && to.kind !== 'contract')
    return ['contract-stands-alone', 'the contract imports something outside src/contract'];
  if (from.kind === 'server' && to.kind !== 'server' && to.kind !== 'contract')
    return ['spa-and-server-share-only-the-contract', 'the server imports SPA code other than src/contract'];
  if (from.kind !== 'server' && from.kind !== 'other' && to.kind === 'server')
    return ['spa-and-server-share-only-the-contract', 'SPA code imports the server'];
  return null;
}

function serverProblem(from: Area, toFile: string, to: Area): [RuleName, string] | null {
  if (from.kind !== 'server' || to.kind !== 'server' || from.folder === to.folder) return null;
  const isInfrastructure = (folder: string | null) => folder !== null && INFRASTRUCTURE.includes(folder);
  if (from.folder === 'cases' && to.folder === 'agent')
    return ['cases-never-imports-agent', 'server/cases imports server/agent'];
  if (
    isInfrastructure(from.folder) &&
    !isInfrastructure(to.folder) &&
    !INFRASTRUCTURE_ROOT_FILES.includes(toFile)
  )
    return ['infrastructure-imports-no-domain', `server/${from.folder} imports beyond the infrastructure`];
  if (from.folder === 'storage' && !isInfrastructure(to.folder))
    return ['storage-imports-no-domain', 'server/storage imports another part of the server'];
  return null;
}

/** Every import that crosses a boundary it must not cross. */
export function checkImports(graph: ImportGraph): Problem[] {
  const problems: Problem[] = [];
  for (const [file, imports] of graph) {
    const from = areaOf(file);
    const isProduction = !isTestCode(file);
    for (const target of imports) {
      const to = areaOf(target);
      const found = spaProblem(from, to) ?? serverProblem(from, target, to);
      if (found) problems.push({ rule: found[0], file, detail: `${found[1]} ('${target}')` });
      if (isProduction && isTestCode(target))
        problems.push({
          rule: 'production-imports-no-test-code',
          file,
          detail: `imports test code '${target}'`,
        });
    }
  }
  return problems;
}

/** Files that call fetch themselves instead of going through the one API client. */
export function checkFetch(sources: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [file, text] of sources) {
    if (!file.startsWith('src/') || file === 'src/lib/api-client.ts' || isTestCode(file)) continue;
    if (/\bfetch\(/.test(text))
      problems.push({
        rule: 'only-api-client-fetches',
        file,
        detail: 'calls fetch; go through src/lib/api-client.ts',
      });
  }
  return problems;
}

// What is left of a file once comments and `export … from '…'` re-exports are taken out.
const COMMENTS = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;
const RE_EXPORTS = /export\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+['"][^'"]+['"]\s*;?/g;

/** Whether an SPA file is a barrel: named index, or nothing but re-exports of other modules. */
export function isBarrel(file: string, text: string | undefined): boolean {
  if (!file.startsWith('src/') || isTestCode(file)) return false;
  if (/(^|\/)index\.tsx?$/.test(file)) return true;
  const code = text?.replace(COMMENTS, '').trim();
  return Boolean(code) && code!.replace(RE_EXPORTS, '').trim() === '';
}

/** Every barrel in src/, and every import of one (a barrel found only as an import target is named too). */
export function checkBarrels(graph: ImportGraph, sources: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const barrels = new Set(
    [...new Set([...graph.keys(), ...sources.keys()])].filter((file) => isBarrel(file, sources.get(file))),
  );
  for (const barrel of barrels)
    problems.push({
      rule: 'no-barrel-files',
      file: barrel,
      detail: 'is a barrel; delete it and import the modules it re-exports',
    });
  for (const [file, imports] of graph)
    for (const target of imports)
      if (isBarrel(target, sources.get(target)))
        problems.push({
          rule: 'no-barrel-files',
          file,
          detail: `imports the barrel '${target}'; import the file that holds the thing instead`,
        });
  return problems;
}

/**
 * One problem per group of files that import each other in a circle (a strongly connected component),
 * naming the shortest cycle through its first file, so the report reads 'a → b → a'.
 */
export function findCycles(graph: ImportGraph): Problem[] {
  const problems: Problem[] = [];
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const isSelfLoop = component.length === 1 && (graph.get(start) ?? []).includes(start);
    if (component.length === 1 && !isSelfLoop) continue;
    const cycle = shortestCycle(graph, start, members);
    problems.push({ rule: 'no-import-cycles', file: start, detail: `import cycle: ${cycle.join(' → ')}` });
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file));
}

function shortestCycle(graph: ImportGraph, start: string, members: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const current = queue[index]!;
    for (const next of [...(graph.get(current) ?? [])].sort()) {
      if (!members.has(next)) continue;
      if (next === start) return [start, ...trail(cameFrom, start, current), start];
      if (!cameFrom.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return [start];
}

/** The files walked from start to end, excluding start. */
function trail(cameFrom: ReadonlyMap<string, string>, start: string, end: string): string[] {
  const path: string[] = [];
  for (let step: string | undefined = end; step !== undefined && step !== start; step = cameFrom.get(step))
    path.push(step);
  return path.reverse();
}

/** Tarjan's algorithm, iterative so a deep import chain cannot overflow the stack. */
function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work.at(-1)!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const next = edges[frame.next++]!;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** Every rule over one graph, cycles last; `sources` adds the fetch and barrel rules. */
export function checkBoundaries(
  graph: ImportGraph,
  sources: ReadonlyMap<string, string> = new Map(),
): Problem[] {
  return [
    ...checkImports(graph),
    ...checkFetch(sources),
    ...checkBarrels(graph, sources),
    ...findCycles(graph),
  ];
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: [${problem.rule}] ${problem.detail}`;
}

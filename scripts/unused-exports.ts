// Finds exports nothing imports, as pure functions over file texts so they can be tested without a file system.
// scripts/check-exports.ts reads the repository and runs them. A small stand-in for knip: the project's
// TypeScript 7 has no compiler API for knip to use, and the code base keeps to a few import forms, all handled
// here: named, default, namespace (`ns.Name` counts as a use of Name), re-exports (`export … from`,
// `export * from`) and dynamic `import('…')` (counts as a use of everything the file exports).

/** What one file declares and what it takes from other files (specifiers already resolved to repository paths). */
export interface FileFacts {
  exports: Set<string>;
  /** file → names used from it; '*' means every export of that file. */
  uses: Map<string, Set<string>>;
  /** Files whose exports this file passes on wholesale (`export * from`). */
  reExportsAll: string[];
}

export type Resolve = (specifier: string) => string | null;

const DECLARED =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|var|class|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/gm;
const DEFAULT = /^export\s+default\b/m;
const LOCAL_LIST = /^export\s+(?:type\s+)?\{([^}]*)\}\s*(?:;|$)/gm;
const RE_EXPORT_LIST = /^export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm;
const RE_EXPORT_ALL = /^export\s+\*\s*(?:as\s+([A-Za-z_$][\w$]*)\s+)?from\s*['"]([^'"]+)['"]/gm;
const IMPORT = /^import\s+(?:type\s+)?([^'";]*?)\s+from\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `a`, `type b`, `c as d` → the names on the left (as the exporting file knows them) and on the right. */
function specifiers(list: string): { from: string; to: string }[] {
  return list
    .split(',')
    .map((part) => part.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((part) => {
      const [from, to] = part.split(/\s+as\s+/);
      return { from: from!.trim(), to: (to ?? from)!.trim() };
    });
}

export function factsOf(text: string, resolve: Resolve): FileFacts {
  const exports = new Set<string>();
  const uses = new Map<string, Set<string>>();
  const reExportsAll: string[] = [];
  const use = (file: string | null, name: string) => {
    if (!file) return;
    if (!uses.has(file)) uses.set(file, new Set());
    uses.get(file)!.add(name);
  };

  for (const match of text.matchAll(DECLARED)) exports.add(match[1]!);
  if (DEFAULT.test(text)) exports.add('default');
  for (const match of text.matchAll(LOCAL_LIST)) for (const { to } of specifiers(match[1]!)) exports.add(to);
  for (const match of text.matchAll(RE_EXPORT_LIST)) {
    const file = resolve(match[2]!);
    for (const { from, to } of specifiers(match[1]!)) {
      use(file, from);
      exports.add(to);
    }
  }
  for (const match of text.matchAll(RE_EXPORT_ALL)) {
    const file = resolve(match[2]!);
    if (match[1]) {
      use(file, '*');
      exports.add(match[1]);
    } else if (file) reExportsAll.push(file);
  }
  for (const match of text.matchAll(IMPORT)) {
    const file = resolve(match[2]!);
    if (!file) continue;
    const clause = match[1]!.trim();
    const namespace = /\*\s*as\s+([A-Za-z_$][\w$]*)/.exec(clause);
    if (namespace) {
      const members = new RegExp(`\\b${namespace[1]}\\.([A-Za-z_$][\\w$]*)`, 'g');
      for (const member of text.matchAll(members)) use(file, member[1]!);
      continue;
    }
    const named = /\{([^}]*)\}/.exec(clause);
    if (named) for (const { from } of specifiers(named[1]!)) use(file, from);
    const defaultName = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, '')
      .trim();
    if (defaultName) use(file, 'default');
  }
  for (const match of text.matchAll(DYNAMIC)) use(resolve(match[1]!), '*');
  return { exports, uses, reExportsAll };
}

/**
 * Each export no other file uses, by file; exports of entry files (programs, tests, configurations) are their
 * interface to the outside and never reported. A name used through `export * from` counts for the file that
 * declares it.
 */
export function unusedExports(
  files: ReadonlyMap<string, FileFacts>,
  isEntry: (file: string) => boolean,
): Map<string, string[]> {
  const used = new Map<string, Set<string>>();
  const mark = (file: string, name: string, seen = new Set<string>()) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!used.has(file)) used.set(file, new Set());
    used.get(file)!.add(name);
    const facts = files.get(file);
    if (!facts) return;
    if (name === '*' || !facts.exports.has(name))
      for (const target of facts.reExportsAll) mark(target, name, seen);
  };
  for (const [, facts] of files)
    for (const [target, names] of facts.uses) for (const name of names) mark(target, name);

  const unused = new Map<string, string[]>();
  for (const [file, facts] of files) {
    if (isEntry(file)) continue;
    const names = used.get(file) ?? new Set();
    if (names.has('*')) continue;
    const idle = [...facts.exports].filter((name) => !names.has(name)).sort();
    if (idle.length) unused.set(file, idle);
  }
  return unused;
}

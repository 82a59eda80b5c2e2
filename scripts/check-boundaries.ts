// Run by `npm run lint`: reads every source file in src/ and server/, resolves its relative imports and checks
// the rules in scripts/boundary-rules.ts (each problem names the rule it breaks).
import fs from 'node:fs';
import path from 'node:path';
import { checkBoundaries, formatProblem, type ImportGraph, RULES } from './boundary-rules';
import { resolveImport, root, sourceFiles, toRepoPath } from './source-files';

// Static imports and re-exports (type-only ones too: they still tie the files together), bare side-effect
// imports ('./styles.css') and dynamic import().
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const graph = new Map<string, string[]>();
const sources = new Map<string, string>();
for (const top of ['src', 'server']) {
  for (const file of sourceFiles(path.join(root, top))) {
    const text = fs.readFileSync(file, 'utf8');
    const imports = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (specifier.startsWith('.')) imports.add(resolveImport(file, specifier));
    }
    graph.set(toRepoPath(file), [...imports]);
    sources.set(toRepoPath(file), text);
  }
}

const problems = checkBoundaries(graph satisfies ImportGraph, sources);
if (problems.length) {
  const broken = [...new Set(problems.map((problem) => problem.rule))];
  console.error(
    [
      `Architecture boundaries broken (${problems.length}):`,
      ...problems.map((problem) => `  ${formatProblem(problem)}`),
      'Rules:',
      ...broken.map((rule) => `  ${rule}: ${RULES[rule]}`),
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Architecture boundaries: ok (${Object.keys(RULES).length} rules, ${graph.size} files)`);

import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const BUDGET_BEFORE_SIGN_IN = 110 * 1024;

/** JavaScript a browser must load before sign-in: the entry chunk and everything it imports statically. */
export function staticGraph(manifest: Record<string, ManifestChunk>, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]!.file);
}

export async function benchBundle(log: (line: string) => void, distDir = path.resolve('dist')) {
  const manifestFile = path.join(distDir, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn' });
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;
  const initial = staticGraph(manifest, entry).reduce((sum, file) => sum + gz(file), 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  log(
    `bundle: JS before sign-in ${kb(initial)} gzipped vs budget ${kb(BUDGET_BEFORE_SIGN_IN)}: ${(initial / BUDGET_BEFORE_SIGN_IN).toFixed(2)}× (goal ≤ 1.00×)`,
  );
  for (const [key, chunk] of Object.entries(manifest)) {
    if (key.includes('routes/'))
      log(`bundle:   lazy ${path.basename(key)} → ${kb(gz(chunk.file))} (+ its imports)`);
  }
  return { initialBytes: initial, budgetBytes: BUDGET_BEFORE_SIGN_IN };
}

// The analysis page: what a long streamed answer costs the browser per frame, and how soon a question over a
// million cases shows its first step and its table, each beside a baseline measured in the same run.
// `npm run bench -- analysis --rendering-only` skips seeding a million cases and measures the rendering alone;
// HP_BENCH_DIST=<folder> serves another build (to compare two versions under the same load) and
// HP_BENCH_TRACE=/tmp/trace-%d.json keeps each streamed run's Chromium trace, with CPU samples, to read.
import fs from 'node:fs';
import path from 'node:path';
import { withBenchOrg } from './analysis/bench-org';
import { benchFirstStep } from './analysis/first-step';
import { benchRendering, spaDir } from './analysis/rendering';

export async function benchAnalysis(log: (line: string) => void) {
  if (!fs.existsSync(path.join(spaDir(), 'index.html'))) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn' });
  }
  await withBenchOrg(async (org) => {
    await benchRendering(log, org);
    if (!process.argv.includes('--rendering-only')) await benchFirstStep(log, org);
  });
}

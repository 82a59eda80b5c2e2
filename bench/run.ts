// `npm run bench`: every figure beside a baseline measured in the same run, printed as a ratio.
// Pass names to run some of them: `npm run bench -- bundle cases`.
import { benchBundle } from './bundle-bench';

type Bench = (log: (line: string) => void) => Promise<unknown>;

const optional = async (file: string, name: string): Promise<Bench | null> => {
  try {
    const module = (await import(file)) as Record<string, Bench>;
    return module[name] ?? null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
};

const benches: Record<string, () => Promise<Bench | null>> = {
  bundle: async () => benchBundle,
  cases: () => optional('./cases-bench.ts', 'benchCases'),
  upload: () => optional('./upload-bench.ts', 'benchUpload'),
  analysis: () => optional('./analysis-bench.ts', 'benchAnalysis'),
  plans: () => optional('./plan-bench.ts', 'benchPlans'),
  dashboard: () => optional('./dashboard-bench.ts', 'benchDashboard'),
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
for (const [name, load] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const bench = await load();
  if (!bench) {
    console.log(`${name}: not available yet`);
    continue;
  }
  const started = performance.now();
  await bench((line) => console.log(line));
  console.log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

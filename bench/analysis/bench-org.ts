// A throwaway data folder with one hospital and one analyst, for the analysis benches.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../server/auth/passwords';
import { loadConfig } from '../../server/config';
import { createDeps, type Deps } from '../../server/deps';

export const PASSWORD = 'bench-password-1';
export const TODAY = '2026-06-30';

export interface BenchOrg {
  deps: Deps;
  orgId: string;
  email: string;
}

export async function withBenchOrg(work: (org: BenchOrg) => Promise<void>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'analysis-bench-'));
  const deps = createDeps(loadConfig({ HP_DATA_DIR: dataDir, HP_SEED_DEMO: '0' }), {
    now: () => new Date(`${TODAY}T12:00:00Z`),
    log: () => {},
  });
  try {
    const org = deps.accounts.createOrg('Bench Hospital', 'hospital');
    const email = 'bench@bench.example';
    deps.accounts.createUser({
      orgId: org.id,
      email,
      name: 'Bench',
      role: 'analyst',
      passwordHash: await hashPassword(PASSWORD),
    });
    await work({ deps, orgId: org.id, email });
  } finally {
    await deps.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

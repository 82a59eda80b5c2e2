import type { Org } from '../../src/contract/auth';
import { hashPassword } from '../auth/passwords';
import type { Deps } from '../deps';

/** Local use only: the README and the start banner print these so a newcomer can sign in at once. */
export const DEMO_PASSWORD = 'healthproximate-demo';
export const DEMO_ACCOUNTS = [
  { org: 'Mercy General Hospital', type: 'hospital', email: 'analyst@mercy.example', name: 'Maya Chen' },
  { org: 'Lakeside Health Plan', type: 'payor', email: 'analyst@lakeside.example', name: 'Sam Okafor' },
] as const;

/** Creates the demo organizations and analysts when the database is empty; returns what it created. */
export async function seedDemoAccounts(deps: Deps): Promise<Org[]> {
  if (!deps.accounts.isEmpty()) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return DEMO_ACCOUNTS.map((account) => {
    const org = deps.accounts.createOrg(account.org, account.type);
    deps.accounts.createUser({
      orgId: org.id,
      email: account.email,
      name: account.name,
      role: 'analyst',
      passwordHash,
    });
    return org;
  });
}

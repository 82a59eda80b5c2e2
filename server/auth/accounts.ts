import type { Org, User } from '../../src/contract/auth';
import type { Db } from '../db/open-database';
import { newId } from '../lib/ids';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  password_hash: string;
  org_id: string;
  org_name: string;
  org_type: Org['type'];
}

const USER_SELECT = `SELECT u.id, u.email, u.name, u.role, u.password_hash, u.org_id, o.name AS org_name, o.type AS org_type
  FROM users u JOIN organizations o ON o.id = u.org_id`;

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  organization: { id: row.org_id, name: row.org_name, type: row.org_type },
});

export function createAccounts(db: Db, now: () => Date) {
  return {
    createOrg(name: string, type: Org['type']): Org {
      const org = { id: newId('org'), name, type };
      db.prepare('INSERT INTO organizations (id, name, type, created_at) VALUES (?, ?, ?, ?)').run(
        org.id,
        name,
        type,
        now().toISOString(),
      );
      return org;
    },
    getOrg(orgId: string): Org | null {
      return (
        (db.prepare('SELECT id, name, type FROM organizations WHERE id = ?').get(orgId) as Org | undefined) ??
        null
      );
    },
    listOrgs(): Org[] {
      return db.prepare('SELECT id, name, type FROM organizations ORDER BY created_at, name').all() as Org[];
    },
    createUser(input: {
      orgId: string;
      email: string;
      name: string;
      role: User['role'];
      passwordHash: string;
    }): User {
      const id = newId('usr');
      db.prepare(
        'INSERT INTO users (id, org_id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        id,
        input.orgId,
        input.email.trim().toLowerCase(),
        input.name,
        input.role,
        input.passwordHash,
        now().toISOString(),
      );
      return this.getUser(id)!;
    },
    getUser(userId: string): User | null {
      const row = db.prepare(`${USER_SELECT} WHERE u.id = ?`).get(userId) as UserRow | undefined;
      return row ? toUser(row) : null;
    },
    findLogin(email: string): { user: User; passwordHash: string } | null {
      const row = db.prepare(`${USER_SELECT} WHERE u.email = ?`).get(email.trim().toLowerCase()) as
        | UserRow
        | undefined;
      return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
    },
    listUsers(): User[] {
      return (db.prepare(`${USER_SELECT} ORDER BY o.created_at, u.email`).all() as UserRow[]).map(toUser);
    },
    isEmpty(): boolean {
      return !db.prepare('SELECT 1 FROM organizations LIMIT 1').get();
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;

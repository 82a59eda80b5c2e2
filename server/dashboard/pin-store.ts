import type { Pin } from '../../src/contract/dashboard';
import type { Workflow } from '../../src/contract/query-plan';
import type { Db } from '../db/open-database';
import { randomBase62 } from '../lib/ids';

/** Who is looking: a user sees their own cards and the ones shared with the organization; a key, only shared ones. */
export interface Viewer {
  orgId: string;
  /** The user id; null for an API key, which owns no cards. */
  userId: string | null;
}

interface PinRow {
  id: string;
  org_id: string;
  owner: string;
  owner_name: string | null;
  title: string;
  question: string;
  reading: string;
  workflow: Workflow;
  plan: string;
  shared: 0 | 1;
  position: number;
  created_at: string;
  updated_at: string;
}

interface NewPin {
  title: string;
  question: string;
  reading: string;
  workflow: Workflow;
  plan: unknown;
}

/** Enough for any real dashboard, small enough that a page of cards never becomes a denial of service. */
export const MAX_PINS_PER_USER = 50;

const SELECT = `SELECT p.*, u.name AS owner_name FROM dashboard_pins p LEFT JOIN users u ON u.id = p.owner`;

function planOf(row: PinRow): unknown {
  try {
    return JSON.parse(row.plan) as unknown;
  } catch {
    return null;
  }
}

function toPin(row: PinRow, viewer: Viewer): Pin {
  return {
    id: row.id,
    title: row.title,
    question: row.question,
    reading: row.reading,
    workflow: row.workflow,
    plan: planOf(row),
    shared: row.shared === 1,
    is_owner: viewer.userId !== null && row.owner === viewer.userId,
    owner_name: row.owner_name ?? 'A former member',
    position: row.position,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function createPinStore(db: Db, now: () => Date) {
  const stamp = () => now().toISOString();

  const visible = (viewer: Viewer): PinRow[] =>
    viewer.userId === null
      ? (db
          .prepare(`${SELECT} WHERE p.org_id = ? AND p.shared = 1 ORDER BY p.created_at, p.id`)
          .all(viewer.orgId) as PinRow[])
      : (db
          .prepare(
            // The viewer's own cards in their order, then colleagues' shared cards, oldest first.
            `${SELECT} WHERE p.org_id = ? AND (p.owner = ? OR p.shared = 1)
             ORDER BY (p.owner = ?) DESC, CASE WHEN p.owner = ? THEN p.position END, p.created_at, p.id`,
          )
          .all(viewer.orgId, viewer.userId, viewer.userId, viewer.userId) as PinRow[]);

  const find = (viewer: Viewer, id: string): PinRow | null => {
    const row = db.prepare(`${SELECT} WHERE p.id = ? AND p.org_id = ?`).get(id, viewer.orgId) as
      | PinRow
      | undefined;
    if (!row) return null;
    return row.shared === 1 || (viewer.userId !== null && row.owner === viewer.userId) ? row : null;
  };

  return {
    list: (viewer: Viewer): Pin[] => visible(viewer).map((row) => toPin(row, viewer)),

    /**
     * Every card of the organization, whoever pinned it (to compute them ahead of anyone opening them), the
     * first places on each page first.
     */
    listOrg(orgId: string): Pin[] {
      return (
        db
          .prepare(`${SELECT} WHERE p.org_id = ? ORDER BY p.position, p.created_at, p.id`)
          .all(orgId) as PinRow[]
      ).map((row) => toPin(row, { orgId, userId: null }));
    },

    /** Organizations that have at least one card. */
    orgsWithPins(): string[] {
      return (db.prepare('SELECT DISTINCT org_id FROM dashboard_pins').all() as { org_id: string }[]).map(
        (row) => row.org_id,
      );
    },

    get(viewer: Viewer, id: string): Pin | null {
      const row = find(viewer, id);
      return row ? toPin(row, viewer) : null;
    },

    countOwned(orgId: string, userId: string): number {
      const row = db
        .prepare('SELECT count(*) AS n FROM dashboard_pins WHERE org_id = ? AND owner = ?')
        .get(orgId, userId) as { n: number };
      return row.n;
    },

    create(orgId: string, userId: string, pin: NewPin): Pin {
      const id = `pin_${randomBase62(20)}`;
      const at = stamp();
      db.transaction(() => {
        const { next } = db
          .prepare(
            'SELECT coalesce(max(position), -1) + 1 AS next FROM dashboard_pins WHERE org_id = ? AND owner = ?',
          )
          .get(orgId, userId) as { next: number };
        db.prepare(
          `INSERT INTO dashboard_pins (id, org_id, owner, title, question, reading, workflow, plan, shared, position,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
        ).run(
          id,
          orgId,
          userId,
          pin.title,
          pin.question,
          pin.reading,
          pin.workflow,
          JSON.stringify(pin.plan),
          next,
          at,
          at,
        );
      })();
      return this.get({ orgId, userId }, id)!;
    },

    /** Only the owner changes a card; returns null when the card is not theirs (or not there). */
    update(
      orgId: string,
      userId: string,
      id: string,
      change: { title?: string; shared?: boolean },
    ): Pin | null {
      const result = db
        .prepare(
          `UPDATE dashboard_pins SET title = coalesce(?, title), shared = coalesce(?, shared), updated_at = ?
           WHERE id = ? AND org_id = ? AND owner = ?`,
        )
        .run(
          change.title ?? null,
          change.shared === undefined ? null : change.shared ? 1 : 0,
          stamp(),
          id,
          orgId,
          userId,
        );
      return result.changes ? this.get({ orgId, userId }, id) : null;
    },

    remove(orgId: string, userId: string, id: string): boolean {
      return (
        db
          .prepare('DELETE FROM dashboard_pins WHERE id = ? AND org_id = ? AND owner = ?')
          .run(id, orgId, userId).changes > 0
      );
    },

    /** `ids` must be exactly the owner's cards, in the new order; returns the ids that do not fit, if any. */
    reorder(orgId: string, userId: string, ids: string[]): { unknown: string[]; missing: string[] } {
      const owned = (
        db.prepare('SELECT id FROM dashboard_pins WHERE org_id = ? AND owner = ?').all(orgId, userId) as {
          id: string;
        }[]
      ).map((row) => row.id);
      const ownedSet = new Set(owned);
      const given = new Set(ids);
      const unknown = ids.filter((id) => !ownedSet.has(id));
      const missing = owned.filter((id) => !given.has(id));
      if (unknown.length || missing.length || given.size !== ids.length) return { unknown, missing };
      const move = db.prepare(
        'UPDATE dashboard_pins SET position = ? WHERE id = ? AND org_id = ? AND owner = ?',
      );
      db.transaction(() => {
        for (const [index, id] of ids.entries()) move.run(index, id, orgId, userId);
      })();
      return { unknown: [], missing: [] };
    },
  };
}

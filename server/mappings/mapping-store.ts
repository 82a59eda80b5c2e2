import {
  type ColumnMapping,
  headerSignature,
  type MappingColumns,
  type NewColumnMapping,
} from '../../src/contract/column-mapping';
import type { Db } from '../db/open-database';
import { badRequest, HttpError, notFound } from '../http/errors';
import { newId } from '../lib/ids';

interface MappingRow {
  id: string;
  name: string;
  header: string;
  columns: string;
  created_at: string;
  created_by: string;
}

const toMapping = (row: MappingRow): ColumnMapping => ({
  id: row.id,
  name: row.name,
  header: JSON.parse(row.header) as string[],
  columns: JSON.parse(row.columns) as MappingColumns,
  created_at: row.created_at,
  created_by: row.created_by,
});

/** An organization's named column mappings; every read and write takes the organization first. */
export function createMappingStore(db: Db, now: () => Date) {
  return {
    create(orgId: string, mapping: NewColumnMapping, createdBy: string): ColumnMapping {
      const sources = new Set(mapping.header);
      const unknown = Object.entries(mapping.columns).filter(
        ([, entry]) => entry && !sources.has(entry.source),
      );
      if (unknown.length > 0) {
        throw badRequest(
          `The mapping reads columns its header does not have: ${unknown.map(([, entry]) => `"${entry?.source}"`).join(', ')}.`,
          Object.fromEntries(unknown.map(([column]) => [`columns.${column}`, 'not in header'])),
        );
      }
      const taken = db
        .prepare('SELECT 1 FROM column_mappings WHERE org_id = ? AND name = ?')
        .get(orgId, mapping.name);
      if (taken)
        throw new HttpError(
          'conflict',
          `A mapping named "${mapping.name}" already exists. Choose another name.`,
        );
      const id = newId('map');
      db.prepare(
        `INSERT INTO column_mappings (id, org_id, name, header, header_signature, columns, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        orgId,
        mapping.name,
        JSON.stringify(mapping.header),
        headerSignature(mapping.header),
        JSON.stringify(mapping.columns),
        now().toISOString(),
        createdBy,
      );
      return this.get(orgId, id)!;
    },
    get(orgId: string, id: string): ColumnMapping | null {
      const row = db.prepare('SELECT * FROM column_mappings WHERE org_id = ? AND id = ?').get(orgId, id) as
        | MappingRow
        | undefined;
      return row ? toMapping(row) : null;
    },
    require(orgId: string, id: string): ColumnMapping {
      const mapping = this.get(orgId, id);
      if (!mapping) throw notFound('That column mapping');
      return mapping;
    },
    list(orgId: string): ColumnMapping[] {
      return (
        db
          .prepare(
            'SELECT * FROM column_mappings WHERE org_id = ? ORDER BY created_at DESC, id DESC LIMIT 500',
          )
          .all(orgId) as MappingRow[]
      ).map(toMapping);
    },
    /** The newest mapping made for exactly this header (names in order, any letter case). */
    forHeader(orgId: string, header: string[]): ColumnMapping | null {
      const row = db
        .prepare(
          `SELECT * FROM column_mappings WHERE org_id = ? AND header_signature = ?
           ORDER BY created_at DESC, id DESC LIMIT 1`,
        )
        .get(orgId, headerSignature(header)) as MappingRow | undefined;
      return row ? toMapping(row) : null;
    },
    remove(orgId: string, id: string) {
      const result = db.prepare('DELETE FROM column_mappings WHERE org_id = ? AND id = ?').run(orgId, id);
      if (result.changes === 0) throw notFound('That column mapping');
    },
  };
}

export type MappingStore = ReturnType<typeof createMappingStore>;

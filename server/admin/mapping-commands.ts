import fs from 'node:fs';
import * as z from 'zod/mini';
import { NewColumnMapping } from '../../src/contract/column-mapping';
import type { Db } from '../db/open-database';
import { HttpError } from '../http/errors';
import { createMappingStore } from '../mappings/mapping-store';
import type { CommandOutput } from './key-commands';

export const MAPPING_OPTIONS = { from: { type: 'string' } } as const;

export const MAPPING_USAGE = `  npm run admin -- mapping:create --org <org_id> --name "Epic nightly" --from mapping.json [--json]
      (mapping.json: {"header": [...], "columns": {"admit_date": {"source": "DOS", "format": "MM/DD/YYYY"}, ...}};
       integrations pass the printed id as "mapping_id" when they upload)
  npm run admin -- mapping:list --org <org_id> [--json]
  npm run admin -- mapping:delete --org <org_id> --id <mapping_id>`;

type Fail = (message: string) => never;
type Values = Record<string, string | boolean | undefined>;

const text = (values: Values, name: string, fail: Fail) => {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fail(`--${name} is required.`);
};

export function mappingCommand(command: string, db: Db, values: Values, fail: Fail): CommandOutput {
  const store = createMappingStore(db, () => new Date());
  const orgId = text(values, 'org', fail);
  if (!db.prepare('SELECT 1 FROM organizations WHERE id = ?').get(orgId))
    fail(`There is no organization ${orgId}. See "npm run admin -- list".`);
  try {
    if (command === 'mapping:list') {
      const mappings = store.list(orgId);
      const lines = mappings.map(
        (mapping) =>
          `${mapping.id}  ${mapping.name}  (${Object.keys(mapping.columns).length} columns, header: ${mapping.header.join(', ')})`,
      );
      return { json: { results: mappings }, text: lines.join('\n') || 'No column mappings yet.' };
    }
    if (command === 'mapping:delete') {
      store.remove(orgId, text(values, 'id', fail));
      return { json: { deleted: values.id }, text: `Deleted mapping ${values.id}.` };
    }
    const file = text(values, 'from', fail);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      return fail(`${file} could not be read as JSON: ${(error as Error).message}`);
    }
    const parsed = NewColumnMapping.safeParse({ ...(raw as object), name: text(values, 'name', fail) });
    if (!parsed.success) return fail(`${file} is not a column mapping: ${z.prettifyError(parsed.error)}`);
    const mapping = store.create(orgId, parsed.data, 'operator command');
    return { json: mapping, text: `Created mapping ${mapping.name}: ${mapping.id}` };
  } catch (error) {
    if (error instanceof HttpError) return fail(error.message);
    throw error;
  }
}

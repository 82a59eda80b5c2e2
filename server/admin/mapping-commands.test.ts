import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../auth/accounts';
import { type Db, openDatabase } from '../db/open-database';
import { mappingCommand } from './mapping-commands';

let dataDir: string;
let db: Db;
let orgId: string;
const fail = (message: string): never => {
  throw new Error(message);
};

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-admin-map-'));
  db = openDatabase(dataDir);
  orgId = createAccounts(db, () => new Date()).createOrg('Mercy General', 'hospital').id;
});
afterAll(() => {
  db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('operator mapping commands', () => {
  it('creates a mapping from a JSON file, lists it and deletes it', () => {
    const file = path.join(dataDir, 'mapping.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        header: ['Encounter', 'DOS', 'Disch'],
        columns: {
          case_id: { source: 'Encounter' },
          admit_date: { source: 'DOS', format: 'MM/DD/YYYY' },
          discharge_date: { source: 'Disch', format: 'MM/DD/YYYY' },
        },
      }),
    );
    const created = mappingCommand('mapping:create', db, { org: orgId, name: 'Epic', from: file }, fail);
    const id = (created.json as { id: string }).id;
    expect(created.text).toBe(`Created mapping Epic: ${id}`);
    expect(mappingCommand('mapping:list', db, { org: orgId }, fail).text).toMatch(`${id}  Epic  (3 columns`);
    expect(() =>
      mappingCommand('mapping:create', db, { org: orgId, name: 'Epic', from: file }, fail),
    ).toThrow(/already exists/);
    mappingCommand('mapping:delete', db, { org: orgId, id }, fail);
    expect(mappingCommand('mapping:list', db, { org: orgId }, fail).text).toBe('No column mappings yet.');
  });

  it('says what is wrong with a file that is not a mapping', () => {
    const file = path.join(dataDir, 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ header: ['a'], columns: { admit_date: { source: 'a', format: 'DD-MM' } } }),
    );
    expect(() => mappingCommand('mapping:create', db, { org: orgId, name: 'x', from: file }, fail)).toThrow(
      /is not a column mapping/,
    );
    expect(() => mappingCommand('mapping:list', db, { org: 'org_nope' }, fail)).toThrow(/no organization/);
  });
});

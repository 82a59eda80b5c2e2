import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { createAccounts } from '../auth/accounts';
import { createCaseStore } from '../cases/create-case-store';
import { openDatabase } from '../db/open-database';
import { createFileRecords } from '../files/file-records';
import { createFiles, type FileHooks } from '../files/files-service';
import type { ObjectStore } from '../files/object-store';

// The stores a crash test kills and reopens: the real SQLite records, the real DuckDB case store and the real
// files service; only the object store is a file on disk, as the bytes are not what is under test.

/** Objects are files in `objectsDir`, named by key with slashes replaced. */
function diskObjects(objectsDir: string): ObjectStore {
  const fileOf = (key: string) => `${objectsDir}/${key.replaceAll('/', '_')}`;
  return {
    bucket: 'crash',
    presign: () => Promise.reject(new Error('not used')),
    head: async (key) => {
      const stat = fs.statSync(fileOf(key), { throwIfNoEntry: false });
      return stat ? { size: stat.size, etag: '"crash"' } : null;
    },
    open: async (key) => fs.createReadStream(fileOf(key)) as unknown as Readable,
    put: async (key, file) => fs.copyFileSync(file, fileOf(key)),
    remove: async (key) => fs.rmSync(fileOf(key), { force: true }),
    checkBucket: async () => {},
  };
}

export function openCrashStores(dataDir: string, objectsDir: string, wrap: Partial<FileHooks> = {}) {
  const db = openDatabase(dataDir);
  const cases = createCaseStore({ dataDir });
  const records = createFileRecords(db, () => new Date());
  const files = createFiles({
    records,
    objects: diskObjects(objectsDir),
    maxUploadBytes: 1e12,
    log: () => {},
    hooks: {
      onStored: (orgId, file, source) => cases.ingest(orgId, file.id, source),
      onRemoved: (orgId, file) => cases.removeFile(orgId, file.id),
      committedIngest: (orgId, file) => cases.committedIngest(orgId, file.id),
      ...wrap,
    },
  });
  return {
    db,
    cases,
    files,
    accounts: createAccounts(db, () => new Date()),
    objectPath: (key: string) => `${objectsDir}/${key.replaceAll('/', '_')}`,
    async close() {
      await files.idle();
      await cases.close();
      db.close();
    },
  };
}

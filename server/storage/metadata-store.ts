import Database from 'better-sqlite3';

interface ObjectRecord {
  key: string;
  blob: string;
  size: number;
  etag: string;
  contentType: string;
  lastModified: number;
}

interface UploadRecord {
  uploadId: string;
  key: string;
  contentType: string;
  createdAt: number;
}

interface PartRecord {
  uploadId: string;
  partNumber: number;
  blob: string;
  size: number;
  etag: string;
  lastModified: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS objects (
    key TEXT PRIMARY KEY, blob TEXT NOT NULL, size INTEGER NOT NULL, etag TEXT NOT NULL,
    content_type TEXT NOT NULL, last_modified INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS uploads (
    upload_id TEXT PRIMARY KEY, key TEXT NOT NULL, content_type TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS parts (
    upload_id TEXT NOT NULL, part_number INTEGER NOT NULL, blob TEXT NOT NULL, size INTEGER NOT NULL,
    etag TEXT NOT NULL, last_modified INTEGER NOT NULL, PRIMARY KEY (upload_id, part_number));
  CREATE TABLE IF NOT EXISTS used_signatures (signature TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
`;

const OBJECT_COLUMNS = 'key, blob, size, etag, content_type AS contentType, last_modified AS lastModified';
const UPLOAD_COLUMNS = 'upload_id AS uploadId, key, content_type AS contentType, created_at AS createdAt';
const PART_COLUMNS =
  'upload_id AS uploadId, part_number AS partNumber, blob, size, etag, last_modified AS lastModified';

export type MetadataStore = ReturnType<typeof openMetadataStore>;

/** Objects, multipart uploads and spent presigned signatures; blobs on disk are referenced by name only. */
export function openMetadataStore(path: string) {
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.exec(SCHEMA);

  const statements = {
    getObject: database.prepare<[string], ObjectRecord>(
      `SELECT ${OBJECT_COLUMNS} FROM objects WHERE key = ?`,
    ),
    putObject: database.prepare(
      `INSERT OR REPLACE INTO objects (key, blob, size, etag, content_type, last_modified)
       VALUES (@key, @blob, @size, @etag, @contentType, @lastModified)`,
    ),
    deleteObject: database.prepare<[string]>('DELETE FROM objects WHERE key = ?'),
    createUpload: database.prepare(
      `INSERT INTO uploads (upload_id, key, content_type, created_at)
       VALUES (@uploadId, @key, @contentType, @createdAt)`,
    ),
    getUpload: database.prepare<[string], UploadRecord>(
      `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE upload_id = ?`,
    ),
    deleteUpload: database.prepare<[string]>('DELETE FROM uploads WHERE upload_id = ?'),
    uploadsCreatedBefore: database.prepare<[number], UploadRecord>(
      `SELECT ${UPLOAD_COLUMNS} FROM uploads WHERE created_at < ?`,
    ),
    getPart: database.prepare<[string, number], PartRecord>(
      `SELECT ${PART_COLUMNS} FROM parts WHERE upload_id = ? AND part_number = ?`,
    ),
    putPart: database.prepare(
      `INSERT OR REPLACE INTO parts (upload_id, part_number, blob, size, etag, last_modified)
       VALUES (@uploadId, @partNumber, @blob, @size, @etag, @lastModified)`,
    ),
    listParts: database.prepare<[string, number, number], PartRecord>(
      `SELECT ${PART_COLUMNS} FROM parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?`,
    ),
    allParts: database.prepare<[string], PartRecord>(
      `SELECT ${PART_COLUMNS} FROM parts WHERE upload_id = ? ORDER BY part_number`,
    ),
    deleteParts: database.prepare<[string]>('DELETE FROM parts WHERE upload_id = ?'),
    isSignatureUsed: database.prepare<[string], { found: number }>(
      'SELECT 1 AS found FROM used_signatures WHERE signature = ?',
    ),
    markSignatureUsed: database.prepare<[string, number]>(
      'INSERT OR REPLACE INTO used_signatures (signature, expires_at) VALUES (?, ?)',
    ),
    forgetSignaturesExpiredBefore: database.prepare<[number]>(
      'DELETE FROM used_signatures WHERE expires_at < ?',
    ),
  };

  return {
    /** Runs `work` atomically, so an object and the signature that stored it are committed together. */
    transaction<T>(work: () => T): T {
      return database.transaction(work)();
    },
    getObject: (key: string) => statements.getObject.get(key),
    /** Returns the blob the new object replaced, for the caller to delete. */
    putObject(record: ObjectRecord): string | undefined {
      const previous = statements.getObject.get(record.key);
      statements.putObject.run(record);
      return previous && previous.blob !== record.blob ? previous.blob : undefined;
    },
    deleteObject(key: string): string | undefined {
      const previous = statements.getObject.get(key);
      statements.deleteObject.run(key);
      return previous?.blob;
    },
    createUpload: (upload: UploadRecord) => void statements.createUpload.run(upload),
    getUpload: (uploadId: string) => statements.getUpload.get(uploadId),
    uploadsCreatedBefore: (time: number) => statements.uploadsCreatedBefore.all(time),
    /** Removes an upload and its parts; returns the part blobs to delete. */
    removeUpload(uploadId: string): string[] {
      const blobs = statements.allParts.all(uploadId).map((part) => part.blob);
      statements.deleteParts.run(uploadId);
      statements.deleteUpload.run(uploadId);
      return blobs;
    },
    /** Returns the blob of the part this one replaced, for the caller to delete. */
    putPart(part: PartRecord): string | undefined {
      const previous = statements.getPart.get(part.uploadId, part.partNumber);
      statements.putPart.run(part);
      return previous?.blob;
    },
    listParts: (uploadId: string, afterPartNumber: number, limit: number) =>
      statements.listParts.all(uploadId, afterPartNumber, limit),
    allParts: (uploadId: string) => statements.allParts.all(uploadId),
    isSignatureUsed: (signature: string) => statements.isSignatureUsed.get(signature) !== undefined,
    markSignatureUsed: (signature: string, expiresAt: number) =>
      void statements.markSignatureUsed.run(signature, expiresAt),
    forgetSignaturesExpiredBefore: (time: number) =>
      statements.forgetSignaturesExpiredBefore.run(time).changes,
    close: () => database.close(),
  };
}

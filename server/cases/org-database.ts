import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { CREATE_CASES_TABLE } from './schema';

export type QueryRow = Record<string, string | number | boolean | null>;

export interface OrgDatabaseSettings {
  /** DuckDB's memory_limit per organization's database (e.g. '1GB'); past it, work spills to `spillDir`. */
  memoryLimit: string;
  /** A file may expand to at most this many times its size (see ingest's refuseOversized). */
  maxExpansion: number;
}

const DEFAULT_ORG_DATABASE_SETTINGS: OrgDatabaseSettings = { memoryLimit: '1GB', maxExpansion: 500 };

/** The ledger of committed ingestions, written in the same transaction as the rows (see ingest.ts). */
const CREATE_INGESTS_TABLE = `CREATE TABLE IF NOT EXISTS ingests (
  file_id VARCHAR PRIMARY KEY,
  rows INTEGER NOT NULL,
  rejected_rows INTEGER NOT NULL,
  errors VARCHAR NOT NULL,
  finished_at TIMESTAMP NOT NULL
)`;

/**
 * The data version: one row, raised in the same transaction as every change to the cases (see bumpDataVersion),
 * so caches keyed on it stay right across restarts. A new file starts from the time it was created, in
 * milliseconds, so a file deleted and made again never repeats a version an earlier one handed out.
 */
const CREATE_VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS data_version (version BIGINT NOT NULL)';

/** Raises the data version; call it inside the transaction that changes the cases, just before COMMIT. */
export async function bumpDataVersion(connection: DuckDBConnection): Promise<void> {
  await connection.run('UPDATE data_version SET version = version + 1');
}

async function readDataVersion(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll('SELECT max(version) AS version FROM data_version');
  return Number(reader.getRowObjectsJS()[0]?.version ?? 0);
}

/** One DuckDB file per organization, opened once per process, with its writes run one at a time. */
export class OrgDatabase {
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** The data version as last read from the file (on open and after every change, see refreshDataVersion). */
  dataVersion = 0;

  private constructor(
    readonly instance: DuckDBInstance,
    /** Where uploads are staged before DuckDB reads them. */
    readonly uploadDir: string,
    readonly maxExpansion: number,
  ) {}

  static async open(
    file: string,
    spillDir: string,
    uploadDir: string,
    settings: OrgDatabaseSettings = DEFAULT_ORG_DATABASE_SETTINGS,
  ): Promise<OrgDatabase> {
    const instance = await DuckDBInstance.create(file, {
      temp_directory: spillDir,
      memory_limit: settings.memoryLimit,
    });
    const database = new OrgDatabase(instance, uploadDir, settings.maxExpansion);
    await database.withConnection(async (connection) => {
      await connection.run(CREATE_CASES_TABLE);
      await connection.run(CREATE_INGESTS_TABLE);
      await connection.run(CREATE_VERSION_TABLE);
      database.dataVersion = await readDataVersion(connection);
      if (database.dataVersion === 0) {
        await connection.run('INSERT INTO data_version VALUES (?)', [Date.now()]);
        database.dataVersion = await readDataVersion(connection);
      }
    });
    return database;
  }

  async withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  }

  /** Runs `work` after every earlier write of this organization has finished. */
  write<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const next = this.writeQueue.then(() => this.withConnection(work));
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  /** A read on its own connection, so an abort interrupts this query and nothing else. */
  async query(sql: string, params: DuckDBValue[] = [], signal?: AbortSignal): Promise<QueryRow[]> {
    signal?.throwIfAborted();
    return this.withConnection(async (connection) => {
      const interrupt = () => connection.interrupt();
      signal?.addEventListener('abort', interrupt, { once: true });
      try {
        const reader = await connection.runAndReadAll(sql, params);
        return reader.getRowObjectsJS().map(toPlainRow);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw error;
      } finally {
        signal?.removeEventListener('abort', interrupt);
      }
    });
  }

  /** Reads the version after a change, queued behind the writes so it sees what they committed. */
  async refreshDataVersion(): Promise<number> {
    this.dataVersion = await this.write(readDataVersion);
    return this.dataVersion;
  }

  async drain(): Promise<void> {
    await this.writeQueue;
  }

  close(): void {
    this.instance.closeSync();
  }
}

function toPlainRow(row: Record<string, unknown>): QueryRow {
  const plain: QueryRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'bigint') plain[key] = Number(value);
    else if (value instanceof Date) plain[key] = value.toISOString().slice(0, 10);
    else if (value === undefined) plain[key] = null;
    else if (typeof value === 'object' && value !== null) plain[key] = String(value);
    else plain[key] = value as string | number | boolean | null;
  }
  return plain;
}

/** Organization ids become file names, so anything but a plain id is hashed. */
export function orgFileStem(orgId: string): string {
  if (/^[A-Za-z0-9_-]{1,100}$/.test(orgId)) return orgId;
  return `org-${createHash('sha256').update(orgId).digest('hex').slice(0, 32)}`;
}

export class OrgDatabases {
  private readonly open = new Map<string, Promise<OrgDatabase>>();
  readonly directory: string;
  private readonly spillDir: string;
  private readonly uploadDir: string;

  constructor(
    dataDir: string,
    private readonly settings: OrgDatabaseSettings = DEFAULT_ORG_DATABASE_SETTINGS,
  ) {
    this.directory = path.join(dataDir, 'analytics');
    // DuckDB's spill files and staged uploads live apart, so neither can clean up the other's files.
    this.spillDir = path.join(this.directory, 'spill');
    this.uploadDir = path.join(this.directory, 'uploads');
    fs.mkdirSync(this.spillDir, { recursive: true });
    fs.mkdirSync(this.uploadDir, { recursive: true });
    // Staged copies left by a process that stopped mid-ingestion: only one process uses a data folder.
    for (const name of fs.readdirSync(this.uploadDir)) {
      if (name.startsWith('upload-')) fs.rmSync(path.join(this.uploadDir, name), { force: true });
    }
  }

  get(orgId: string): Promise<OrgDatabase> {
    let database = this.open.get(orgId);
    if (!database) {
      const file = path.join(this.directory, `${orgFileStem(orgId)}.duckdb`);
      database = OrgDatabase.open(file, this.spillDir, this.uploadDir, this.settings);
      this.open.set(orgId, database);
      database.catch(() => this.open.delete(orgId));
    }
    return database;
  }

  /** The analytics folder is writable and DuckDB answers a query. */
  async check(): Promise<void> {
    fs.accessSync(this.directory, fs.constants.W_OK);
    const instance = await DuckDBInstance.create(':memory:');
    try {
      const connection = await instance.connect();
      await connection.run('SELECT 1');
      connection.closeSync();
    } finally {
      instance.closeSync();
    }
  }

  async closeAll(): Promise<void> {
    const databases = await Promise.allSettled(this.open.values());
    this.open.clear();
    for (const result of databases) {
      if (result.status !== 'fulfilled') continue;
      await result.value.drain();
      result.value.close();
    }
  }
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HealthCheckName } from '../src/contract/health';
import { type AgentService, createAgentService } from './agent/agent-service';
import { createAgentStore } from './agent/agent-store';
import { createCaseAnalyst } from './agent/case-analyst';
import { type AccessTokens, createAccessTokens } from './auth/access-tokens';
import { type Accounts, createAccounts } from './auth/accounts';
import { createKnownDevices, type KnownDevices } from './auth/known-devices';
import { createRefreshTokens, type RefreshTokens } from './auth/refresh-tokens';
import { createCaseStore } from './cases/create-case-store';
import type { CaseStore } from './cases/types';
import type { Config } from './config';
import { type Db, openDatabase } from './db/open-database';
import { createFileRecords } from './files/file-records';
import { createFiles, type FileHooks, type Files } from './files/files-service';
import type { ObjectStore } from './files/object-store';
import { openObjectStorage } from './files/open-object-storage';
import { type ApiKeys, createApiKeys } from './keys/api-keys';
import { jsonLog, type Log } from './lib/log';
import { type Backoff, createBackoff, createWindowLimit, type WindowLimit } from './lib/rate-limit';
import { createMappingStore, type MappingStore } from './mappings/mapping-store';
import type { Storage } from './storage/create-storage';

export interface Deps {
  config: Config;
  now: () => Date;
  log: Log;
  version: string;
  db: Db;
  accounts: Accounts;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  /** See the README's "Security model" for the numbers. */
  loginThrottle: { byEmail: Backoff; byAddress: WindowLimit; byDevice: WindowLimit };
  knownDevices: KnownDevices;
  keys: ApiKeys;
  /** The S3-compatible store uploads go to (embedded or `HP_S3_*`), as the API sees it. */
  objects: ObjectStore;
  files: Files;
  /** The organizations' named column mappings, which ingestion reads files with. */
  mappings: MappingStore;
  /** The embedded store, served on the storage port by start-server; null when `HP_S3_*` is set. */
  storage: Storage | null;
  /** Each organization's case data and the engines that answer questions about it. */
  cases: CaseStore;
  agent: AgentService;
  healthChecks: Record<HealthCheckName, () => Promise<void>>;
  /** Stops timers and closes every store; safe to call once at shutdown. */
  close(): Promise<void>;
}

interface DepsOptions {
  now?: () => Date;
  log?: Log;
  /** Where case ingestion plugs into uploads (see FileHooks). */
  fileHooks?: FileHooks;
}

/** The signing secret is generated on first start and kept beside the data it protects. */
function jwtKey(config: Config): Uint8Array {
  if (config.jwtSecret) return new TextEncoder().encode(config.jwtSecret);
  const file = path.join(config.dataDir, 'jwt-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return new TextEncoder().encode(fs.readFileSync(file, 'utf8').trim());
}

export function createDeps(config: Config, options: DepsOptions = {}): Deps {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? jsonLog;
  const db = openDatabase(config.dataDir);
  const signingKey = jwtKey(config);
  const keys = createApiKeys(db, now);
  const minutes = 60_000;
  const objectStorage = openObjectStorage(config, now, log);
  const today = () => now().toISOString().slice(0, 10);
  const cases = createCaseStore({
    dataDir: config.dataDir,
    today,
    settings: { memoryLimit: config.duckdbMemoryLimit, maxExpansion: config.ingestMaxExpansion },
    fiscalYearStartMonth: config.fiscalYearStartMonth,
  });
  // Case files become the organization's case data when stored, and leave it when deleted.
  const caseHooks: FileHooks = {
    onStored: (orgId, file, source) => cases.ingest(orgId, file.id, source),
    onRemoved: (orgId, file) => cases.removeFile(orgId, file.id),
    committedIngest: (orgId, file) => cases.committedIngest(orgId, file.id),
  };
  const mappings = createMappingStore(db, now);
  const files = createFiles({
    records: createFileRecords(db, now),
    mappings,
    objects: objectStorage.objects,
    maxUploadBytes: config.maxUploadBytes,
    log,
    hooks: options.fileHooks ?? caseHooks,
  });
  // Hourly: abandoned multipart uploads lose their parts, and pending records nobody finished are closed.
  const sweep = setInterval(() => {
    objectStorage
      .sweep()
      .catch((error: unknown) => log({ level: 'warn', event: 'sweep_failed', error: String(error) }));
    files.records.abortPendingBefore(new Date(now().getTime() - 24 * 60 * minutes));
  }, 60 * minutes);
  sweep.unref();
  const agent = createAgentService({
    store: createAgentStore(db, now),
    analyst: createCaseAnalyst(cases, { fiscalYearStartMonth: config.fiscalYearStartMonth }),
    today,
    log,
  });
  return {
    config,
    now,
    log,
    version: process.env.npm_package_version ?? '0.1.0',
    db,
    accounts: createAccounts(db, now),
    accessTokens: createAccessTokens(signingKey, now),
    refreshTokens: createRefreshTokens(db, now, signingKey),
    loginThrottle: {
      // Per email a growing wait, never a lock: 5 free failures, then 1 s, 2 s, 4 s … at most 60 s.
      byEmail: createBackoff({ free: 5, baseSeconds: 1, maxSeconds: 60, windowMs: 15 * minutes, now }),
      byAddress: createWindowLimit({ limit: 30, windowMs: 15 * minutes, now }),
      // A known device that fails 5 times in 15 minutes loses its pass past the per-email wait.
      byDevice: createWindowLimit({ limit: 5, windowMs: 15 * minutes, now }),
    },
    knownDevices: createKnownDevices(signingKey),
    keys,
    objects: objectStorage.objects,
    files,
    mappings,
    storage: objectStorage.storage,
    cases,
    agent,
    healthChecks: {
      database: async () => {
        db.prepare('SELECT 1').get();
      },
      storage: () => objectStorage.check(),
      analytics: () => cases.check(),
    },
    async close() {
      // Written before the database closes, so the last minute of "last used" times is not lost.
      keys.close();
      clearInterval(sweep);
      await agent.close();
      await files.idle();
      objectStorage.close();
      await cases.close();
      db.close();
    },
  };
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HealthCheckName } from '../src/contract/health';
import type { Principal } from './app-env';
import { type AccessTokens, createAccessTokens } from './auth/access-tokens';
import { type Accounts, createAccounts } from './auth/accounts';
import { createRefreshTokens, type RefreshTokens } from './auth/refresh-tokens';
import { createThrottle, type Throttle } from './auth/throttle';
import type { Config } from './config';
import { type Db, openDatabase } from './db/open-database';

export type ApiKeyPrincipal = Extract<Principal, { kind: 'api_key' }>;

export interface KeyVerifier {
  verify(raw: string): Promise<ApiKeyPrincipal | { problem: string }>;
}

export interface Deps {
  config: Config;
  now: () => Date;
  log: (line: object) => void;
  version: string;
  db: Db;
  accounts: Accounts;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  loginThrottle: { byEmail: Throttle; byAddress: Throttle };
  keys: KeyVerifier;
  healthChecks: Record<HealthCheckName, () => Promise<void>>;
  /** Stops timers and closes every store; safe to call once at shutdown. */
  close(): Promise<void>;
}

export interface DepsOptions {
  now?: () => Date;
  log?: (line: object) => void;
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

const jsonLog = (line: object) => console.log(JSON.stringify({ time: new Date().toISOString(), ...line }));

export function createDeps(config: Config, options: DepsOptions = {}): Deps {
  const now = options.now ?? (() => new Date());
  const db = openDatabase(config.dataDir);
  const minutes = 60_000;
  return {
    config,
    now,
    log: options.log ?? jsonLog,
    version: process.env.npm_package_version ?? '0.1.0',
    db,
    accounts: createAccounts(db, now),
    accessTokens: createAccessTokens(jwtKey(config), now),
    refreshTokens: createRefreshTokens(db, now),
    loginThrottle: {
      byEmail: createThrottle({ limit: 5, windowMs: 15 * minutes, now }),
      byAddress: createThrottle({ limit: 30, windowMs: 15 * minutes, now }),
    },
    keys: { verify: async () => ({ problem: 'API keys are not enabled on this server yet.' }) },
    healthChecks: {
      database: async () => {
        db.prepare('SELECT 1').get();
      },
      storage: async () => {},
      analytics: async () => {},
    },
    async close() {
      db.close();
    },
  };
}

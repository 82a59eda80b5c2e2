import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../src/contract/upload';

interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Config {
  port: number;
  storagePort: number;
  dataDir: string;
  /** Null means: generate one and keep it in the data folder. */
  jwtSecret: string | null;
  allowedOrigins: string[];
  /** Null means the embedded store, reachable on `storagePort`. */
  s3: S3Settings | null;
  maxUploadBytes: number;
  seedDemo: boolean;
  /** Proxies in front of the server whose X-Forwarded-For entries are trusted (0: none, use the socket). */
  trustProxyHops: number;
  /** Demo cases generated per seeded organization. */
  demoCases: number;
  /** Host the embedded servers bind to; loopback unless asked otherwise. */
  host: string;
  /** Refuse a file whose decompressed data is more than this many times its size (a decompression bomb). */
  ingestMaxExpansion: number;
  /** DuckDB's memory_limit for each organization's database; past it, work spills to the data folder. */
  duckdbMemoryLimit: string;
  /** 1–12: the month the organizations' fiscal year starts in ("FY2025", "FYTD" in questions). */
  fiscalYearStartMonth: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(name, `"${raw}" is not a port number (0–65535).`);
  }
  return value;
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigError(name, `"${raw}" is not a positive whole number.`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(name, `"${raw}" must be 1 or 0.`);
}

function origins(raw: string, name: string): string[] {
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      try {
        const url = new URL(origin);
        if (url.origin !== origin.replace(/\/$/, '')) throw new Error('not an origin');
        return url.origin;
      } catch {
        throw new ConfigError(name, `"${origin}" is not an origin such as https://dashboard.example.com.`);
      }
    });
}

function s3Settings(env: Env): S3Settings | null {
  const names = [
    'HP_S3_ENDPOINT',
    'HP_S3_BUCKET',
    'HP_S3_REGION',
    'HP_S3_ACCESS_KEY_ID',
    'HP_S3_SECRET_ACCESS_KEY',
  ] as const;
  const given = names.filter((name) => env[name]);
  if (given.length === 0) return null;
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      missing[0]!,
      `is required when any HP_S3_* variable is set (missing: ${missing.join(', ')}).`,
    );
  }
  try {
    new URL(env.HP_S3_ENDPOINT!);
  } catch {
    throw new ConfigError('HP_S3_ENDPOINT', `"${env.HP_S3_ENDPOINT}" is not a URL.`);
  }
  return {
    endpoint: env.HP_S3_ENDPOINT!,
    bucket: env.HP_S3_BUCKET!,
    region: env.HP_S3_REGION!,
    accessKeyId: env.HP_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.HP_S3_SECRET_ACCESS_KEY!,
  };
}

function memorySize(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(raw.trim())) {
    throw new ConfigError(name, `"${raw}" is not a memory size such as 512MB or 2GB.`);
  }
  return raw.trim();
}

/** October, the federal and CMS fiscal year, as the semantic model assumes when nothing is set. */
const DEFAULT_FISCAL_YEAR_START_MONTH = 10;

function month(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 12) {
    throw new ConfigError(name, `"${raw}" is not a month number (1 = January … 12 = December).`);
  }
  return value;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const host = env.HP_HOST || '127.0.0.1';
  const listenPort = port(env, 'HP_PORT', 8787);
  const jwtSecret = env.HP_JWT_SECRET || null;
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError('HP_JWT_SECRET', 'must be at least 32 characters long.');
  }
  const ownOrigins = [`http://localhost:${listenPort}`, `http://127.0.0.1:${listenPort}`];
  return {
    port: listenPort,
    storagePort: port(env, 'HP_STORAGE_PORT', 8788),
    dataDir: path.resolve(cwd, env.HP_DATA_DIR || '.data'),
    jwtSecret,
    allowedOrigins: env.HP_ALLOWED_ORIGINS
      ? origins(env.HP_ALLOWED_ORIGINS, 'HP_ALLOWED_ORIGINS')
      : ownOrigins,
    s3: s3Settings(env),
    maxUploadBytes: positiveInteger(env, 'HP_MAX_UPLOAD_BYTES', MAX_UPLOAD_BYTES),
    seedDemo: flag(env, 'HP_SEED_DEMO', true),
    demoCases: positiveInteger(env, 'HP_DEMO_CASES', 250_000),
    trustProxyHops: env.HP_TRUST_PROXY_HOPS === '0' ? 0 : positiveInteger(env, 'HP_TRUST_PROXY_HOPS', 0),
    host,
    ingestMaxExpansion: positiveInteger(env, 'HP_INGEST_MAX_EXPANSION', 500),
    duckdbMemoryLimit: memorySize(env, 'HP_DUCKDB_MEMORY_LIMIT', '1GB'),
    fiscalYearStartMonth: month(env, 'HP_FISCAL_YEAR_START_MONTH', DEFAULT_FISCAL_YEAR_START_MONTH),
  };
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/app');

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = load({});
    expect(config).toMatchObject({
      port: 8787,
      storagePort: 8788,
      dataDir: '/srv/app/.data',
      s3: null,
      seedDemo: true,
      demoCases: 250_000,
      maxUploadBytes: 20 * 1024 ** 3,
      fiscalYearStartMonth: 10,
    });
    expect(load({ HP_FISCAL_YEAR_START_MONTH: '7' }).fiscalYearStartMonth).toBe(7);
    expect(config.allowedOrigins).toContain('http://localhost:8787');
  });

  it.each([
    ['HP_PORT', 'abc'],
    ['HP_STORAGE_PORT', '70000'],
    ['HP_MAX_UPLOAD_BYTES', '-1'],
    ['HP_SEED_DEMO', 'yes'],
    ['HP_ALLOWED_ORIGINS', 'not a url'],
    ['HP_JWT_SECRET', 'short'],
    ['HP_DEMO_CASES', '1.5'],
    ['HP_TRUST_PROXY_HOPS', '-1'],
    ['HP_FISCAL_YEAR_START_MONTH', '13'],
    ['HP_FISCAL_YEAR_START_MONTH', 'july'],
  ])('stops on a bad %s and names it', (variable, value) => {
    expect(() => load({ [variable]: value })).toThrowError(ConfigError);
    expect(() => load({ [variable]: value })).toThrowError(new RegExp(`^${variable}:`));
  });

  it('needs every S3 variable once one is set', () => {
    expect(() => load({ HP_S3_ENDPOINT: 'https://s3.example.com' })).toThrowError(/HP_S3_BUCKET/);
    const config = load({
      HP_S3_ENDPOINT: 'https://s3.example.com',
      HP_S3_BUCKET: 'b',
      HP_S3_REGION: 'eu-west-1',
      HP_S3_ACCESS_KEY_ID: 'id',
      HP_S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.s3).toMatchObject({ bucket: 'b', region: 'eu-west-1' });
  });

  it('reads an origin list', () => {
    expect(load({ HP_ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173/' }).allowedOrigins).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
  });
});

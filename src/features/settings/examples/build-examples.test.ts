import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExamples, shellQuote } from './build-examples';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-examples-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LITERAL_KEY = /hpx_[0-9A-Za-z]{8,}/;

describe('buildExamples', () => {
  const examples = buildExamples('https://api.v2.healthproximate.com/');

  it('builds every URL from the configured base and reads the key only from $HPX_API_KEY', () => {
    expect(examples.apiBase).toBe('https://api.v2.healthproximate.com/api/v1');
    const byId = Object.fromEntries(examples.curl.map((step) => [step.id, step.code]));
    expect(byId.health).toBe("curl --fail-with-body -sS 'https://api.v2.healthproximate.com/api/v1/health/'");
    expect(byId.health).not.toMatch(/X-API-Key/);
    for (const id of ['identity', 'presign', 'complete', 'ask'])
      expect(byId[id]).toContain('"X-API-Key: $HPX_API_KEY"');
    expect(byId.put).not.toMatch(/X-API-Key/);
    expect(byId.ask).toMatch(/^curl -N /);
    expect(byId.ask).toContain("-H 'Accept: text/event-stream'");
    expect(byId.ask).toContain("/api/v1/agent/query/'");
    expect(byId.presign).toContain("/api/v1/upload/presigned-url/'");
    expect(byId.complete).toContain("/api/v1/upload/complete/'");
    expect(examples.javascript).toContain('const API = "https://api.v2.healthproximate.com/api/v1";');
    expect(examples.javascript).toContain('process.env.HPX_API_KEY');
    expect(examples.python).toContain('API = "https://api.v2.healthproximate.com/api/v1"');
    expect(examples.python).toContain('os.environ["HPX_API_KEY"]');
    for (const text of [...examples.curl.map((step) => step.code), examples.javascript, examples.python])
      expect(text).not.toMatch(LITERAL_KEY);
  });

  it('is valid bash, JavaScript and Python', () => {
    const script = path.join(dir, 'steps.sh');
    fs.writeFileSync(script, examples.curl.map((step) => step.code).join('\n'));
    execFileSync('bash', ['-n', script]);
    const javascript = path.join(dir, 'upload.mjs');
    fs.writeFileSync(javascript, examples.javascript);
    execFileSync(process.execPath, ['--check', javascript]);
    const python = path.join(dir, 'upload.py');
    fs.writeFileSync(python, examples.python);
    execFileSync('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', python]);
  });

  it('quotes a base URL so the shell cannot expand anything in it', () => {
    const output = execFileSync('bash', ['-c', `printf %s ${shellQuote("http://x/$(id)'`y`")}`], {
      encoding: 'utf8',
    });
    expect(output).toBe("http://x/$(id)'`y`");
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  type Account,
  admin,
  axeViolations,
  createAccount,
  expect,
  signInAs,
  test,
} from './support/fixtures';

interface CreatedKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
}

const createKey = (orgId: string, name: string, ...options: string[]): CreatedKey =>
  JSON.parse(admin(['key:create', '--org', orgId, '--name', name, ...options, '--json']));

const CASES_CSV =
  'case_id,admit_date,discharge_date,procedure_name,revenue\nE2E-1,2026-01-02,2026-01-05,Knee replacement,1200\n';

/** Runs an example exactly as a person would, in a scratch folder holding the file to upload. */
function runExample(command: string, args: string[], apiKey: string, files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-example-'));
  try {
    fs.writeFileSync(path.join(dir, 'report.csv'), CASES_CSV);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const result = spawnSync(command, args, {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, HPX_API_KEY: apiKey },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const runBash = (script: string, apiKey: string) =>
  runExample('bash', ['-euo', 'pipefail', '-c', script], apiKey);
const hasPythonRequests = spawnSync('python3', ['-c', 'import requests']).status === 0;

/** The curl steps as the page shows them. */
async function shownSteps(page: Page): Promise<Record<string, string>> {
  const steps = page.locator('[data-step]');
  await expect(steps.first()).toBeVisible();
  const entries: [string, string][] = [];
  for (const step of await steps.all()) {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person selects and pastes.
    entries.push([(await step.getAttribute('data-step'))!, await step.locator('pre').innerText()]);
  }
  return Object.fromEntries(entries);
}

let account: Account;
let key: CreatedKey;

test.beforeAll(() => {
  account = createAccount('hospital');
  key = createKey(account.orgId, 'e2e-examples', '--scopes', 'upload,agent');
});

test('the curl examples, run as shown with a real key, reach the API', async ({ page, baseURL }) => {
  await signInAs(page, account.email, account.password, '/settings');
  const steps = await shownSteps(page);
  expect(steps.health).toContain(`'${baseURL}/api/v1/health/'`);
  expect(Object.values(steps).join('\n')).not.toMatch(/hpx_[0-9A-Za-z]{8,}/);

  const health = runBash(steps.health!, key.key);
  expect(health.code, health.stderr).toBe(0);
  expect(JSON.parse(health.stdout)).toMatchObject({ status: 'ok' });

  const identity = runBash(steps.identity!, key.key);
  expect(identity.code, identity.stderr).toBe(0);
  expect(JSON.parse(identity.stdout)).toMatchObject({
    api_key: { name: 'e2e-examples', prefix: key.prefix, scopes: ['upload', 'agent'] },
    organization: { id: account.orgId },
  });

  // The list shows the use at once, although "last used" is written to the database only once a minute.
  await page.reload();
  const row = page.getByRole('row', { name: /e2e-examples/ });
  await expect(row).toContainText(key.prefix);
  await expect(row.getByRole('cell').nth(4)).not.toHaveText('Never');
});

test('the upload examples store a file: presigned URL, PUT, complete', async ({ page, request }) => {
  const probe = await request.post('/api/v1/upload/presigned-url/', {
    headers: { 'X-API-Key': key.key },
    data: { filename: 'probe.csv' },
  });
  test.fixme(probe.status() === 404, 'the upload endpoints are not mounted in this build yet');

  await signInAs(page, account.email, account.password, '/settings');
  const steps = await shownSteps(page);
  const script = [steps.presign, steps.put, steps.complete].join('\n');
  const upload = runBash(script, key.key);
  expect(upload.code, `${upload.stdout}\n${upload.stderr}`).toBe(0);
  const file = JSON.parse(upload.stdout.trim().split('\n').at(-1)!);
  expect(file).toMatchObject({ filename: 'report.csv', size: CASES_CSV.length });
  expect(['uploaded', 'ingesting', 'ingested']).toContain(file.status);
});

test('the streamed question example answers with Server-Sent Events', async ({ page }) => {
  await signInAs(page, account.email, account.password, '/settings');
  const steps = await shownSteps(page);
  const ask = runBash(steps.ask!, key.key);
  expect(ask.code, ask.stderr).toBe(0);
  expect(ask.stdout).toMatch(/^event: run\.started$/m);
  expect(ask.stdout).toMatch(/^event: run\.(completed|failed)$/m);
});

test('the JavaScript and Python examples run as shown', async ({ page }) => {
  await signInAs(page, account.email, account.password, '/settings');
  await page.getByRole('tab', { name: 'JavaScript (fetch)' }).click();
  const javascript = await page.getByRole('figure', { name: 'upload.mjs' }).locator('code').textContent();
  const node = runExample(process.execPath, ['upload.mjs'], key.key, { 'upload.mjs': javascript! });
  expect(node.code, node.stderr).toBe(0);
  expect(node.stdout).toContain('Uploaded report.csv');
  expect(node.stdout).toMatch(/^event: run\.started$/m);

  test.skip(!hasPythonRequests, 'Python with requests is not installed on this machine');
  await page.getByRole('tab', { name: 'Python (requests)' }).click();
  const python = await page.getByRole('figure', { name: 'upload.py' }).locator('code').textContent();
  const run = runExample('python3', ['upload.py'], key.key, { 'upload.py': python! });
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain('Uploaded report.csv');
  expect(run.stdout).toMatch(/^event: run\.started$/m);
});

test('copy buttons put exactly the shown text on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAs(page, account.email, account.password, '/settings');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  const step = page.locator('[data-step="presign"]');
  await step.getByRole('button', { name: /^Copy/ }).click();
  await expect(step.getByRole('status')).toHaveText('Copied');
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person sees.
  expect(await clipboard()).toBe(await step.locator('pre').innerText());

  for (const [tab, title] of [
    ['JavaScript (fetch)', 'upload.mjs'],
    ['Python (requests)', 'upload.py'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    const block = page.getByRole('figure', { name: title });
    await block.getByRole('button', { name: `Copy ${title}` }).click();
    const copied = await clipboard();
    expect(copied).toBe(await block.locator('code').textContent());
    expect(copied).toContain('HPX_API_KEY');
  }
});

test('the page has no accessibility violations, in light and dark', async ({ page }) => {
  const expiring = createKey(account.orgId, 'expiring-soon', '--expires-days', '10');
  const revoked = createKey(account.orgId, 'retired', '--scopes', 'agent');
  admin(['key:revoke', '--id', revoked.id]);
  await signInAs(page, account.email, account.password, '/settings');
  await expect(page.getByRole('row', { name: /expiring-soon/ })).toContainText(/Expires in (9|10) days/);
  await expect(page.getByText(/expires? within 30 days/)).toBeVisible();
  await expect(page.getByRole('row', { name: /retired/ })).toContainText('Revoked');
  await expect(page.getByText('API healthy').last()).toBeVisible();
  expect(expiring.key).toMatch(/^hpx_/);

  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Python (requests)' }).click();
  expect(await axeViolations(page)).toEqual([]);
});

test('rotation requests name the key and the organization, never the key itself', async ({ page }) => {
  await signInAs(page, account.email, account.password, '/settings');
  const link = page.getByRole('link', { name: 'Request a rotation of e2e-examples' });
  const href = decodeURIComponent((await link.getAttribute('href'))!);
  expect(href).toMatch(/^mailto:admin@valiancehealth\.ai\?/);
  expect(href).toContain('e2e-examples');
  expect(href).toContain(key.prefix);
  expect(href).toContain(account.orgName);
  expect(href).not.toContain(key.key.slice(key.prefix.length));
});

test('checking a pasted key shows its organization and scopes and keeps nothing', async ({ page }) => {
  await signInAs(page, account.email, account.password, '/settings');
  const field = page.getByLabel('API key', { exact: true });
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill(key.key);
  await page.getByRole('button', { name: 'Check the key' }).click();
  await expect(page.getByText('This key works.')).toBeVisible();
  await expect(page.getByText(`${account.orgName} (hospital)`)).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'upload, agent' })).toBeVisible();
  await expect(field).toHaveValue('');
  const kept = await page.evaluate(
    () =>
      document.documentElement.outerHTML +
      JSON.stringify({ ...localStorage }) +
      JSON.stringify({ ...sessionStorage }),
  );
  expect(kept).not.toContain(key.key);

  await field.fill(`hpx_${'x'.repeat(40)}`);
  await page.getByRole('button', { name: 'Check the key' }).click();
  await expect(page.getByText('This key was refused.')).toBeVisible();
  await expect(page.getByText('This key works.')).toHaveCount(0);
});

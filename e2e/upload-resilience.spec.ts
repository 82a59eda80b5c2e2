import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { axeViolations, expect, test } from './support/fixtures';
import {
  addFiles,
  bigFile as bigFileIn,
  fileRow,
  holdPart,
  MiB,
  openUploadPage,
  startUpload,
  storedParts,
  watchParts,
  watchUpload,
} from './support/uploads';

// Uploads on a throttled link, across a reload, and left alone: what the analyst sees and what the store holds.

let scratch: string;
test.beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-resilience-'));
});
test.afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const bigFile = (name: string, size: number) => bigFileIn(scratch, name, size);
const transferLine = (page: Page) => page.locator('.transfer-status li').first();
const sentBytes = async (page: Page) => Number(await transferLine(page).getAttribute('data-sent-bytes'));

test('pausing on an 8 MB/s link loses under 10 % of the file, and the upload completes', async ({ page }) => {
  test.setTimeout(120_000);
  await openUploadPage(page);
  const size = 128 * MiB;
  const file = bigFile('throttled.zip', size);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 8e6,
    uploadThroughput: 8e6,
  });
  await addFiles(page, file);
  await startUpload(page);
  await expect(transferLine(page)).toContainText(/about \d+ (s|min) left/, { timeout: 20_000 });
  await page.waitForFunction(
    (threshold) =>
      Number(document.querySelector<HTMLElement>('.transfer-status li')?.dataset.sentBytes ?? 0) >= threshold,
    size * 0.35,
    { polling: 50, timeout: 60_000 },
  );
  const before = await page.evaluate(() => {
    const sent = Number(document.querySelector<HTMLElement>('.transfer-status li')?.dataset.sentBytes ?? 0);
    document.querySelector<HTMLButtonElement>('[data-cy="togglePauseResume"]')?.click();
    return sent;
  });
  await expect(transferLine(page)).toHaveAttribute('data-paused', 'true');
  await expect(transferLine(page)).toContainText('Paused at');
  const kept = await sentBytes(page);
  expect(kept).toBeGreaterThan(0);
  expect((before - kept) / size).toBeLessThan(0.1);

  await page.locator('[data-cy="togglePauseResume"]').click();
  await expect(transferLine(page)).toHaveAttribute('data-paused', 'false');
  // Resuming starts from what was kept, never from the beginning.
  expect(await sentBytes(page)).toBeGreaterThanOrEqual(kept);
  await expect(fileRow(page, 'throttled.zip').getByText('Uploaded', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
});

test('after a reload the upload is listed and continues once the file is chosen again, sending no stored part twice', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openUploadPage(page);
  const file = bigFile('reload-me.zip', 60 * MiB);
  const upload = watchUpload(page);
  const parts = watchParts(page);
  const held = await holdPart(page, 3);
  await addFiles(page, file);
  await startUpload(page);
  await held.isHeld;
  // Let the other part in flight finish so the store holds parts beyond the held one.
  await expect
    .poll(async () => (await storedParts(upload.key!, upload.uploadId!)).length)
    .toBeGreaterThanOrEqual(2);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.reload();

  // Read after the reload: a part whose body reached the store as the page went away is stored although the
  // page never saw its answer (nor saved it in its plan). It is completed all the same and must not be sent
  // again; a part the store did not finish may be.
  const stored = await storedParts(upload.key!, upload.uploadId!);
  if (typeof stored === 'string') throw new Error(stored);
  const pending = page.getByRole('region', { name: 'Uploads waiting for their file' });
  await expect(pending.getByText('reload-me.zip')).toBeVisible();
  await expect(pending.getByText(/\d+ % stored/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The wrong file is refused, saying why.
  const wrong = path.join(scratch, 'other.zip');
  fs.writeFileSync(wrong, 'not it');
  await pending.getByLabel('Choose reload-me.zip again').setInputFiles(wrong);
  await expect(pending.getByRole('alert')).toContainText('not reload-me.zip');

  parts.length = 0;
  const chooser = page.waitForEvent('filechooser');
  await pending.getByRole('button', { name: 'Choose the file again to continue' }).click();
  await (await chooser).setFiles(file);
  // No Upload button to press: it continues by itself.
  await expect(fileRow(page, 'reload-me.zip').getByText('Uploaded', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  expect(parts.filter((part) => stored.includes(part))).toEqual([]);
  expect(parts.length).toBeGreaterThan(0);
  await expect(pending).toHaveCount(0);
});

test('an upload nobody has sent to for 15 minutes shows Interrupted, with Resume and Remove', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openUploadPage(page);
  const file = bigFile('walked-away.zip', 24 * MiB);
  const upload = watchUpload(page);
  const held = await holdPart(page, 2);
  await addFiles(page, file);
  await startUpload(page);
  await held.isHeld;
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.goto('/analysis');

  // The server's clock decides; the test moves the last activity back instead of waiting a quarter hour.
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, 'healthproximate.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const changed = db
      .prepare('UPDATE files SET last_activity_at = ? WHERE key = ?')
      .run(new Date(Date.now() - 16 * 60_000).toISOString(), upload.key);
    expect(changed.changes).toBe(1);
  } finally {
    db.close();
  }

  await page.goto('/upload');
  const row = fileRow(page, 'walked-away.zip');
  await expect(row.getByText('Interrupted', { exact: true })).toBeVisible();
  await expect(row.getByRole('link', { name: 'Resume walked-away.zip' })).toBeVisible();
  await row.getByRole('link', { name: 'Resume walked-away.zip' }).click();
  await expect(page.getByRole('button', { name: 'Choose the file again to continue' })).toBeInViewport();
  await row.getByRole('button', { name: 'Remove walked-away.zip' }).click();
  await expect(page.getByRole('rowheader', { name: 'walked-away.zip' })).toHaveCount(0);
  expect(await storedParts(upload.key!, upload.uploadId!)).toBe('NoSuchUpload');
});

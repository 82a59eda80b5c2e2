import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
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

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let scratch: string;
test.beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-e2e-upload-'));
});
test.afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const bigFile = (name: string, size: number) => bigFileIn(scratch, name, size);

async function downloadHash(page: Page, name: string) {
  const downloading = page.waitForEvent('download');
  await fileRow(page, name)
    .getByRole('button', { name: `Download ${name}` })
    .click();
  const download = await downloading;
  const saved = path.join(scratch, `downloaded-${name}`);
  await download.saveAs(saved);
  return sha256(saved);
}

test('a small CSV goes up through the Dashboard and comes back byte for byte', async ({ page }) => {
  await openUploadPage(page);
  const csv = path.join(scratch, 'cases-small.csv');
  fs.writeFileSync(csv, 'case_id,admit_date,discharge_date,revenue\nS-1,2026-01-02,2026-01-04,900\n');
  await addFiles(page, csv);
  await expect(page.getByText(/cases-small\.csv.*has the case data columns/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await startUpload(page);
  // The header holds the case columns, so after `complete` the file is ingested into the case data.
  await expect(fileRow(page, 'cases-small.csv').getByText('In case data', { exact: true })).toBeVisible();
  await expect(fileRow(page, 'cases-small.csv').getByText('1 row added')).toBeVisible();
  expect(await downloadHash(page, 'cases-small.csv')).toBe(sha256(csv));
});

test('warns before upload when a CSV lacks the case columns', async ({ page }) => {
  await openUploadPage(page);
  const csv = path.join(scratch, 'notes.csv');
  fs.writeFileSync(csv, 'patient,comment\nx,y\n');
  await addFiles(page, csv);
  await expect(page.getByText(/notes\.csv.*lacks case_id, admit_date, discharge_date/)).toBeVisible();
  await expect(page.getByText('Detected columns: patient, comment')).toBeVisible();
});

test('a 60 MiB file goes up in parts and hashes equal', async ({ page }) => {
  test.setTimeout(120_000);
  await openUploadPage(page);
  const file = bigFile('big-60.zip', 60 * MiB);
  const parts = watchParts(page);
  await addFiles(page, file);
  await startUpload(page);
  await expect(fileRow(page, 'big-60.zip').getByText('Uploaded', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  expect(parts.length).toBeGreaterThanOrEqual(2);
  expect(await downloadHash(page, 'big-60.zip')).toBe(sha256(file));
});

test('cancelling mid-multipart aborts the upload and leaves no parts behind', async ({ page }) => {
  test.setTimeout(120_000);
  await openUploadPage(page);
  const file = bigFile('cancel-me.zip', 100 * MiB);
  const upload = watchUpload(page);
  const part2 = await holdPart(page, 2);
  await addFiles(page, file);
  await startUpload(page);
  await part2.isHeld;
  // Parts go two at a time: part 1 is stored while part 2 is held, though it may still be on the wire when the
  // hold begins, so the store is asked until it lists it.
  await expect
    .poll(async () => (await storedParts(upload.key!, upload.uploadId!)).length, { timeout: 30_000 })
    .toBeGreaterThan(0);

  const aborted = page.waitForResponse(
    (response) => response.request().method() === 'DELETE' && response.url().includes('uploadId'),
  );
  await page.locator('.uppy-StatusBar').getByRole('button', { name: 'Cancel' }).click();
  expect((await aborted).status()).toBe(204);
  await part2.release();
  expect(await storedParts(upload.key!, upload.uploadId!)).toBe('NoSuchUpload');
  await expect(fileRow(page, 'cancel-me.zip').getByText('Cancelled', { exact: true })).toBeVisible();
});

// Reload, pause and interrupted uploads: upload-resilience.spec.ts.

test('the page works at 375 px in the dark theme and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openUploadPage(page);
  await expect(page.locator('.uppy-Dashboard')).toHaveAttribute('data-uppy-theme', 'dark');
  const csv = path.join(scratch, 'phone.csv');
  fs.writeFileSync(csv, 'case_id,admit_date\nP-1,2026-02-01\n');
  await addFiles(page, csv);
  await expect(page.getByText(/phone\.csv.*lacks discharge_date/)).toBeVisible();
  await startUpload(page);
  await expect(fileRow(page, 'phone.csv').getByText(/Uploaded|Adding to case data|Failed/)).toBeVisible();
  await fileRow(page, 'phone.csv').getByRole('button', { name: 'Delete phone.csv' }).click();
  await expect(page.getByRole('group', { name: /Delete phone\.csv/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page
    .getByRole('group', { name: /Delete phone\.csv/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('rowheader', { name: 'phone.csv' })).toHaveCount(0);
});

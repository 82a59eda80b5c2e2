import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ListPartsCommand } from '@aws-sdk/client-s3';
import type { Page, Route } from '@playwright/test';
import { createS3Client } from '../../server/storage/s3-client';
import { createAccount, expect, signInAs } from './fixtures';

// What the upload specs share: files to send, the upload page's controls, and the store's view of a
// multipart upload (read with the embedded store's own key pair, as an operator could).

export const MiB = 1024 * 1024;

/** Random bytes written in 8 MiB steps, so a big file never sits in memory whole. */
export function bigFile(folder: string, name: string, size: number): string {
  const file = path.join(folder, name);
  const handle = fs.openSync(file, 'w');
  for (let written = 0; written < size; written += 8 * MiB)
    fs.writeSync(handle, randomBytes(Math.min(8 * MiB, size - written)));
  fs.closeSync(handle);
  return file;
}

/** A new hospital account of its own, signed in on the upload page. */
export async function openUploadPage(page: Page) {
  const account = createAccount('hospital');
  await signInAs(page, account.email, account.password, '/upload');
  await page.goto('/upload');
  await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
  return account;
}

/** Uppy's Dashboard keeps a hidden file input; this is what a drop or "browse files" feeds. */
export const addFiles = (page: Page, files: string | string[]) =>
  page.locator('.uppy-Dashboard-input').first().setInputFiles(files);

export const startUpload = (page: Page) => page.getByRole('button', { name: /^Upload \d+ files?$/ }).click();

/** The files table's row for one file. */
export const fileRow = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** Part numbers of every UploadPart request the browser sends to the store, repeats included. */
export function watchParts(page: Page) {
  const parts: number[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'PUT' && url.searchParams.has('partNumber'))
      parts.push(Number(url.searchParams.get('partNumber')));
  });
  return parts;
}

/** Where a multipart upload lives in the store, read from the first request that names its upload id. */
export function watchUpload(page: Page) {
  const seen: { key?: string; uploadId?: string } = {};
  page.on('request', (request) => {
    const url = new URL(request.url());
    const uploadId = url.searchParams.get('uploadId');
    if (!uploadId || seen.uploadId) return;
    seen.uploadId = uploadId;
    seen.key = decodeURIComponent(url.pathname.split('/').slice(2).join('/'));
  });
  return seen;
}

/** Holds the browser's requests for one part number (until released, or the page goes away). */
export async function holdPart(page: Page, partNumber: number) {
  let held: Route | undefined;
  let markHeld: () => void = () => {};
  const isHeld = new Promise<void>((resolve) => {
    markHeld = resolve;
  });
  await page.route(
    (url) => url.searchParams.get('partNumber') === String(partNumber),
    (route) => {
      held = route;
      markHeld();
    },
  );
  // Wrapped: an async function returning the promise itself would wait for it.
  return {
    isHeld,
    release: async () => {
      await held?.abort().catch(() => {});
    },
  };
}

/** The part numbers the store holds for an upload, or the store's error name (e.g. NoSuchUpload). */
export async function storedParts(key: string, uploadId: string): Promise<number[] | string> {
  const credentials = JSON.parse(
    fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, 'storage-credentials.json'), 'utf8'),
  ) as { accessKeyId: string; secretAccessKey: string };
  const client = createS3Client({
    endpoint: process.env.E2E_STORAGE_URL!,
    region: 'us-east-1',
    ...credentials,
  });
  try {
    const numbers: number[] = [];
    let marker: string | undefined;
    do {
      const listed = await client.send(
        new ListPartsCommand({
          Bucket: 'healthproximate',
          Key: key,
          UploadId: uploadId,
          PartNumberMarker: marker,
        }),
      );
      numbers.push(...(listed.Parts ?? []).map((part) => part.PartNumber ?? 0));
      marker = listed.IsTruncated ? listed.NextPartNumberMarker : undefined;
    } while (marker !== undefined);
    return numbers;
  } catch (error) {
    return (error as Error).name;
  } finally {
    client.destroy();
  }
}

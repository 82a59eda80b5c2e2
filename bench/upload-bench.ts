// The upload page against the SDK: a big file through Chromium and Uppy, the same file through
// @aws-sdk/lib-storage, and a single streamed PUT as the store's ceiling, all into one embedded store.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { chromium, type Page } from '@playwright/test';
import { hashPassword } from '../server/auth/passwords';
import { loadConfig } from '../server/config';
import { EMBEDDED_BUCKET, EMBEDDED_REGION } from '../server/files/open-object-storage';
import { buildIfStale } from '../server/spa/build-if-stale';
import { startServer } from '../server/start-server';
import { createS3Client } from '../server/storage/s3-client';
import { MAX_PART, MIN_PART, TARGET_PART_SECONDS } from '../src/features/upload/uppy/part-size';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
/** lib-storage's best measured part size on this machine (4 parts in parallel, its default). */
const SDK_PART_SIZE = 32 * MiB;
const PASSWORD = 'upload-bench-password';

function writeRandomFile(file: string, bytes: number) {
  const handle = fs.openSync(file, 'w');
  const block = randomBytes(8 * MiB);
  // One random block with a per-block counter: no two parts alike, without generating 1 GiB of randomness.
  for (let written = 0, index = 0; written < bytes; written += block.length, index += 1) {
    block.writeUInt32LE(index, 0);
    fs.writeSync(handle, block, 0, Math.min(block.length, bytes - written));
  }
  fs.closeSync(handle);
}

function streamPut(url: string, file: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const put = request(url, { method: 'PUT', headers: { 'Content-Length': String(bytes) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    put.on('error', reject);
    fs.createReadStream(file).pipe(put);
  });
}

/** Uploads through the page; returns the time from the first byte request to the stored object, and peak heap growth. */
async function uploadInBrowser(page: Page, file: string, storageUrl: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const baseline = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peak = baseline;
  const sampler = setInterval(() => {
    cdp.send('Runtime.getHeapUsage').then(
      (usage) => {
        peak = Math.max(peak, usage.usedSize);
      },
      () => {},
    );
  }, 200);
  let started = 0;
  let parts = 0;
  page.on('request', (sent) => {
    if (!sent.url().startsWith(storageUrl) || sent.method() === 'OPTIONS') return;
    started ||= performance.now();
    if (sent.method() === 'PUT') parts += 1;
  });
  const stored = page.waitForResponse(
    (response) =>
      response.url().startsWith(storageUrl) &&
      response.request().method() !== 'OPTIONS' &&
      (response.request().method() === 'PUT'
        ? !response.url().includes('uploadId')
        : response.url().includes('uploadId')) &&
      response.request().method() !== 'GET' &&
      response.status() === 200 &&
      !response.url().includes('partNumber'),
    { timeout: 15 * 60_000 },
  );
  stored.catch(() => {});
  await page.locator('.uppy-Dashboard-input').first().setInputFiles(file);
  await page.getByRole('button', { name: /^Upload \d+ files?$/ }).click();
  await stored;
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, heapGrowth: peak - baseline, parts };
}

/**
 * The page on a throttled link (Chromium's network emulation, 8 MB/s up): pauses once at about 40 % and
 * reports the bytes the pause threw away (sent by parts in flight, not stored), read from the page's own
 * progress line before and after the pause.
 */
async function pauseOnThrottledLink(page: Page, file: string, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  const size = fs.statSync(file).size;
  await page.locator('.uppy-Dashboard-input').first().setInputFiles(file);
  await page.getByRole('button', { name: /^Upload \d+ files?$/ }).click();
  const line = page.locator('.transfer-status li').first();
  await page.waitForFunction(
    (threshold) =>
      Number(document.querySelector<HTMLElement>('.transfer-status li')?.dataset.sentBytes ?? 0) >= threshold,
    size * 0.4,
    { timeout: 120_000, polling: 50 },
  );
  // Read and click in one step, so no progress slips in between.
  const before = await page.evaluate(() => {
    const sent = Number(document.querySelector<HTMLElement>('.transfer-status li')?.dataset.sentBytes ?? 0);
    document.querySelector<HTMLButtonElement>('[data-cy="togglePauseResume"]')?.click();
    return sent;
  });
  await line.and(page.locator('[data-paused="true"]')).waitFor();
  const kept = Number(await line.getAttribute('data-sent-bytes'));
  await page.waitForTimeout(1000);
  const resumed = performance.now();
  await page.locator('[data-cy="togglePauseResume"]').click();
  await page
    .getByRole('cell', { name: path.basename(file) })
    .or(page.getByRole('rowheader', { name: path.basename(file) }))
    .first()
    .waitFor({ timeout: 300_000 });
  await page.locator('.transfer-status').waitFor({ state: 'detached', timeout: 300_000 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  return { size, before, kept, lost: before - kept, resumeMs: performance.now() - resumed };
}

export async function benchUpload(log: (line: string) => void) {
  const bytes = Number(process.env.UPLOAD_BENCH_MIB ?? 1024) * MiB;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-upload-bench-'));
  const spaDir = await buildIfStale(root, log);
  const config = loadConfig({
    HP_PORT: '0',
    HP_STORAGE_PORT: '0',
    HP_DATA_DIR: path.join(scratch, 'data'),
    HP_SEED_DEMO: '0',
  });
  const server = await startServer(config, { spaDir });
  const browser = await chromium.launch({
    ...(fs.existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const credentials = JSON.parse(
    fs.readFileSync(path.join(config.dataDir, 'storage-credentials.json'), 'utf8'),
  ) as { accessKeyId: string; secretAccessKey: string };
  const client = createS3Client({ endpoint: server.storageUrl, region: EMBEDDED_REGION, ...credentials });
  const mibPerSecond = (ms: number) => bytes / MiB / (ms / 1000);
  try {
    const file = path.join(scratch, 'bench.zip');
    writeRandomFile(file, bytes);
    const org = server.deps.accounts.createOrg('Upload bench', 'hospital');
    server.deps.accounts.createUser({
      orgId: org.id,
      email: 'bench@upload.example',
      name: 'Upload Bench',
      role: 'analyst',
      passwordHash: await hashPassword(PASSWORD),
    });

    const page = await browser.newPage({ baseURL: server.url });
    await page.goto('/sign-in?from=/upload');
    await page.getByLabel('Email').fill('bench@upload.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Upload files' }).waitFor();
    const browserRun = await uploadInBrowser(page, file, server.storageUrl);

    const throttledBytes = Number(process.env.UPLOAD_BENCH_THROTTLED_MIB ?? 96) * MiB;
    const throttledFile = path.join(scratch, 'throttled.zip');
    writeRandomFile(throttledFile, throttledBytes);
    const throttledPage = await browser.newPage({ baseURL: server.url });
    await throttledPage.goto('/sign-in?from=/upload');
    await throttledPage.getByLabel('Email').fill('bench@upload.example');
    await throttledPage.getByLabel('Password').fill(PASSWORD);
    await throttledPage.getByRole('button', { name: 'Sign in' }).click();
    await throttledPage.getByRole('heading', { name: 'Upload files' }).waitFor();
    const throttled = await pauseOnThrottledLink(throttledPage, throttledFile, 8e6);

    let started = performance.now();
    await new Upload({
      client,
      params: { Bucket: EMBEDDED_BUCKET, Key: 'bench/lib-storage.bin', Body: fs.createReadStream(file) },
      partSize: SDK_PART_SIZE,
    }).done();
    const sdkMs = performance.now() - started;

    const url = await getSignedUrl(
      client,
      new PutObjectCommand({ Bucket: EMBEDDED_BUCKET, Key: 'bench/put.bin' }),
      {
        expiresIn: 900,
      },
    );
    started = performance.now();
    const status = await streamPut(url, file, bytes);
    const putMs = performance.now() - started;
    if (status !== 200) throw new Error(`upload bench: the single PUT answered ${status}`);

    const size = `${bytes / MiB} MiB`;
    log(
      `upload:   browser (Uppy, adaptive parts ${MIN_PART / MiB}–${MAX_PART / MiB} MiB aiming at ${TARGET_PART_SECONDS} s a part, ${browserRun.parts} PUTs, ${(bytes / browserRun.parts / MiB).toFixed(1)} MiB on average) ${size}: ${mibPerSecond(browserRun.ms).toFixed(0)} MiB/s`,
    );
    log(
      `upload:   @aws-sdk/lib-storage (${SDK_PART_SIZE / MiB} MiB parts, 4 in parallel) ${size}: ${mibPerSecond(sdkMs).toFixed(0)} MiB/s`,
    );
    log(`upload:   ratio browser ÷ SDK: ${(sdkMs / browserRun.ms).toFixed(2)} (goal ≥ 0.9)`);
    log(`upload:   store ceiling, one streamed PUT: ${mibPerSecond(putMs).toFixed(0)} MiB/s`);
    log(
      `upload:   browser heap growth during the upload: ${(browserRun.heapGrowth / MiB).toFixed(1)} MiB (goal < 64 MB)`,
    );
    log(
      `upload:   throttled 8 MB/s, ${throttledBytes / MiB} MiB, one pause at ${((throttled.before / throttled.size) * 100).toFixed(0)} %: ${(throttled.lost / MiB).toFixed(1)} MiB lost (${((throttled.lost / throttled.size) * 100).toFixed(1)} % of the file, ${(throttled.lost / 8e6).toFixed(1)} s of work; goal < 10 %)`,
    );
    return {
      browserMs: browserRun.ms,
      sdkMs,
      putMs,
      heapGrowth: browserRun.heapGrowth,
      throttledLostBytes: throttled.lost,
    };
  } finally {
    client.destroy();
    await browser.close();
    await server.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

import type { SignedRequest, SignRequest } from '../../../contract/upload';
import {
  MAX_CONCURRENCY,
  MAX_PARTS,
  MIN_CONCURRENCY,
  MIN_PART,
  nextPartSize,
  TARGET_PART_SECONDS,
} from './part-size';
import {
  abortError,
  completeBody,
  listAllParts,
  NetworkError,
  type SendToStore,
  type StoreResponse,
  storeProblem,
  xmlValue,
} from './s3-transport';
import { ThroughputMeter } from './throughput-meter';

/** One part: its number and the bytes of the file it holds; `etag` once the store has it. */
export interface PlannedPart {
  partNumber: number;
  start: number;
  end: number;
  etag?: string;
}

/** What must survive a reload to continue without sending a stored part again. */
export interface MultipartState {
  key: string;
  uploadId: string;
  parts: PlannedPart[];
}

interface MultipartOptions {
  file: Blob;
  /** The create request's description of the file (name, type, size, last-modified, mapping). */
  describe: {
    filename: string;
    content_type?: string | undefined;
    size: number;
    last_modified?: number | undefined;
    mapping_id?: string | undefined;
  };
  sign: (body: SignRequest) => Promise<SignedRequest>;
  send: SendToStore;
  /** An upload started earlier (this page or before a reload), continued from ListParts. */
  resume?: { key: string; uploadId: string; parts?: PlannedPart[] } | undefined;
  onProgress?: (bytesSent: number, bytesTotal: number, bytesPerSecond: number | null) => void;
  /** Called after the upload is created and after every stored part, to keep the state across a reload. */
  onState?: (state: MultipartState) => void;
  /** Waits before a retry; tests replace it. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

function defaultWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      reject(abortError());
    };
    // Offline: wait for the connection instead of burning the retries on it.
    const timer = setTimeout(done, navigator.onLine === false ? 24 * 3600_000 : ms);
    window.addEventListener('online', done, { once: true });
    signal.addEventListener('abort', stop, { once: true });
  });
}

class StoreRefusal extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'StoreRefusal';
  }
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * One file's multipart upload with adaptive part sizes and several parts in flight (@uppy/aws-s3 6, which this
 * replaced, sends a file's parts one at a time, in sizes fixed up front: ADR 0005). Part numbers follow file order, so a part is always
 * the same bytes: a retried or resumed part replaces itself, and completion lists the parts in order.
 * `run` may be called again after a pause (its signal aborted): stored parts are kept, parts in flight are
 * sent again from their start.
 */
export class MultipartUpload {
  private key: string | undefined;
  private uploadId: string | undefined;
  private parts: PlannedPart[] = [];
  /** Where the next new part starts (all bytes before it belong to a planned part). */
  private planned = 0;
  private needsListing = false;
  private readonly inFlight = new Map<number, number>();
  private readonly meter = new ThroughputMeter();
  private concurrency = MIN_CONCURRENCY;
  private probe: { concurrency: number; throughput: number } | null = null;
  private completedSinceChange = 0;
  /** The last stored part's bytes and the seconds they took on the wire. */
  private lastPart: { bytes: number; seconds: number } | null = null;
  /** Sizes chosen, in order, for the bench and tests. */
  readonly partSizes: number[] = [];
  /** Part numbers sent to the store (attempts, including repeats), for tests. */
  readonly sentParts: number[] = [];

  constructor(private readonly options: MultipartOptions) {
    if (options.resume) {
      this.key = options.resume.key;
      this.uploadId = options.resume.uploadId;
      this.parts = (options.resume.parts ?? []).map((part) => ({ ...part }));
      this.needsListing = true;
    }
  }

  get state(): MultipartState | null {
    return this.key && this.uploadId ? { key: this.key, uploadId: this.uploadId, parts: this.parts } : null;
  }

  get currentConcurrency(): number {
    return this.concurrency;
  }

  async run(signal: AbortSignal): Promise<{ key: string; location: string }> {
    this.meter.reset();
    this.inFlight.clear();
    if (!this.uploadId) await this.create(signal);
    if (this.needsListing) await this.reconcile(signal);
    this.report();
    try {
      await this.sendParts(signal);
    } catch (error) {
      // What parts in flight had sent is gone: show what is really kept, so resuming never jumps backwards.
      this.inFlight.clear();
      this.report();
      throw error;
    }
    return this.complete(signal);
  }

  private async create(signal: AbortSignal) {
    const signed = await this.options.sign({ operation: 'create_multipart', ...this.options.describe });
    const response = await this.request(signal, () => ({
      url: signed.url,
      method: 'POST',
      headers: signed.headers,
    }));
    const uploadId = xmlValue(response.text, 'UploadId');
    if (!uploadId) throw new Error('The storage did not start the upload (no UploadId in its answer).');
    this.key = signed.key;
    this.uploadId = uploadId;
    this.saveState();
  }

  /**
   * After a reload: the store says which parts it holds. A part planned here (same number, same size) keeps
   * its bytes; stored parts after the plan (or from part 1 without one, from another browser) are kept up to
   * the first gap, and new parts continue after the highest number the store has, so a stored part is never
   * sent again and nothing is ever placed at the wrong offset.
   */
  private async reconcile(signal: AbortSignal) {
    const { key, uploadId } = this.ids();
    const listed = await listAllParts(async (marker) => {
      const response = await this.request(signal, async () => {
        const signed = await this.options.sign({
          operation: 'list_parts',
          key,
          upload_id: uploadId,
          ...(marker > 0 ? { part_number_marker: marker } : {}),
        });
        return { url: signed.url, method: 'GET', headers: signed.headers };
      });
      return response.text;
    });
    const stored = new Map(listed.map((part) => [part.partNumber, part]));
    for (const part of this.parts) {
      const held = stored.get(part.partNumber);
      if (held && held.size === part.end - part.start) part.etag = held.etag;
      else delete part.etag;
    }
    // Parts the plan does not know: all of them without a plan, and with one the parts planned after its last
    // save that the store took as the page went away. Parts follow file order, so each starts where the one
    // before ends, and the store's sizes place them up to the first gap; none of them is sent again.
    let offset = this.parts.at(-1)?.end ?? 0;
    for (let number = (this.parts.at(-1)?.partNumber ?? 0) + 1; stored.has(number); number += 1) {
      const held = stored.get(number)!;
      if (offset + held.size > this.options.file.size) break;
      this.parts.push({ partNumber: number, start: offset, end: offset + held.size, etag: held.etag });
      offset += held.size;
    }
    // A stored part past a gap has no known place in the file: new parts are numbered after it, and completion
    // (which lists this plan's parts only) leaves it out.
    this.highestListed = Math.max(0, ...stored.keys());
    this.planned = this.parts.at(-1)?.end ?? 0;
    this.needsListing = false;
    this.saveState();
  }

  private highestListed = 0;

  private ids() {
    if (!this.key || !this.uploadId) throw new Error('The upload has not been created yet.');
    return { key: this.key, uploadId: this.uploadId };
  }

  private nextPartNumber(): number {
    return Math.max(this.highestListed, this.parts.at(-1)?.partNumber ?? 0) + 1;
  }

  /** The next part to send: a planned one without an ETag (not in flight), else a new one. */
  private takePart(): PlannedPart | null {
    const waiting = this.parts.find((part) => !part.etag && !this.inFlight.has(part.partNumber));
    if (waiting) return waiting;
    const size = this.options.file.size;
    if (this.planned >= size) return null;
    const partNumber = this.nextPartNumber();
    const length = nextPartSize({
      last: this.lastPart,
      remaining: size - this.planned,
      partsLeft: MAX_PARTS - partNumber + 1,
    });
    const part = { partNumber, start: this.planned, end: this.planned + length };
    this.planned = part.end;
    this.partSizes.push(length);
    this.parts.push(part);
    return part;
  }

  private async sendParts(signal: AbortSignal) {
    let failure: unknown = null;
    const workers = new Set<Promise<void>>();
    const worker = async () => {
      for (;;) {
        if (failure || signal.aborted) return;
        // A worker above the current concurrency (it was lowered) stops after its part.
        if (workers.size > this.concurrency) return;
        const part = this.takePart();
        if (!part) return;
        try {
          await this.sendPart(part, signal);
        } catch (error) {
          failure ??= error;
          return;
        }
        this.afterPart();
        while (workers.size < this.concurrency && this.hasWork()) spawn();
      }
    };
    const spawn = () => {
      const running: Promise<void> = worker().finally(() => workers.delete(running));
      workers.add(running);
    };
    for (let index = 0; index < this.concurrency && this.hasWork(); index += 1) spawn();
    while (workers.size > 0) await Promise.all([...workers]);
    if (signal.aborted) throw abortError();
    if (failure) throw failure;
  }

  private hasWork(): boolean {
    return (
      this.planned < this.options.file.size ||
      this.parts.some((part) => !part.etag && !this.inFlight.has(part.partNumber))
    );
  }

  private async sendPart(part: PlannedPart, signal: AbortSignal) {
    const { key, uploadId } = this.ids();
    const body = this.options.file.slice(part.start, part.end);
    this.inFlight.set(part.partNumber, 0);
    let sendingSince = 0;
    let lastByteAt = 0;
    try {
      const response = await this.request(signal, async () => {
        // Signed per attempt: a URL is single-use, and a retry after a long wait needs a fresh one.
        const signed = await this.options.sign({
          operation: 'upload_part',
          key,
          upload_id: uploadId,
          part_number: part.partNumber,
        });
        this.sentParts.push(part.partNumber);
        this.inFlight.set(part.partNumber, 0);
        sendingSince = performance.now();
        lastByteAt = 0;
        return {
          url: signed.url,
          method: 'PUT',
          headers: signed.headers,
          body,
          onProgress: (loaded: number) => {
            this.inFlight.set(part.partNumber, loaded);
            if (loaded >= part.end - part.start) lastByteAt ||= performance.now();
            this.report();
          },
        };
      });
      const etag = response.etag?.replace(/"/g, '');
      if (!etag)
        throw new Error('The storage stored a part without an ETag; check that its CORS exposes ETag.');
      part.etag = etag;
      const seconds = ((lastByteAt || performance.now()) - sendingSince) / 1000;
      this.lastPart = { bytes: part.end - part.start, seconds };
    } finally {
      this.inFlight.delete(part.partNumber);
    }
    this.saveState();
    this.report();
  }

  /**
   * After every part: adjust how many parts are in flight. A third or fourth connection is tried only when
   * its share of a round would still be a full-size part (so it does not add to the work a pause loses),
   * and kept only while it raised throughput by 15 %.
   */
  private afterPart() {
    this.completedSinceChange += 1;
    const throughput = this.meter.bytesPerSecond();
    if (throughput === null || this.completedSinceChange < this.concurrency * 2) return;
    if (this.probe) {
      if (throughput < this.probe.throughput * 1.15) this.concurrency = this.probe.concurrency;
      this.probe = null;
      this.completedSinceChange = 0;
      return;
    }
    const roomy = (throughput * TARGET_PART_SECONDS) / (this.concurrency + 1) >= MIN_PART * 2;
    const probedBefore = this.probeTried.has(this.concurrency + 1);
    if (roomy && !probedBefore && this.concurrency < MAX_CONCURRENCY) {
      this.probeTried.add(this.concurrency + 1);
      this.probe = { concurrency: this.concurrency, throughput };
      this.concurrency += 1;
      this.completedSinceChange = 0;
    }
  }

  private readonly probeTried = new Set<number>();

  private async complete(signal: AbortSignal) {
    const { key, uploadId } = this.ids();
    const parts = this.parts.map((part) => ({ partNumber: part.partNumber, etag: part.etag ?? '' }));
    const signed = await this.options.sign({ operation: 'complete_multipart', key, upload_id: uploadId });
    const response = await this.request(signal, () => ({
      url: signed.url,
      method: 'POST',
      headers: { ...signed.headers, 'Content-Type': 'application/xml' },
      body: completeBody(parts),
    }));
    if (xmlValue(response.text, 'Code')) throw new Error(storeProblem(response));
    return { key: signed.key, location: xmlValue(response.text, 'Location') ?? '' };
  }

  /**
   * Sends one request to the store, retrying what a retry can fix: a lost connection, a 5xx, a 429, and a
   * 403 from a URL that expired while the browser was offline (each attempt is signed anew).
   */
  private async request(
    signal: AbortSignal,
    prepare: () => Parameters<SendToStore>[0] | Promise<Parameters<SendToStore>[0]>,
  ): Promise<StoreResponse> {
    const wait = this.options.wait ?? defaultWait;
    for (let attempt = 0; ; attempt += 1) {
      signal.throwIfAborted();
      try {
        const response = await this.options.send({ ...(await prepare()), signal });
        if (response.status >= 200 && response.status < 300) return response;
        const retryable = response.status >= 500 || response.status === 429 || response.status === 403;
        throw new StoreRefusal(storeProblem(response), retryable);
      } catch (error) {
        if (isAbort(error) || signal.aborted) throw abortError();
        const retryable = error instanceof NetworkError || (error instanceof StoreRefusal && error.retryable);
        const delay = RETRY_DELAYS_MS[attempt];
        if (!retryable || delay === undefined) throw error;
        this.meter.reset();
        await wait(delay, signal);
      }
    }
  }

  private report() {
    const stored = this.parts.reduce((sum, part) => sum + (part.etag ? part.end - part.start : 0), 0);
    let sending = 0;
    for (const loaded of this.inFlight.values()) sending += loaded;
    const sent = stored + sending;
    this.meter.record(sent);
    this.options.onProgress?.(sent, this.options.file.size, this.meter.bytesPerSecond());
  }

  private saveState() {
    const state = this.state;
    if (state) this.options.onState?.(state);
  }
}

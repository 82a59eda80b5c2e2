import { BasePlugin, type DefinePluginOpts, EventManager, type PluginOpts, type Uppy } from '@uppy/core';
import type { Body, Meta, UppyFile } from '@uppy/core/utils';
import type { SignedRequest, SignRequest } from '../../../contract/upload';
import { MultipartUpload } from './multipart-upload';
import { MULTIPART_THRESHOLD } from './part-size';
import { forgetPlan, loadPlan, savePlan } from './resume-plans';
import { abortError, NetworkError, type SendToStore, sendToStore, storeProblem } from './s3-transport';
import { ThroughputMeter } from './throughput-meter';
import { useTransfers } from './transfer-store';

/** Per-file metadata the page sets: the column mapping to ingest with, and an upload to continue. */
export interface UploadMeta extends Meta {
  hpMappingId?: string;
  hpResume?: { key: string; uploadId: string };
  /** Set once the multipart upload exists, so the page knows this upload is running here. */
  hpUploadId?: string;
}

export interface UploadBody extends Body {
  location: string;
  key: string;
}

interface AdaptiveS3Options extends PluginOpts {
  sign: (body: SignRequest) => Promise<SignedRequest>;
  send?: SendToStore;
  /** Files uploading at once; each multipart file has its own parts in flight. */
  limit?: number;
}

const defaults = { limit: 3 } satisfies Partial<AdaptiveS3Options>;

type File = UppyFile<UploadMeta, UploadBody>;

/**
 * Uppy's uploader for this app: single PUTs for small files, and for the rest multipart uploads with
 * adaptive part sizes and several parts in flight (multipart-upload.ts). It speaks to the store with
 * presigned URLs from the API, keeps each upload's plan for a reload, and reports recent throughput.
 */
export class AdaptiveS3 extends BasePlugin<
  DefinePluginOpts<AdaptiveS3Options, keyof typeof defaults>,
  UploadMeta,
  UploadBody
> {
  /** The multipart upload of each file, kept across pauses and retries so stored parts stay stored. */
  private readonly uploads = new Map<string, MultipartUpload>();
  /** The key a failed single PUT was signed for, so a retry reuses its file record. */
  private readonly pendingKeys = new Map<string, string>();
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(uppy: Uppy<UploadMeta, UploadBody>, options: AdaptiveS3Options) {
    super(uppy, { ...defaults, ...options });
    this.type = 'uploader';
    this.id = this.opts.id ?? 'AdaptiveS3';
  }

  override install(): void {
    const { capabilities } = this.uppy.getState();
    this.uppy.setState({ capabilities: { ...capabilities, resumableUploads: true } });
    this.uppy.addUploader(this.upload);
  }

  override uninstall(): void {
    this.uppy.removeUploader(this.upload);
  }

  /** The multipart upload of a queued file (tests and the bench read its chosen part sizes). */
  multipartOf(fileId: string): MultipartUpload | undefined {
    return this.uploads.get(fileId);
  }

  private readonly upload = async (fileIds: string[]) => {
    const files = this.uppy
      .getFilesByIds(fileIds)
      .filter((file) => !file.progress.uploadComplete && !file.error);
    this.uppy.emit(
      'upload-start',
      files.filter((file) => !file.progress.uploadStarted),
    );
    await Promise.allSettled(files.map((file) => this.queued(() => this.uploadFile(file.id))));
  };

  private async queued(work: () => Promise<void>) {
    if (this.active >= this.opts.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active += 1;
    try {
      await work();
    } finally {
      this.active -= 1;
      this.queue.shift()?.();
    }
  }

  /**
   * Runs one file until it is stored, fails, or is removed. Pause aborts the requests in flight; resume
   * and retry run it again, and the multipart upload skips the parts already stored.
   */
  private uploadFile(fileId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const events = new EventManager(this.uppy);
      let controller: AbortController | null = null;
      let finished = false;
      const finish = (error?: Error) => {
        finished = true;
        events.remove();
        useTransfers.getState().remove(fileId);
        if (error) reject(error);
        else resolve();
      };
      const stop = () => {
        controller?.abort();
        controller = null;
      };
      const start = () => {
        if (finished) return;
        stop();
        const current = new AbortController();
        controller = current;
        const file = this.uppy.getFile(fileId);
        if (!file) return finish();
        useTransfers.getState().update(fileId, { name: file.name ?? '', paused: false });
        this.send(file, current.signal).then(
          (result) => {
            if (current.signal.aborted || finished) return;
            this.uppy.emit('upload-success', this.uppy.getFile(fileId), {
              status: 200,
              body: result,
              uploadURL: result.location,
            });
            finish();
          },
          (error: unknown) => {
            if (current.signal.aborted || finished) return;
            const failure = error instanceof Error ? error : new Error(String(error));
            // An error leaves the file in the queue: its Retry continues where it stopped.
            this.uppy.emit('upload-error', this.uppy.getFile(fileId), failure);
            events.remove();
            useTransfers.getState().remove(fileId);
            finished = true;
            reject(failure);
          },
        );
      };
      const pause = () => {
        stop();
        useTransfers.getState().update(fileId, { name: this.uppy.getFile(fileId)?.name ?? '', paused: true });
      };
      const cancel = () => {
        stop();
        const multipart = this.uploads.get(fileId);
        const state = multipart?.state;
        this.uploads.delete(fileId);
        this.pendingKeys.delete(fileId);
        if (state) {
          forgetPlan(state.uploadId);
          void this.abortInStore(state.key, state.uploadId);
        }
        finish();
      };
      events.onFilePause(fileId, (isPaused) => (isPaused ? pause() : start()));
      events.onPauseAll(fileId, pause);
      events.onResumeAll(fileId, start);
      events.onFileRemove(fileId, cancel);
      events.onCancelAll(fileId, cancel);
      start();
    });
  }

  private async abortInStore(key: string, uploadId: string) {
    try {
      const signed = await this.opts.sign({ operation: 'abort_multipart', key, upload_id: uploadId });
      await (this.opts.send ?? sendToStore)({ url: signed.url, method: 'DELETE', headers: signed.headers });
    } catch (error) {
      this.uppy.log(`Could not cancel the stored parts: ${(error as Error).message}`, 'warning');
    }
  }

  private progress(file: File, sent: number, total: number, bytesPerSecond: number | null) {
    this.uppy.emit('upload-progress', this.uppy.getFile(file.id) ?? file, {
      uploadStarted: file.progress.uploadStarted ?? Date.now(),
      bytesUploaded: sent,
      bytesTotal: total,
    });
    useTransfers.getState().update(file.id, { name: file.name ?? '', sent, total, bytesPerSecond });
  }

  private send(file: File, signal: AbortSignal): Promise<UploadBody> {
    const data = file.data as Blob;
    const resume = file.meta.hpResume;
    if (!resume && data.size <= MULTIPART_THRESHOLD) return this.singlePut(file, data, signal);
    let multipart = this.uploads.get(file.id);
    if (!multipart) {
      multipart = new MultipartUpload({
        file: data,
        describe: {
          filename: file.name ?? 'untitled',
          content_type: file.type || undefined,
          size: data.size,
          last_modified: data instanceof globalThis.File ? data.lastModified : undefined,
          mapping_id: file.meta.hpMappingId,
        },
        sign: this.opts.sign,
        send: this.opts.send ?? sendToStore,
        resume: resume && { ...resume, parts: loadPlan(resume.uploadId) },
        onProgress: (sent, total, rate) => this.progress(file, sent, total, rate),
        onState: (state) => {
          savePlan(state);
          if (this.uppy.getFile(file.id)?.meta.hpUploadId !== state.uploadId)
            this.uppy.setFileMeta(file.id, { hpUploadId: state.uploadId });
        },
      });
      this.uploads.set(file.id, multipart);
    }
    const upload = multipart;
    return upload.run(signal).then((result) => {
      const state = upload.state;
      if (state) forgetPlan(state.uploadId);
      this.uploads.delete(file.id);
      return result;
    });
  }

  private async singlePut(file: File, data: Blob, signal: AbortSignal): Promise<UploadBody> {
    const meter = new ThroughputMeter();
    for (let attempt = 0; ; attempt += 1) {
      const pendingKey = this.pendingKeys.get(file.id);
      const signed = await this.opts.sign(
        pendingKey
          ? { operation: 'put_object', key: pendingKey }
          : {
              operation: 'put_object',
              filename: file.name ?? 'untitled',
              content_type: file.type || undefined,
              size: data.size,
              last_modified: data instanceof globalThis.File ? data.lastModified : undefined,
              mapping_id: file.meta.hpMappingId,
            },
      );
      this.pendingKeys.set(file.id, signed.key);
      try {
        const response = await (this.opts.send ?? sendToStore)({
          url: signed.url,
          method: 'PUT',
          headers: signed.headers,
          body: data,
          signal,
          onProgress: (loaded) => {
            meter.record(loaded);
            this.progress(file, loaded, data.size, meter.bytesPerSecond());
          },
        });
        if (response.status >= 200 && response.status < 300) {
          this.pendingKeys.delete(file.id);
          return { key: signed.key, location: signed.url.split('?')[0] ?? '' };
        }
        if (response.status < 500 || attempt >= 2) throw new Error(storeProblem(response));
      } catch (error) {
        if (signal.aborted) throw abortError();
        if (!(error instanceof NetworkError) || attempt >= 2) throw error;
      }
      meter.reset();
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

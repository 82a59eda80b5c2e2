import { createParser } from 'eventsource-parser';
import { ApiError, sendWithSession } from './api-client';

// The one Server-Sent Events reader. EventSource cannot send an Authorization header or a POST body, so this
// reads the stream from the API client's response and parses it with eventsource-parser.

export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

interface EventStreamOptions {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  signal: AbortSignal;
  onMessage: (message: SseMessage) => void;
  /** True for the message that ends the stream; ending without one counts as a dropped connection. */
  isFinal: (message: SseMessage) => boolean;
  /** Where to pick the stream up after a drop (sent with `Last-Event-ID`); null when it cannot be resumed. */
  resumePath: () => string | null;
  /** Reconnections tried one after another before giving up. */
  maxRetries?: number;
  retryDelayMs?: number;
  /** Called before each reconnection, e.g. to show "Reconnecting…". */
  onReconnect?: (attempt: number) => void;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Reads one response to its end; returns true when the final message arrived. */
async function readResponse(
  response: Response,
  options: EventStreamOptions,
  onId: (id: string) => void,
): Promise<boolean> {
  let isFinished = false;
  const parser = createParser({
    onEvent(event) {
      if (isFinished) return;
      const message = { id: event.id, event: event.event ?? 'message', data: event.data };
      if (message.id !== undefined) onId(message.id);
      options.onMessage(message);
      if (options.isFinal(message)) isFinished = true;
    },
  });
  if (!response.body) return false;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  // A body that does not notice the abort by itself must still stop being read.
  const stop = () => void reader.cancel(options.signal.reason).catch(() => {});
  options.signal.addEventListener('abort', stop, { once: true });
  try {
    while (!isFinished) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
  } finally {
    options.signal.removeEventListener('abort', stop);
    if (isFinished) await reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
  return isFinished;
}

const streamLost = (message: string) => new ApiError({ status: 0, error: 'stream_lost', message });

const isRetryable = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429;

/**
 * Streams events until the final one. After a dropped connection it reconnects through `resumePath` with the
 * last id received, so nothing is lost and nothing repeats. Rejects with the abort reason after `signal` aborts,
 * or with the last error once the retries are spent.
 */
export async function readEventStream(options: EventStreamOptions): Promise<void> {
  const { signal, maxRetries = 5, retryDelayMs = 500 } = options;
  let lastEventId: string | undefined;
  let failures = 0;
  let isFirst = true;
  while (true) {
    signal.throwIfAborted();
    const path = isFirst ? options.path : options.resumePath();
    if (path === null) throw streamLost('The connection was lost and the answer cannot be resumed.');
    const headers: Record<string, string> = lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId };
    try {
      const response = await sendWithSession(isFirst ? options.method : 'GET', path, {
        accept: 'text/event-stream',
        headers,
        signal,
        ...(isFirst && options.body !== undefined ? { body: options.body } : {}),
      });
      isFirst = false;
      const isDone = await readResponse(response, options, (id) => {
        lastEventId = id;
        failures = 0;
      });
      if (isDone) return;
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      // The first request failing (e.g. 429, 400) is an answer, not a drop: nothing was started to resume.
      if (isFirst || !isRetryable(error)) throw error;
    }
    failures += 1;
    if (failures > maxRetries) {
      throw streamLost('The connection to the answer kept dropping. Try again.');
    }
    options.onReconnect?.(failures);
    await wait(retryDelayMs * 2 ** (failures - 1), signal);
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, connectAuth } from './api-client';
import { readEventStream, type SseMessage } from './sse';

const encoder = new TextEncoder();

/** A response whose body sends `chunks`, then either ends or fails like a dropped connection. */
function streamResponse(chunks: string[], ending: 'end' | 'drop' | 'hang' = 'end'): Response {
  const queue = [...chunks];
  // One chunk per pull: erroring a stream discards what is still queued, as a real dropped socket would not.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = queue.shift();
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (ending === 'end') controller.close();
      else if (ending === 'drop') controller.error(new TypeError('network error'));
      else return new Promise(() => {});
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const frame = (id: number, event: string, data: object) =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

let requests: { url: string; init: RequestInit }[] = [];
let answers: (() => Response)[] = [];

beforeEach(() => {
  requests = [];
  answers = [];
  connectAuth({ accessToken: () => 'token-1', refresh: async () => null });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    init.signal?.throwIfAborted();
    const next = answers.shift();
    if (!next) throw new TypeError('no answer scripted');
    return next();
  });
});
afterEach(() => vi.unstubAllGlobals());

function read(signal = new AbortController().signal) {
  const messages: SseMessage[] = [];
  const done = readEventStream({
    method: 'POST',
    path: '/agent/query/',
    body: { question: 'cost' },
    signal,
    onMessage: (message) => messages.push(message),
    isFinal: (message) => message.event === 'run.completed',
    resumePath: () => '/agent/runs/run_1/events/',
    retryDelayMs: 1,
  });
  return { messages, done };
}

describe('readEventStream', () => {
  it('posts the body with the session token and reads every event up to the final one', async () => {
    answers.push(() =>
      streamResponse([
        frame(1, 'run.started', { run_id: 'run_1' }),
        ': ping\n\n',
        frame(2, 'run.completed', {}),
      ]),
    );
    const { messages, done } = read();
    await done;
    expect(messages.map((message) => [message.id, message.event])).toEqual([
      ['1', 'run.started'],
      ['2', 'run.completed'],
    ]);
    const headers = requests[0]?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer token-1');
    expect(headers.Accept).toBe('text/event-stream');
    expect(requests[0]?.init.method).toBe('POST');
    expect(requests[0]?.init.body).toBe('{"question":"cost"}');
  });

  it('reconnects after a drop with Last-Event-ID and delivers each event once', async () => {
    // The first stream breaks in the middle of event 3; the resumed one starts after event 2.
    answers.push(() => streamResponse([frame(1, 'a', {}), frame(2, 'b', {}), 'id: 3\nevent: c\nda'], 'drop'));
    answers.push(() => streamResponse([frame(3, 'c', {})], 'end'));
    answers.push(() => streamResponse([frame(4, 'run.completed', {})]));
    const { messages, done } = read();
    await done;
    expect(messages.map((message) => message.id)).toEqual(['1', '2', '3', '4']);
    expect(
      requests.map((request) => [
        request.init.method,
        (request.init.headers as Record<string, string>)['Last-Event-ID'],
      ]),
    ).toEqual([
      ['POST', undefined],
      ['GET', '2'],
      ['GET', '3'],
    ]);
    expect(requests[1]?.url).toBe('/api/v1/agent/runs/run_1/events/');
  });

  it('stops reading when aborted', async () => {
    answers.push(() => streamResponse([frame(1, 'run.started', {})], 'hang'));
    const controller = new AbortController();
    const { messages, done } = read(controller.signal);
    await vi.waitFor(() => expect(messages).toHaveLength(1));
    controller.abort(new DOMException('Stopped', 'AbortError'));
    await expect(done).rejects.toThrow('Stopped');
    expect(requests).toHaveLength(1);
  });

  it('reports a refusal of the first request without retrying it', async () => {
    answers.push(
      () =>
        new Response(JSON.stringify({ error: 'rate_limited', message: 'Slow down.' }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '7' },
        }),
    );
    const { done } = read();
    const error = await done.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, message: 'Slow down.', retry_after: 7 });
    expect(requests).toHaveLength(1);
  });

  it('gives up after the retries are spent', async () => {
    for (let attempt = 0; attempt < 7; attempt += 1) answers.push(() => streamResponse([], 'drop'));
    answers.unshift(() => streamResponse([frame(1, 'run.started', {})], 'drop'));
    const { done } = read();
    await expect(done).rejects.toMatchObject({ error: 'stream_lost' });
  });
});

import { type AgentEvent, isFinalEvent } from '../../src/contract/agent';

interface Followed {
  backlog: AgentEvent[];
  isLive: boolean;
  stop: () => void;
}

interface SseOptions {
  follow: (listener: (event: AgentEvent) => void) => Followed;
  /** Proxies close a silent connection; the contract promises a comment at least every 15 s. */
  pingMs?: number;
}

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  // Tells nginx-style proxies not to buffer, so each event reaches the browser as it is written.
  'X-Accel-Buffering': 'no',
} as const;

const encoder = new TextEncoder();
const frame = (event: AgentEvent) =>
  `id: ${event.id}\nevent: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;

/**
 * Streams a run's events: the backlog first, then live ones until the final event. The client going away
 * only stops this stream; the run itself carries on, so the client can resume it.
 */
export function sseResponse(
  { follow, pingMs = 15_000 }: SseOptions,
  headers: Record<string, string> = {},
): Response {
  let finish = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let isClosed = false;
      let lastSent = 0;
      let followed: Followed | undefined;
      const ping = setInterval(() => write(': ping\n\n'), pingMs);
      finish = () => {
        if (isClosed) return;
        isClosed = true;
        clearInterval(ping);
        followed?.stop();
      };
      function write(text: string) {
        if (isClosed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          finish();
        }
      }
      function send(event: AgentEvent) {
        if (isClosed || event.id <= lastSent) return;
        lastSent = event.id;
        write(frame(event));
        if (isFinalEvent(event)) {
          finish();
          controller.close();
        }
      }
      followed = follow(send);
      for (const event of followed.backlog) send(event);
      if (!followed.isLive && !isClosed) {
        finish();
        controller.close();
      }
    },
    cancel() {
      finish();
    },
  });
  return new Response(body, { status: 200, headers: { ...SSE_HEADERS, ...headers } });
}

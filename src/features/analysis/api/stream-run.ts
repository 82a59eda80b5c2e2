import { type AgentEvent, isFinalEvent, parseAgentEvent } from '../../../contract/agent';
import { readEventStream } from '../../../lib/sse';

interface StreamRunOptions {
  question: string;
  conversationId: string | null;
  signal: AbortSignal;
  onEvent: (event: AgentEvent) => void;
  onReconnect?: (attempt: number) => void;
}

/** Asks a question as a stream; after a dropped connection it resumes the same run from the last event. */
export function streamRun({ question, conversationId, signal, onEvent, onReconnect }: StreamRunOptions) {
  let runId: string | null = null;
  return readEventStream({
    method: 'POST',
    path: '/agent/query/',
    body: { question, ...(conversationId ? { conversation_id: conversationId } : {}) },
    signal,
    isFinal: (message) => isFinalEvent(message),
    resumePath: () => (runId ? `/agent/runs/${encodeURIComponent(runId)}/events/` : null),
    ...(onReconnect ? { onReconnect } : {}),
    onMessage(message) {
      const event = parseAgentEvent(Number(message.id), message.event, safeJson(message.data));
      if (!event) return;
      if (event.event === 'run.started') runId = event.data.run_id;
      onEvent(event);
    },
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

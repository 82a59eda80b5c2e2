import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../src/contract/agent';
import { sseResponse } from './sse-response';

describe('sseResponse', () => {
  it('sends a ping comment while the run is quiet, and stops following when the client goes away', async () => {
    let isStopped = false;
    let emit: (event: AgentEvent) => void = () => {};
    const response = sseResponse({
      pingMs: 20,
      follow: (listener) => {
        emit = listener;
        return { backlog: [], isLive: true, stop: () => (isStopped = true) };
      },
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    expect(first.value).toBe(': ping\n\n');
    emit({ id: 1, event: 'text.delta', data: { delta: 'a\nb' } });
    const second = await reader.read();
    expect(second.value).toBe('id: 1\nevent: text.delta\ndata: {"delta":"a\\nb"}\n\n');
    await reader.cancel();
    expect(isStopped).toBe(true);
  });

  it('replays a finished run and ends, sending each id once', async () => {
    const events: AgentEvent[] = [
      { id: 4, event: 'text.delta', data: { delta: 'x' } },
      { id: 5, event: 'run.completed', data: { run_id: 'run_1', duration_ms: 3 } },
    ];
    const response = sseResponse({
      follow: () => ({ backlog: [...events, events[0]!], isLive: false, stop: () => {} }),
    });
    const text = await response.text();
    expect(text.match(/^id: /gm)).toHaveLength(2);
    expect(text.endsWith('event: run.completed\ndata: {"run_id":"run_1","duration_ms":3}\n\n')).toBe(true);
  });
});

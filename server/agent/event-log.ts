import type { AgentEvent, AgentEventInput } from '../../src/contract/agent';
import type { Db } from '../db/open-database';

/** Each run's events, numbered 1, 2, 3 … in the order they were emitted. */
export function createEventLog(db: Db, stamp: () => string) {
  const insert = db.prepare(
    `INSERT INTO agent_events (run_id, seq, event, data, created_at)
     VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM agent_events WHERE run_id = ?), ?, ?, ?) RETURNING seq`,
  );
  const select = db.prepare(
    'SELECT seq, event, data FROM agent_events WHERE run_id = ? AND seq > ? ORDER BY seq',
  );
  return {
    /** Numbers the event and stores it; the caller sends it only after this returns. */
    append(runId: string, input: AgentEventInput): AgentEvent {
      const row = insert.get(runId, runId, input.event, JSON.stringify(input.data), stamp()) as {
        seq: number;
      };
      return { id: row.seq, ...input } as AgentEvent;
    },
    after(runId: string, after: number): AgentEvent[] {
      return (select.all(runId, after) as { seq: number; event: string; data: string }[]).map(
        (row) => ({ id: row.seq, event: row.event, data: JSON.parse(row.data) }) as AgentEvent,
      );
    },
  };
}

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
  // The run's last event stays, so a late resume still ends cleanly instead of reconnecting for ever.
  const prune = db.prepare(
    `DELETE FROM agent_events
     WHERE run_id IN (SELECT id FROM agent_runs WHERE finished_at IS NOT NULL AND finished_at < ?)
       AND seq < (SELECT max(seq) FROM agent_events AS final WHERE final.run_id = agent_events.run_id)`,
  );
  return {
    /**
     * Drops the replay log of runs that finished before `cutoff`: their answer is kept whole in the
     * conversation, and the log would otherwise grow by every streamed piece of every answer, for ever.
     */
    pruneFinishedBefore(cutoff: string): number {
      return prune.run(cutoff).changes;
    },
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

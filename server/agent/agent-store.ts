import type {
  AssistantMessage,
  Conversation,
  ConversationList,
  ConversationSummary,
  Message,
} from '../../src/contract/agent';
import { emptyAssistantMessage, foldAgentEvents } from '../../src/contract/agent-message';
import type { PageQuery } from '../../src/contract/pages';
import { AnalysisPlan } from '../../src/contract/query-plan';
import type { Db } from '../db/open-database';
import { newId } from '../lib/ids';
import { afterKeyset, decodeCursor, pageOf } from '../lib/keyset-cursor';
import { createEventLog } from './event-log';

/** Whose history this is: every read and write names the organization and the asker. */
export interface Owner {
  orgId: string;
  owner: string;
}

export interface RunRow {
  id: string;
  org_id: string;
  owner: string;
  conversation_id: string;
  message_id: string;
  question: string;
  status: 'running' | 'completed' | 'failed';
  parsed_query: string | null;
  created_at: string;
  finished_at: string | null;
}

interface MessageRow {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  blocks: string;
  status: Message['status'];
  error: string | null;
  run_id: string | null;
  created_at: string;
}

/** Long past any reconnection: a replay is only needed by a client that dropped while the run was going. */
const EVENT_RETENTION_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

export function createAgentStore(db: Db, now: () => Date) {
  const stamp = () => now().toISOString();
  let lastPruned = Number.NEGATIVE_INFINITY;

  const events = createEventLog(db, stamp);
  const eventsAfter = events.after;

  function messageOf(row: MessageRow): Message {
    const stored: Message = {
      id: row.id,
      role: row.role,
      content: row.content,
      blocks: JSON.parse(row.blocks),
      status: row.status,
      created_at: row.created_at,
      run_id: row.run_id,
      error: row.error ? JSON.parse(row.error) : null,
    };
    // A message still being answered is rebuilt from its log, so a reopened conversation shows the progress so far.
    if (row.role !== 'assistant' || row.status !== 'running' || !row.run_id) return stored;
    return foldAgentEvents(
      emptyAssistantMessage(row.id, row.created_at, row.run_id),
      eventsAfter(row.run_id, 0),
    );
  }

  const summaryRow = (who: Owner, id: string) =>
    db
      .prepare(
        'SELECT id, title, created_at, updated_at FROM agent_conversations WHERE id = ? AND org_id = ? AND owner = ?',
      )
      .get(id, who.orgId, who.owner) as ConversationSummary | undefined;

  return {
    createConversation(who: Owner, title: string): ConversationSummary {
      const row = { id: newId('cnv'), title, created_at: stamp(), updated_at: stamp() };
      db.prepare(
        'INSERT INTO agent_conversations (id, org_id, owner, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(row.id, who.orgId, who.owner, row.title, row.created_at, row.updated_at);
      return row;
    },

    findConversation: summaryRow,

    listConversations(who: Owner, page: PageQuery): ConversationList {
      const after = afterKeyset('updated_at', decodeCursor(page.cursor));
      const rows = db
        .prepare(
          `SELECT id, title, created_at, updated_at FROM agent_conversations
           WHERE org_id = ? AND owner = ? ${after.sql}
           ORDER BY updated_at DESC, id DESC LIMIT ?`,
        )
        .all(who.orgId, who.owner, ...after.params, page.limit + 1) as ConversationSummary[];
      return pageOf(
        rows,
        page.limit,
        (row) => ({ at: row.updated_at, id: row.id }),
        (row) => row,
      );
    },

    conversation(who: Owner, id: string): Conversation | null {
      const summary = summaryRow(who, id);
      if (!summary) return null;
      const rows = db
        .prepare(
          `SELECT id, role, content, blocks, status, error, run_id, created_at FROM agent_messages
           WHERE conversation_id = ? AND org_id = ? ORDER BY position`,
        )
        .all(id, who.orgId) as MessageRow[];
      return { ...summary, messages: rows.map(messageOf) };
    },

    deleteConversation(who: Owner, id: string): boolean {
      return (
        db
          .prepare('DELETE FROM agent_conversations WHERE id = ? AND org_id = ? AND owner = ?')
          .run(id, who.orgId, who.owner).changes > 0
      );
    },

    /** Records the question and an empty answer in the conversation, and the run that will fill it. */
    createRun(who: Owner, conversationId: string, question: string): RunRow {
      const at = stamp();
      const run: RunRow = {
        id: newId('run'),
        org_id: who.orgId,
        owner: who.owner,
        conversation_id: conversationId,
        message_id: newId('msg'),
        question,
        status: 'running',
        parsed_query: null,
        created_at: at,
        finished_at: null,
      };
      const insertMessage = db.prepare(
        `INSERT INTO agent_messages (id, conversation_id, org_id, role, content, status, run_id, created_at, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM agent_messages WHERE conversation_id = ?))`,
      );
      db.transaction(() => {
        insertMessage.run(
          newId('msg'),
          conversationId,
          who.orgId,
          'user',
          question,
          'complete',
          null,
          at,
          conversationId,
        );
        insertMessage.run(
          run.message_id,
          conversationId,
          who.orgId,
          'assistant',
          '',
          'running',
          run.id,
          at,
          conversationId,
        );
        db.prepare(
          `INSERT INTO agent_runs (id, org_id, owner, conversation_id, message_id, question, status, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'running', ?)`,
        ).run(run.id, who.orgId, who.owner, conversationId, run.message_id, question, at);
        db.prepare('UPDATE agent_conversations SET updated_at = ? WHERE id = ?').run(at, conversationId);
      })();
      return run;
    },

    findRun(who: Owner, runId: string): RunRow | undefined {
      return db
        .prepare('SELECT * FROM agent_runs WHERE id = ? AND org_id = ? AND owner = ?')
        .get(runId, who.orgId, who.owner) as RunRow | undefined;
    },

    appendEvent: events.append,

    /** At most hourly, so starting runs stays cheap; returns the number of events dropped. */
    pruneEventsIfDue(): number {
      const at = now().getTime();
      if (at - lastPruned < PRUNE_EVERY_MS) return 0;
      lastPruned = at;
      return events.pruneFinishedBefore(new Date(at - EVENT_RETENTION_MS).toISOString());
    },
    eventsAfter,

    finishRun(runId: string, message: AssistantMessage, parsedQuery: unknown) {
      const at = stamp();
      db.transaction(() => {
        db.prepare('UPDATE agent_runs SET status = ?, parsed_query = ?, finished_at = ? WHERE id = ?').run(
          message.status === 'complete' ? 'completed' : 'failed',
          parsedQuery === undefined ? null : JSON.stringify(parsedQuery),
          at,
          runId,
        );
        db.prepare(
          'UPDATE agent_messages SET content = ?, blocks = ?, status = ?, error = ? WHERE id = ?',
        ).run(
          message.content,
          JSON.stringify(message.blocks),
          message.status,
          message.error ? JSON.stringify(message.error) : null,
          message.id,
        );
      })();
    },

    /** The conversation's last answered plan, which a follow-up question builds on (a stored plan of an older
     *  shape is not one, and is skipped). */
    previousQuery(who: Owner, conversationId: string): AnalysisPlan | undefined {
      const row = db
        .prepare(
          `SELECT parsed_query FROM agent_runs WHERE conversation_id = ? AND org_id = ? AND owner = ?
           AND status = 'completed' AND parsed_query IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1`,
        )
        .get(conversationId, who.orgId, who.owner) as { parsed_query: string } | undefined;
      if (!row) return undefined;
      const parsed = AnalysisPlan.safeParse(JSON.parse(row.parsed_query));
      return parsed.success ? parsed.data : undefined;
    },

    /** True when the conversation's last finished turn gave no answer (refused, asked back, failed or stopped). */
    lastTurnUnanswered(who: Owner, conversationId: string): boolean {
      const row = db
        .prepare(
          `SELECT status, parsed_query FROM agent_runs WHERE conversation_id = ? AND org_id = ? AND owner = ?
           AND status != 'running' ORDER BY created_at DESC, rowid DESC LIMIT 1`,
        )
        .get(conversationId, who.orgId, who.owner) as
        | { status: string; parsed_query: string | null }
        | undefined;
      return !!row && (row.status !== 'completed' || row.parsed_query === null);
    },

    /** Runs marked running; at start-up these were left by a previous process and can never finish. */
    runningRuns(): RunRow[] {
      return db.prepare("SELECT * FROM agent_runs WHERE status = 'running'").all() as RunRow[];
    },
  };
}

export type AgentStore = ReturnType<typeof createAgentStore>;

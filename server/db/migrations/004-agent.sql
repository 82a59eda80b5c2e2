-- Conversations, their messages, the runs that answer them and every event each run emitted.
-- `owner` is the user id, or `key:<key id>` for an API key, so history is private to whoever asked.
CREATE TABLE agent_conversations (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  owner TEXT NOT NULL,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX agent_conversations_owner ON agent_conversations (org_id, owner, updated_at);

CREATE TABLE agent_messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES agent_conversations (id) ON DELETE CASCADE,
  org_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  content TEXT NOT NULL,
  blocks TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL,
  error TEXT,
  run_id TEXT,
  created_at TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE INDEX agent_messages_conversation ON agent_messages (conversation_id, position);

CREATE TABLE agent_runs (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  owner TEXT NOT NULL,
  conversation_id TEXT NOT NULL REFERENCES agent_conversations (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  question TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  -- The parsed query of a successful answer, so a follow-up can build on it.
  parsed_query TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX agent_runs_conversation ON agent_runs (conversation_id, created_at);

-- Written before each event is sent, so a client that reconnects with Last-Event-ID loses nothing.
CREATE TABLE agent_events (
  run_id TEXT NOT NULL REFERENCES agent_runs (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  event TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;

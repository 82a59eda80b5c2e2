-- One row per upload; the object lives in the store under `key` (<org_id>/<file_id>/<sanitized name>).
CREATE TABLE files (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations (id),
  key TEXT NOT NULL UNIQUE,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  -- Declared by the client while pending, read from the store once uploaded.
  size INTEGER,
  status TEXT NOT NULL CHECK (status IN ('pending', 'uploaded', 'ingesting', 'ingested', 'failed', 'aborted')),
  created_at TEXT NOT NULL,
  uploaded_at TEXT,
  uploaded_by TEXT NOT NULL,
  etag TEXT,
  -- JSON {"rows", "rejected_rows", "errors"} once ingestion has run.
  ingest TEXT
);
-- Lists run newest first per organization; the id breaks ties so the cursor is total.
CREATE INDEX files_org_created ON files (org_id, created_at DESC, id DESC);
CREATE INDEX files_status_created ON files (status, created_at);

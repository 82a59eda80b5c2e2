-- Uploads that can be continued from another page load, honest statuses, and column mappings.
ALTER TABLE files ADD COLUMN upload_id TEXT;
ALTER TABLE files ADD COLUMN source_last_modified INTEGER;
ALTER TABLE files ADD COLUMN last_activity_at TEXT;
ALTER TABLE files ADD COLUMN mapping_id TEXT;
-- JSON array of the required columns a .csv/.tsv/.parquet header lacked (not case data).
ALTER TABLE files ADD COLUMN missing_columns TEXT;
-- Key of the stored CSV of rejected rows (original rows plus a reason column), when ingestion rejected any.
ALTER TABLE files ADD COLUMN rejected_rows_key TEXT;

-- A named mapping from an export's columns to the case columns, per organization.
CREATE TABLE column_mappings (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations (id),
  name TEXT NOT NULL,
  -- JSON array of the header names, in order, and its normalized signature for "same header" look-ups.
  header TEXT NOT NULL,
  header_signature TEXT NOT NULL,
  -- JSON {case_column: {"source", "format"?}}
  columns TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (org_id, name)
);
CREATE INDEX column_mappings_header ON column_mappings (org_id, header_signature, created_at DESC);

-- Answers pinned to the dashboard. `owner` is the user who pinned it; `shared` shows it to the whole
-- organization. `plan` is the AnalysisPlan JSON as pinned: it is checked against the current model on every read.
CREATE TABLE dashboard_pins (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations (id),
  owner TEXT NOT NULL,
  title TEXT NOT NULL,
  question TEXT NOT NULL,
  reading TEXT NOT NULL,
  workflow TEXT NOT NULL,
  plan TEXT NOT NULL,
  shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX dashboard_pins_owner ON dashboard_pins (org_id, owner, position);
CREATE INDEX dashboard_pins_shared ON dashboard_pins (org_id, shared);

-- Calls and KPIs: call records from the telephony system (upserted by external_id). KPI targets
-- (kpi_targets) and the presence log (agent_presence) are in 002_directory.
--
-- seq is the rowid, so every index ends with it: lists page by (offered_at, seq) and the KPI
-- aggregates read only the covering indexes below, never the table.

CREATE TABLE calls (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  external_id TEXT NOT NULL UNIQUE,
  queue TEXT NOT NULL,
  team_id TEXT REFERENCES teams(id),
  agent_id TEXT REFERENCES users(id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  status TEXT NOT NULL CHECK (status IN ('waiting', 'in_progress', 'completed', 'abandoned')),
  -- Timestamps are ISO 8601 UTC with milliseconds ('2026-11-26T08:30:00.000Z'): they sort as text.
  offered_at TEXT NOT NULL,
  answered_at TEXT,
  abandoned_at TEXT,
  ended_at TEXT,
  -- Derived at each write: 1 when answered_at is set; seconds until answered or abandoned;
  -- talk + hold + after-call work; the latest of the four timestamps (for dataAsOf).
  answered INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
  wait_seconds REAL,
  talk_seconds REAL NOT NULL DEFAULT 0,
  hold_seconds REAL NOT NULL DEFAULT 0,
  after_call_work_seconds REAL NOT NULL DEFAULT 0,
  handle_seconds REAL NOT NULL DEFAULT 0,
  transferred INTEGER NOT NULL DEFAULT 0 CHECK (transferred IN (0, 1)),
  resolved_first_contact INTEGER CHECK (resolved_first_contact IS NULL OR resolved_first_contact IN (0, 1)),
  csat INTEGER CHECK (csat IS NULL OR csat BETWEEN 1 AND 5),
  customer_phone TEXT,
  last_event_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (answered_at IS NULL OR abandoned_at IS NULL)
);

-- KPI aggregates (center, team, agent): every column the aggregate reads, so it never visits the
-- table. Also the keyset order of the call lists.
CREATE INDEX calls_kpi_center ON calls (offered_at, status, answered, wait_seconds, handle_seconds,
  resolved_first_contact, csat, last_event_at);
CREATE INDEX calls_kpi_team ON calls (team_id, offered_at, status, answered, wait_seconds,
  handle_seconds, resolved_first_contact, csat, last_event_at);
CREATE INDEX calls_kpi_agent ON calls (agent_id, offered_at, status, answered, wait_seconds,
  handle_seconds, resolved_first_contact, csat, last_event_at);
-- Live figures (calls waiting now) and the status filter of the list.
CREATE INDEX calls_status ON calls (status, offered_at, team_id, agent_id);

-- Complaint and praise tickets of an agent by the call they are about (the complaints area may
-- have made the same index already).
CREATE INDEX IF NOT EXISTS tickets_related_call ON tickets (related_call_id);

-- Tickets of every kind, their SLA pauses, comments and activity log.
-- Areas that add details to some kinds keep them in side tables keyed by ticket_id
-- (ticket_complaints, ticket_equipment) and join them in through the ticket extensions.

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('general_call', 'harassment_call', 'work_order',
    'follow_up_call', 'complaint', 'voicemail', 'qa_review_request', 'online_response', 'praise')),
  state TEXT NOT NULL CHECK (state IN ('new', 'open', 'pending', 'escalated', 'resolved', 'closed')),
  subject TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'web', 'chat', 'social', 'walk_in', 'letter')),
  customer_json TEXT,
  team_id TEXT REFERENCES teams(id),
  assignee_id TEXT REFERENCES users(id),
  department_id TEXT REFERENCES departments(id),
  tags_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  updated_at TEXT NOT NULL,
  first_responded_at TEXT,
  resolved_at TEXT,
  closed_at TEXT,
  resolution TEXT,
  escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 3),
  related_call_id TEXT,
  related_ticket_id TEXT REFERENCES tickets(id),
  evaluation_id TEXT,
  -- SLA targets, copied from the policy when the ticket was created (NULL: no SLA, e.g. praise).
  sla_policy_id TEXT,
  sla_first_response_minutes INTEGER,
  sla_resolution_minutes INTEGER,
  sla_business_hours INTEGER,
  sla_at_risk_ratio REAL,
  -- Derived from the targets, the calendar and the pauses at the last write, for filters and sorting;
  -- answers compute `sla` afresh. sla_due_at is NULL while paused.
  sla_first_due_at TEXT,
  sla_due_at TEXT,
  sla_at_risk_at TEXT,
  sla_breached INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tickets_updated ON tickets (updated_at, number);
CREATE INDEX tickets_created ON tickets (created_at, number);
CREATE INDEX tickets_assignee ON tickets (assignee_id, updated_at);
CREATE INDEX tickets_creator ON tickets (created_by, updated_at);
CREATE INDEX tickets_team ON tickets (team_id, updated_at);
CREATE INDEX tickets_kind_state ON tickets (kind, state);
CREATE INDEX tickets_sla_due ON tickets (sla_due_at, number);

CREATE TABLE ticket_sla_pauses (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  start TEXT NOT NULL,
  end TEXT
);
CREATE INDEX ticket_sla_pauses_ticket ON ticket_sla_pauses (ticket_id, start);

CREATE TABLE ticket_comments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  visibility TEXT NOT NULL CHECK (visibility IN ('internal', 'public')),
  created_at TEXT NOT NULL
);
CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, seq);

CREATE TABLE ticket_activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES users(id),
  action TEXT NOT NULL,
  transition TEXT,
  note TEXT,
  changes_json TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX ticket_activity_ticket ON ticket_activity (ticket_id, seq);

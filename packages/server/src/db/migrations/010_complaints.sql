-- Complaints: the details of tickets of kind 'complaint', one row per complaint ticket.
-- The ticket itself (state, priority, team, assignee, department, escalation level, created_at,
-- related_call_id) stays in `tickets`; KPIs count complaints by joining the two (see the server
-- README, "Complaint figures").

CREATE TABLE ticket_complaints (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  category_id TEXT NOT NULL REFERENCES complaint_categories(id),
  severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  desired_resolution TEXT NOT NULL DEFAULT '',
  custom_fields_json TEXT NOT NULL DEFAULT '{}',
  preferred_callback_at TEXT,
  -- Routing: what the rules suggested when it was filed, and where it is now.
  suggested_department_id TEXT NOT NULL REFERENCES departments(id),
  rule_id TEXT REFERENCES complaint_routing_rules(id),
  department_id TEXT NOT NULL REFERENCES departments(id),
  routed_by TEXT NOT NULL REFERENCES users(id),
  routed_at TEXT NOT NULL,
  routing_reason TEXT,
  -- The acknowledgement deadline (business time) and when `start` acknowledged it.
  acknowledge_by TEXT NOT NULL,
  acknowledged_at TEXT,
  -- The verdict: NULL while undecided.
  justified INTEGER CHECK (justified IS NULL OR justified IN (0, 1)),
  finding TEXT,
  decided_by TEXT REFERENCES users(id),
  decided_at TEXT,
  -- The customer callback: NULL while not recorded.
  callback_outcome TEXT CHECK (callback_outcome IS NULL OR callback_outcome IN
    ('satisfied', 'partially_satisfied', 'unsatisfied', 'unreachable')),
  callback_at TEXT,
  callback_note TEXT,
  callback_by TEXT REFERENCES users(id),
  -- Copied from the ticket when filed, so complaint figures per period need no join.
  filed_at TEXT NOT NULL,
  CHECK ((justified IS NULL) = (decided_at IS NULL)),
  CHECK ((callback_outcome IS NULL) = (callback_at IS NULL))
);
CREATE INDEX ticket_complaints_filed ON ticket_complaints (filed_at, ticket_id);
CREATE INDEX ticket_complaints_category ON ticket_complaints (category_id, filed_at);
CREATE INDEX ticket_complaints_department ON ticket_complaints (department_id, filed_at);
-- QA specialists see justified complaints: the visibility condition reads this index.
CREATE INDEX ticket_complaints_justified ON ticket_complaints (justified, ticket_id);
-- Tickets by related call, for complaint figures per agent (the agent of the related call).
CREATE INDEX IF NOT EXISTS tickets_related_call ON tickets (related_call_id);

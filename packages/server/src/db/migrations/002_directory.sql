-- Directory and settings: departments, complaint categories and routing rules, SLA policies, the
-- business calendar, KPI targets and the agents' presence log.

CREATE TABLE departments (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name_json TEXT NOT NULL,
  email TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE complaint_categories (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES complaint_categories(id),
  code TEXT NOT NULL UNIQUE,
  name_json TEXT NOT NULL,
  description_json TEXT,
  default_severity TEXT NOT NULL CHECK (default_severity IN ('low', 'medium', 'high', 'critical')),
  department_id TEXT REFERENCES departments(id),
  acknowledge_within_hours INTEGER NOT NULL CHECK (acknowledge_within_hours BETWEEN 1 AND 720),
  custom_fields_json TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL DEFAULT 1,
  -- Tree order, parents before their children: '003' for a parent, '003.002' for its second child.
  sort_path TEXT NOT NULL
);
CREATE INDEX complaint_categories_order ON complaint_categories (sort_path, id);

CREATE TABLE complaint_routing_rules (
  id TEXT PRIMARY KEY,
  rule_order INTEGER NOT NULL,
  category_id TEXT REFERENCES complaint_categories(id),
  severity TEXT CHECK (severity IS NULL OR severity IN ('low', 'medium', 'high', 'critical')),
  channel TEXT,
  department_id TEXT NOT NULL REFERENCES departments(id),
  escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 3),
  acknowledge_within_hours INTEGER CHECK (acknowledge_within_hours IS NULL OR acknowledge_within_hours BETWEEN 1 AND 720),
  description_json TEXT NOT NULL
);
CREATE INDEX complaint_routing_rules_order ON complaint_routing_rules (rule_order, id);

CREATE TABLE sla_policies (
  id TEXT PRIMARY KEY,
  kind TEXT,
  priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  first_response_minutes INTEGER NOT NULL,
  resolution_minutes INTEGER NOT NULL,
  business_hours INTEGER NOT NULL,
  at_risk_ratio REAL NOT NULL,
  position INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX sla_policies_kind_priority ON sla_policies (COALESCE(kind, ''), priority);
CREATE INDEX sla_policies_position ON sla_policies (position, id);

-- The center's calendar: one row, its hours and its holidays.
CREATE TABLE business_calendar (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  time_zone TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE business_hours (
  position INTEGER PRIMARY KEY,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start TEXT NOT NULL,
  end TEXT NOT NULL
);
CREATE TABLE holidays (
  date TEXT PRIMARY KEY,
  name_json TEXT
);

CREATE TABLE kpi_targets (
  metric TEXT PRIMARY KEY,
  value REAL NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
  at_risk_margin REAL NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

-- Presence changes are appended, never updated: occupancy and live figures read this log.
CREATE TABLE agent_presence (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  agent_id TEXT NOT NULL REFERENCES users(id),
  state TEXT NOT NULL CHECK (state IN ('available', 'on_call', 'after_call_work', 'break', 'offline')),
  at TEXT NOT NULL,
  recorded_by TEXT REFERENCES users(id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX agent_presence_agent_at ON agent_presence (agent_id, at, id);
CREATE INDEX agent_presence_at ON agent_presence (at);

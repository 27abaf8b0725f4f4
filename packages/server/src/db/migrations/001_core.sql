-- Core: teams, users, idempotency keys, key/value settings of the server itself.

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name_json TEXT NOT NULL,
  supervisor_id TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  queues_json TEXT NOT NULL DEFAULT '[]',
  equipment_check_cadence_days INTEGER NOT NULL DEFAULT 30
    CHECK (equipment_check_cadence_days BETWEEN 1 AND 365),
  position INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX teams_position ON teams (position, id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  display_name TEXT,
  employee_number TEXT UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'complaint_supervisor',
    'qa_specialist', 'operations_manager', 'survey_supervisor')),
  team_id TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED,
  locale TEXT CHECK (locale IS NULL OR locale IN ('en', 'zh-Hans', 'zh-Hant')),
  hired_on TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  -- Offered by the demo role switcher (GET /v1/auth/demo-users).
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX users_team ON users (team_id);
CREATE INDEX users_name ON users (name, id);
CREATE INDEX users_role ON users (role);

-- One row per (user, Idempotency-Key): reserved while the first request runs, then the stored answer.
CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL,
  key TEXT NOT NULL,
  operation_id TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
  status INTEGER,
  headers_json TEXT,
  body_json TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

CREATE TABLE server_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Quality assurance: scorecard templates (versioned, never overwritten), evaluations with their
-- answers and scores, every scored revision, disputes, and calibration sessions.
-- The KPI area reads qa_evaluations (agent_id, team_id, score, submitted_at, state) for qa_average.

CREATE TABLE qa_templates (
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  name_json TEXT NOT NULL,
  description_json TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'retired')),
  dispute_window_days INTEGER NOT NULL CHECK (dispute_window_days BETWEEN 0 AND 90),
  max_disputes INTEGER NOT NULL CHECK (max_disputes BETWEEN 0 AND 5),
  sections_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  PRIMARY KEY (id, version)
);

CREATE TABLE qa_calibration_sessions (
  id TEXT PRIMARY KEY,
  call_id TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  agent_id TEXT NOT NULL REFERENCES users(id),
  -- The evaluators in the order given; the first one's evaluation is the reference.
  evaluator_ids_json TEXT NOT NULL,
  reference_evaluation_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users(id),
  FOREIGN KEY (template_id, template_version) REFERENCES qa_templates(id, version)
);

CREATE TABLE qa_evaluations (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  call_id TEXT,
  agent_id TEXT NOT NULL REFERENCES users(id),
  -- The agent's team when the evaluation was started (what supervisors and team KPIs go by).
  team_id TEXT REFERENCES teams(id),
  evaluator_id TEXT NOT NULL REFERENCES users(id),
  state TEXT NOT NULL
    CHECK (state IN ('draft', 'submitted', 'acknowledged', 'disputed', 'resolved')),
  answers_json TEXT NOT NULL DEFAULT '[]',
  comment TEXT NOT NULL DEFAULT '',
  -- Always what scoreEvaluation of @cc-kit/domain computes from the answers; null when none.
  score REAL CHECK (score IS NULL OR score BETWEEN 0 AND 100),
  sections_json TEXT NOT NULL DEFAULT '[]',
  fatal_failed INTEGER NOT NULL DEFAULT 0,
  linked_ticket_ids_json TEXT NOT NULL DEFAULT '[]',
  calibration_session_id TEXT REFERENCES qa_calibration_sessions(id) DEFERRABLE INITIALLY DEFERRED,
  revision INTEGER NOT NULL DEFAULT 0,
  acknowledge_comment TEXT,
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  acknowledged_at TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  FOREIGN KEY (template_id, template_version) REFERENCES qa_templates(id, version)
);
CREATE INDEX qa_evaluations_order ON qa_evaluations (created_at DESC, id DESC);
CREATE INDEX qa_evaluations_agent ON qa_evaluations (agent_id, created_at DESC);
CREATE INDEX qa_evaluations_team ON qa_evaluations (team_id, created_at DESC);
CREATE INDEX qa_evaluations_evaluator ON qa_evaluations (evaluator_id, created_at DESC);
CREATE INDEX qa_evaluations_call ON qa_evaluations (call_id);
CREATE INDEX qa_evaluations_submitted ON qa_evaluations (submitted_at, state);
CREATE INDEX qa_evaluations_session ON qa_evaluations (calibration_session_id);

-- Every scored revision: 1 at submission, +1 per resolved dispute that changed scores.
CREATE TABLE qa_evaluation_versions (
  evaluation_id TEXT NOT NULL REFERENCES qa_evaluations(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  at TEXT NOT NULL,
  by_id TEXT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL CHECK (reason IN ('submitted', 'dispute_resolved')),
  dispute_id TEXT,
  answers_json TEXT NOT NULL,
  score REAL,
  sections_json TEXT NOT NULL,
  fatal_failed INTEGER NOT NULL,
  PRIMARY KEY (evaluation_id, revision)
);

CREATE TABLE qa_disputes (
  id TEXT PRIMARY KEY,
  evaluation_id TEXT NOT NULL REFERENCES qa_evaluations(id),
  raised_by TEXT NOT NULL REFERENCES users(id),
  raised_at TEXT NOT NULL,
  items_json TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('accepted', 'partially_accepted', 'rejected')),
  resolved_by TEXT REFERENCES users(id),
  resolved_at TEXT,
  resolution_comment TEXT,
  accepted_items_json TEXT,
  ticket_id TEXT REFERENCES tickets(id)
);
CREATE INDEX qa_disputes_evaluation ON qa_disputes (evaluation_id, raised_at, id);

-- Live events, kept for resuming streams (Last-Event-ID) for at least the retention period.
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  topic TEXT NOT NULL,
  type TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  actor_json TEXT,
  data_json TEXT NOT NULL,
  -- Who may receive it: audience keys such as "role:operations_manager", "user:usr_1",
  -- "team:team_1:supervisor".
  audience_json TEXT NOT NULL
);
CREATE INDEX events_occurred ON events (occurred_at);

-- Equipment: seats, the assets at them, equipment checks and their items, and the link of a
-- maintenance work order to the asset and check that opened it.

CREATE TABLE seats (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL UNIQUE,
  team_id TEXT NOT NULL REFERENCES teams(id),
  -- The agent sitting there; one seat per agent (users.seatId is read from here).
  agent_id TEXT UNIQUE REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX seats_team ON seats (team_id, label);

CREATE TABLE assets (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('headset', 'phone', 'workstation', 'monitor', 'softphone_licence')),
  serial TEXT NOT NULL UNIQUE,
  model TEXT NOT NULL DEFAULT '',
  -- The team is the seat's; an asset in storage has no seat and no team.
  seat_id TEXT REFERENCES seats(id),
  status TEXT NOT NULL DEFAULT 'in_service'
    CHECK (status IN ('in_service', 'faulty', 'missing', 'retired')),
  open_work_order_id TEXT REFERENCES tickets(id),
  last_checked_at TEXT,
  -- Order of types within a seat (headset first), for lists and check items.
  type_order INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assets_seat ON assets (seat_id, type_order, serial);
CREATE INDEX assets_status ON assets (status);

CREATE TABLE equipment_checks (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  -- Set when the check covers one seat only.
  seat_id TEXT REFERENCES seats(id),
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
  started_by TEXT NOT NULL REFERENCES users(id),
  started_at TEXT NOT NULL,
  submitted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX equipment_checks_started ON equipment_checks (started_at, id);
CREATE INDEX equipment_checks_team ON equipment_checks (team_id, started_at);

-- The seats a check covers (a team check: every seat of the team when it started), for due dates.
CREATE TABLE equipment_check_seats (
  check_id TEXT NOT NULL REFERENCES equipment_checks(id) ON DELETE CASCADE,
  seat_id TEXT NOT NULL REFERENCES seats(id),
  PRIMARY KEY (check_id, seat_id)
);
CREATE INDEX equipment_check_seats_seat ON equipment_check_seats (seat_id);

CREATE TABLE equipment_check_items (
  check_id TEXT NOT NULL REFERENCES equipment_checks(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  asset_id TEXT NOT NULL REFERENCES assets(id),
  -- What the asset was when the check started.
  asset_type TEXT NOT NULL,
  serial TEXT NOT NULL,
  seat_id TEXT NOT NULL REFERENCES seats(id),
  result TEXT CHECK (result IS NULL OR result IN ('pass', 'fail', 'missing', 'not_applicable')),
  note TEXT NOT NULL DEFAULT '',
  work_order_id TEXT REFERENCES tickets(id),
  fixed_at TEXT,
  PRIMARY KEY (check_id, asset_id)
);
CREATE UNIQUE INDEX equipment_check_items_position ON equipment_check_items (check_id, position);
CREATE INDEX equipment_check_items_work_order ON equipment_check_items (work_order_id);
CREATE INDEX equipment_check_items_seat ON equipment_check_items (seat_id);

-- A maintenance work order opened by a check: the ticket's `equipment` link.
CREATE TABLE ticket_equipment (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  asset_id TEXT NOT NULL REFERENCES assets(id),
  check_id TEXT NOT NULL REFERENCES equipment_checks(id)
);
CREATE INDEX ticket_equipment_asset ON ticket_equipment (asset_id);

-- Indexes for the ticket queues on large volumes. A queue page in SLA-due order is a merge of one
-- index range per reach condition and state (see SqliteTicketStore.listBySla): each index below
-- hands its range over already in (SLA due, number descending) order, so no page sorts a team's or a state's
-- whole set of tickets. The sort key is the expression the store orders by (a ticket without an
-- SLA due sorts last).
CREATE INDEX tickets_state_sla ON tickets (state, COALESCE(sla_due_at, '9999-12-31T23:59:59.999Z'), number DESC);
CREATE INDEX tickets_assignee_sla ON tickets (assignee_id, state,
  COALESCE(sla_due_at, '9999-12-31T23:59:59.999Z'), number DESC);
CREATE INDEX tickets_creator_sla ON tickets (created_by, state,
  COALESCE(sla_due_at, '9999-12-31T23:59:59.999Z'), number DESC);
CREATE INDEX tickets_team_sla ON tickets (team_id, state,
  COALESCE(sla_due_at, '9999-12-31T23:59:59.999Z'), number DESC);
-- Replaces tickets_kind_state (kind, state), its prefix.
CREATE INDEX tickets_kind_sla ON tickets (kind, state,
  COALESCE(sla_due_at, '9999-12-31T23:59:59.999Z'), number DESC);
DROP INDEX tickets_kind_state;
-- Never used: the store sorts by COALESCE(sla_due_at, …), which this index cannot serve.
DROP INDEX tickets_sla_due;

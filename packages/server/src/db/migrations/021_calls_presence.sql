-- Occupancy and the live agent counts read the presence log by agent and time; with the state in
-- the index they never visit the table.
CREATE INDEX agent_presence_agent_at_state ON agent_presence (agent_id, at, id, state);

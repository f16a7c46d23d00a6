-- Roundtable Planner plan store, version 11: a panel of one gender is flagged.
--
-- Every session with two or more speakers of one gender (an all-male panel,
-- or all-female) gets a warning in the agenda and an item in the event's
-- readiness, unless the event's organisers switch the check off for it: a
-- women's leadership round-table, say. On for every event, old and new.
ALTER TABLE event ADD COLUMN check_panel_balance INTEGER NOT NULL DEFAULT 1;

-- Roundtable Planner plan store, version 7: the change journal is compacted.
--
-- Operations that later operations replaced, once this file holds every
-- operation of their writers up to them and both are older than the period
-- history and undo reach back (README, "What
-- the journal keeps"), are folded away. `folded` is how far the actor's
-- sequence this file holds, or held and folded, without a gap: an operation
-- up to it received again (a team folder's chunks are never rewritten) is
-- not kept again.

ALTER TABLE journal_actor ADD COLUMN folded INTEGER NOT NULL DEFAULT 0;

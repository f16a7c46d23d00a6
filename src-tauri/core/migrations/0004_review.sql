-- Roundtable Planner plan store, version 4: copied texts wait for review.
--
-- "Duplicate as next stop" copies the last stop's day themes, session titles
-- and descriptions; they usually need rewriting for the new city. A copied
-- day or session is marked until someone has looked at it (the agenda shows
-- the mark, readiness counts what is left), so nothing old goes out unread.
ALTER TABLE agenda_day ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0;
ALTER TABLE session ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0;

-- Personal data that is erased leaves no words behind.
--
-- 1. The people search index removes a person's words when the person is
--    erased or deleted, not at its next merge (FTS5's secure-delete).
-- 2. Plan-wide settings, one row each: `retention_months` (erase the personal
--    data of events that ended more than that many months ago; no row: off).

INSERT INTO person_search (person_search, rank) VALUES ('secure-delete', 1);

CREATE TABLE plan_setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Roundtable Planner plan store, version 3: each rule written once.
--
-- 1. "Holds a seat" (a participant not declined or cancelled) and a person's
--    full name were spelled out in every query that needed them; they are
--    generated columns now, and every query, trigger and screen reads them.
-- 2. People are searched accent- and case-blind: the search index holds the
--    names, e-mail and organisation folded by `fold()` (the core's one
--    folding rule, registered on every connection: marks off, lower case,
--    punctuation as spaces), and searches are folded the same way.

ALTER TABLE participant ADD COLUMN holds_seat INTEGER NOT NULL
    GENERATED ALWAYS AS (status NOT IN ('declined', 'cancelled')) VIRTUAL;
ALTER TABLE person ADD COLUMN full_name TEXT NOT NULL
    GENERATED ALWAYS AS (TRIM(TRIM(honorific || ' ' || given_name) || ' ' || family_name)) VIRTUAL;

-- One head of delegation at a time; a head who declined can be replaced.
DROP INDEX participant_one_head;
CREATE UNIQUE INDEX participant_one_head ON participant (delegation_id) WHERE role = 'head' AND holds_seat;

DROP TRIGGER seat_counted;
DROP TRIGGER seat_uncounted;
DROP TRIGGER seat_recounted;
CREATE TRIGGER seat_counted AFTER INSERT ON participant WHEN NEW.holds_seat BEGIN
    UPDATE event SET seat_count = seat_count + 1 WHERE id = NEW.event_id;
END;
CREATE TRIGGER seat_uncounted AFTER DELETE ON participant WHEN OLD.holds_seat BEGIN
    UPDATE event SET seat_count = seat_count - 1 WHERE id = OLD.event_id;
END;
CREATE TRIGGER seat_recounted AFTER UPDATE OF status ON participant
WHEN NEW.holds_seat <> OLD.holds_seat BEGIN
    UPDATE event SET seat_count = seat_count + NEW.holds_seat - OLD.holds_seat WHERE id = NEW.event_id;
END;

DROP TRIGGER person_indexed;
DROP TRIGGER person_unindexed;
DROP TRIGGER person_reindexed;
DROP TABLE person_search;

-- The name column is given and family name together, so "jose nguyen" finds
-- José Nguyễn; rowid is the person's rowid.
CREATE VIRTUAL TABLE person_search USING fts5(name, email, organisation, tokenize = 'trigram');
INSERT INTO person_search (rowid, name, email, organisation)
    SELECT rowid, fold(given_name || ' ' || family_name), fold(email), fold(organisation) FROM person;

CREATE TRIGGER person_indexed AFTER INSERT ON person BEGIN
    INSERT INTO person_search (rowid, name, email, organisation)
    VALUES (NEW.rowid, fold(NEW.given_name || ' ' || NEW.family_name), fold(NEW.email), fold(NEW.organisation));
END;
CREATE TRIGGER person_unindexed AFTER DELETE ON person BEGIN
    DELETE FROM person_search WHERE rowid = OLD.rowid;
END;
CREATE TRIGGER person_reindexed AFTER UPDATE OF given_name, family_name, email, organisation ON person BEGIN
    UPDATE person_search SET name = fold(NEW.given_name || ' ' || NEW.family_name),
        email = fold(NEW.email), organisation = fold(NEW.organisation)
    WHERE rowid = OLD.rowid;
END;

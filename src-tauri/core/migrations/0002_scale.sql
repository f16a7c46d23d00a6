-- Roundtable Planner plan store, version 2: staying instant at scale.
--
-- 1. The home screen lists every event with its counts of delegations, seat
--    holders and sessions. Counting them per visit reads every participant of
--    the plan (100,000 in a large one); the counts are kept on the event row
--    instead, by the triggers below, the only writers of these columns.
-- 2. People are searched by any part of a name, e-mail or organisation. A
--    LIKE '%…%' reads the whole table; a trigram full-text index finds the
--    matches of three or more characters directly.

ALTER TABLE event ADD COLUMN delegation_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event ADD COLUMN seat_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event ADD COLUMN session_count INTEGER NOT NULL DEFAULT 0;

UPDATE event SET
    delegation_count = (SELECT COUNT(*) FROM delegation WHERE event_id = event.id),
    seat_count = (SELECT COUNT(*) FROM participant WHERE event_id = event.id AND status NOT IN ('declined', 'cancelled')),
    session_count = (SELECT COUNT(*) FROM session WHERE event_id = event.id);

CREATE TRIGGER delegation_counted AFTER INSERT ON delegation BEGIN
    UPDATE event SET delegation_count = delegation_count + 1 WHERE id = NEW.event_id;
END;
CREATE TRIGGER delegation_uncounted AFTER DELETE ON delegation BEGIN
    UPDATE event SET delegation_count = delegation_count - 1 WHERE id = OLD.event_id;
END;
CREATE TRIGGER session_counted AFTER INSERT ON session BEGIN
    UPDATE event SET session_count = session_count + 1 WHERE id = NEW.event_id;
END;
CREATE TRIGGER session_uncounted AFTER DELETE ON session BEGIN
    UPDATE event SET session_count = session_count - 1 WHERE id = OLD.event_id;
END;
CREATE TRIGGER seat_counted AFTER INSERT ON participant
WHEN NEW.status NOT IN ('declined', 'cancelled') BEGIN
    UPDATE event SET seat_count = seat_count + 1 WHERE id = NEW.event_id;
END;
CREATE TRIGGER seat_uncounted AFTER DELETE ON participant
WHEN OLD.status NOT IN ('declined', 'cancelled') BEGIN
    UPDATE event SET seat_count = seat_count - 1 WHERE id = OLD.event_id;
END;
CREATE TRIGGER seat_recounted AFTER UPDATE OF status ON participant BEGIN
    UPDATE event SET seat_count = seat_count
        + (NEW.status NOT IN ('declined', 'cancelled')) - (OLD.status NOT IN ('declined', 'cancelled'))
    WHERE id = NEW.event_id;
END;

CREATE VIRTUAL TABLE person_search USING fts5(
    given_name, family_name, email, organisation,
    content = 'person', content_rowid = 'rowid', tokenize = 'trigram'
);
INSERT INTO person_search (person_search) VALUES ('rebuild');

CREATE TRIGGER person_indexed AFTER INSERT ON person BEGIN
    INSERT INTO person_search (rowid, given_name, family_name, email, organisation)
    VALUES (NEW.rowid, NEW.given_name, NEW.family_name, NEW.email, NEW.organisation);
END;
CREATE TRIGGER person_unindexed AFTER DELETE ON person BEGIN
    INSERT INTO person_search (person_search, rowid, given_name, family_name, email, organisation)
    VALUES ('delete', OLD.rowid, OLD.given_name, OLD.family_name, OLD.email, OLD.organisation);
END;
CREATE TRIGGER person_reindexed AFTER UPDATE ON person BEGIN
    INSERT INTO person_search (person_search, rowid, given_name, family_name, email, organisation)
    VALUES ('delete', OLD.rowid, OLD.given_name, OLD.family_name, OLD.email, OLD.organisation);
    INSERT INTO person_search (rowid, given_name, family_name, email, organisation)
    VALUES (NEW.rowid, NEW.given_name, NEW.family_name, NEW.email, NEW.organisation);
END;

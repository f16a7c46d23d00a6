-- Roundtable Planner plan store, version 1.
-- Keys are UUID v7 as 16-byte blobs; dates are ISO 8601 text (YYYY-MM-DD), times HH:MM:SS in
-- the venue's local time; lists owned by one row (priorities, SDGs, languages,
-- what a funding covers) are JSON arrays, since nothing queries inside them.

CREATE TABLE series (
    id          BLOB PRIMARY KEY NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX series_title ON series (title COLLATE NOCASE);

CREATE TABLE organisation (
    id           BLOB PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    short_name   TEXT,
    kind         TEXT NOT NULL,
    country_code TEXT,
    website      TEXT
);
CREATE UNIQUE INDEX organisation_name ON organisation (name COLLATE NOCASE);

CREATE TABLE event (
    id           BLOB PRIMARY KEY NOT NULL,
    series_id    BLOB REFERENCES series (id) ON DELETE SET NULL,
    title        TEXT NOT NULL,
    format       TEXT NOT NULL,
    host_city    TEXT NOT NULL,
    host_country TEXT NOT NULL,
    venue        TEXT NOT NULL DEFAULT '',
    time_zone    TEXT NOT NULL,
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    status       TEXT NOT NULL,
    objectives   TEXT NOT NULL DEFAULT '',
    priorities   TEXT NOT NULL DEFAULT '[]',
    sdgs         TEXT NOT NULL DEFAULT '[]',
    languages    TEXT NOT NULL DEFAULT '[]',
    notes        TEXT NOT NULL DEFAULT '',
    CHECK (end_date >= start_date)
);
CREATE INDEX event_series ON event (series_id, start_date);
CREATE INDEX event_start ON event (start_date);

CREATE TABLE event_organiser (
    event_id        BLOB NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
    role            TEXT NOT NULL,
    PRIMARY KEY (event_id, organisation_id, role)
);
CREATE INDEX event_organiser_organisation ON event_organiser (organisation_id);

CREATE TABLE funding (
    id              BLOB PRIMARY KEY NOT NULL,
    event_id        BLOB NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    funder_id       BLOB NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
    programme       TEXT,
    amount          INTEGER CHECK (amount IS NULL OR amount >= 0),
    currency        TEXT,
    covers          TEXT NOT NULL DEFAULT '[]',
    acknowledgement TEXT,
    position        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX funding_event ON funding (event_id, position);
CREATE INDEX funding_funder ON funding (funder_id);

CREATE TABLE delegation (
    id              BLOB PRIMARY KEY NOT NULL,
    event_id        BLOB NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    country_code    TEXT,
    organisation_id BLOB REFERENCES organisation (id) ON DELETE RESTRICT,
    name            TEXT NOT NULL,
    quota           INTEGER CHECK (quota IS NULL OR quota >= 0),
    notes           TEXT NOT NULL DEFAULT '',
    UNIQUE (id, event_id),
    CHECK (kind <> 'country' OR country_code IS NOT NULL)
);
CREATE UNIQUE INDEX delegation_name ON delegation (event_id, name COLLATE NOCASE);
CREATE UNIQUE INDEX delegation_country ON delegation (event_id, country_code)
    WHERE country_code IS NOT NULL AND kind = 'country';
CREATE INDEX delegation_organisation ON delegation (organisation_id);

CREATE TABLE person (
    id           BLOB PRIMARY KEY NOT NULL,
    honorific    TEXT NOT NULL DEFAULT '',
    given_name   TEXT NOT NULL DEFAULT '',
    family_name  TEXT NOT NULL,
    position     TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    email        TEXT,
    phone        TEXT NOT NULL DEFAULT '',
    gender       TEXT NOT NULL,
    languages    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX person_family_name ON person (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX person_email ON person (email COLLATE NOCASE) WHERE email IS NOT NULL;

-- A person's membership of one delegation at one event. The composite key to
-- delegation keeps event_id consistent with the delegation's event.
CREATE TABLE participant (
    id                  BLOB PRIMARY KEY NOT NULL,
    event_id            BLOB NOT NULL,
    delegation_id       BLOB NOT NULL,
    person_id           BLOB NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role                TEXT NOT NULL,
    status              TEXT NOT NULL,
    travel_funded_by    BLOB REFERENCES organisation (id) ON DELETE SET NULL,
    arrival             TEXT,
    departure           TEXT,
    visa_letter_needed  INTEGER NOT NULL DEFAULT 0,
    accommodation       TEXT NOT NULL DEFAULT '',
    dietary_needs       TEXT NOT NULL DEFAULT '',
    accessibility_needs TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (delegation_id, event_id) REFERENCES delegation (id, event_id) ON DELETE CASCADE,
    UNIQUE (event_id, person_id),
    CHECK (departure IS NULL OR arrival IS NULL OR departure >= arrival)
);
CREATE INDEX participant_delegation ON participant (delegation_id, status);
CREATE INDEX participant_person ON participant (person_id);
-- One head of delegation at a time; a head who declined can be replaced.
CREATE UNIQUE INDEX participant_one_head ON participant (delegation_id)
    WHERE role = 'head' AND status NOT IN ('declined', 'cancelled');

CREATE TABLE agenda_day (
    id       BLOB PRIMARY KEY NOT NULL,
    event_id BLOB NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    date     TEXT NOT NULL,
    theme    TEXT NOT NULL DEFAULT '',
    UNIQUE (event_id, date),
    UNIQUE (id, event_id)
);

CREATE TABLE session (
    id          BLOB PRIMARY KEY NOT NULL,
    event_id    BLOB NOT NULL,
    day_id      BLOB NOT NULL,
    start_time  TEXT NOT NULL,
    end_time    TEXT NOT NULL,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    room        TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (day_id, event_id) REFERENCES agenda_day (id, event_id) ON DELETE CASCADE,
    CHECK (end_time > start_time)
);
CREATE INDEX session_day ON session (day_id, start_time);
CREATE INDEX session_event ON session (event_id);

-- Chairs, moderators, speakers and rapporteurs of a session, from the event's participants.
CREATE TABLE session_person (
    session_id     BLOB NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    participant_id BLOB NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    role           TEXT NOT NULL,
    position       INTEGER NOT NULL,
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX session_person_participant ON session_person (participant_id);

CREATE TABLE media_contact (
    id           BLOB PRIMARY KEY NOT NULL,
    event_id     BLOB NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    email        TEXT,
    phone        TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX media_contact_event ON media_contact (event_id, position);

CREATE TABLE outcome (
    id           BLOB PRIMARY KEY NOT NULL,
    event_id     BLOB NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    country_code TEXT,
    summary      TEXT NOT NULL,
    position     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outcome_event ON outcome (event_id, position);

CREATE TABLE follow_up (
    id           BLOB PRIMARY KEY NOT NULL,
    event_id     BLOB NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    country_code TEXT,
    action       TEXT NOT NULL,
    owner        TEXT NOT NULL DEFAULT '',
    due_date     TEXT,
    status       TEXT NOT NULL
);
CREATE INDEX follow_up_event ON follow_up (event_id, due_date);

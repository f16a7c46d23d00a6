-- Roundtable Planner plan store, version 6: the change journal.
--
-- Every change to planning data is recorded as operations, per field, each
-- naming the operations it replaces (its `pred`): undo and redo are new
-- operations, history reads them, and merging co-organisers' plans exchanges
-- them (README, "The change journal"). Operations are written by the core
-- when a user action commits, from what the connection's capture triggers
-- saw; the tables below are the journal's own and are never captured.

-- The plan's id, shared by every copy of the plan: a team folder holds one plan.
CREATE TABLE journal_plan (
    only INTEGER PRIMARY KEY NOT NULL CHECK (only = 1),
    id   BLOB NOT NULL
);

-- Everyone who wrote operations into this plan, this file's writer included;
-- `no` is a local short number for the actor's UUID.
CREATE TABLE journal_actor (
    no           INTEGER PRIMARY KEY,
    id           BLOB NOT NULL UNIQUE,
    name         TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT ''
);

-- This file's own writer: the actor, the installation and the file it belongs
-- to (a copy, a restored backup or another installation gets a new actor), and
-- its counters (sequence, hybrid logical clock, action).
CREATE TABLE journal_self (
    only         INTEGER PRIMARY KEY NOT NULL CHECK (only = 1),
    actor        INTEGER NOT NULL REFERENCES journal_actor (no),
    installation BLOB NOT NULL,
    file         TEXT NOT NULL,
    seq          INTEGER NOT NULL DEFAULT 0,
    clock        INTEGER NOT NULL DEFAULT 0,
    action       INTEGER NOT NULL DEFAULT 0
);

-- One operation: `insert` (value: the row's fields, JSON), `set` (one field,
-- `col`, to `value`), `delete` (value: the fields the row had, JSON), or
-- `erase` (the row's personal data was erased: every laptop that receives it
-- rewrites its journal and its own chunk files of that row to the erased values).
-- `hlc` is milliseconds since 1970 times 65536 plus a counter; `action` groups
-- the operations of one user action (one undo step) of its actor.
CREATE TABLE journal_op (
    actor  INTEGER NOT NULL REFERENCES journal_actor (no),
    seq    INTEGER NOT NULL,
    hlc    INTEGER NOT NULL,
    action INTEGER NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('insert', 'set', 'delete', 'erase')),
    tbl    TEXT NOT NULL,
    row    BLOB NOT NULL,
    col    TEXT,
    -- No declared type: a value is kept exactly as written ("0812345678" stays
    -- text; a column declared ANY in a table that is not STRICT would turn it
    -- into a number).
    value,
    PRIMARY KEY (actor, seq),
    CHECK ((kind = 'set') = (col IS NOT NULL))
) WITHOUT ROWID;
-- A row's operations, by its key alone (ids are unique across tables; a
-- composite key's table is checked after): a small index, cheap to keep up.
CREATE INDEX journal_op_row ON journal_op (row);
CREATE INDEX journal_op_action ON journal_op (actor, action);

-- The operations each operation replaces.
CREATE TABLE journal_pred (
    actor      INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    pred_actor INTEGER NOT NULL,
    pred_seq   INTEGER NOT NULL,
    PRIMARY KEY (actor, seq, pred_actor, pred_seq),
    FOREIGN KEY (actor, seq) REFERENCES journal_op (actor, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX journal_pred_named ON journal_pred (pred_actor, pred_seq);

-- This file's user actions, for undo and redo: `do` (an action as the person
-- made it), `undo` and `redo` (of `target`), `erase` (personal data erased:
-- no undo step); `undone` once reversed.
CREATE TABLE journal_action (
    actor  INTEGER NOT NULL REFERENCES journal_actor (no),
    no     INTEGER NOT NULL,
    at     TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo', 'erase')),
    target INTEGER,
    undone INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor, no)
) WITHOUT ROWID;

-- Where organisers disagree after a merge: a field with several different
-- current values (`col`), or a row deleted by one and edited by another
-- (`col` = ''). Kept up to date by every merge and every local write.
CREATE TABLE journal_disagreement (
    tbl TEXT NOT NULL,
    row BLOB NOT NULL,
    col TEXT NOT NULL,
    PRIMARY KEY (tbl, row, col)
) WITHOUT ROWID;

-- Rows a merge could not write as their operations make them (their parent
-- not received yet, a rule two edits broke together), with the reason; tried
-- again at every merge.
CREATE TABLE journal_held (
    tbl    TEXT NOT NULL,
    row    BLOB NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (tbl, row)
) WITHOUT ROWID;

-- The team folder this plan file syncs through, on this installation.
CREATE TABLE journal_team (
    only   INTEGER PRIMARY KEY NOT NULL CHECK (only = 1),
    folder TEXT NOT NULL,
    synced TEXT
);

-- Rows whose personal data was erased (here or by a teammate): their values
-- leave this laptop's own chunk files in the team folder at the next sync.
CREATE TABLE journal_erased (
    tbl TEXT NOT NULL,
    row BLOB NOT NULL,
    PRIMARY KEY (tbl, row)
) WITHOUT ROWID;

-- Roundtable Planner plan store, version 9: rows kept compactly in the journal.
--
-- An insert or delete operation of this version keeps its row as an image
-- (`journal::image`): the values in the table's order after the *shape* that
-- names the columns, kept once here. A shape's id is a hash of its table and
-- columns, the same on every laptop. Operations written before keep their
-- JSON text, which is read as before; nothing is rewritten.
CREATE TABLE journal_shape (
    id      INTEGER PRIMARY KEY NOT NULL,
    tbl     TEXT NOT NULL,
    -- The columns, in the order of the image's values, as a JSON array.
    columns TEXT NOT NULL
);

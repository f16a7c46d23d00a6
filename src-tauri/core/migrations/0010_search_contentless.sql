-- Roundtable Planner plan store, version 10: the people search index keeps no
-- copy of what it indexes.
--
-- The trigram index of version 8 kept people's folded names, e-mail addresses
-- and organisations a second time, to read them back when a person was deleted
-- and take each trigram out (secure-delete): undoing a 100,000-row import spent
-- most of its time there. A contentless-delete index keeps only the trigrams;
-- a deleted person's row is marked gone at once (no search finds it), and the
-- trigrams themselves leave at the index's next merge. Erasing a person merges
-- the whole index (`Store::clear_erased_values`), so an erased name leaves no
-- trigram behind; a plain delete keeps the deleted row in the change journal
-- anyway (for undo), so the trigrams say nothing more. A search compares its
-- text with the person's own folded fields (`person::SEARCH_PEOPLE_SQL`).

-- The triggers of version 3 keep it up to date: they name its table and
-- columns, which stay, and update every column at once, as such an index requires.
DROP TABLE person_search;
CREATE VIRTUAL TABLE person_search USING fts5(
    name, email, organisation,
    tokenize = 'trigram', detail = 'none', content = '', contentless_delete = 1
);
INSERT INTO person_search (rowid, name, email, organisation)
    SELECT rowid, fold(given_name || ' ' || family_name), fold(email), fold(organisation) FROM person;

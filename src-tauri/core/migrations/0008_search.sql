-- Roundtable Planner plan store, version 8: a cheaper people search index.
--
-- The trigram index of people's folded names, e-mail addresses and
-- organisations keeps which rows hold each trigram, no longer where in the row
-- (`detail = 'none'`): the positions made two thirds of what a large import
-- wrote into it. A search is then every trigram of the text at once, and the
-- few rows that hold them all but not side by side are left out by comparing
-- the text itself (`person::SEARCH_PEOPLE_SQL`). Deletes still take a person's
-- trigrams out at once (secure-delete, version 5).

-- The triggers of version 3 keep it up to date: they name its table and columns, which stay.
DROP TABLE person_search;
CREATE VIRTUAL TABLE person_search USING fts5(name, email, organisation, tokenize = 'trigram', detail = 'none');
INSERT INTO person_search (person_search, rank) VALUES ('secure-delete', 1);
INSERT INTO person_search (rowid, name, email, organisation)
    SELECT rowid, fold(given_name || ' ' || family_name), fold(email), fold(organisation) FROM person;

//! Finding people: the trigram index of their folded names, e-mail addresses
//! and organisations (migrations 0003, 0008 and 0010), the searches that read
//! it, and how many people are deleted from it at once.

use super::{Person, from_row};
use crate::error::Result;
use crate::plan_check::SkipDamaged;
use crate::store::Store;
use crate::text::fold;
use rusqlite::{Connection, params};

/// Whether a person's folded name, e-mail or organisation (the people search
/// index's three columns, folded as migration 0003's triggers fold them) holds
/// the folded text `?1`; `$person` qualifies the columns ("c." or "").
macro_rules! holds_text {
    ($person:literal) => {
        concat!(
            "(instr(fold(",
            $person,
            "given_name || ' ' || ",
            $person,
            "family_name), ?1)",
            " OR instr(fold(",
            $person,
            "email), ?1) OR instr(fold(",
            $person,
            "organisation), ?1))"
        )
    };
}

/// People holding a text anywhere in their names, e-mail or organisation,
/// by family name: the name order of [`SEARCH_CANDIDATES`] matches at most.
/// Sorting every match by name reads each matching person; three letters of a
/// common name match thousands in a large plan, so the sort is bounded to the
/// first candidates the index yields (in the order people were added). The
/// index knows which people hold every trigram of the text (`?4`, from
/// [`trigrams`]), not where, and keeps no copy of the text (migration 0010):
/// each person's own fields leave out those who hold them apart.
pub(crate) const SEARCH_PEOPLE_SQL: &str = concat!(
    "SELECT * FROM person
     WHERE rowid IN (SELECT s.rowid FROM person_search s JOIN person c ON c.rowid = s.rowid
                     WHERE s.person_search MATCH ?4 AND ",
    holds_text!("c."),
    " ORDER BY s.rowid LIMIT ?3)
     ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE LIMIT ?2"
);

/// People holding a text of one or two characters, which has no trigram: the
/// name index walked in order, stopping at `?2`.
const SEARCH_PEOPLE_SHORT_SQL: &str = concat!(
    "SELECT * FROM person WHERE ",
    holds_text!(""),
    " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE LIMIT ?2"
);

/// The full-text query for people whose folded text holds every trigram of
/// `folded` (at least three characters; folded text has no quotes).
pub fn trigrams(folded: &str) -> String {
    let chars: Vec<char> = folded.chars().collect();
    let mut terms: Vec<String> = chars.windows(3).map(|w| format!("\"{}\"", w.iter().collect::<String>())).collect();
    terms.sort_unstable();
    terms.dedup();
    terms.join(" AND ")
}

/// How many matches of a search are sorted by name; a search matching more
/// shows a bounded list anyway, and one more letter narrows it.
pub const SEARCH_CANDIDATES: u32 = 500;

/// People deleted in one go from this many on leave the search index with
/// its merging paused for the while and one merge of the whole index
/// afterwards. A deleted person is marked gone in each part of the index that
/// holds them (migration 0010), and the index merges parts as it flushes, at
/// every statement and savepoint; merging parts full of marks at each of an
/// undo's groups took 33 s for 100,000 people, one merge at the end 0.2 s.
const MANY_DELETED: usize = 500;

/// Runs `delete`, which deletes `people` persons: many of them with the
/// search index's merging paused, and the index merged once afterwards.
pub(crate) fn deleting_people<T>(conn: &Connection, people: usize, delete: impl FnOnce() -> Result<T>) -> Result<T> {
    if people < MANY_DELETED {
        return delete();
    }
    let automerge =
        |parts: i64| conn.execute("INSERT INTO person_search (person_search, rank) VALUES ('automerge', ?1)", [parts]);
    automerge(0)?;
    let done = delete()?;
    // FTS5's default: merge once four parts of a size are there.
    automerge(4)?;
    conn.execute("INSERT INTO person_search (person_search) VALUES ('optimize')", [])?;
    Ok(done)
}

impl Store {
    /// People whose name, e-mail or organisation contains `search` (folded: any case, with or without accents), by family name; at most `limit`.
    /// Three characters or more are looked up in the trigram index, and when
    /// more than [`SEARCH_CANDIDATES`] people match, the list is the name order
    /// of the first of them; shorter searches walk the name index in order and
    /// stop at `limit`.
    pub fn search_people(&self, search: &str, limit: u32) -> Result<Vec<Person>> {
        let search = fold(search);
        let people = if search.chars().count() >= 3 {
            let mut stmt = self.read().prepare_cached(SEARCH_PEOPLE_SQL)?;
            let candidates = SEARCH_CANDIDATES.max(limit);
            let rows = stmt.query_map(params![search, limit, candidates, trigrams(&search)], from_row)?;
            rows.skip_damaged()?
        } else {
            let mut stmt = self.read().prepare_cached(SEARCH_PEOPLE_SHORT_SQL)?;
            let rows = stmt.query_map(params![search, limit], from_row)?;
            rows.skip_damaged()?
        };
        Ok(people)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::{PersonInput, insert_rows};
    use uuid::Uuid;

    #[test]
    fn people_deleted_at_once_are_found_no_more_and_the_others_still_are() {
        let mut store = Store::open_in_memory().unwrap();
        let people: Vec<Person> = (0..MANY_DELETED + 100)
            .map(|n| {
                let input = PersonInput { family_name: format!("Nguyễn{n:04}"), ..Default::default() };
                input.validated(Uuid::now_v7()).unwrap()
            })
            .collect();
        store.write(|conn| insert_rows(conn, &people)).unwrap();
        let kept = people.last().unwrap().id;
        store
            .write(|conn| {
                deleting_people(conn, MANY_DELETED, || Ok(conn.execute("DELETE FROM person WHERE id <> ?1", [kept])?))
            })
            .unwrap();
        // The index merges its parts again as it did.
        let automerge: i64 = store
            .read()
            .query_row("SELECT v FROM person_search_config WHERE k = 'automerge'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(automerge, 4);
        for search in ["nguyen", "NGUYỄN0042", "ng"] {
            let found: Vec<Uuid> = store.search_people(search, 10).unwrap().iter().map(|p| p.id).collect();
            let expected: &[Uuid] = if search == "NGUYỄN0042" { &[] } else { &[kept] };
            assert_eq!(found, expected, "{search}");
        }
        let indexed: i64 = store.read().query_row("SELECT COUNT(*) FROM person_search", [], |r| r.get(0)).unwrap();
        assert_eq!(indexed, 1);
        store.read().execute("INSERT INTO person_search (person_search) VALUES ('integrity-check')", []).unwrap();
    }

    #[test]
    fn a_search_finds_its_text_side_by_side_not_its_trigrams_apart() {
        let mut store = Store::open_in_memory().unwrap();
        let input = PersonInput {
            given_name: "Ana".into(),
            family_name: "Nana".into(),
            organisation: "Ministry of Labour".into(),
            ..PersonInput::default()
        };
        store.create_person(&input).unwrap();
        let found = |search: &str| store.search_people(search, 10).unwrap().len();
        // "ana nana" holds both trigrams of "anana" ("ana", "nan"), never the text itself.
        assert_eq!(found("anana"), 0);
        assert_eq!(found("a nan"), 1);
        assert_eq!(found("ANA NÁNA"), 1);
        assert_eq!(found("try of lab"), 1);
    }
}

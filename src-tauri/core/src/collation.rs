//! The order names are listed in: a Unicode collator's (ICU4X, the CLDR root
//! order), not their code points, so "Côte d'Ivoire" comes before "Curaçao",
//! "Éthiopie" among the Es and "Ōmura" beside "Omura". Matching is another
//! rule ([`crate::text::fold`]); this one only orders. SQL orders by it as
//! `COLLATE unicode` on every connection of the store ([`register`]).

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use std::cmp::Ordering;
use std::sync::LazyLock;

static ROOT: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    Collator::try_new(Default::default(), CollatorOptions::default()).expect("the root collation is compiled in")
});

/// How `a` and `b` are ordered in a list.
pub fn compare(a: &str, b: &str) -> Ordering {
    ROOT.compare(a, b)
}

/// Registers the `unicode` collation on `conn`.
pub(crate) fn register(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.create_collation("unicode", compare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_names_sort_among_their_letters() {
        let mut names = vec!["Curaçao", "Zambia", "Côte d'Ivoire", "Éthiopie", "Cuba", "Estonia", "Fiji", "côte"];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(names, ["côte", "Côte d'Ivoire", "Cuba", "Curaçao", "Estonia", "Éthiopie", "Fiji", "Zambia"]);
    }

    #[test]
    fn sql_orders_like_rust() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let ordered: Vec<String> = conn
            .prepare("SELECT column1 FROM (VALUES ('Curaçao'), ('Côte d''Ivoire'), ('Cuba')) ORDER BY column1 COLLATE unicode")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(ordered, ["Côte d'Ivoire", "Cuba", "Curaçao"]);
    }
}

//! The heavy queries keep their indexes: each test reads SQLite's query plan
//! (`EXPLAIN QUERY PLAN`) of a query the screens run on every visit and fails
//! when a table it should search by index is scanned instead, as happens when
//! an index disappears from a migration.

use crate::store::Store;

/// The plan's detail lines, one per step.
fn plan_of(sql: &str) -> Vec<String> {
    let store = Store::open_in_memory().unwrap();
    let mut stmt = store.read().prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let nulls = std::iter::repeat_n(rusqlite::types::Null, stmt.parameter_count());
    stmt.query_map(rusqlite::params_from_iter(nulls), |row| row.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Checks that every table step searches by an index (or is one of the
/// `scans` allowed), and that each of `indexes` is used.
#[track_caller]
fn assert_indexed(sql: &str, scans: &[&str], indexes: &[&str]) {
    let plan = plan_of(sql);
    let shown = plan.join("\n");
    for step in &plan {
        if step.starts_with("SCAN") {
            assert!(scans.contains(&step.as_str()), "unexpected table scan '{step}' in:\n{shown}");
        }
        if step.starts_with("SEARCH") {
            assert!(
                step.contains("INDEX") || step.contains("PRIMARY KEY"),
                "search without an index '{step}' in:\n{shown}"
            );
        }
    }
    for index in indexes {
        assert!(
            plan.iter().any(|step| step
                .split_whitespace()
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| w == ["INDEX", *index])),
            "index {index} not used in:\n{shown}"
        );
    }
}

#[test]
fn the_home_list_reads_each_event_once_and_counts_and_sorts_nothing() {
    let plan = plan_of(crate::event::LIST_EVENTS_SQL).join("\n");
    assert!(!plan.contains("SUBQUERY"), "the counts must come from the event row:\n{plan}");
    assert!(!plan.contains("TEMP B-TREE"), "the list is sorted once, in Rust:\n{plan}");
    assert_indexed(crate::event::LIST_EVENTS_SQL, &["SCAN e"], &["sqlite_autoindex_series_1"]);
}

#[test]
fn a_row_journal_is_found_by_its_key_and_who_names_each_operation_by_index() {
    assert_indexed(crate::journal::ROW_OPS_SQL, &[], &["journal_op_row", "journal_pred_named"]);
}

#[test]
fn the_series_stops_are_found_by_index() {
    assert_indexed(crate::overview::SERIES_STOPS_SQL, &[], &["event_series"]);
}

#[test]
fn the_tracker_finds_each_delegations_members_by_index() {
    assert_indexed(&crate::tracker::TRACKER_SQL, &[], &["delegation_name", "participant_delegation"]);
}

#[test]
fn the_participants_of_an_event_are_found_by_index() {
    assert_indexed(crate::participant::PARTICIPANTS_SQL, &[], &["sqlite_autoindex_participant_2"]);
}

#[test]
fn conflicts_compare_only_sessions_of_the_same_day_by_index() {
    for sql in [crate::conflicts::DOUBLE_BOOKED_SQL, crate::conflicts::ROOM_CLASH_SQL] {
        assert_indexed(sql, &[], &["session_event", "session_day"]);
    }
    assert_indexed(crate::agenda::SESSIONS_SQL, &[], &["session_event"]);
    assert_indexed(crate::agenda::SESSION_PEOPLE_SQL, &[], &["session_event", "sqlite_autoindex_session_person_1"]);
}

#[test]
fn people_are_searched_through_the_trigram_index() {
    let plan = plan_of(crate::person::search::SEARCH_PEOPLE_SQL).join("\n");
    assert!(plan.contains("SCAN s VIRTUAL TABLE INDEX"), "{plan}");
    assert!(
        plan.contains("SEARCH c USING INTEGER PRIMARY KEY"),
        "each candidate's own fields are read by rowid:\n{plan}"
    );
}

#[test]
fn a_person_found_from_home_has_their_events_found_by_index() {
    assert_indexed(crate::plan_search::PARTICIPATIONS_SQL, &[], &["participant_person"]);
}

#[test]
fn bulk_changes_find_each_row_by_its_key_not_by_a_scan() {
    use crate::bulk::statement;
    let person = statement(crate::person::UPDATE, 3, 10);
    let participant = statement(crate::participant::UPDATE, 3, 14);
    for (sql, index) in [(person, "sqlite_autoindex_person_1"), (participant, "sqlite_autoindex_participant_1")] {
        assert_indexed(&sql, &["SCAN 3-ROW VALUES CLAUSE"], &[index]);
    }
}

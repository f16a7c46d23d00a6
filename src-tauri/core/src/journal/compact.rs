//! Compaction: the journal does not grow without bound.
//!
//! An operation that later operations replaced (a value typed over, the
//! delete a re-insert replaced) is folded
//! away once both are older than the period history and undo reach back
//! ([`HISTORY_DAYS`]) and this file holds every operation of their actors up
//! to them. What stays: every current value (the heads: the sets that made a
//! row's fields what they are, a delete per row deleted), every insert (the
//! first says when the record was made), and everything younger than the
//! period. A folded
//! operation's successors inherit the operations it replaced, so the heads
//! of every register are what they were; they keep naming the folded one
//! too, as teammates who hold it need them to (an operation is shared with
//! the names it was written with). A folded operation that comes
//! again from a team folder (whose chunks are never rewritten) is not kept
//! again (`journal_actor.folded`). Actions older than the period are no
//! longer undone: what they replaced may be gone.

use crate::error::Result;
use crate::store::Store;
use rusqlite::params;

/// How far back history and undo reach: operations replaced longer ago are folded away.
pub const HISTORY_DAYS: u32 = 90;

/// How far each actor's sequence this file holds (or held) without a gap:
/// `temp.journal_prefix (actor, upto)`.
const PREFIX_SQL: &str = "
    DELETE FROM temp.journal_prefix;
    INSERT INTO temp.journal_prefix (actor, upto)
    SELECT a.no, a.folded + COALESCE((
        SELECT MAX(s.n) FROM (
            SELECT o.seq, ROW_NUMBER() OVER (ORDER BY o.seq) AS n
            FROM journal_op o WHERE o.actor = a.no AND o.seq > a.folded
        ) s WHERE s.seq = a.folded + s.n), 0)
    FROM journal_actor a";

/// Operations to fold, into `temp.journal_fold`: older than `?1` (a clock),
/// within their actor's prefix, and replaced in every register they are in
/// by an operation that is too: a set by a set of its field or by a whole-row
/// operation, a delete by a re-insert. Erase marks (in no register) go once
/// old. Inserts stay: a row's first insert says which of two records of one
/// name was made first (`super::rivals`), on every laptop alike, whenever
/// each compacts.
const FOLD_SQL: &str = "
    INSERT INTO temp.journal_fold (actor, seq)
    SELECT o.actor, o.seq FROM journal_op o JOIN temp.journal_prefix x ON x.actor = o.actor
    WHERE o.seq <= x.upto AND o.hlc < ?1 AND o.kind <> 'insert' AND (o.kind = 'erase' OR EXISTS (
        SELECT 1 FROM journal_pred p
        JOIN journal_op n ON n.actor = p.actor AND n.seq = p.seq
        JOIN temp.journal_prefix y ON y.actor = n.actor
        WHERE p.pred_actor = o.actor AND p.pred_seq = o.seq AND n.seq <= y.upto AND n.hlc < ?1
          AND (n.col IS NULL OR (o.kind = 'set' AND n.col = o.col))))";

/// Every kept operation that names a folded one names, from now on, all
/// that the folded one named, down through folded operations to the first
/// kept ones: a teammate who holds an operation folded here, or one in the
/// middle of the chain, still finds it replaced. One walk down per kept
/// operation (a field typed over 10,000 times is one walk, not 10,000 passes).
const INHERIT_SQL: &str = "
    WITH RECURSIVE down (top_actor, top_seq, at_actor, at_seq) AS (
        SELECT p.actor, p.seq, p.pred_actor, p.pred_seq
        FROM journal_pred p JOIN temp.journal_fold f ON f.actor = p.pred_actor AND f.seq = p.pred_seq
        WHERE NOT EXISTS (SELECT 1 FROM temp.journal_fold g WHERE g.actor = p.actor AND g.seq = p.seq)
        UNION
        SELECT d.top_actor, d.top_seq, q.pred_actor, q.pred_seq
        FROM down d JOIN journal_pred q ON q.actor = d.at_actor AND q.seq = d.at_seq
        WHERE EXISTS (SELECT 1 FROM temp.journal_fold f WHERE f.actor = d.at_actor AND f.seq = d.at_seq)
    )
    INSERT OR IGNORE INTO journal_pred (actor, seq, pred_actor, pred_seq)
    SELECT top_actor, top_seq, at_actor, at_seq FROM down";

impl Store {
    /// Folds away the operations replaced more than `days` days ago (see the
    /// module's documentation); returns how many went.
    pub fn compact_journal(&mut self, days: u32) -> Result<u32> {
        let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(days));
        let clock = cutoff.timestamp_millis() << 16;
        self.transaction(|store| {
            let conn = &store.conn;
            conn.execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS journal_prefix (actor INTEGER PRIMARY KEY, upto INTEGER NOT NULL);
                 CREATE TEMP TABLE IF NOT EXISTS journal_fold (actor INTEGER NOT NULL, seq INTEGER NOT NULL,
                     PRIMARY KEY (actor, seq)) WITHOUT ROWID;",
            )?;
            conn.execute_batch(PREFIX_SQL)?;
            conn.execute("DELETE FROM temp.journal_fold", [])?;
            let folded = conn.execute(FOLD_SQL, [clock])?;
            conn.execute(INHERIT_SQL, [])?;
            conn.execute_batch(
                "DELETE FROM journal_op WHERE (actor, seq) IN (SELECT actor, seq FROM temp.journal_fold);
                 UPDATE journal_actor SET folded = (SELECT upto FROM temp.journal_prefix x WHERE x.actor = journal_actor.no)
                 WHERE no IN (SELECT actor FROM temp.journal_prefix);
                 DELETE FROM temp.journal_fold;",
            )?;
            conn.execute(
                "UPDATE journal_action SET undone = 1 WHERE at < ?1 AND kind IN ('do', 'redo', 'undo')",
                params![cutoff.to_rfc3339()],
            )?;
            // An action none of whose changes is left has nothing to show in history.
            conn.execute(
                "DELETE FROM journal_action WHERE at < ?1 AND NOT EXISTS (
                     SELECT 1 FROM journal_op o WHERE o.actor = journal_action.actor AND o.action = journal_action.no)",
                params![cutoff.to_rfc3339()],
            )?;
            Ok(u32::try_from(folded).unwrap_or(u32::MAX))
        })
    }
}

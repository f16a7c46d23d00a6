//! What an import writes once every row is checked (new delegations, people,
//! participations, in as few statements as SQLite allows), and the progress
//! it reports on the way.

use crate::delegation::{self, Delegation};
use crate::error::Result;
use crate::participant::{self, CheckedParticipation};
use crate::person::{self, Person};
use rusqlite::Connection;
use std::cell::RefCell;

/// How far an import's check or commit is, for a progress bar: rows checked
/// of the file's rows, then rows written of the accepted ones (a row's person
/// and its participation are written apart: a row is half written after the
/// first). Reported every [`PROGRESS_EVERY`] records and at each end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStep {
    Checking { done: u32, total: u32 },
    Writing { done: u32, total: u32 },
}

/// Rows (or records) between two progress reports: often enough for a bar,
/// rare enough to cost nothing.
pub const PROGRESS_EVERY: u32 = 1_000;

/// Counts work done and reports it every [`PROGRESS_EVERY`] and at the end.
pub(super) struct Counter<'p> {
    done: u32,
    total: u32,
    step: fn(u32, u32) -> ImportStep,
    report: &'p mut dyn FnMut(ImportStep),
}

impl<'p> Counter<'p> {
    pub(super) fn new(total: usize, step: fn(u32, u32) -> ImportStep, report: &'p mut dyn FnMut(ImportStep)) -> Self {
        let total = u32::try_from(total).unwrap_or(u32::MAX);
        report(step(0, total));
        Counter { done: 0, total, step, report }
    }

    pub(super) fn tick(&mut self) {
        self.done = self.done.saturating_add(1);
        if self.done.is_multiple_of(PROGRESS_EVERY) || self.done == self.total {
            (self.report)((self.step)(self.done, self.total));
        }
    }
}

/// What the accepted rows write once every row is checked, in file order.
#[derive(Default)]
pub(super) struct Writes {
    /// The delegations the rows name that the event does not have yet.
    pub(super) delegations: Vec<Delegation>,
    /// The person of each accepted row, and whether they are already in the plan.
    pub(super) people: Vec<(Person, bool)>,
    /// The participation of each accepted row, and whether it is already recorded.
    pub(super) participations: Vec<(CheckedParticipation, bool)>,
}

impl Writes {
    /// Writes the people, then their participations, in as few statements as
    /// SQLite allows. Only the rows that take a delegation's seat of head are
    /// written one by one, in file order and after every other row, since the
    /// checks freed and took those seats in that order (`participant_one_head`
    /// would refuse a new head written before the old one's change).
    pub(super) fn write(&self, conn: &Connection, report: &mut dyn FnMut(ImportStep)) -> Result<()> {
        for d in &self.delegations {
            delegation::insert_row(conn, d)?;
        }
        // Each accepted row writes its person, then its participation: two records a row.
        let records = self.people.len() + self.participations.len();
        let rows = |done: u32, total: u32| ImportStep::Writing { done: done / 2, total: total / 2 };
        let written = RefCell::new(Counter::new(records, rows, report));
        let tick = || written.borrow_mut().tick();
        let people = |known: bool| self.people.iter().filter(move |(_, k)| *k == known).map(|(p, _)| p);
        person::insert_rows(conn, people(false).inspect(|_| tick()))?;
        person::update_rows(conn, people(true).inspect(|_| tick()))?;
        let (heads, others): (Vec<_>, Vec<_>) = self.participations.iter().partition(|(p, _)| p.heads_delegation());
        let others = |known: bool| others.iter().filter(move |(_, k)| *k == known).map(|(p, _)| p);
        participant::insert_rows(conn, others(false).inspect(|_| tick()))?;
        participant::update_rows(conn, others(true).inspect(|_| tick()))?;
        for (head, known) in heads {
            tick();
            if *known {
                participant::update_rows(conn, [head])?;
            } else {
                participant::insert_rows(conn, [head])?;
            }
        }
        Ok(())
    }
}

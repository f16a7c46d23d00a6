//! The change journal: every change to planning data recorded inside the plan
//! file, as operations per field that name the operations they replace, by an
//! actor (this plan file on this installation) at a hybrid logical clock.
//!
//! It is what undo and redo, history and merging co-organisers' plans stand
//! on (README, "The change journal"). Capture cannot be
//! forgotten by a write path: triggers on every planning table ([`schema`])
//! note each row an action touches ([`capture`]), whoever wrote it (a screen,
//! the CLI, an import, the examples, a cascade of a delete), and when the
//! action's transaction commits its net effect becomes operations
//! ([`record`]), one journal action per user action. A write that changes
//! nothing records nothing.

mod attempt;
mod capture;
mod codec;
mod compact;
mod disagreement;
mod erase;
mod folder;
mod heads;
mod held;
mod history;
pub mod identity;
mod image;
mod merge;
mod receive;
mod record;
mod resolve;
mod restore;
mod revisions;
mod rivals;
mod schema;
mod undo;

pub use compact::HISTORY_DAYS;
pub use disagreement::{Decision, Disagreement, DisagreementOption, OptionKind, Rename};
pub use folder::SyncReport;
#[cfg(test)]
pub(crate) use heads::ROW_OPS_SQL;
pub use history::{Activity, Change, HistoryFilter};
pub use identity::Installation;
pub use merge::MergeReport;
pub(crate) use restore::remove_leftover_copy;
pub use undo::UndoStep;

use crate::error::Result;
use crate::store::Store;
use crate::vocabulary::StepKind;
use capture::Capture;
use rusqlite::Connection;
use schema::Schema;
use std::cell::Cell;
use std::sync::Arc;
use uuid::Uuid;

/// The journal's side of an open store.
pub(crate) struct Journal {
    schema: Arc<Schema>,
    capture: Capture,
    installation: Installation,
    file: String,
    /// What the action under way is: made by the person, or an undo or redo
    /// of an earlier action (by its number).
    step: Cell<(StepKind, Option<i64>)>,
}

impl Journal {
    /// Starts the journal on `conn` (migrated): the plan's id and starting
    /// state, this file's actor, and the capture triggers.
    pub(crate) fn start(conn: &Connection, installation: Installation, file: String) -> Result<Journal> {
        let schema = Arc::new(Schema::read(conn)?);
        identity::start(conn, &schema, &installation, &file, false)?;
        let capture = Capture::default();
        capture.register(conn, schema.clone())?;
        image::keep_shapes(conn, &schema)?;
        image::register(conn, schema.clone())?;
        schema.create_triggers(conn)?;
        Ok(Journal { schema, capture, installation, file, step: Cell::new((StepKind::Do, None)) })
    }

    /// The journal of a read-only connection: it reads history, records nothing.
    pub(crate) fn reader(conn: &Connection) -> Result<Journal> {
        image::read_shapes(conn)?;
        Ok(Journal {
            schema: Arc::new(Schema::read(conn)?),
            capture: Capture::default(),
            installation: Installation::unnamed(),
            file: String::new(),
            step: Cell::new((StepKind::Do, None)),
        })
    }

    /// Records what the action under way changed; called just before it commits.
    pub(crate) fn commit(&self, conn: &Connection) -> Result<()> {
        let touched = self.capture.pending().take();
        let (step, target) = self.step.replace((StepKind::Do, None));
        record::write(conn, &self.schema, touched, step, target)?;
        Ok(())
    }

    /// Marks the action about to run as the undo or redo of action `target`.
    pub(crate) fn set_step(&self, step: StepKind, target: i64) {
        self.step.set((step, Some(target)));
    }

    /// The rows the action under way touched (table number, key), leaving
    /// nothing to record: a merge's own writes are not recorded again.
    pub(crate) fn take_touched(&self, conn: &Connection) -> Result<Vec<(usize, Vec<u8>)>> {
        let mut touched: Vec<(usize, Vec<u8>)> =
            self.capture.pending().take().into_iter().map(|t| (t.table, t.key)).collect();
        touched.extend(record::inserted(conn)?);
        conn.execute("DELETE FROM temp.journal_inserted", [])?;
        Ok(touched)
    }

    /// Forgets what the action under way touched; called when it rolls back.
    pub(crate) fn discard(&self) {
        self.capture.pending().take();
        self.step.set((StepKind::Do, None));
    }
}

impl Store {
    /// The plan's id: the same in every copy of the plan and in its team folder.
    pub fn plan_id(&self) -> Result<Uuid> {
        identity::plan_id(self.read())
    }

    /// This plan file's actor id: the sub-folder it writes in a team folder.
    pub(crate) fn actor_id(&self) -> Result<Uuid> {
        Ok(self.read().query_row(
            "SELECT a.id FROM journal_self s JOIN journal_actor a ON a.no = s.actor",
            [],
            |r| r.get(0),
        )?)
    }

    /// Who this plan file writes as on this installation.
    pub fn whoami(&self) -> &Installation {
        &self.journal.installation
    }

    /// Gives this plan file a new actor: after its content was put back from
    /// a backup, which teammates may already have seen past.
    pub(crate) fn renew_actor(&mut self) -> Result<()> {
        let journal = &self.journal;
        identity::start(&self.conn, &journal.schema, &journal.installation, &journal.file, true)
    }

    /// Names the organiser behind this plan file's operations (and this
    /// installation's from now on, when it has an app folder).
    pub fn set_identity(&mut self, name: &str, organisation: &str, app_folder: Option<&std::path::Path>) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(crate::Error::invalid(crate::Field::Name, "Give your name, as teammates will see it"));
        }
        let mut installation = self.journal.installation.clone();
        installation.name = name.to_owned();
        installation.organisation = organisation.trim().to_owned();
        installation.named = true;
        if let Some(folder) = app_folder {
            installation = installation.saved(folder)?;
        }
        self.journal.installation = installation;
        let journal = &self.journal;
        identity::start(&self.conn, &journal.schema, &journal.installation, &journal.file, false)
    }
}

#[cfg(feature = "benchmark")]
impl Store {
    /// Stops recording changes on this store; for the benchmark that measures
    /// what the journal costs (README, "Benchmarks"), never for the app.
    pub fn stop_journal_for_benchmark(&mut self) -> Result<()> {
        schema::drop_triggers(&self.conn)
    }
}

#[cfg(test)]
mod tests;

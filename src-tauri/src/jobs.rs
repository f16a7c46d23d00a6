//! Long jobs (an import's check and commit, every export) run one at a time
//! and tell the window where they are.
//!
//! A second long job while one runs does not block anything: its command
//! reports that it waits, with what it waits for, and starts when the first
//! ends. Progress goes over the command's own [`Channel`], so the screen that
//! started a job shows its stage and count without polling.

use roundtable_core::ImportStep;
use serde::Serialize;
use specta::Type;
use std::sync::Mutex;
use tauri::ipc::Channel;
use tokio::sync::{Mutex as AsyncMutex, MutexGuard as AsyncMutexGuard};

/// What a long job does, to say what another one waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    ImportCheck,
    Import,
    Export,
}

/// Where a long job is. Counts are of rows (imports) or of people, sessions or
/// cards in the document (exports), when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum JobProgress {
    /// Another long job runs; this one starts when it ends.
    Waiting { behind: JobKind },
    /// Reading the file to import, or the plan to export.
    Reading,
    /// Checking the file's rows against the plan: `done` of `total` checked.
    Checking { done: u32, total: u32 },
    /// Writing the checked rows in one transaction: `done` of `total` written.
    Writing { done: u32, total: u32 },
    /// Laying out the document.
    Rendering { total: u32 },
    /// Writing the document's file.
    Saving,
    /// Done: `done` of `total` taken (imports: rows created or updated).
    Finished { done: u32, total: u32 },
}

impl From<ImportStep> for JobProgress {
    fn from(step: ImportStep) -> Self {
        match step {
            ImportStep::Checking { done, total } => JobProgress::Checking { done, total },
            ImportStep::Writing { done, total } => JobProgress::Writing { done, total },
        }
    }
}

/// The queue of long jobs: one runs, the others wait their turn.
#[derive(Default)]
pub struct LongJobs {
    turn: AsyncMutex<()>,
    running: Mutex<Option<JobKind>>,
}

/// The running job's turn; the next one starts when it is dropped.
pub struct JobTurn<'a> {
    jobs: &'a LongJobs,
    _turn: AsyncMutexGuard<'a, ()>,
}

impl LongJobs {
    /// Waits for the running job (telling `progress` what it waits for), then starts `kind`.
    pub async fn start(&self, kind: JobKind, progress: &Channel<JobProgress>) -> JobTurn<'_> {
        let turn = match self.turn.try_lock() {
            Ok(turn) => turn,
            Err(_) => {
                let behind = self.running().unwrap_or(kind);
                report(progress, JobProgress::Waiting { behind });
                tracing::info!(?kind, ?behind, "waits for the running job");
                self.turn.lock().await
            }
        };
        *self.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(kind);
        JobTurn { jobs: self, _turn: turn }
    }

    fn running(&self) -> Option<JobKind> {
        *self.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Drop for JobTurn<'_> {
    fn drop(&mut self) {
        *self.jobs.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }
}

/// Sends `stage` to the window; a window that stopped listening does not stop the job.
pub fn report(progress: &Channel<JobProgress>, stage: JobProgress) {
    if progress.send(stage).is_err() {
        tracing::debug!("the window no longer listens to this job's progress");
    }
}

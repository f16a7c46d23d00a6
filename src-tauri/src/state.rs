//! The application's state: the open plan store behind a mutex, and the one
//! place where a core error becomes the IPC error the UI switches on.

use roundtable_core::{ApiError, Store};
use std::sync::Mutex;
use std::time::Instant;

/// The plan store the window works on.
pub struct AppState {
    store: Mutex<Store>,
    started: Instant,
}

impl AppState {
    /// Wraps an open store.
    pub fn new(store: Store) -> Self {
        AppState { store: Mutex::new(store), started: Instant::now() }
    }

    /// When the shell started (the state is made first thing).
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Runs `work` on the store and turns its error into an [`ApiError`].
    pub fn with<T>(&self, work: impl FnOnce(&mut Store) -> roundtable_core::Result<T>) -> Result<T, ApiError> {
        // A panic in an earlier command poisons the lock; the store itself is
        // still consistent (every write is one transaction), so go on with it.
        let mut store = self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        work(&mut store).map_err(ApiError::from)
    }
}

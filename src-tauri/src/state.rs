//! The application's state: the open plan (its one writer connection behind
//! a mutex, read-only connections beside it, the watch on its file), which
//! File → Open, New and a failed start replace or leave empty, and the queue
//! of long jobs.
//!
//! Every command's store work runs on a blocking thread of the async runtime,
//! never on the main thread (the window's event loop) nor on the runtime's
//! own workers. Reads take a reader connection of their own: WAL lets it see
//! the last committed plan while a long write (an import) holds the writer, so
//! no screen waits for it. A store in memory (the tests) has no second
//! connection, so its reads go to the writer.

use crate::jobs::LongJobs;
use crate::logs;
use crate::plan_watch::PlanWatch;
use roundtable_core::{ApiError, ErrorKind, Store};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::Instant;

/// The plan store the window works on; cheap to clone into a blocking task.
#[derive(Clone)]
pub struct AppState {
    shared: Arc<Shared>,
}

struct Shared {
    /// The open plan; `None` when none could be opened. A command takes the
    /// plan open when it starts and keeps it to its end, whatever is opened meanwhile.
    plan: RwLock<Option<Arc<OpenPlan>>>,
    jobs: LongJobs,
    started: Instant,
}

/// One open plan file (or the tests' store in memory).
struct OpenPlan {
    path: Option<PathBuf>,
    writer: Mutex<Store>,
    readers: Option<Readers>,
    /// Sees other processes' changes to the plan file; none in memory.
    watch: Option<Mutex<PlanWatch>>,
}

impl OpenPlan {
    fn new(store: Store) -> Self {
        let readers = store.path().map(|path| Readers { path: path.to_owned(), idle: Mutex::new(Vec::new()) });
        // Only a file can be changed by another process.
        let watch = store.path().map(|_| Mutex::new(PlanWatch::new(&store)));
        OpenPlan { path: store.path().map(PathBuf::from), writer: Mutex::new(store), readers, watch }
    }
}

/// Read-only connections to the plan file, opened when needed and kept for the next read.
struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Readers {
    fn take(&self) -> roundtable_core::Result<Store> {
        match lock(&self.idle).pop() {
            Some(reader) => Ok(reader),
            None => Store::open_reader(&self.path),
        }
    }

    fn put_back(&self, reader: Store) {
        lock(&self.idle).push(reader);
    }
}

impl AppState {
    /// Wraps an open store (the writer); a store with a file gets readers and a watch beside it.
    pub fn new(store: Store) -> Self {
        let state = Self::without_plan();
        state.open(store);
        state
    }

    /// The state of a window whose plan could not be opened.
    pub fn without_plan() -> Self {
        AppState {
            shared: Arc::new(Shared { plan: RwLock::new(None), jobs: LongJobs::default(), started: Instant::now() }),
        }
    }

    /// Makes `store` the open plan; commands already under way finish on the one they started with.
    pub fn open(&self, store: Store) {
        *self.shared.plan.write().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(OpenPlan::new(store)));
    }

    /// The file of the open plan (`None` in memory or with no plan open).
    pub fn plan_path(&self) -> Option<PathBuf> {
        self.current().ok().and_then(|plan| plan.path.clone())
    }

    fn current(&self) -> Result<Arc<OpenPlan>, ApiError> {
        self.shared.plan.read().unwrap_or_else(PoisonError::into_inner).clone().ok_or_else(|| ApiError {
            kind: ErrorKind::PlanFile,
            message: "No plan is open: open a plan or make a new one (File menu)".into(),
            field: None,
            problems: Vec::new(),
        })
    }

    /// When the shell started (the state is made first thing).
    pub fn started(&self) -> Instant {
        self.shared.started
    }

    /// The queue that runs long jobs (imports, exports) one at a time.
    pub fn jobs(&self) -> &LongJobs {
        &self.shared.jobs
    }

    /// Runs `work` on a reader connection, off the main thread.
    pub async fn read<T, E>(&self, work: impl FnOnce(&Store) -> Result<T, E> + Send + 'static) -> Result<T, ApiError>
    where
        T: Send + 'static,
        E: Into<ApiError>,
    {
        let plan = self.current()?;
        off_main_thread(move || match &plan.readers {
            Some(readers) => {
                let reader = readers.take().map_err(ApiError::from)?;
                let result = work(&reader).map_err(Into::into);
                readers.put_back(reader);
                result
            }
            None => work(&lock(&plan.writer)).map_err(Into::into),
        })
        .await
    }

    /// Runs `work` on the writer connection, off the main thread; one writer at a time.
    pub async fn write<T, E>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T, E> + Send + 'static,
    ) -> Result<T, ApiError>
    where
        T: Send + 'static,
        E: Into<ApiError>,
    {
        let plan = self.current()?;
        off_main_thread(move || {
            let mut writer = lock(&plan.writer);
            work(&mut writer).map_err(Into::into)
        })
        .await
    }

    /// Whether another process changed the plan since the last call; `false`
    /// without waiting while a write of the window's own is under way.
    pub fn plan_changed_outside(&self) -> bool {
        let Ok(plan) = self.current() else { return false };
        let Some(watch) = &plan.watch else { return false };
        let writer = match plan.writer.try_lock() {
            Ok(writer) => writer,
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return false,
        };
        lock(watch).take_change(&writer)
    }
}

/// Runs `work` on a blocking thread inside the calling command's span, and
/// logs its failure (kind and field only).
pub(crate) async fn off_main_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let span = tracing::Span::current();
    let result = tauri::async_runtime::spawn_blocking(move || span.in_scope(work)).await.unwrap_or_else(|panic| {
        Err(ApiError {
            kind: ErrorKind::Storage,
            message: format!("The plan store stopped in the middle of the work: {panic}"),
            field: None,
            problems: Vec::new(),
        })
    });
    logs::failure(result)
}

/// A panic in an earlier command poisons a lock; the store itself is still
/// consistent (every write is one transaction), so go on with it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

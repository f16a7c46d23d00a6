//! Cold start and memory of the real app: launch the release binary on a plan
//! store, time it from spawn to the first painted frame (the app prints
//! `first-paint` when asked to), let it settle, then add up the proportional
//! memory (PSS, from /proc/PID/smaps_rollup) of its whole process tree: the
//! shell and WebKit's web and network processes.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One launch's figures.
#[derive(Debug, Clone, Copy)]
pub struct Launch {
    pub first_paint: Duration,
    pub pss_kib: u64,
}

/// Launches `app` on the plan store `db` and measures it; the app is stopped afterwards.
pub fn launch(app: &Path, db: &Path, settle: Duration) -> Result<Launch, String> {
    let started = Instant::now();
    let mut child = Command::new(app)
        .env("ROUNDTABLE_DB", db)
        .env("ROUNDTABLE_REPORT_FIRST_PAINT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", app.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.starts_with("first-paint") {
                let _ = tx.send(started.elapsed());
            }
        }
    });
    let result = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(first_paint) => {
            std::thread::sleep(settle);
            Ok(Launch { first_paint, pss_kib: tree_pss_kib(child.id()) })
        }
        Err(_) => Err("the app did not report its first paint within 60 s (is DISPLAY set?)".to_owned()),
    };
    let _ = child.kill();
    let _ = child.wait();
    // WebKit's helper processes leave when the shell's socket closes; give them a moment.
    std::thread::sleep(Duration::from_millis(500));
    result
}

/// PSS in KiB of `root` and all its descendants.
pub fn tree_pss_kib(root: u32) -> u64 {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        if let Some(parent) = parent_of(pid) {
            children.entry(parent).or_default().push(pid);
        }
    }
    let mut total = 0;
    let mut stack = vec![root];
    while let Some(pid) = stack.pop() {
        total += pss_kib(pid);
        stack.extend(children.get(&pid).into_iter().flatten());
    }
    total
}

/// The parent of `pid`, from /proc/PID/stat (the field after the parenthesised name).
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()
}

fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_has_a_parent_and_a_memory_footprint() {
        let me = std::process::id();
        assert!(parent_of(me).is_some());
        assert!(tree_pss_kib(me) > 100, "a running test binary uses more than 100 KiB");
    }
}

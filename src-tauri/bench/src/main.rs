//! `roundtable-bench`: builds the large synthetic plan (or reuses one built
//! before with the same size) and times every query and command the UI uses
//! on it, then the exports and imports (`documents`), printing medians and
//! p99 in milliseconds.
//!
//! `cargo run --release -p roundtable-bench` for the full plan (1,000 events,
//! 100,000 participants, 20,000 sessions) and a 100,000-row import; `-- --quick`
//! for a twentieth of both;
//! `-- --plan PATH` to keep the generated plan in a chosen file;
//! `-- --journal` for the change journal's figures alone (import, merge, undo);
//! `-- --exports` for the exports' alone (programme, list, badges, name plates);
//! `-- --startup APP` to also launch the release app (under X) on an empty
//! plan and on the large one, alternately, and compare first paint and memory.

use roundtable_bench::documents::{self, DocumentSpec};
use roundtable_bench::generate::{GeneratedPlan, PlanSpec, large_plan};
use roundtable_bench::measure::{Timing, ms, time};
use roundtable_core::{
    AgendaDayInput, MembershipInput, ParticipantFilter, ParticipantStatus, PersonInput, SessionInput, Store,
};
use std::path::{Path, PathBuf};
use std::time::Instant;

const WARMUP: usize = 20;
const RUNS: usize = 300;

fn main() {
    if let Err(message) = run() {
        eprintln!("roundtable-bench: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let (spec, document_spec) =
        if quick { (PlanSpec::QUICK, DocumentSpec::QUICK) } else { (PlanSpec::LARGE, DocumentSpec::FULL) };
    if args.iter().any(|a| a == "--journal") {
        let scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
        let csv = documents::registration_csv(document_spec.import_rows);
        print_timings(&roundtable_bench::journal::bench(&document_spec, scratch.path(), &csv));
        return Ok(());
    }
    if args.iter().any(|a| a == "--exports") {
        print_timings(&documents::exports(&document_spec).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let path = match args.iter().position(|a| a == "--plan") {
        Some(i) => PathBuf::from(args.get(i + 1).ok_or("--plan needs a path")?),
        None => std::env::temp_dir().join(format!("roundtable-bench-{}-{}.sqlite3", spec.events, spec.seed)),
    };
    let (mut store, plan) = open_or_generate(&path, &spec).map_err(|e| e.to_string())?;
    println!(
        "Plan: {} events, {} participants, {} sessions ({})",
        plan.events.len(),
        plan.participants,
        plan.sessions,
        path.display()
    );
    let mut timings = bench(&mut store, &plan).map_err(|e| e.to_string())?;
    let scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
    let large_event = plan.events[plan.events.len() / 3];
    timings.extend(
        documents::bench(&document_spec, scratch.path(), (&mut store, large_event)).map_err(|e| e.to_string())?,
    );
    drop(store);
    print_timings(&timings);
    if let Some(i) = args.iter().position(|a| a == "--startup") {
        let app = PathBuf::from(args.get(i + 1).ok_or("--startup needs the app's path")?);
        startup_pairs(&app, &path, 5)?;
    }
    Ok(())
}

fn print_timings(timings: &[Timing]) {
    println!("\n{:<44} {:>6} {:>10} {:>10}", "benchmark", "runs", "median ms", "p99 ms");
    for t in timings {
        println!("{:<44} {:>6} {:>10} {:>10}", t.name, t.runs, ms(t.median), ms(t.p99));
    }
}

/// Launches the app `runs` times on an empty plan and on the large one,
/// alternating so that both see the same machine noise, and prints medians.
fn startup_pairs(app: &Path, large: &Path, runs: usize) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let settle = std::time::Duration::from_secs(3);
    let (mut empty_runs, mut large_runs) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let empty = dir.path().join(format!("empty-{run}.sqlite3"));
        empty_runs.push(roundtable_bench::startup::launch(app, &empty, settle)?);
        large_runs.push(roundtable_bench::startup::launch(app, large, settle)?);
    }
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let paint = |launches: &[roundtable_bench::startup::Launch]| {
        median(launches.iter().map(|l| l.first_paint.as_secs_f64() * 1000.0).collect())
    };
    let pss = |launches: &[roundtable_bench::startup::Launch]| {
        median(launches.iter().map(|l| l.pss_kib as f64 / 1024.0).collect())
    };
    println!("\nStartup of {} ({runs} alternating launches each, medians)", app.display());
    println!("{:<28} {:>16} {:>16}", "", "first paint ms", "PSS of tree MB");
    println!("{:<28} {:>16.0} {:>16.1}", "empty plan", paint(&empty_runs), pss(&empty_runs));
    println!("{:<28} {:>16.0} {:>16.1}", "large plan", paint(&large_runs), pss(&large_runs));
    println!(
        "{:<28} {:>15.2}x {:>+15.1}",
        "large vs empty",
        paint(&large_runs) / paint(&empty_runs),
        pss(&large_runs) - pss(&empty_runs)
    );
    Ok(())
}

/// The plan in `path`, generated there first when it is missing or of another size.
fn open_or_generate(path: &Path, spec: &PlanSpec) -> roundtable_core::Result<(Store, GeneratedPlan)> {
    if path.exists() {
        let store = Store::open(path)?;
        let events: Vec<_> = store.list_events()?.into_iter().map(|e| e.id).collect();
        if events.len() == spec.events {
            let participants = events.len() * spec.participants_per_event;
            let sessions = events.len() * spec.sessions_per_event;
            return Ok((store, GeneratedPlan { events, participants, sessions }));
        }
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    let mut store = Store::open(path)?;
    let started = Instant::now();
    let plan = large_plan(&mut store, spec)?;
    println!("Generated in {:.1} s", started.elapsed().as_secs_f64());
    Ok((store, plan))
}

fn bench(store: &mut Store, plan: &GeneratedPlan) -> roundtable_core::Result<Vec<Timing>> {
    let event = |i: usize| plan.events[(i * 7919) % plan.events.len()];
    let mut out = Vec::new();
    out.push(time("list_events (home)", WARMUP, RUNS, |_| store.list_events().unwrap().len()));
    out.push(time("event_overview", WARMUP, RUNS, |i| store.event_overview(event(i)).unwrap().delegations));
    out.push(time("event_readiness", WARMUP, RUNS, |i| store.event_readiness(event(i)).unwrap().len()));
    out.push(time("delegation_tracker", WARMUP, RUNS, |i| store.delegation_tracker(event(i)).unwrap().rows.len()));
    out.push(time("list_participants (all)", WARMUP, RUNS, |i| {
        store.list_participants(event(i), &ParticipantFilter::default()).unwrap().len()
    }));
    out.push(time("list_participants (search + status)", WARMUP, RUNS, |i| {
        let filter = ParticipantFilter {
            search: Some("ra".into()),
            status: Some(ParticipantStatus::Confirmed),
            ..ParticipantFilter::default()
        };
        store.list_participants(event(i), &filter).unwrap().len()
    }));
    out.push(time("agenda with conflicts", WARMUP, RUNS, |i| store.agenda(event(i)).unwrap().conflicts.len()));
    out.push(time("search_people (whole plan)", WARMUP, RUNS, |i| {
        store.search_people(["ngu", "rah", "cheA", "santos"][i % 4], 20).unwrap().len()
    }));

    // Writes: each run creates, then the next benchmark changes, then removes what it made.
    let target = plan.events[plan.events.len() / 2];
    let delegation = store.list_delegations(target)?[0].id;
    let day = store.days(target)?[0].id;
    let mut registered = Vec::new();
    out.push(time("register_participant", WARMUP, RUNS, |i| {
        let person = PersonInput {
            family_name: format!("Bench{i}"),
            email: Some(format!("bench-{i}@example.org")),
            ..PersonInput::default()
        };
        let membership = MembershipInput { delegation_id: delegation, ..MembershipInput::default() };
        registered.push(store.register_participant(target, &person, &membership).unwrap().registered.participant.id);
    }));
    out.push(time("update_participant", WARMUP, RUNS, |i| {
        let membership = MembershipInput {
            delegation_id: delegation,
            status: Some(if i % 2 == 0 { ParticipantStatus::Confirmed } else { ParticipantStatus::Nominated }),
            ..MembershipInput::default()
        };
        store.update_participant(registered[i % registered.len()], &membership).unwrap();
    }));
    let mut created = Vec::new();
    out.push(time("create_session", WARMUP, RUNS, |i| {
        let input = SessionInput {
            day_id: day,
            start_time: format!("{:02}:{:02}", 7 + (i % 10), i % 60),
            end_time: format!("{:02}:{:02}", 8 + (i % 10), i % 60),
            title: format!("Bench session {i}"),
            ..SessionInput::default()
        };
        created.push(store.create_session(&input).unwrap().id);
    }));
    // Warm-up runs too, so that all WARMUP + RUNS records made above are removed and the plan can be benchmarked again.
    out.push(time("delete_session", WARMUP, RUNS, |i| store.delete_session(created[i]).unwrap()));
    out.push(time("remove_participant", WARMUP, RUNS, |i| store.remove_participant(registered[i]).unwrap()));
    out.push(time("update_day", WARMUP, RUNS, |i| {
        let date = store.days(target).unwrap()[0].date.to_string();
        store.update_day(day, &AgendaDayInput { date, theme: format!("Theme {i}") }).unwrap();
    }));
    Ok(out)
}

//! Property: random edit traces of several laptops sharing a team folder.
//!
//! Each trace makes 2 or 3 plan files edit a few fields of one event and its
//! delegations at random (values drawn from a small set, so that two laptops
//! often type the same one), and sync at random moments through a folder that
//! also gets duplicated and cut-short chunk files. After a full exchange every
//! laptop must hold identical tables and identical disagreement lists, and
//! Laptops also compact their journals at random moments (folding away all
//! they can), which must change nothing of the above. And
//! for every field the values offered (the shown value, or a disagreement's
//! options) must be the values Automerge's map register keeps (`get_all`)
//! when the same edits and the same exchanges are replayed on Automerge
//! documents: the reference for the semantics the journal promises.
//!
//! 150 traces per test run; `ROUNDTABLE_MERGE_TRACES=5000` for a longer search.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT, ReadDoc, ScalarValue, Value};
use roundtable_core::{DelegationInput, EventInput, Store};
use roundtable_tests::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use uuid::Uuid;

/// The fields the traces edit: the event's title, venue and notes, and two delegations' quotas.
#[derive(Debug, Clone, Copy)]
enum Field {
    Title,
    Venue,
    Notes,
    Quota(usize),
}

const FIELDS: [Field; 5] = [Field::Title, Field::Venue, Field::Notes, Field::Quota(0), Field::Quota(1)];

impl Field {
    fn key(self) -> String {
        match self {
            Field::Title => "title".into(),
            Field::Venue => "venue".into(),
            Field::Notes => "notes".into(),
            Field::Quota(n) => format!("quota{n}"),
        }
    }

    /// The disagreement's field name in the plan ("quota" for either delegation).
    fn column(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Venue => "venue",
            Field::Notes => "notes",
            Field::Quota(_) => "quota",
        }
    }

    fn values(self) -> &'static [&'static str] {
        match self {
            Field::Title => &["Dialogue A", "Dialogue B", "Dialogue C"],
            Field::Venue => &["UNCC", "Hotel", "Ministry"],
            Field::Notes => &["one", "two", "three"],
            Field::Quota(_) => &["2", "3", "4"],
        }
    }
}

/// One laptop: its plan and the Automerge document that mirrors it.
struct Laptop {
    plan: Store,
    doc: AutoCommit,
}

struct Trace {
    dir: tempfile::TempDir,
    laptops: Vec<Laptop>,
    folder_doc: AutoCommit,
    event: Uuid,
    delegations: [Uuid; 2],
    rng: fastrand::Rng,
}

impl Trace {
    fn new(seed: u64, count: usize) -> Trace {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("team")).unwrap();
        let mut first = Store::open(&dir.path().join("laptop-0.rtplan")).unwrap();
        let event = first.create_event(&bangkok_input()).unwrap().id;
        let delegations = [country(&mut first, event, "ID", None).id, country(&mut first, event, "TH", None).id];
        let mut doc = AutoCommit::new();
        // The values the plan starts with, as Automerge's first puts.
        let event_row = first.event(event).unwrap();
        doc.put(ROOT, "title", event_row.title.as_str()).unwrap();
        doc.put(ROOT, "venue", event_row.venue.as_str()).unwrap();
        doc.put(ROOT, "notes", event_row.notes.as_str()).unwrap();
        doc.put(ROOT, "quota0", "").unwrap();
        doc.put(ROOT, "quota1", "").unwrap();
        let mut laptops = vec![Laptop { plan: first, doc }];
        for i in 1..count {
            let plan = Store::open(&dir.path().join(format!("laptop-{i}.rtplan"))).unwrap();
            laptops.push(Laptop { plan, doc: AutoCommit::new() });
        }
        let mut trace = Trace {
            dir,
            laptops,
            folder_doc: AutoCommit::new(),
            event,
            delegations,
            rng: fastrand::Rng::with_seed(seed),
        };
        for i in 0..count {
            trace.sync(i);
        }
        trace
    }

    fn folder(&self) -> std::path::PathBuf {
        self.dir.path().join("team")
    }

    /// A sync of laptop `i`, mirrored: it takes what the folder holds, then the folder takes all it has.
    fn sync(&mut self, i: usize) {
        let folder = self.folder();
        self.laptops[i].plan.sync_folder(&folder).unwrap();
        let laptop = &mut self.laptops[i];
        laptop.doc.merge(&mut self.folder_doc).unwrap();
        self.folder_doc.merge(&mut laptop.doc).unwrap();
    }

    /// What laptop `i` shows for `field`.
    fn shown(&self, i: usize, field: Field) -> String {
        let plan = &self.laptops[i].plan;
        match field {
            Field::Title => plan.event(self.event).unwrap().title,
            Field::Venue => plan.event(self.event).unwrap().venue,
            Field::Notes => plan.event(self.event).unwrap().notes,
            Field::Quota(n) => {
                plan.delegation(self.delegations[n]).unwrap().quota.map_or(String::new(), |q| q.to_string())
            }
        }
    }

    /// Laptop `i` types a value other than the one it shows into `field`; Automerge puts it too.
    fn edit(&mut self, i: usize, field: Field) {
        let shown = self.shown(i, field);
        let choices: Vec<&str> = field.values().iter().copied().filter(|v| *v != shown).collect();
        let value = choices[self.rng.usize(..choices.len())];
        let (event, delegations) = (self.event, self.delegations);
        let plan = &mut self.laptops[i].plan;
        match field {
            Field::Title | Field::Venue | Field::Notes => {
                let now = plan.event(event).unwrap();
                let mut input = EventInput {
                    title: now.title.clone(),
                    venue: now.venue.clone(),
                    notes: now.notes.clone(),
                    ..bangkok_input()
                };
                match field {
                    Field::Title => input.title = value.into(),
                    Field::Venue => input.venue = value.into(),
                    _ => input.notes = value.into(),
                }
                plan.update_event(event, &input).unwrap();
            }
            Field::Quota(n) => {
                let now = plan.delegation(delegations[n]).unwrap();
                let input = DelegationInput {
                    country_code: now.country_code.clone(),
                    quota: Some(value.parse().unwrap()),
                    ..DelegationInput::default()
                };
                plan.update_delegation(delegations[n], &input).unwrap();
            }
        }
        self.laptops[i].doc.put(ROOT, field.key(), value).unwrap();
    }

    /// A chunk of the folder copied whole (a cloud's "conflicted copy") or cut short.
    fn fault(&mut self) {
        let chunks = chunk_files(&self.folder());
        if chunks.is_empty() {
            return;
        }
        let chunk = &chunks[self.rng.usize(..chunks.len())];
        let bytes = std::fs::read(chunk).unwrap();
        let name = format!("fault-{}.rtops", self.rng.u32(..));
        let kept = if self.rng.bool() { bytes.len() } else { self.rng.usize(..bytes.len()) };
        std::fs::write(chunk.with_file_name(name), &bytes[..kept]).unwrap();
    }

    /// The values laptop `i` offers for each field: the shown one, or a disagreement's options.
    fn offered(&self, i: usize) -> BTreeMap<String, BTreeSet<String>> {
        let plan = &self.laptops[i].plan;
        let listed = plan.disagreements().unwrap();
        let mut offered = BTreeMap::new();
        for field in FIELDS {
            let record = match field {
                Field::Quota(n) => self.delegations[n],
                _ => self.event,
            };
            let options = listed
                .iter()
                .find(|d| d.record == Some(record) && d.field.as_deref() == Some(field.column()))
                .map(|d| d.options.iter().map(|o| o.value.clone().unwrap_or_default()).collect());
            offered.insert(field.key(), options.unwrap_or_else(|| BTreeSet::from([self.shown(i, field)])));
        }
        offered
    }

    /// The values Automerge keeps for each field of laptop `i`'s document.
    fn automerge(&self, i: usize) -> BTreeMap<String, BTreeSet<String>> {
        FIELDS
            .iter()
            .map(|field| {
                let values = self.laptops[i].doc.get_all(ROOT, field.key()).unwrap();
                let texts = values
                    .into_iter()
                    .map(|(value, _)| match value {
                        Value::Scalar(scalar) => match scalar.as_ref() {
                            ScalarValue::Str(text) => text.to_string(),
                            other => other.to_string(),
                        },
                        Value::Object(_) => "object".into(),
                    })
                    .collect();
                (field.key(), texts)
            })
            .collect()
    }
}

/// Every row of the plan's planning tables, as text.
fn tables(plan: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open_with_flags(plan, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut rows = Vec::new();
    for table in ["event", "delegation", "agenda_day"] {
        let mut statement = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let width = statement.column_count();
        let mut found: Vec<String> = statement
            .query_map([], |r| {
                Ok((0..width).map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())).collect())
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        found.sort();
        rows.extend(found);
    }
    rows
}

fn run_trace(seed: u64) {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let count = 2 + rng.usize(..2);
    let mut trace = Trace::new(seed, count);
    for _ in 0..rng.usize(4..16) {
        let laptop = rng.usize(..count);
        match rng.u8(..11) {
            0..=5 => trace.edit(laptop, FIELDS[rng.usize(..FIELDS.len())]),
            6..=8 => trace.sync(laptop),
            9 => trace.fault(),
            // Compaction folds away what was replaced, and must change no value and no register's heads.
            _ => {
                trace.laptops[laptop].plan.compact_journal(0).unwrap();
            }
        }
    }
    // A full exchange: everyone twice round.
    for _ in 0..2 {
        for laptop in 0..count {
            trace.sync(laptop);
        }
    }
    let first = tables(trace.laptops[0].plan.path().unwrap());
    let listed = |plan: &Store| -> Vec<(String, Option<String>)> {
        plan.disagreements().unwrap().into_iter().map(|d| (d.id, d.shown)).collect()
    };
    for i in 0..count {
        assert_eq!(tables(trace.laptops[i].plan.path().unwrap()), first, "seed {seed}: laptop {i}'s tables");
        assert_eq!(listed(&trace.laptops[i].plan), listed(&trace.laptops[0].plan), "seed {seed}: laptop {i}'s list");
        assert_eq!(trace.offered(i), trace.automerge(i), "seed {seed}: laptop {i} against Automerge");
    }
}

#[test]
fn random_traces_converge_and_agree_with_automerge() {
    let traces: u64 = std::env::var("ROUNDTABLE_MERGE_TRACES").ok().and_then(|n| n.parse().ok()).unwrap_or(150);
    for seed in 0..traces {
        run_trace(seed);
    }
}

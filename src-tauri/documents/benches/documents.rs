//! Benchmarks of the heaviest document work: typesetting the three-day
//! Bangkok programme as PDF, and importing a 100,000-row participant list
//! (reading, dry run, commit). Run with `cargo bench -p roundtable-documents`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use roundtable_core::{Store, examples};
use roundtable_documents::export::{self, ProgrammeFormat};
use roundtable_documents::{ProgrammeOptions, import};
use std::time::Duration;
use uuid::Uuid;

fn bangkok(store: &mut Store) -> Uuid {
    examples::load(store).unwrap();
    store.list_events().unwrap().into_iter().find(|e| e.title.contains("Migrant Protection")).unwrap().id
}

/// An empty event to import into.
fn empty_event(store: &mut Store) -> Uuid {
    let input = roundtable_core::EventInput {
        title: "Import benchmark".into(),
        host_city: "Bangkok".into(),
        host_country: "TH".into(),
        time_zone: "Asia/Bangkok".into(),
        start_date: "2026-03-02".into(),
        end_date: "2026-03-03".into(),
        ..Default::default()
    };
    store.create_event(&input).unwrap().id
}

fn programme_pdf(c: &mut Criterion) {
    let mut store = Store::open_in_memory().unwrap();
    let event = bangkok(&mut store);
    c.bench_function("programme PDF, Bangkok 3-day dialogue", |b| {
        b.iter(|| export::programme(&store, event, ProgrammeFormat::Pdf, &ProgrammeOptions::default()).unwrap())
    });
}

/// A registration export of `rows` people across 30 countries, one head each.
fn generated_csv(rows: usize) -> Vec<u8> {
    const COUNTRIES: &[&str] = &[
        "Thailand",
        "Lao PDR",
        "Viet Nam",
        "Cambodia",
        "Myanmar",
        "Indonesia",
        "Malaysia",
        "The Philippines",
        "Timor-Leste",
        "Kyrgyzstan",
        "Singapore",
        "Brunei",
        "India",
        "Nepal",
        "Bangladesh",
        "Sri Lanka",
        "Pakistan",
        "Mongolia",
        "Japan",
        "Republic of Korea",
        "China",
        "Australia",
        "New Zealand",
        "Fiji",
        "Kazakhstan",
        "Uzbekistan",
        "Tajikistan",
        "Afghanistan",
        "Iran",
        "Maldives",
    ];
    let mut csv = String::from("Title;First name;Surname;Country;Position;Ministry;E-mail;Gender;Role\n");
    for i in 0..rows {
        let country = COUNTRIES[i % COUNTRIES.len()];
        let role = if i < COUNTRIES.len() { "Head" } else { "Member" };
        csv.push_str(&format!(
            "Ms;Given{i};Family{i};{country};Officer;Ministry of Foreign Affairs;person{i}@example.org;F;{role}\n"
        ));
    }
    csv.into_bytes()
}

fn import_100k(c: &mut Criterion) {
    let bytes = generated_csv(100_000);
    let mut group = c.benchmark_group("import 100,000-row CSV");
    group.sample_size(10).measurement_time(Duration::from_secs(60));
    group.bench_function("read and map", |b| {
        b.iter(|| {
            let table = import::read_bytes(&bytes, None).unwrap();
            import::to_rows(&table, &import::guess_mapping(&table.headers)).unwrap()
        })
    });
    group.bench_function("dry run", |b| {
        b.iter_batched(
            || {
                let mut store = Store::open_in_memory().unwrap();
                let event = empty_event(&mut store);
                (store, event, import::read_bytes(&bytes, None).unwrap())
            },
            |(mut store, event, table)| {
                let preview = import::preview(&mut store, event, &table, None).unwrap();
                assert_eq!(preview.report.rejected, 0);
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("commit", |b| {
        b.iter_batched(
            || {
                let mut store = Store::open_in_memory().unwrap();
                let event = empty_event(&mut store);
                (store, event, import::read_bytes(&bytes, None).unwrap())
            },
            |(mut store, event, table)| {
                let done = import::commit(&mut store, event, &table, None).unwrap();
                assert_eq!(done.report.created, 100_000);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, programme_pdf, import_100k);
criterion_main!(benches);

//! A mutation fuzzer over the participant-list readers: real CSV and XLSX
//! files, damaged in the ways files are (and hostile ones are made), must
//! each come back as a table or an error, never a crash, in bounded memory.
//!
//! A workbook is mutated inside its zip (cell references past every limit,
//! numbers past u32, cut or doubled XML) and packed again, so the cases reach
//! calamine's parsers rather than stopping at a broken checksum; the bytes of
//! whole files are mutated too. 3,000 cases run in the test command;
//! `ROUNDTABLE_FUZZ_CASES=100000` runs a longer search and
//! `ROUNDTABLE_FUZZ_SEED` replays or varies one.

mod support;

use roundtable_documents::import::read_bytes;
use support::*;

const HOSTILE_NUMBERS: &[&str] =
    &["0", "-1", "1048577", "16385", "4294967295", "4294967296", "99999999999", "18446744073709551616", "1e308"];
const HOSTILE_REFERENCES: &[&str] =
    &["XFD1048576", "A99999999999", "ZZZZZZZZ1", "A0", "0", "", "AAAAAAAAAAAAAAAAAAAAAAAA1", "B2:A1", "A1:XFD1048576"];
const HOSTILE_BYTES: &[u8] = b"<>\"'&;,\t\r\n\0\xFF\xFE\xEF\xBB\xBF=/ ";

/// One random change to `bytes`.
fn mutate(rng: &mut fastrand::Rng, bytes: &mut Vec<u8>) {
    if bytes.is_empty() {
        bytes.push(rng.u8(..));
        return;
    }
    let at = rng.usize(..bytes.len());
    match rng.u8(..7) {
        0 => bytes[at] = HOSTILE_BYTES[rng.usize(..HOSTILE_BYTES.len())],
        1 => bytes[at] = rng.u8(..),
        2 => {
            let end = (at + rng.usize(1..64)).min(bytes.len());
            bytes.drain(at..end);
        }
        3 => {
            let end = (at + rng.usize(1..256)).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            let to = rng.usize(..=bytes.len());
            bytes.splice(to..to, copy);
        }
        4 => bytes.truncate(at),
        _ => replace_token(rng, bytes, at),
    }
}

/// Replaces the number or cell reference at or after `at` with a hostile one.
fn replace_token(rng: &mut fastrand::Rng, bytes: &mut Vec<u8>, at: usize) {
    let Some(start) = bytes[at..].iter().position(|b| b.is_ascii_alphanumeric()).map(|p| at + p) else { return };
    let end = bytes[start..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |p| start + p);
    let token = &bytes[start..end];
    let replacement = if token.iter().all(u8::is_ascii_digit) {
        HOSTILE_NUMBERS[rng.usize(..HOSTILE_NUMBERS.len())]
    } else {
        HOSTILE_REFERENCES[rng.usize(..HOSTILE_REFERENCES.len())]
    };
    bytes.splice(start..end, replacement.bytes());
}

fn seed_csv() -> Vec<u8> {
    "\u{FEFF}Title;Given name;Family name;Country;E-mail;Notes\r\n\
     Dr;Maria;Santos;Philippines;maria@example.org;\"arrives late; \"\"VIP\"\"\"\r\n\
     ;Sok;Chan;Cambodia;sok@example.org;\r\n\
     H.E.;Aigerim;Sydykova;Kyrgyzstan;;\"two\r\nlines\"\r\n"
        .as_bytes()
        .to_vec()
}

#[derive(Default, Debug)]
struct Outcomes {
    read: usize,
    refused: usize,
    damaged: usize,
}

impl Outcomes {
    fn record(&mut self, bytes: &[u8]) {
        match read_bytes(bytes, None) {
            Ok(_) => self.read += 1,
            Err(e) if e.to_string().contains("contradict each other") => self.damaged += 1,
            Err(_) => self.refused += 1,
        }
    }
}

#[test]
fn mutated_csv_and_xlsx_files_are_read_or_refused_never_a_crash() {
    let cases: usize = std::env::var("ROUNDTABLE_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(3_000);
    let seed: u64 = std::env::var("ROUNDTABLE_FUZZ_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(20_261_202);
    println!("{cases} cases from seed {seed} (ROUNDTABLE_FUZZ_SEED replays it)");
    let mut rng = fastrand::Rng::with_seed(seed);
    let workbook = seed_workbook();
    let parts = parts_of(&workbook);
    let csv = seed_csv();
    let (mut inside, mut whole_zip, mut text) = (Outcomes::default(), Outcomes::default(), Outcomes::default());
    reset_peak_rss();
    for case in 0..cases {
        match case % 4 {
            // Inside the workbook: one part damaged, the zip sound.
            0 | 1 => {
                let mut mutated = parts.clone();
                let part = rng.usize(..mutated.len());
                for _ in 0..rng.usize(1..4) {
                    mutate(&mut rng, &mut mutated[part].1);
                }
                inside.record(&zip_of(&mutated, false));
            }
            2 => {
                let mut mutated = workbook.clone();
                for _ in 0..rng.usize(1..4) {
                    mutate(&mut rng, &mut mutated);
                }
                whole_zip.record(&mutated);
            }
            _ => {
                let mut mutated = csv.clone();
                for _ in 0..rng.usize(1..6) {
                    mutate(&mut rng, &mut mutated);
                }
                text.record(&mutated);
            }
        }
    }
    let peak = peak_rss_mb();
    println!("inside the workbook: {inside:?}\nwhole workbook bytes: {whole_zip:?}\nCSV: {text:?}\npeak {peak} MB");
    assert!(peak < 300, "peak resident memory {peak} MB");
    // The mutations reach the parsers: some damaged workbooks still read, most are refused.
    assert!(inside.read > 0 && inside.refused > 0 && text.read > 0 && text.refused > 0);
}

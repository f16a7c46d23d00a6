//! Job 11: months of work are never one mistake away from lost. The plan is
//! backed up before it is migrated, before an event, series or delegation
//! is deleted, on request and every ten minutes while edits happen; a backup
//! brings the plan back as it was, over the plan (after a backup of it, so
//! the restore can be undone) or into a new file.

use roundtable_core::{BackupReason, Backups, Gender, Installation, ParticipantRole, ParticipantStatus, Store};
use roundtable_tests::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn plan_keeping_backups(dir: &Path) -> (Store, Backups) {
    let backups = Backups::at(dir.join("backups"));
    (Store::open_with_backups(&dir.join("plan.sqlite3"), backups.clone(), Installation::unnamed()).unwrap(), backups)
}

fn register_confirmed(plan: &mut Store, event: uuid::Uuid, delegation: uuid::Uuid, family: &str) {
    let who = ("Somchai", family, Gender::Male);
    register(plan, event, delegation, who, ParticipantRole::Head, ParticipantStatus::Confirmed);
}

fn reasons(backups: &Backups) -> Vec<BackupReason> {
    backups.list().unwrap().iter().map(|b| b.reason).collect()
}

#[test]
fn changes_are_undone_by_restoring_a_backup_and_the_restore_itself_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, backups) = plan_keeping_backups(dir.path());
    let event = bangkok_dialogue(&mut plan);
    let before = plan.back_up(BackupReason::Requested).unwrap().unwrap();
    assert_eq!((before.events, before.participants), (1, 0));

    let thailand = country(&mut plan, event.id, "TH", Some(4));
    register_confirmed(&mut plan, event.id, thailand.id, "Wongsawat");
    assert_eq!(plan.list_delegations(event.id).unwrap().len(), 1);

    let undo = plan.restore_backup(Path::new(&before.file)).unwrap().unwrap();
    assert!(plan.list_delegations(event.id).unwrap().is_empty(), "the plan is as it was at the backup");
    assert_eq!((undo.reason, undo.participants), (BackupReason::BeforeRestore, 1));
    assert_eq!(plan.event(event.id).unwrap().title, event.title);

    plan.restore_backup(Path::new(&undo.file)).unwrap();
    assert_eq!(plan.list_delegations(event.id).unwrap().len(), 1, "restoring the plan's own backup undoes the restore");
    assert_eq!(plan.list_participants(event.id, &Default::default()).unwrap().len(), 1);
    assert!(reasons(&backups).contains(&BackupReason::BeforeRestore));
}

#[test]
fn deleting_an_event_series_or_delegation_is_backed_up_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, backups) = plan_keeping_backups(dir.path());
    let event = bangkok_dialogue(&mut plan);
    let thailand = country(&mut plan, event.id, "TH", Some(4));
    register_confirmed(&mut plan, event.id, thailand.id, "Wongsawat");
    plan.delete_delegation(thailand.id).unwrap();
    plan.delete_event(event.id).unwrap();
    let listed = backups.list().unwrap();
    let deletes: Vec<(u32, u32)> =
        listed.iter().filter(|b| b.reason == BackupReason::BeforeDelete).map(|b| (b.events, b.participants)).collect();
    // Newest first: before the event went (its delegation already gone), before the delegation went.
    assert_eq!(deletes, [(1, 0), (1, 1)]);
    assert!(plan.list_events().unwrap().is_empty());
}

#[test]
fn backups_are_owner_only_and_edits_are_backed_up_at_most_every_ten_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, backups) = plan_keeping_backups(dir.path());
    let event = bangkok_dialogue(&mut plan);
    country(&mut plan, event.id, "TH", None);
    country(&mut plan, event.id, "KH", None);
    assert_eq!(reasons(&backups), [BackupReason::WhileEditing], "one backup for the first edits, not one per edit");
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(backups.folder()), 0o700);
    assert_eq!(mode(Path::new(&backups.list().unwrap()[0].file)), 0o600);
    let files: Vec<String> = std::fs::read_dir(backups.folder())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 1, "a backup is one file, listed without -wal or -shm beside it: {files:?}");
    assert!(plan.backup_problem().is_none());

    // Another process (the CLI) on the same plan finds the recent backup and takes none.
    drop(plan);
    let (mut again, _) = plan_keeping_backups(dir.path());
    country(&mut again, event.id, "LA", None);
    assert_eq!(backups.list().unwrap().len(), 1);
}

#[test]
fn the_rotation_keeps_the_latest_twenty_and_the_newest_of_each_day_for_thirty_days() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, backups) = plan_keeping_backups(dir.path());
    bangkok_dialogue(&mut plan);
    let sample = plan.back_up(BackupReason::Requested).unwrap().unwrap();
    let now = chrono::Utc::now();
    // Three backups a day for the last 40 days, as a busy month leaves them.
    for day in 1..=40 {
        for hour in [9, 13, 17] {
            let taken = (now - chrono::TimeDelta::days(day)).date_naive().and_hms_opt(hour, 0, 0).unwrap();
            let name = format!("{}-while_editing.plan", taken.format("%Y%m%dT%H%M%S%.3fZ"));
            std::fs::copy(&sample.file, backups.folder().join(name)).unwrap();
        }
    }
    plan.back_up(BackupReason::Requested).unwrap();
    let kept = backups.list().unwrap();
    let days_back = |b: &roundtable_core::BackupInfo| (now.date_naive() - b.taken_at.date_naive()).num_days();
    // The two of today, then the 18 newest of the last days (17:00, 13:00, 9:00, …)…
    assert!(kept[..20].windows(2).all(|w| w[0].taken_at > w[1].taken_at));
    assert_eq!(days_back(&kept[19]), 6);
    // …then one a day (the newest, 17:00) back to 30 days, and nothing older:
    // a backup is kept while it is younger than 30 × 24 hours, so the one of
    // 30 days ago only until 17:00 today (the test once failed when run later).
    let thirty_days_ago = (now - chrono::TimeDelta::days(30)).date_naive().and_hms_opt(17, 0, 0).unwrap().and_utc();
    let last = if now - thirty_days_ago <= chrono::TimeDelta::days(30) { 30 } else { 29 };
    let older: Vec<i64> = kept[20..].iter().map(days_back).collect();
    assert_eq!(older, (7..=last).collect::<Vec<_>>(), "{older:?}");
    assert!(kept[20..].iter().all(|b| b.taken_at.format("%H").to_string() == "17"));
}

#[test]
fn a_backup_restores_into_a_new_plan_file_and_a_damaged_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, _) = plan_keeping_backups(dir.path());
    let event = bangkok_dialogue(&mut plan);
    let backup = plan.back_up(BackupReason::Requested).unwrap().unwrap();
    plan.delete_event(event.id).unwrap();

    let copy = dir.path().join("restored").join("Bangkok dialogue.plan");
    let restored = roundtable_core::backup::restore_into_new(Path::new(&backup.file), &copy).unwrap();
    assert_eq!(restored.event(event.id).unwrap().title, event.title);
    let Err(again) = roundtable_core::backup::restore_into_new(Path::new(&backup.file), &copy) else {
        panic!("restored over an existing file")
    };
    assert!(again.to_string().contains("already exists"), "{again}");

    let damaged = dir.path().join("damaged.plan");
    let mut bytes = std::fs::read(&backup.file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 4096].fill(0xAB);
    std::fs::write(&damaged, bytes).unwrap();
    let refused = plan.restore_backup(&damaged).unwrap_err();
    assert_eq!(refused.kind(), roundtable_core::ErrorKind::PlanFile, "{refused}");
    assert!(plan.list_events().unwrap().is_empty(), "the plan is as it was");
}

#[test]
fn a_restore_is_one_undo_step_and_no_copy_of_the_backup_stays_beside_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, _) = plan_keeping_backups(dir.path());
    let event = bangkok_dialogue(&mut plan);
    let before = plan.back_up(BackupReason::Requested).unwrap().unwrap();
    let thailand = country(&mut plan, event.id, "TH", Some(4));
    register_confirmed(&mut plan, event.id, thailand.id, "Wongsawat");
    plan.restore_backup(Path::new(&before.file)).unwrap();
    assert!(plan.list_delegations(event.id).unwrap().is_empty());
    let (undo, _) = plan.undo_steps().unwrap();
    assert!(undo.is_some(), "the restore is an undo step");
    plan.undo().unwrap();
    assert_eq!(plan.list_participants(event.id, &Default::default()).unwrap().len(), 1, "undone, the work is back");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("restoring"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_backup_whose_names_were_swapped_since_is_restored_all_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (mut plan, _) = plan_keeping_backups(dir.path());
    let named = |name: &str| roundtable_core::OrganisationInput { name: name.into(), ..Default::default() };
    let iom = plan.create_organisation(&named("IOM")).unwrap();
    let unhcr = plan.create_organisation(&named("UNHCR")).unwrap();
    let before = plan.back_up(BackupReason::Requested).unwrap().unwrap();
    // Swapped through a third name: in place, one row at a time, either order meets the other's name.
    plan.update_organisation(iom.id, &named("IOM (old)")).unwrap();
    plan.update_organisation(unhcr.id, &named("IOM")).unwrap();
    plan.update_organisation(iom.id, &named("UNHCR")).unwrap();
    plan.restore_backup(Path::new(&before.file)).unwrap();
    let names: Vec<(uuid::Uuid, String)> =
        plan.list_organisations().unwrap().into_iter().map(|o| (o.id, o.name)).collect();
    assert_eq!(names, [(iom.id, "IOM".to_owned()), (unhcr.id, "UNHCR".to_owned())]);
}

#[test]
fn a_restore_reaches_teammates_instead_of_being_merged_away_by_the_next_sync() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("team");
    std::fs::create_dir(&folder).unwrap();
    let (mut ana, _) = plan_keeping_backups(dir.path());
    let mut ben = Store::open(&dir.path().join("ben.rtplan")).unwrap();
    let event = bangkok_dialogue(&mut ana);
    ana.sync_folder(&folder).unwrap();
    ben.sync_folder(&folder).unwrap();
    let before = ana.back_up(BackupReason::Requested).unwrap().unwrap();
    let thailand = country(&mut ben, event.id, "TH", Some(4));
    register_confirmed(&mut ben, event.id, thailand.id, "Wongsawat");
    ben.sync_folder(&folder).unwrap();
    ana.sync_folder(&folder).unwrap();
    assert_eq!(ana.list_delegations(event.id).unwrap().len(), 1);

    ana.restore_backup(Path::new(&before.file)).unwrap();
    for _ in 0..2 {
        ana.sync_folder(&folder).unwrap();
        ben.sync_folder(&folder).unwrap();
    }
    for plan in [&ana, &ben] {
        assert!(plan.list_delegations(event.id).unwrap().is_empty(), "the plan is as the backup held it, everywhere");
        assert!(plan.disagreements().unwrap().is_empty());
    }
}

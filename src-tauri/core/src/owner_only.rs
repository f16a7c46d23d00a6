//! Files and folders only their owner can read: a plan holds other people's
//! names, e-mail addresses and phone numbers, and so do its exports and logs'
//! folder. Folders this app creates are 0700, files 0600; a plan file found
//! readable by others is tightened when it is opened (SQLite gives its `-wal`
//! and `-shm` files the plan file's mode, so they follow).
//!
//! Other systems than Unix keep their own defaults (the user's profile
//! folder is private there).

use std::io::Write;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// Creates `folder` and the parents it lacks, each created one owner-only.
pub fn create_dir_all(folder: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(0o700);
    builder.create(folder)
}

/// A new file at `path`, owner-only; fails when it exists.
fn create_new(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(0o600);
    options.open(path)
}

/// Creates the plan file at `path` empty and owner-only when it is missing
/// (SQLite takes an empty file as a new database, and gives the file's mode
/// to its `-wal` and `-shm` files); true when it was created.
pub fn create_plan_file(path: &Path) -> std::io::Result<bool> {
    match create_new(path) {
        Ok(_) => Ok(true),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(error) => Err(error),
    }
}

/// Makes an existing plan file and its `-wal` and `-shm` files owner-only;
/// called once the file is known to be a plan, so another file is left as it was.
pub fn restrict_plan_files(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match restrict(Path::new(&name)) {
            // Another user's file we may write to (a shared folder): its mode is theirs to set.
            Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {}
            other => other?,
        }
    }
    Ok(())
}

/// Takes the group's and others' access away from an existing file of ours.
#[cfg(unix)]
fn restrict(path: &Path) -> std::io::Result<()> {
    let Ok(metadata) = std::fs::metadata(path) else { return Ok(()) };
    let mode = metadata.permissions().mode();
    if mode & 0o077 != 0 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn restrict(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Writes `bytes` to `path`, owner-only, through a temporary file in the same
/// folder renamed into place: a reader never sees half a file, and a failure
/// leaves what was there before.
pub fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let temporary = folder.join(format!(".{name}.part"));
    let _ = std::fs::remove_file(&temporary);
    let result = (|| {
        let mut file = create_new(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn folders_plans_and_exports_are_the_owners_only() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a/b");
        create_dir_all(&folder).unwrap();
        assert_eq!((mode(&dir.path().join("a")), mode(&folder)), (0o700, 0o700));

        let plan = folder.join("plan.sqlite");
        create_plan_file(&plan).unwrap();
        assert_eq!(mode(&plan), 0o600);
        std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o644)).unwrap();
        create_plan_file(&plan).unwrap();
        assert_eq!(mode(&plan), 0o644, "an existing file is left as it is");
        restrict_plan_files(&plan).unwrap();
        assert_eq!(mode(&plan), 0o600, "a plan readable by others is tightened");

        let export = folder.join("list.csv");
        write_file(&export, b"one").unwrap();
        write_file(&export, b"two").unwrap();
        assert_eq!((mode(&export), std::fs::read(&export).unwrap()), (0o600, b"two".to_vec()));
    }
}

//! Writing outputs safely: whole or not at all, never onto an input.
//!
//! An output is written to a temporary file beside its target and renamed over it only when
//! complete, so an interrupted run (or a full disk) leaves the previous file as it was and no
//! partial file behind. An output path that names one of the inputs is refused before anything
//! is written.

use crate::source::{Input, Skip};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output path names one of the inputs.
    #[error("refusing to write {path}: it is one of the inputs")]
    IsInput {
        /// The output path.
        path: PathBuf,
    },
    /// The output path exists and is not a regular file (a folder, a device …).
    #[error("cannot write {path}: it exists and is not a regular file")]
    NotAFile {
        /// The output path.
        path: PathBuf,
    },
    /// The folder of the output does not exist.
    #[error("cannot write {path}: the folder {folder} does not exist")]
    NoFolder {
        /// The output path.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// The file system refused.
    #[error("cannot write {path}: {cause}")]
    Io {
        /// The output path.
        path: PathBuf,
        /// Why (part of the message, not a separate source, so it is said once).
        cause: std::io::Error,
    },
    /// Producing the content failed.
    #[error("cannot write {path}: {message}")]
    Content {
        /// The output path.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// True when two paths name the same file: the same file on disk, or — for files that do not
/// exist yet — the same name in the same folder.
pub fn same_path(a: &Path, b: &Path) -> bool {
    if same_file(a, b) {
        return true;
    }
    let parent = |p: &Path| {
        let d = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        d.canonicalize().unwrap_or_else(|_| d.to_path_buf())
    };
    a.file_name() == b.file_name() && parent(a) == parent(b)
}

/// Fails when `out` is one of the inputs (the same file, by any path). An earlier workbook of
/// taizhang's that is not read in this run ([`Skip::OwnOutput`], [`Skip::OutputOfInputs`]) may
/// be replaced: that is the clerk running the same merge again.
pub fn refuse_inputs(out: &Path, inputs: &[Input]) -> Result<(), WriteError> {
    let read = |i: &&Input| {
        !matches!(
            i.skip,
            Some(Skip::OwnOutput) | Some(Skip::OutputOfInputs { .. })
        )
    };
    if inputs.iter().filter(read).any(|i| same_file(out, &i.path)) {
        return Err(WriteError::IsInput {
            path: out.to_path_buf(),
        });
    }
    Ok(())
}

/// The temporary files being written, for [`remove_pending`] to remove when the program is
/// interrupted; a file leaves the list when it is renamed into place or dropped.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes the temporary files of writes still under way, and keeps any further write from
/// being renamed into place: what the program does when it is interrupted (SIGINT, SIGTERM),
/// so that nothing half-written is left behind. Returns how many it removed.
pub fn remove_pending() -> usize {
    let mut p = pending();
    let n = p.iter().filter(|f| std::fs::remove_file(f).is_ok()).count();
    p.clear();
    let mut dirs = FOLDERS.lock().unwrap_or_else(|e| e.into_inner());
    for d in dirs.drain(..) {
        let _ = std::fs::remove_dir_all(d);
    }
    n
}

/// Temporary folders [`remove_pending`] removes too (a server's uploads).
static FOLDERS: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Has [`remove_pending`] remove a temporary folder, with everything in it, when the program is
/// interrupted.
pub fn remove_on_interrupt(folder: &Path) {
    FOLDERS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(folder.to_path_buf());
}

/// A temporary file's entry in [`PENDING`], removed when it is dropped.
struct Registered(PathBuf);

impl Drop for Registered {
    fn drop(&mut self) {
        pending().retain(|p| *p != self.0);
    }
}

/// Writes a file whole or not at all: `fill` writes into a temporary file beside `out`, which
/// is then synced and renamed over `out`. A new file gets the permissions the user's umask
/// allows (as any program's new file); a replaced file keeps its own.
pub fn write_atomic<F>(out: &Path, fill: F) -> Result<(), WriteError>
where
    F: FnOnce(&mut std::fs::File) -> Result<(), String>,
{
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if std::fs::metadata(out).is_ok_and(|m| !m.is_file()) {
        return Err(WriteError::NotAFile {
            path: out.to_path_buf(),
        });
    }
    if !folder.is_dir() {
        return Err(WriteError::NoFolder {
            path: out.to_path_buf(),
            folder,
        });
    }
    let io = |cause| WriteError::Io {
        path: out.to_path_buf(),
        cause,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".taizhang-").suffix(".tmp");
    #[cfg(unix)]
    let replaced_mode = {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out)
            .ok()
            .map(|m| m.permissions().mode() & 0o7777);
        // Created as 0666 less the umask, like a file any program creates.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
        mode
    };
    let mut tmp = {
        let mut p = pending();
        let tmp = builder.tempfile_in(&folder).map_err(io)?;
        p.push(tmp.path().to_path_buf());
        tmp
    };
    let registered = Registered(tmp.path().to_path_buf());
    fill(tmp.as_file_mut()).map_err(|message| WriteError::Content {
        path: out.to_path_buf(),
        message,
    })?;
    tmp.as_file_mut().flush().map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    #[cfg(unix)]
    if let Some(mode) = replaced_mode {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode)).map_err(io)?;
    }
    // Renamed under the lock: an interruption removes the file before or not at all.
    let p = pending();
    if !p.contains(&registered.0) {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            "interrupted",
        )));
    }
    tmp.persist(out).map_err(|e| io(e.error))?;
    drop(p);
    drop(registered);
    Ok(())
}

/// Writes bytes whole or not at all (see [`write_atomic`]).
pub fn write_bytes(out: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic(out, |f| f.write_all(bytes).map_err(|e| e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_leaves_nothing_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a.txt");
        write_bytes(&out, b"one").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"one");
        let r = write_atomic(&out, |f| {
            f.write_all(b"partial").unwrap();
            Err("stopped".into())
        });
        assert!(matches!(r, Err(WriteError::Content { .. })));
        assert_eq!(
            std::fs::read(&out).unwrap(),
            b"one",
            "the old file is intact"
        );
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn a_missing_folder_is_a_clear_error() {
        let r = write_bytes(Path::new("/nonexistent-folder-x/a.txt"), b"x");
        assert!(matches!(r, Err(WriteError::NoFolder { .. })));
    }

    #[test]
    fn devices_and_folders_are_not_overwritten() {
        assert!(matches!(
            write_bytes(Path::new("/dev/full"), b"x"),
            Err(WriteError::NotAFile { .. })
        ));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            write_bytes(dir.path(), b"x"),
            Err(WriteError::NotAFile { .. })
        ));
    }

    #[test]
    fn an_input_is_never_an_output() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.xlsx");
        std::fs::write(&p, b"x").unwrap();
        let other = dir.path().join(".").join("in.xlsx");
        assert!(refuse_inputs(&other, &[Input::new(&p)]).is_err());
        assert!(refuse_inputs(&dir.path().join("out.xlsx"), &[Input::new(&p)]).is_ok());
    }
}

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

impl WriteError {
    /// Why the output could not be written, in a language
    /// ([`crate::messages::errors::unwritten`]).
    pub(crate) fn said(&self, lang: crate::Lang) -> String {
        use crate::messages::errors::{Unwritten as U, unwritten};
        let u = match self {
            WriteError::IsInput { path } => U::IsInput(path),
            WriteError::NotAFile { path } => U::NotAFile(path),
            WriteError::NoFolder { path, folder } => U::NoFolder(path, folder),
            WriteError::Io { path, cause } => U::Io(path, cause),
            WriteError::Content { path, message } => U::Content(path, message),
        };
        unwritten(u, lang)
    }
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
pub(crate) fn same_path(a: &Path, b: &Path) -> bool {
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
pub(crate) fn refuse_inputs(out: &Path, inputs: &[Input]) -> Result<(), WriteError> {
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
pub(crate) fn remove_on_interrupt(folder: &Path) {
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
pub(crate) fn write_atomic<F>(out: &Path, fill: F) -> Result<(), WriteError>
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
    #[cfg(target_os = "linux")]
    if let Some(file) = unnamed::create(&folder).map_err(io)? {
        return unnamed::write(file, out, &folder, &builder, replaced_mode, fill);
    }
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
    pause_before_rename(out);
    // Renamed under the lock: an interruption removes the file before or not at all.
    let p = pending();
    if !p.contains(&registered.0) {
        return Err(interrupted(out));
    }
    tmp.persist(out).map_err(|e| io(e.error))?;
    drop(p);
    drop(registered);
    Ok(())
}

fn interrupted(out: &Path) -> WriteError {
    WriteError::Io {
        path: out.to_path_buf(),
        cause: std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted"),
    }
}

/// The environment variable of the hook tests stop a write with: when it names a file, every
/// output, once complete and synced but before it is renamed into place, creates that file
/// (holding the output's path) and waits until it is removed. A test kills the program there,
/// at a known point inside the write, instead of guessing when the write happens.
pub const PAUSE_VAR: &str = "TAIZHANG_PAUSE_BEFORE_RENAME";

fn pause_before_rename(out: &Path) {
    let Some(marker) = std::env::var_os(PAUSE_VAR).map(PathBuf::from) else {
        return;
    };
    if std::fs::write(&marker, out.as_os_str().as_encoded_bytes()).is_err() {
        return;
    }
    while marker.exists() {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// On Linux the content is written into an unnamed file (`O_TMPFILE`) in the target's folder
/// and given a name only when it is complete, just before it is renamed over the target: a
/// run killed outright (SIGKILL, a crash, the power) leaves no file behind, not even a
/// temporary one. A file system without unnamed files gets the named temporary file.
#[cfg(target_os = "linux")]
mod unnamed {
    use super::{Registered, WriteError, interrupted, pause_before_rename, pending};
    use rustix::fs::{AtFlags, CWD, Mode, OFlags};
    use rustix::io::Errno;
    use std::io::{Seek, Write};
    use std::path::Path;

    /// An unnamed file in `folder`, or `None` when its file system has none.
    pub(crate) fn create(folder: &Path) -> Result<Option<std::fs::File>, std::io::Error> {
        let flags = OFlags::RDWR | OFlags::TMPFILE | OFlags::CLOEXEC;
        match rustix::fs::openat(CWD, folder, flags, Mode::from_raw_mode(0o666)) {
            Ok(fd) => Ok(Some(std::fs::File::from(fd))),
            // The "not supported" answers to O_TMPFILE.
            Err(Errno::OPNOTSUPP | Errno::ISDIR | Errno::NOENT | Errno::INVAL) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub(crate) fn write<F>(
        mut file: std::fs::File,
        out: &Path,
        folder: &Path,
        builder: &tempfile::Builder,
        replaced_mode: Option<u32>,
        fill: F,
    ) -> Result<(), WriteError>
    where
        F: FnOnce(&mut std::fs::File) -> Result<(), String>,
    {
        let io = |cause| WriteError::Io {
            path: out.to_path_buf(),
            cause,
        };
        // Nothing to remove if interrupted; registered so an interruption stops the rename.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let token = folder.join(format!(".taizhang-unnamed-{}-{n}", std::process::id()));
        pending().push(token.clone());
        let registered = Registered(token);
        fill(&mut file).map_err(|message| WriteError::Content {
            path: out.to_path_buf(),
            message,
        })?;
        file.flush().map_err(io)?;
        if let Some(mode) = replaced_mode {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(mode))
                .map_err(io)?;
        }
        file.sync_all().map_err(io)?;
        pause_before_rename(out);
        // Named and renamed under the lock: an interruption comes before or after both.
        let p = pending();
        if !p.contains(&registered.0) {
            return Err(interrupted(out));
        }
        let fd = format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&file));
        let link = |path: &Path| {
            rustix::fs::linkat(CWD, fd.as_str(), CWD, path, AtFlags::SYMLINK_FOLLOW)
                .map_err(std::io::Error::from)
        };
        match builder.make_in(folder, link) {
            Ok(named) => named.persist(out).map_err(|e| io(e.error))?,
            // No /proc: the content is copied into a named temporary file.
            Err(_) => {
                let mut named = builder.tempfile_in(folder).map_err(io)?;
                file.rewind().map_err(io)?;
                std::io::copy(&mut file, named.as_file_mut()).map_err(io)?;
                if let Some(mode) = replaced_mode {
                    use std::os::unix::fs::PermissionsExt;
                    named
                        .as_file()
                        .set_permissions(std::fs::Permissions::from_mode(mode))
                        .map_err(io)?;
                }
                named.as_file().sync_all().map_err(io)?;
                named.persist(out).map_err(|e| io(e.error))?;
            }
        }
        drop(p);
        drop(registered);
        Ok(())
    }
}

/// Writes bytes whole or not at all (see [`write_atomic`]).
pub(crate) fn write_bytes(out: &Path, bytes: &[u8]) -> Result<(), WriteError> {
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

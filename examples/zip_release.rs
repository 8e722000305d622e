//! Zips a folder for Windows: `cargo run --example zip_release -- FOLDER OUT.zip`, the folder
//! itself the one entry at the top. Used by `dist/windows.sh` for the release .zip.
//!
//! Info-ZIP's `zip` stores Chinese names as UTF-8 without saying so (general-purpose bit 11),
//! and Windows' Explorer then shows them in the system's code page, garbled; the `zip` crate
//! sets the bit. Entries in name order, dated 1980-01-01: the same folder gives the same bytes.

use std::io::Write;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [folder, out] = args.as_slice() else {
        return Err("usage: zip_release FOLDER OUT.zip".into());
    };
    let top = folder.file_name().ok_or("the folder has no name")?;
    let mut files = Vec::new();
    walk(folder, Path::new(top), &mut files)?;
    files.sort();
    let mut z = zip::ZipWriter::new(std::fs::File::create(out)?);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, path) in files {
        z.start_file(name, opts)?;
        z.write_all(&std::fs::read(path)?)?;
    }
    z.finish()?;
    Ok(())
}

/// Every file below `dir`, with its name in the zip (`/`-separated, under `name`).
fn walk(
    dir: &Path,
    name: &Path,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<(), Box<dyn std::error::Error>> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let inner = name.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), &inner, out)?;
        } else {
            let text = inner.to_str().ok_or("a name that is not UTF-8")?;
            out.push((text.to_string(), entry.path()));
        }
    }
    Ok(())
}

//! Limits on a zip container (xlsx, xlsm, xlsb, ods), checked on the sizes its parts declare.

use super::Limits;
use crate::source::SourceError;
use std::io::Cursor;

/// Checks every part of a zip container against the limits by the sizes it declares, before
/// anything is inflated. A part that declares less than it inflates to is stopped by the zip
/// reader itself ("larger than its declared uncompressed size") as soon as it passes its
/// declaration, so declarations are binding and the limits hold without a pass of inflation.
pub(crate) fn check_zip(bytes: &[u8], limits: &Limits) -> Result<(), SourceError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| SourceError::Corrupt(format!("zip container: {e}")))?;
    check_archive(&mut zip, bytes.len() as u64, limits)
}

/// [`check_zip`] on an opened archive of `len` bytes (a file read part by part).
pub(crate) fn check_archive<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    len: u64,
    limits: &Limits,
) -> Result<(), SourceError> {
    if zip.len() > limits.max_parts {
        return Err(SourceError::TooLarge(format!(
            "{} parts in the zip container (limit {})",
            zip.len(),
            limits.max_parts
        )));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| SourceError::Corrupt(format!("zip part #{i}: {e}")))?;
        if part.is_dir() {
            continue;
        }
        if part.encrypted() {
            return Err(SourceError::Encrypted);
        }
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let declared = part.size();
        let compressed = part.compressed_size().max(1);
        if declared > limits.max_part_bytes
            || (declared > limits.ratio_floor_bytes
                && declared / compressed > limits.max_inflate_ratio)
        {
            return Err(too_big(&name, declared, limits));
        }
        total = total.saturating_add(declared);
        if total > limits.max_total_bytes {
            return Err(SourceError::TooLarge(format!(
                "the zip container inflates beyond {} MiB in all",
                limits.max_total_bytes >> 20
            )));
        }
    }
    let budget = limits
        .ratio_floor_bytes
        .max(len.saturating_mul(limits.max_inflate_ratio));
    if total > budget {
        return Err(SourceError::TooLarge(format!(
            "the zip container inflates to {} MiB, more than {}x its size: a decompression bomb",
            total >> 20,
            limits.max_inflate_ratio
        )));
    }
    Ok(())
}

fn too_big(name: &str, bytes: u64, limits: &Limits) -> SourceError {
    SourceError::TooLarge(format!(
        "zip part {name} inflates to more than {} MiB (or more than {}x its compressed size): \
         a decompression bomb or a sheet too large to read",
        (bytes.min(limits.max_part_bytes)) >> 20,
        limits.max_inflate_ratio
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    #[test]
    fn a_zip_bomb_is_refused_before_it_is_read() {
        let mut out = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            w.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
            let zeros = vec![b' '; 1 << 20];
            for _ in 0..40 {
                w.write_all(&zeros).unwrap();
            }
            w.finish().unwrap();
        }
        let limits = Limits {
            ratio_floor_bytes: 1 << 20,
            ..Limits::default()
        };
        let err = check_zip(out.get_ref(), &limits).unwrap_err();
        assert!(matches!(err, SourceError::TooLarge(_)), "{err}");
        assert!(err.to_string().contains("sheet1.xml"));
    }

    fn spaces_zip(parts: &[(&str, usize)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            for (name, len) in parts {
                w.start_file(*name, opts).unwrap();
                w.write_all(&vec![b' '; *len]).unwrap();
            }
            w.finish().unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn small_parts_may_compress_well_but_not_the_whole_file_beyond_the_ratio() {
        let limits = Limits {
            ratio_floor_bytes: 1 << 20,
            ..Limits::default()
        };
        // One part of 0.9 MiB that compresses a thousandfold: below the floor, read.
        assert!(check_zip(&spaces_zip(&[("a.xml", 900 << 10)]), &limits).is_ok());
        // Three such parts: 2.7 MiB from a few kilobytes, over the floor and the ratio.
        let three = spaces_zip(&[
            ("a.xml", 900 << 10),
            ("b.xml", 900 << 10),
            ("c.xml", 900 << 10),
        ]);
        let err = check_zip(&three, &limits).unwrap_err();
        assert!(err.to_string().contains("more than 100x its size"), "{err}");
    }
}

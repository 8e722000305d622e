//! Helpers shared by integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root, where `samples/` and `tests/fixtures/` are.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The counters of `check --format json`, by unit and in total, in the order of spec 5.
pub const COUNTER_KEYS: [&str; 13] = [
    "problems",
    "problems_done",
    "measures",
    "measures_done",
    "measures_long_term",
    "measures_in_progress",
    "measures_not_started",
    "measures_unknown_status",
    "overdue",
    "due_soon",
    "errors",
    "warnings",
    "infos",
];

/// LibreOffice's `soffice`. Tests that need it are `#[ignore = "needs LibreOffice (soffice)"]`
/// and fail here, saying so, when it is not installed.
pub fn soffice() -> PathBuf {
    let ok = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "LibreOffice (soffice) is not installed");
    PathBuf::from("soffice")
}

/// A LibreOffice profile that recalculates every formula when it loads a file.
pub fn recalculating_profile(dir: &Path) -> String {
    let user = dir.join("lo-profile/user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    )
}

/// Converts a file with LibreOffice (recalculating on load) into `outdir`.
pub fn lo_convert(file: &Path, to: &str, outdir: &Path, profile_dir: &Path) -> bool {
    let profile = recalculating_profile(profile_dir);
    Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(file)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// A minimal xlsx package around one sheet's XML (and, if given, a shared-string table).
pub fn xlsx_with_sheet(sheet_xml: &str, shared_strings: Option<&str>) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let sst_type = if shared_strings.is_some() {
            r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        } else {
            ""
        };
        let parts: Vec<(&str, String)> = vec![
            ("[Content_Types].xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{sst_type}</Types>"#)),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{}</Relationships>"#,
                if shared_strings.is_some() { r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"# } else { "" })),
            ("xl/worksheets/sheet1.xml", sheet_xml.to_string()),
        ];
        for (name, data) in parts {
            z.start_file(name, opts).unwrap();
            z.write_all(data.as_bytes()).unwrap();
        }
        if let Some(sst) = shared_strings {
            z.start_file("xl/sharedStrings.xml", opts).unwrap();
            z.write_all(sst.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    out.into_inner()
}

/// The XML of a worksheet holding these rows of inline strings.
pub fn sheet_xml(rows: &[(u32, Vec<(String, String)>)]) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, cells) in rows {
        s.push_str(&format!(r#"<row r="{r}">"#));
        for (at, text) in cells {
            s.push_str(&format!(
                r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#
            ));
        }
        s.push_str("</row>");
    }
    s.push_str("</sheetData></worksheet>");
    s
}

/// A raw deflate stream (fixed Huffman codes) of `n` zero bytes, built directly: one literal 0,
/// then copies of 258 bytes at distance 1. Inflates to gigabytes from a few megabytes.
pub fn deflate_zeros(n: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        len: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.len;
            self.len += bits;
            while self.len >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.len -= 8;
            }
        }
        // Huffman codes go most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let mut rev = 0u64;
            for i in 0..bits {
                rev |= ((code >> i) & 1) << (bits - 1 - i);
            }
            self.put(rev, bits);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        len: 0,
    };
    b.put(1, 1); // final block
    b.put(1, 2); // fixed Huffman
    b.code(0x30, 8); // literal 0
    let mut left = n.saturating_sub(1);
    // Length 258 (code 285, 8 bits) then distance 1 (code 0, 5 bits), reversed once: 13 bits.
    let copy: u64 = 0b10100011;
    while left >= 258 {
        b.put(copy, 13);
        left -= 258;
    }
    for _ in 0..left {
        b.code(0x30, 8);
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    b.out
}

/// A raw deflate stream holding `data` uncompressed (stored blocks).
pub fn deflate_stored(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let chunks: Vec<&[u8]> = if data.is_empty() {
        vec![&[][..]]
    } else {
        data.chunks(65535).collect()
    };
    for (i, c) in chunks.iter().enumerate() {
        out.push(u8::from(i + 1 == chunks.len()));
        out.extend_from_slice(&(c.len() as u16).to_le_bytes());
        out.extend_from_slice(&(!(c.len() as u16)).to_le_bytes());
        out.extend_from_slice(c);
    }
    out
}

/// CRC-32 (IEEE) of some bytes.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in data {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip file written by hand, so that its declared sizes can lie: (name, deflated data, the
/// uncompressed size it declares, its CRC-32).
pub fn raw_zip(entries: &[(&str, Vec<u8>, u32, u32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, declared, crc) in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central_dir: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central_dir {
                h.extend_from_slice(&20u16.to_le_bytes());
            }
            h.extend_from_slice(&20u16.to_le_bytes()); // version needed
            h.extend_from_slice(&0u16.to_le_bytes()); // flags
            h.extend_from_slice(&8u16.to_le_bytes()); // deflate
            h.extend_from_slice(&[0, 0, 0x21, 0]); // time, date
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&(data.len() as u32).to_le_bytes());
            h.extend_from_slice(&declared.to_le_bytes());
            h.extend_from_slice(&(name.len() as u16).to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // extra
            if central_dir {
                h.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
                h.extend_from_slice(&0u32.to_le_bytes()); // external attributes
                h.extend_from_slice(&offset.to_le_bytes());
            }
            h.extend_from_slice(name.as_bytes());
            h
        };
        out.extend(header(0x04034b50, false));
        out.extend_from_slice(data);
        central.extend(header(0x02014b50, true));
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x06054b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// Runs the binary with at most 2 GiB of address space, `seconds` of CPU time and ten times
/// that of wall time (a limit of CPU, not of the clock, so a loaded machine does not fail a
/// test; the wall limit catches a program that waits forever); returns the output, the exit
/// code (`None` when killed) and the seconds it took.
pub fn run_limited(
    dir: &Path,
    args: &[&str],
    seconds: u32,
) -> (std::process::Output, Option<i32>, f64) {
    let exe = assert_cmd::cargo::cargo_bin("taizhang");
    let mut cmd = Command::new("bash");
    cmd.current_dir(dir).arg("-c").arg(format!(
        "ulimit -v 2097152; ulimit -t {seconds}; exec timeout {wall} \"$0\" \"$@\"",
        wall = seconds * 10
    ));
    cmd.arg(exe).args(args);
    let t = std::time::Instant::now();
    let out = cmd.output().unwrap();
    let code = out.status.code();
    (out, code, t.elapsed().as_secs_f64())
}

/// Runs the binary in `dir`: its standard output read as JSON (`Null` when it is not), its
/// exit code, and everything it printed.
pub fn run_json(dir: &Path, args: &[&str]) -> (serde_json::Value, i32, String) {
    let o = assert_cmd::Command::cargo_bin("taizhang")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&o.stdout).unwrap_or(serde_json::Value::Null);
    (
        v,
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr),
    )
}

/// Starts `taizhang` with `args` in `dir` under the write hook (`TAIZHANG_PAUSE_BEFORE_RENAME`)
/// and returns once its output is complete but not yet renamed into place: `marker` exists and
/// the program waits until it is removed. Fails if the program ends before getting there.
pub fn spawn_paused_before_rename(dir: &Path, args: &[&str], marker: &Path) -> std::process::Child {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("taizhang"))
        .current_dir(dir)
        .args(args)
        .env(taizhang::write::PAUSE_VAR, marker)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded only so that a broken build cannot hang the suite; the wait ends on the marker.
    let give_up = std::time::Instant::now() + std::time::Duration::from_secs(600);
    // The marker is created and then written: it is there once it names the file.
    while std::fs::read(marker).map_or(true, |b| b.is_empty()) {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            panic!("{args:?} ended ({status}) before its write paused: {err}");
        }
        assert!(std::time::Instant::now() < give_up, "{args:?} never paused");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child
}

/// The names of the files in a folder, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The rows of the 整改台账 sheet of a consolidated workbook, header included, read by calamine.
pub fn ledger_rows(workbook: &Path) -> Vec<Vec<String>> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(workbook)
        .unwrap_or_else(|e| panic!("{}: {e}", workbook.display()));
    wb.worksheet_range("整改台账")
        .unwrap()
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

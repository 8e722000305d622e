//! The parts of an Office Open XML package: which worksheet part holds which sheet.

use std::collections::HashMap;
use std::io::{Read, Seek};

pub(crate) fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

pub(crate) fn part_text<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<String, String> {
    let mut s = String::new();
    zip.by_name(name)
        .map_err(|e| format!("{name}: {e}"))?
        .read_to_string(&mut s)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(s)
}

/// Sheet names to their worksheet parts (`xl/worksheets/sheet2.xml`), from `xl/workbook.xml`
/// and its relationships.
pub(crate) fn sheet_parts<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<HashMap<String, String>, String> {
    let book = part_text(zip, "xl/workbook.xml")?;
    let rels = part_text(zip, "xl/_rels/workbook.xml.rels")?;
    let mut targets = HashMap::new();
    for rel in rels.split("<Relationship ").skip(1) {
        if let (Some(id), Some(t)) = (attr(rel, "Id"), attr(rel, "Target")) {
            targets.insert(
                id,
                format!("xl/{}", t.trim_start_matches('/').trim_start_matches("xl/")),
            );
        }
    }
    let mut out = HashMap::new();
    for sheet in book.split("<sheet ").skip(1) {
        if let (Some(name), Some(id)) = (attr(sheet, "name"), attr(sheet, "r:id")) {
            let name = name
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'");
            if let Some(t) = targets.get(&id) {
                out.insert(name, t.clone());
            }
        }
    }
    Ok(out)
}

//! The JSON document of spec 5.

use crate::report::Report;

/// The report as pretty-printed JSON, ending with a newline.
pub fn to_string(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&report.to_json())
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

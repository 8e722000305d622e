//! Human output: findings grouped by file, each naming `file:sheet!cell`, then a table of the
//! counters by unit. Colour only when asked (the binary asks on a terminal).

use crate::Lang;
use crate::finding::Finding;
use crate::messages;
use crate::model::{Counter, Counters, Severity};
use crate::output::terminal_text;
use crate::tally::Tally;
use crate::value::text::display_width;
use std::fmt::Write;

/// How to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
    /// Language of the labels.
    pub lang: Lang,
}

fn paint(style: Style, code: &str, s: &str) -> String {
    if style.color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn severity_label(style: Style, s: Severity) -> String {
    let code = match s {
        Severity::Error => "1;31",
        Severity::Warning => "33",
        Severity::Info => "36",
    };
    let word = messages::run::severity_label(s, style.lang);
    let padded = pad_right(word, 7);
    paint(style, code, &padded)
}

/// Pads to a display width (CJK characters count two).
pub(crate) fn pad_right(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn pad_left(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

/// One finding on one line: severity, `file:sheet!cell`, rule, message.
pub(crate) fn finding_line(f: &Finding, style: Style) -> String {
    format!(
        "  {} {}  [{}] {}",
        severity_label(style, f.severity()),
        terminal_text(&f.location()),
        f.rule.id(),
        terminal_text(&messages::findings::message(f, style.lang))
    )
}

/// The findings one at a time, grouped by file as a run finds them: each finding's line, after
/// its file's name when the file changes. With [`tail`], the whole human report, with no
/// finding kept.
///
/// ```
/// use taizhang::finding::{Fact, Finding, Rule};
/// use taizhang::output::human::{FindingLines, Style};
/// let style = Style { color: false, lang: taizhang::Lang::En };
/// let f = Finding::new(Rule::NoLedger, "a.xlsx", Fact::NoLedger { sheets: 1 });
/// let mut lines = FindingLines::new(style);
/// let first = lines.next(&f);
/// assert!(first.starts_with("a.xlsx\n"), "{first}");
/// // The same file again: the finding's line only.
/// assert_eq!(lines.next(&f), first["a.xlsx\n".len()..]);
/// assert!(lines.any());
/// ```
#[derive(Debug)]
pub struct FindingLines {
    style: Style,
    current: Option<String>,
}

impl FindingLines {
    /// No finding yet.
    pub fn new(style: Style) -> FindingLines {
        FindingLines {
            style,
            current: None,
        }
    }

    /// The text to print for the next finding.
    pub fn next(&mut self, f: &Finding) -> String {
        let mut out = String::new();
        if self.current.as_deref() != Some(f.file.as_str()) {
            if self.current.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", paint(self.style, "1", &terminal_text(&f.file)));
            self.current = Some(f.file.clone());
        }
        let _ = writeln!(out, "{}", finding_line(f, self.style));
        out
    }

    /// True once a finding has been printed.
    pub fn any(&self) -> bool {
        self.current.is_some()
    }
}

/// What the human report prints after the findings: a blank line when there were findings, the
/// table and the one-line verdict.
pub fn tail(report: &Tally, style: Style, after_findings: bool) -> String {
    let mut out = String::new();
    if after_findings {
        out.push('\n');
    }
    out.push_str(&table(report, style));
    let _ = writeln!(
        out,
        "\n{}",
        messages::run::check_summary(
            report.as_of,
            report.files,
            report.units.len(),
            &report.totals,
            style.lang
        )
    );
    if report.left_out > 0 {
        let _ = writeln!(
            out,
            "{}",
            messages::run::left_out(report.left_out, style.lang)
        );
    }
    out
}

fn values(c: &Counters) -> [u64; 13] {
    Counter::ALL.map(|k| c[k])
}

/// The counters by unit, with a total row.
pub(crate) fn table(report: &Tally, style: Style) -> String {
    let first =
        messages::run::unit_header(report.units.iter().map(|c| c.unit.as_str()), style.lang);
    let total = messages::run::total_label(style.lang);
    let heads = Counter::ALL.map(|c| messages::run::counter_label(c, style.lang));
    let mut rows: Vec<(String, [u64; 13])> = report
        .units
        .iter()
        .map(|c| (terminal_text(&c.unit).into_owned(), values(&c.counters)))
        .collect();
    rows.push((total.to_string(), values(&report.totals)));
    let name_w = rows
        .iter()
        .map(|(n, _)| display_width(n))
        .chain([display_width(first)])
        .max()
        .unwrap_or(4);
    let widths: Vec<usize> = heads
        .iter()
        .enumerate()
        .map(|(i, h)| {
            rows.iter()
                .map(|(_, v)| v[i].to_string().len())
                .chain([display_width(h)])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let mut out = String::new();
    let mut line = pad_right(first, name_w);
    for (h, w) in heads.iter().zip(&widths) {
        line.push_str("  ");
        line.push_str(&pad_left(h, *w));
    }
    let _ = writeln!(out, "{}", paint(style, "1", line.trim_end()));
    for (i, (name, v)) in rows.iter().enumerate() {
        let mut line = pad_right(name, name_w);
        for (x, w) in v.iter().zip(&widths) {
            line.push_str("  ");
            line.push_str(&pad_left(&x.to_string(), *w));
        }
        let line = line.trim_end().to_string();
        let last = i + 1 == rows.len();
        let _ = writeln!(
            out,
            "{}",
            if last { paint(style, "1", &line) } else { line }
        );
    }
    out
}

//! Human output: findings grouped by file, each naming `file:sheet!cell`, then a table of the
//! counters by community. Colour only when asked (the binary asks on a terminal).

use crate::Lang;
use crate::counters::Counters;
use crate::finding::{Finding, Severity};
use crate::report::Report;
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
    let (word, code) = match s {
        Severity::Error => (style.lang.pick("错误", "error"), "1;31"),
        Severity::Warning => (style.lang.pick("警告", "warning"), "33"),
        Severity::Info => (style.lang.pick("提示", "info"), "36"),
    };
    let padded = pad_right(word, 7);
    paint(style, code, &padded)
}

/// Pads to a display width (CJK characters count two).
pub fn pad_right(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn pad_left(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

/// One finding on one line: severity, `file:sheet!cell`, rule, message.
pub fn finding_line(f: &Finding, style: Style) -> String {
    format!(
        "  {} {}  [{}] {}",
        severity_label(style, f.severity),
        f.location(),
        f.rule.id(),
        f.message
    )
}

/// The findings, grouped by file in input order.
pub fn findings(report: &Report, style: Style) -> String {
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for f in &report.findings {
        if current != Some(f.file.as_str()) {
            if current.is_some() {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", paint(style, "1", &f.file));
            current = Some(&f.file);
        }
        let _ = writeln!(out, "{}", finding_line(f, style));
    }
    out
}

/// Column labels of the counters table.
fn labels(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Zh => [
            "问题",
            "已整改",
            "措施",
            "已完成",
            "长期坚持",
            "推进中",
            "未开始",
            "状态不明",
            "逾期",
            "临期",
            "错误",
            "警告",
            "提示",
        ],
        Lang::En => [
            "problems",
            "done",
            "measures",
            "done",
            "long-term",
            "in progress",
            "not started",
            "unknown",
            "overdue",
            "due soon",
            "errors",
            "warnings",
            "infos",
        ],
    }
}

fn values(c: &Counters) -> [u64; 13] {
    [
        c.problems,
        c.problems_done,
        c.measures,
        c.measures_done,
        c.measures_long_term,
        c.measures_in_progress,
        c.measures_not_started,
        c.measures_unknown_status,
        c.overdue,
        c.due_soon,
        c.errors,
        c.warnings,
        c.infos,
    ]
}

/// The counters by community, with a total row.
pub fn table(report: &Report, style: Style) -> String {
    let first = style.lang.pick("社区", "community");
    let total = style.lang.pick("合计", "total");
    let heads = labels(style.lang);
    let mut rows: Vec<(String, [u64; 13])> = report
        .communities
        .iter()
        .map(|c| (c.community.clone(), values(&c.counters)))
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

/// The whole human report: findings, a blank line, the table and a one-line verdict.
pub fn render(report: &Report, style: Style) -> String {
    let mut out = findings(report, style);
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&table(report, style));
    let t = &report.totals;
    let _ = writeln!(
        out,
        "{}",
        match style.lang {
            Lang::Zh => format!(
                "\n截至{}:{}个文件,{}个社区;问题{}个,已整改{}个;措施{}项,已完成{}项;错误{}条,警告{}条,提示{}条。",
                report.as_of.format("%Y年%-m月%-d日"),
                report.files,
                report.communities.len(),
                t.problems,
                t.problems_done,
                t.measures,
                t.measures_done,
                t.errors,
                t.warnings,
                t.infos
            ),
            Lang::En => format!(
                "\nAs of {}: {} file(s), {} communities; {} problems ({} done); {} measures ({} done); {} errors, {} warnings, {} infos.",
                report.as_of.format("%Y-%m-%d"),
                report.files,
                report.communities.len(),
                t.problems,
                t.problems_done,
                t.measures,
                t.measures_done,
                t.errors,
                t.warnings,
                t.infos
            ),
        }
    );
    out
}

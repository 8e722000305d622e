//! What the commands print: the terminal's labels and the lines that say what was written.

use super::{say, source_error};
use crate::Lang;
use crate::model::{Counter, Counters, Severity};
use crate::pipeline::{InputRecord, LedgerRecord};
use chrono::NaiveDate;

/// A severity's label on the terminal.
pub fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("错误", "error"),
        Severity::Warning => lang.pick("警告", "warning"),
        Severity::Info => lang.pick("提示", "info"),
    }
}

/// The first column's header of the terminal's table.
pub fn community_header(lang: Lang) -> &'static str {
    lang.pick("社区", "community")
}

/// The total row's label in the terminal's table.
pub fn total_label(lang: Lang) -> &'static str {
    lang.pick("合计", "total")
}

/// A counter's header in the terminal's table.
pub fn counter_label(c: Counter, lang: Lang) -> &'static str {
    let (zh, en) = match c {
        Counter::Problems => ("问题", "problems"),
        Counter::ProblemsDone => ("已整改", "done"),
        Counter::Measures => ("措施", "measures"),
        Counter::MeasuresDone => ("已完成", "done"),
        Counter::MeasuresLongTerm => ("长期坚持", "long-term"),
        Counter::MeasuresInProgress => ("推进中", "in progress"),
        Counter::MeasuresNotStarted => ("未开始", "not started"),
        Counter::MeasuresUnknownStatus => ("状态不明", "unknown"),
        Counter::Overdue => ("逾期", "overdue"),
        Counter::DueSoon => ("临期", "due soon"),
        Counter::Errors => ("错误", "errors"),
        Counter::Warnings => ("警告", "warnings"),
        Counter::Infos => ("提示", "infos"),
    };
    lang.pick(zh, en)
}

/// The closing line of `check`: the as-of date, what was read, and the counters that matter.
pub fn check_summary(
    as_of: NaiveDate,
    files: u64,
    communities: usize,
    t: &Counters,
    lang: Lang,
) -> String {
    use Counter::*;
    match lang {
        Lang::Zh => format!(
            "截至{}:{}个文件,{}个社区;问题{}个,已整改{}个;措施{}项,已完成{}项;错误{}条,警告{}条,提示{}条。",
            as_of.format("%Y年%-m月%-d日"),
            files,
            communities,
            t[Problems],
            t[ProblemsDone],
            t[Measures],
            t[MeasuresDone],
            t[Errors],
            t[Warnings],
            t[Infos]
        ),
        Lang::En => format!(
            "As of {}: {} file(s), {} communities; {} problems ({} done); {} measures ({} done); {} errors, {} warnings, {} infos.",
            as_of.format("%Y-%m-%d"),
            files,
            communities,
            t[Problems],
            t[ProblemsDone],
            t[Measures],
            t[MeasuresDone],
            t[Errors],
            t[Warnings],
            t[Infos]
        ),
    }
}

/// The line `merge` prints when the workbook is written.
pub fn wrote_merge(path: &str, files: u64, communities: usize, t: &Counters, lang: Lang) -> String {
    use Counter::*;
    match lang {
        Lang::Zh => format!(
            "已写入 {path}:{files}个文件,{communities}个社区,问题{}个,措施{}项;错误{}条,警告{}条,提示{}条。",
            t[Problems], t[Measures], t[Errors], t[Warnings], t[Infos]
        ),
        Lang::En => format!(
            "wrote {path}: {files} file(s), {communities} communities, {} problems, {} measures; {} errors, {} warnings, {} infos.",
            t[Problems], t[Measures], t[Errors], t[Warnings], t[Infos]
        ),
    }
}

/// The line `convert` prints.
pub fn wrote_convert(
    path: &str,
    community: &str,
    sheet: &str,
    measures: usize,
    lang: Lang,
) -> String {
    say(
        lang,
        format!("已写入 {path}:{community}({sheet})的{measures}项措施"),
        format!("wrote {path}: {measures} measures of {community} ({sheet})"),
    )
}

/// The line a command prints when it wrote a file and has nothing more to say.
pub fn wrote(path: &str, lang: Lang) -> String {
    say(lang, format!("已写入 {path}"), format!("wrote {path}"))
}

/// "正在保存…": the progress bar's last message.
pub fn saving(lang: Lang) -> &'static str {
    lang.pick("正在保存…", "saving…")
}

/// A ledger read from an input, as the sources sheet lists it.
pub fn ledger_read(l: &LedgerRecord, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}({},表头第{}行,{}行数据)",
            l.sheet, l.community, l.header_row, l.data_rows
        ),
        Lang::En => format!(
            "{} ({}, header row {}, {} data rows)",
            l.sheet, l.community, l.header_row, l.data_rows
        ),
    }
}

/// Why an input could not be read, as the sources sheet and JSON say it.
pub fn input_error(r: &InputRecord, lang: Lang) -> Option<String> {
    r.error.as_ref().map(|e| source_error(e, lang))
}

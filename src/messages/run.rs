//! What the commands print: the terminal's labels and the lines that say what was written.

use super::{say, source_error};
use crate::Lang;
use crate::model::{Counter, Counters, Severity};
use crate::pipeline::{InputRecord, LedgerRecord};
use chrono::NaiveDate;

/// A severity's label on the terminal.
pub(crate) fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("错误", "error"),
        Severity::Warning => lang.pick("警告", "warning"),
        Severity::Info => lang.pick("提示", "info"),
    }
}

/// The first column's header of the terminal's table over units of these names: 社区 when
/// they all are units, else 单位 ([`crate::schema::summary::name_header`]).
pub(crate) fn unit_header<'a>(
    names: impl IntoIterator<Item = &'a str>,
    lang: Lang,
) -> &'static str {
    match crate::schema::summary::name_header(names, Lang::Zh) {
        "社区" => lang.pick("社区", "community"),
        _ => lang.pick("单位", "unit"),
    }
}

/// The total row's label in the terminal's table.
pub(crate) fn total_label(lang: Lang) -> &'static str {
    lang.pick("合计", "total")
}

/// A counter's header in the terminal's table.
pub(crate) fn counter_label(c: Counter, lang: Lang) -> &'static str {
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
pub(crate) fn check_summary(
    as_of: NaiveDate,
    files: u64,
    units: usize,
    t: &Counters,
    lang: Lang,
) -> String {
    use Counter::*;
    match lang {
        Lang::Zh => format!(
            "截至{}：{}个文件，{}个单位；问题{}个，已整改{}个；措施{}项，已完成{}项；错误{}条，警告{}条，提示{}条。",
            as_of.format("%Y年%-m月%-d日"),
            files,
            units,
            t[Problems],
            t[ProblemsDone],
            t[Measures],
            t[MeasuresDone],
            t[Errors],
            t[Warnings],
            t[Infos]
        ),
        Lang::En => format!(
            "As of {}: {} file(s), {} units; {} problems ({} done); {} measures ({} done); {} errors, {} warnings, {} infos.",
            as_of.format("%Y-%m-%d"),
            files,
            units,
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

/// The line after the summary when sheets were left out of the totals (`uncertain-reading`).
pub(crate) fn left_out(sheets: u64, lang: Lang) -> String {
    super::say(
        lang,
        format!(
            "另有{sheets}个工作表读法不确定，其数字未计入以上合计：请核对“读法不确定”的提示后用配置文件确认列，或加 --accept-uncertain。"
        ),
        format!(
            "{sheets} more sheet(s) read with an uncertain reading are left out of the totals above: check the uncertain-reading findings, then confirm the columns in the configuration or add --accept-uncertain."
        ),
    )
}

/// The line `merge` prints when the workbook is written.
pub fn wrote_merge(path: &str, files: u64, units: usize, t: &Counters, lang: Lang) -> String {
    use Counter::*;
    match lang {
        Lang::Zh => format!(
            "已写入 {path}：{files}个文件，{units}个单位，问题{}个，措施{}项；错误{}条，警告{}条，提示{}条。",
            t[Problems], t[Measures], t[Errors], t[Warnings], t[Infos]
        ),
        Lang::En => format!(
            "wrote {path}: {files} file(s), {units} units, {} problems, {} measures; {} errors, {} warnings, {} infos.",
            t[Problems], t[Measures], t[Errors], t[Warnings], t[Infos]
        ),
    }
}

/// The line `convert` prints.
pub fn wrote_convert(path: &str, unit: &str, sheet: &str, measures: usize, lang: Lang) -> String {
    say(
        lang,
        format!("已写入 {path}：{unit}（{sheet}）的{measures}项措施"),
        format!("wrote {path}: {measures} measures of {unit} ({sheet})"),
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
pub(crate) fn ledger_read(l: &LedgerRecord, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}（{}，表头第{}行，{}行数据）",
            l.sheet, l.unit, l.header_row, l.data_rows
        ),
        Lang::En => format!(
            "{} ({}, header row {}, {} data rows)",
            l.sheet, l.unit, l.header_row, l.data_rows
        ),
    }
}

/// Why an input could not be read, as the sources sheet and JSON say it.
pub(crate) fn input_error(r: &InputRecord, lang: Lang) -> Option<String> {
    r.error.as_ref().map(|e| source_error(e, lang))
}

/// Why an input was not read though it could be, as the sources sheet and JSON say it.
pub(crate) fn input_skipped(r: &InputRecord, lang: Lang) -> Option<String> {
    let skip = r.skipped.as_ref()?;
    let f = crate::finding::Finding::new(
        crate::finding::Rule::DuplicateFile,
        &r.path,
        crate::finding::Fact::Skipped(skip.clone()),
    );
    Some(super::findings::message(&f, lang))
}

/// An output named with an extension the command does not write.
pub(crate) fn output_extension(path: &str, allowed: &[&str], lang: Lang) -> String {
    let dotted: Vec<String> = allowed.iter().map(|e| format!(".{e}")).collect();
    let (head, last) = match dotted.split_last() {
        Some((last, head)) if !head.is_empty() => (head.to_vec(), last.clone()),
        _ => (Vec::new(), dotted.join("")),
    };
    match lang {
        Lang::Zh if head.is_empty() => format!("{path}：输出文件应为 {last}"),
        Lang::Zh => format!("{path}：输出文件应为 {} 或 {last}", head.join("、")),
        Lang::En if head.is_empty() => format!("{path}: the output must be {last}"),
        Lang::En => format!("{path}: the output must be {} or {last}", head.join(", ")),
    }
}

/// `convert` of a file in which no ledger was found.
pub(crate) fn no_ledger_found(file: &str, lang: Lang) -> String {
    say(
        lang,
        format!("{file}：没有找到台账"),
        format!("{file}: no ledger found"),
    )
}

/// `convert` of a workbook with several ledgers and no `--sheet`.
pub(crate) fn several_ledgers(file: &str, sheets: &[&str], lang: Lang) -> String {
    let names = sheets.join(", ");
    say(
        lang,
        format!("{file}：工作簿中有多个台账（{names}）；请用 --sheet 指定一个"),
        format!("{file}: the workbook holds several ledgers ({names}); choose one with --sheet"),
    )
}

/// `convert --sheet` naming a sheet that holds several units' ledgers (`整改台账(北安社区)` …).
pub(crate) fn several_units_on_sheet(
    file: &str,
    sheet: &str,
    ledgers: &[&str],
    lang: Lang,
) -> String {
    say(
        lang,
        format!(
            "{file}：工作表“{sheet}”中有{}个单位的台账（{}）；convert 一次转换一个台账，多个单位的台账请用 merge 汇总",
            ledgers.len(),
            ledgers.join("、")
        ),
        format!(
            "{file}: sheet {sheet} holds the ledgers of {} units ({}); convert writes one ledger — merge brings several together",
            ledgers.len(),
            ledgers.join(", ")
        ),
    )
}

/// `convert --sheet` naming a sheet without a ledger.
pub(crate) fn no_ledger_on_sheet(file: &str, sheet: &str, sheets: &[&str], lang: Lang) -> String {
    let names = sheets.join(", ");
    say(
        lang,
        format!("{file}：工作表“{sheet}”中没有台账（有台账的工作表：{names}）"),
        format!("{file}: no ledger on sheet {sheet} (ledgers: {names})"),
    )
}

/// A file that could not be read, for a command that reads one file.
pub(crate) fn unreadable_input(file: &str, e: &crate::source::SourceError, lang: Lang) -> String {
    format!("{file}: {}", source_error(e, lang))
}

/// The name of the workbook the command-less form writes: `汇总_2023-03-30.xlsx`.
pub(crate) fn bare_output_name(as_of: NaiveDate, lang: Lang) -> String {
    format!(
        "{}_{}.xlsx",
        lang.pick("汇总", "summary"),
        as_of.format("%Y-%m-%d")
    )
}

/// The line `report` prints when the draft is written.
pub fn wrote_report(
    path: &str,
    sections: usize,
    problems: usize,
    measures: usize,
    sentence: &str,
    lang: Lang,
) -> String {
    say(
        lang,
        format!("已写入 {path}：{sections}个类别，{problems}个问题，{measures}项措施。{sentence}"),
        format!(
            "wrote {path}: {sections} sections, {problems} problems, {measures} measures. {sentence}"
        ),
    )
}

/// What `report` says when the ledgers it drafted from had errors.
pub fn report_from_errors(errors: u64, lang: Lang) -> String {
    say(
        lang,
        format!(
            "注意：所依据的台账有{errors}条错误（用 taizhang check 查看），报告中的数字由这些台账得出，请先更正台账再发布。"
        ),
        format!(
            "note: the ledgers this report is drafted from have {errors} errors (see taizhang check); its figures follow from them: correct the ledgers before publishing."
        ),
    )
}

/// What `split` says of one list it wrote.
pub fn wrote_list(path: &str, measures: usize, to_fix: usize, lang: Lang) -> String {
    say(
        lang,
        format!("已写入 {path}：措施{measures}项，其中{to_fix}项有需整改事项。"),
        format!("wrote {path}: {measures} measures, {to_fix} with something to fix."),
    )
}

/// A path given as a folder that is a file.
pub(crate) fn not_a_folder(path: &str, lang: Lang) -> String {
    say(
        lang,
        format!("{path} 是文件，不是文件夹：-o 要给出写入各单位清单的文件夹"),
        format!("{path} is a file, not a folder: -o names the folder the lists are written into"),
    )
}

/// A field's name as the terminal and the sources sheet say it: its standard header in Chinese,
/// its key in English.
pub(crate) fn field_name(f: crate::value::header::Field, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => f.standard_header(),
        Lang::En => f.key(),
    }
}

/// The columns a sheet's fields were read from, in one line: `列:反馈问题B、整改措施C、…`.
pub(crate) fn mapping_line(m: &crate::pipeline::Mapping, lang: Lang) -> String {
    let parts: Vec<String> =
        m.0.iter()
            .filter_map(|(f, c)| {
                let c = c.as_ref()?;
                Some(match lang {
                    Lang::Zh => format!("{}{}", field_name(*f, lang), c.column),
                    Lang::En => format!("{} {}", field_name(*f, lang), c.column),
                })
            })
            .collect();
    match lang {
        Lang::Zh => format!("列：{}", parts.join("、")),
        Lang::En => format!("columns: {}", parts.join(", ")),
    }
}

/// Why a column was chosen, in words.
pub(crate) fn because(b: crate::layout::assign::Because, lang: Lang) -> &'static str {
    use crate::layout::assign::Because as B;
    match b {
        B::Config => lang.pick("配置指定", "configuration"),
        B::HeaderAndValues => lang.pick("表头与内容", "header and values"),
        B::Header => lang.pick("表头", "header"),
        B::Values => lang.pick("内容", "values"),
    }
}

/// The heading of a sheet in `taizhang columns`: where, which header row, which units.
pub(crate) fn columns_heading(
    file: &str,
    sheet: &str,
    header_row: u32,
    units: &[&str],
    lang: Lang,
) -> String {
    let list = units.join("、");
    say(
        lang,
        format!("{file}：{sheet}（表头第{header_row}行；单位：{list}）"),
        format!("{file}:{sheet} (header row {header_row}; units: {list})"),
    )
}

/// What `taizhang columns` adds to the heading of a sheet read with doubt and left out of the
/// totals.
pub(crate) fn left_out_mark(lang: Lang) -> &'static str {
    lang.pick(
        "　读法不确定，未计入合计：请核对下列各列",
        "  uncertain reading, left out of the totals: check the columns below",
    )
}

/// The runner-up of a field in `taizhang columns`.
pub(crate) fn runner_up(column: &str, lang: Lang) -> String {
    say(
        lang,
        format!("次选 {column}"),
        format!("next best {column}"),
    )
}

/// What `taizhang columns` says of a file without a ledger.
pub(crate) fn no_ledger_in(file: &str, lang: Lang) -> String {
    say(
        lang,
        format!("{file}：没有找到台账"),
        format!("{file}: no ledger found"),
    )
}

/// No input at all: the paths given hold no spreadsheet.
pub(crate) fn no_inputs(paths: &[String], lang: Lang) -> String {
    let list = paths.join(", ");
    say(
        lang,
        format!(
            "所给的路径（{list}）中没有可读取的表格文件（.xlsx .xlsm .xlsb .xls .ods .csv）；没有写出任何文件"
        ),
        format!(
            "the paths given ({list}) hold no spreadsheet (.xlsx .xlsm .xlsb .xls .ods .csv); nothing was written"
        ),
    )
}

/// Inputs, but no ledger in any of them.
pub(crate) fn no_ledger_read(files: u64, unread: &[crate::tally::Unread], lang: Lang) -> String {
    let why = |u: &crate::tally::Unread| -> String {
        match (&u.error, &u.skipped) {
            (Some(e), _) => super::source_error(e, lang),
            (None, Some(crate::source::Skip::Duplicate { of })) => {
                say(lang, format!("与{of}相同"), format!("the same as {of}"))
            }
            (None, Some(_)) => lang
                .pick(
                    "taizhang生成的汇总工作簿，不再读取",
                    "a workbook taizhang wrote, not read again",
                )
                .to_string(),
            (None, None) if u.uncertain > 0 => lang
                .pick(
                    "读法不确定，未计入（见“读法不确定”的提示）",
                    "read with doubt, left out (see the uncertain-reading findings)",
                )
                .to_string(),
            (None, None) => lang
                .pick("没有找到台账表头", "no ledger header found")
                .to_string(),
        }
    };
    let mut list: Vec<String> = unread
        .iter()
        .map(|u| format!("{}: {}", u.path, why(u)))
        .collect();
    if files as usize > unread.len() {
        list.push("…".into());
    }
    let list = list.join("; ");
    say(
        lang,
        format!("没有读到任何台账（{files}个文件：{list}）；没有写出任何文件"),
        format!("no ledger was read ({files} file(s): {list}); nothing was written"),
    )
}

/// `--json` naming the workbook `-o` names.
pub(crate) fn json_is_output(path: &str, lang: Lang) -> String {
    say(
        lang,
        format!("--json 与 -o 指向同一个文件 {path}：JSON 会覆盖工作簿，请换一个文件名"),
        format!(
            "--json and -o name the same file {path}: the JSON would overwrite the workbook; give another name"
        ),
    )
}

/// An output whose extension is not what is written there.
pub(crate) fn wrong_extension(path: &str, option: &str, expected: &str, lang: Lang) -> String {
    say(
        lang,
        format!("{option} {path}：写出的是 .{expected} 文件，文件名应以 .{expected} 结尾"),
        format!(
            "{option} {path}: what is written is a .{expected} file; the name must end in .{expected}"
        ),
    )
}

/// A `--sources` path that does not exist.
pub(crate) fn sources_missing(path: &str, lang: Lang) -> String {
    say(
        lang,
        format!("--sources 给出的“{path}”不存在：请检查路径（工作簿本身未被判定）"),
        format!(
            "the --sources path {path} does not exist: check the path (the workbook itself was not judged)"
        ),
    )
}

/// Said when the `.docx` report goes without its chart: no Chinese font to draw it with.
pub(crate) fn no_chart_font(lang: Lang) -> String {
    lang.pick(
        "未找到中文字体，报告未附图表；可用环境变量TAIZHANG_FONT指定字体文件（.ttf/.ttc）",
        "no Chinese font found: the report goes without its chart; set TAIZHANG_FONT to a font file (.ttf/.ttc)",
    )
    .to_string()
}

/// The line `serve` prints once it listens: where the page is and how to stop it. A console
/// window on Windows also stops it when closed.
pub(crate) fn page_started(url: &str, lang: Lang) -> String {
    if cfg!(windows) {
        say(
            lang,
            format!("taizhang 页面已启动：{url}（关闭此窗口或按 Ctrl+C 停止）"),
            format!("taizhang page at {url} (close this window or press Ctrl+C to stop it)"),
        )
    } else {
        say(
            lang,
            format!("taizhang 页面已启动：{url}（按 Ctrl+C 停止）"),
            format!("taizhang page at {url} (Ctrl+C stops it)"),
        )
    }
}

/// Said when the program was double-clicked (started without arguments on Windows): it opens
/// the page in the browser.
pub fn opening_page(lang: Lang) -> String {
    lang.pick(
        "正在浏览器中打开台账页面；也可以把台账文件或文件夹拖到 taizhang.exe 上直接汇总。",
        "opening the ledger page in the browser; ledger files or a folder dropped on taizhang.exe are merged directly.",
    )
    .to_string()
}

/// Said before the console window Explorer opened closes, so its lines can be read.
pub fn press_enter_to_close(lang: Lang) -> String {
    lang.pick("按回车键关闭此窗口。", "press Enter to close this window.")
        .to_string()
}

/// Said when the consolidated workbooks read are of different as-of dates: the run judges on
/// the latest.
pub fn workbooks_of_days(days: &[NaiveDate], lang: Lang) -> String {
    let zh: Vec<String> = days
        .iter()
        .map(|d| d.format("%Y年%-m月%-d日").to_string())
        .collect();
    let en: Vec<String> = days
        .iter()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    say(
        lang,
        format!(
            "汇总工作簿的截至日期不一：{}；按最晚的{}判断（可用 --as-of 指定）",
            zh.join("、"),
            zh.last().cloned().unwrap_or_default()
        ),
        format!(
            "the consolidated workbooks are of different as-of dates: {}; judged on the latest, {} (--as-of states another)",
            en.join(", "),
            en.last().cloned().unwrap_or_default()
        ),
    )
}

/// A day on the command line that does not read, with the forms that do.
pub fn not_a_day(s: &str, lang: Lang) -> String {
    say(
        lang,
        format!("不是日期：“{s}”（可写2023-03-30、2023/3/30、2023.3.30、20230330或2023年3月30日）"),
        format!(
            "not a day: \"{s}\" (write 2023-03-30, 2023/3/30, 2023.3.30, 20230330 or 2023年3月30日)"
        ),
    )
}

/// The last line of a command that failed: the program, then what failed (already worded).
pub fn failed(text: &str, lang: Lang) -> String {
    say(
        lang,
        format!("taizhang：错误：{text}"),
        format!("taizhang: error: {text}"),
    )
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `messages::run::output_extension`
    #[test]
    fn run_output_extension() {
        use crate::{Lang, messages::run::output_extension};
        assert_eq!(
            output_extension("a.pdf", &["docx", "md", "txt"], Lang::Zh),
            "a.pdf：输出文件应为 .docx、.md 或 .txt"
        );
    }
}

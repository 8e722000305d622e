//! The findings of spec 3 in words: each rule's message from its [`Fact`], and what each rule
//! checks in a few words.

use super::{excerpt, say, source_error};
use crate::Lang;
use crate::finding::{Due, Fact, Finding, MeasureRef, NumberingFault, Rule};
use crate::schema::findings::field_word;
use crate::value::status::Status;
use chrono::NaiveDate;

fn status_name(s: Option<Status>, lang: Lang) -> &'static str {
    match (s, lang) {
        (Some(s), Lang::Zh) => s.standard_word(),
        (Some(s), Lang::En) => s.key(),
        (None, Lang::Zh) => "无法识别",
        (None, Lang::En) => "unreadable",
    }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn due_text(d: &Due) -> String {
    match d {
        Due::Day(day) => ymd(*day),
        Due::Deadline(d) => d.canonical(),
    }
}

fn measure_label(m: &MeasureRef, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("问题{}措施{}“{}”", m.problem, m.measure, excerpt(&m.text)),
        Lang::En => format!(
            "problem {} measure {} \"{}\"",
            m.problem,
            m.measure,
            excerpt(&m.text)
        ),
    }
}

/// A finding's message in a language.
pub fn message(f: &Finding, lang: Lang) -> String {
    let field = f.field.map(|x| field_word(x, lang)).unwrap_or_default();
    let value = excerpt(f.value.as_deref().unwrap_or(""));
    let sheet = &f.sheet;
    match &f.fact {
        Fact::Unreadable(e) => {
            let reason = source_error(e, lang);
            say(
                lang,
                format!("无法读取：{reason}"),
                format!("cannot read: {reason}"),
            )
        }
        Fact::NoLedger { sheets } => say(
            lang,
            format!(
                "{sheets}个工作表中均未找到台账表头（前20行内应有“反馈问题”“整改措施”“责任人”“整改时限”“完成情况”等列名）"
            ),
            format!(
                "none of its {sheets} sheet(s) has a ledger header (column names such as 反馈问题, 整改措施, 责任人, 整改时限, 完成情况 within the first 20 rows)"
            ),
        ),
        Fact::SheetSkipped => say(
            lang,
            format!("工作表“{sheet}”没有台账表头，已跳过"),
            format!("sheet {sheet} has no ledger header; skipped"),
        ),
        Fact::CompanionSheet { tracked } => say(
            lang,
            format!(
                "工作表“{sheet}”既没有完成情况列也没有整改时限列，是工作表“{tracked}”的附表（如问题清单、责任清单），不计入；进展以“{tracked}”为准"
            ),
            format!(
                "sheet {sheet} has neither a status nor a deadline column: a list beside sheet {tracked} (a problem list, a list of who answers for what), not counted; progress is {tracked}'s"
            ),
        ),
        Fact::HiddenSheet => say(
            lang,
            format!("隐藏工作表“{sheet}”中有台账，未读取；需要时请选择“读取隐藏工作表”"),
            format!("hidden sheet {sheet} holds a ledger; not read (choose to read hidden sheets)"),
        ),
        Fact::MissingColumn { header_row } => say(
            lang,
            format!("第{header_row}行表头中缺少必填列“{field}”"),
            format!("the header in row {header_row} has no column for {field}"),
        ),
        Fact::DuplicateColumn { used } => {
            let first = crate::value::text::column_letters(*used);
            say(
                lang,
                format!("“{field}”列重复：使用{first}列，本列作为附加列保留"),
                format!(
                    "a second column for {field}: column {first} is used, this one is kept as an extra column"
                ),
            )
        }
        Fact::MissingCell { error: None } => {
            say(lang, format!("“{field}”为空"), format!("{field} is empty"))
        }
        Fact::MissingCell { error: Some(e) } => say(
            lang,
            format!("“{field}”是错误值“{e}”，不是内容"),
            format!("{field} holds the error value {e}, not content"),
        ),
        Fact::BadDeadline => say(
            lang,
            format!(
                "无法识别整改时限“{value}”：请写明日期（如2023年6月30日、2023年6月底前），或写“立行立改”“长期坚持”"
            ),
            format!(
                "cannot read the deadline \"{value}\": write a date (2023年6月30日, 2023年6月底前) or 立行立改 / 长期坚持"
            ),
        ),
        Fact::BadStatus { also } if also.is_empty() => say(
            lang,
            format!("无法识别完成情况“{value}”：应以“已完成”“长期坚持”“推进中”“未开始”等开头"),
            format!(
                "cannot read the status \"{value}\": it should start with 已完成, 长期坚持, 推进中 or 未开始"
            ),
        ),
        Fact::BadStatus { also } => {
            let n = also.len() + 1;
            let shown: Vec<String> = also.iter().take(8).map(|c| c.to_string()).collect();
            let more = also.len() > 8;
            say(
                lang,
                format!(
                    "无法识别完成情况“{value}”，共{n}处（另见{}{}）：应以“已完成”“长期坚持”“推进中”“未开始”等开头，或在 taizhang.toml 的 [statuses] 中写明此词的类别",
                    shown.join("、"),
                    if more { "等" } else { "" }
                ),
                format!(
                    "cannot read the status \"{value}\", in {n} cells (also {}{}): it should start with 已完成, 长期坚持, 推进中 or 未开始, or add the word to a category under [statuses] in taizhang.toml",
                    shown.join(", "),
                    if more { " …" } else { "" }
                ),
            )
        }
        Fact::BadDate => say(
            lang,
            format!("无法识别完成时间“{value}”"),
            format!("cannot read the completion date \"{value}\""),
        ),
        Fact::YearInferred { read_as } => say(
            lang,
            format!("整改时限“{value}”未写年份，按{}理解", read_as.canonical()),
            format!(
                "the deadline \"{value}\" has no year; read as {}",
                read_as.canonical()
            ),
        ),
        Fact::Overdue {
            measure,
            due,
            status,
        } => {
            let label = measure_label(measure, lang);
            let due = due_text(due);
            let st = status_name(*status, lang);
            say(
                lang,
                format!("{label}已超过整改时限{due}，完成情况为“{st}”"),
                format!("{label} is past its deadline {due}; status: {st}"),
            )
        }
        Fact::DueSoon { measure, due } => {
            let label = measure_label(measure, lang);
            let due = due_text(due);
            say(
                lang,
                format!("{label}将于{due}到期"),
                format!("{label} is due on {due}"),
            )
        }
        Fact::DoneLate { measure, done, due } => {
            let label = measure_label(measure, lang);
            say(
                lang,
                format!("{label}完成时间{}晚于整改时限{}", ymd(*done), ymd(*due)),
                format!(
                    "{label} was completed on {}, after its deadline {}",
                    ymd(*done),
                    ymd(*due)
                ),
            )
        }
        Fact::DuplicateMeasure {
            problem,
            measure,
            repeats,
            text,
        } => say(
            lang,
            format!(
                "问题{problem}下措施{measure}与措施{repeats}重复：“{}”",
                excerpt(text)
            ),
            format!(
                "problem {problem}: measure {measure} repeats measure {repeats}: \"{}\"",
                excerpt(text)
            ),
        ),
        Fact::Numbering(NumberingFault::Repeats(n)) => say(
            lang,
            format!("序号{n}重复或顺序颠倒"),
            format!("seq {n} repeats or is out of order"),
        ),
        Fact::Numbering(NumberingFault::Jumps(p, n)) => say(
            lang,
            format!("序号从{p}跳到{n}"),
            format!("seq jumps from {p} to {n}"),
        ),
        Fact::AmbiguousColumn { chosen, other } => {
            let (a, b) = (
                crate::value::text::column_letters(chosen.0),
                crate::value::text::column_letters(other.0),
            );
            let key = f.field.map(|x| x.key()).unwrap_or_default();
            let (ha, hb) = (&chosen.1, &other.1);
            say(
                lang,
                format!(
                    "“{field}”可能是{a}列“{ha}”，也可能是{b}列“{hb}”，两者相近：已用{a}列。如不对，请在配置文件中为此表写{}",
                    sheet_line(f, key, &b)
                ),
                format!(
                    "{field} could be column {a} ({ha}) or column {b} ({hb}), which come close: column {a} is used. If that is wrong, say so in the configuration for this sheet: {}",
                    sheet_line(f, key, &b)
                ),
            )
        }
        Fact::Skipped(crate::source::Skip::Duplicate { of }) => say(
            lang,
            format!("与{of}内容完全相同（副本），只计一次"),
            format!("the same bytes as {of} (a copy): counted once"),
        ),
        Fact::Skipped(crate::source::Skip::OwnOutput) => say(
            lang,
            "这是taizhang生成的汇总工作簿，拖放汇总时不作为来源读取".to_string(),
            "a consolidated workbook taizhang wrote: the command-less form does not read it as a source".to_string(),
        ),
        Fact::Skipped(crate::source::Skip::OutputOfInputs { sources }) => {
            let list = sources.join("、");
            say(
                lang,
                format!("这是taizhang由本次输入（{list}）生成的汇总工作簿，再读会重复计数，已跳过"),
                format!(
                    "a consolidated workbook taizhang wrote from inputs of this run ({}): reading it too would count them twice, so it is skipped",
                    sources.join(", ")
                ),
            )
        }
        Fact::DuplicateId { id, first } => say(
            lang,
            format!(
                "措施ID {id} 与{}！{}一行相同：复制行时连同隐藏的措施ID一起复制了，请清空新行的措施ID",
                first.0, first.1
            ),
            format!(
                "ID {id} is also the ID of the row at {}!{}: a row copied with its hidden ID; clear the new row's ID",
                first.0, first.1
            ),
        ),
        Fact::BadId { measure } => {
            let label = measure_label(measure, lang);
            say(
                lang,
                format!("{label}的措施ID不是台账生成的编号，按新措施另行编号"),
                format!("{label}: the ID cell holds no ID taizhang wrote; the measure is given a new one"),
            )
        }
        Fact::NewMeasure { measure, id } => {
            let label = measure_label(measure, lang);
            say(
                lang,
                format!("{label}没有措施ID，是新增的措施，编号为{id}"),
                format!("{label} has no ID: a measure added, given {id}"),
            )
        }
        Fact::IdNotReturned { id, problem, measure } => say(
            lang,
            format!(
                "上一轮的措施（措施ID {id}）本轮没有交回：“{}”（问题：“{}”）",
                excerpt(measure),
                excerpt(problem)
            ),
            format!(
                "the measure with ID {id} of the round followed did not come back: \"{}\" (problem: \"{}\")",
                excerpt(measure),
                excerpt(problem)
            ),
        ),
        Fact::UnknownId { measure, id } => {
            let label = measure_label(measure, lang);
            say(
                lang,
                format!("{label}的措施ID {id} 不属于所接续的上一轮"),
                format!("{label}: ID {id} is not one of the round followed"),
            )
        }
        Fact::RowsAfterFooter { rows, footer_row } => say(
            lang,
            format!("从此行起有{rows}行整改措施写在第{footer_row}行表尾（填报人等）之下，没有读入：请移到表尾之上"),
            format!("{rows} rows of measures from here are below the footer on row {footer_row} and are not read: move them above it"),
        ),
        Fact::NoData { header_row } => say(
            lang,
            format!("第{header_row}行是台账表头，但下面没有填写任何整改措施"),
            format!("row {header_row} is a ledger header, but no measure is filled in below it"),
        ),
        Fact::CellTooLong { chars } => {
            let limit = crate::schema::MAX_CELL_CHARS;
            say(
                lang,
                format!("单元格有{chars}字，超过表格单元格上限{limit}字；汇总表中只保留前面部分并注明截断：请把内容拆到备注或附件"),
                format!("the cell holds {chars} characters, more than a spreadsheet cell's {limit}; the consolidated workbook keeps the start, marked as cut: split the text into the notes or an attachment"),
            )
        }
        Fact::UnitInTwoFiles { first } => {
            let unit = &f.unit;
            say(
                lang,
                format!("{first}中也有“{unit}”的台账，两份都已计入：如是重复，请删去其一"),
                format!("{first} holds a ledger of {unit} too; both are counted: if one repeats the other, remove it"),
            )
        }
        Fact::RepeatedRow { rows, kept } => say(
            lang,
            format!("本表从此行起有{rows}行与工作表“{kept}”中的行相同（问题、措施、时限、责任人一致）：只按“{kept}”计一次"),
            format!("{rows} rows of this sheet from here repeat rows of sheet {kept} (same problem, measure, deadline and responsible people): counted once, as {kept} has them"),
        ),
        Fact::StaleStatus {
            written,
            log_col,
            entry,
        } => {
            let c = crate::value::text::column_letters(*log_col);
            say(
                lang,
                format!("完成情况写为“{written}”，但{c}列所记最新一条为“{entry}”，两者不符：按完成情况计，请核对是否未及时更新"),
                format!("the status says {written}, but the latest report in column {c} is {entry}: counted as the status says; check whether it was left behind"),
            )
        }
        Fact::CopiedRow { of_row, id } => say(
            lang,
            format!("本行与第{of_row}行完全相同（编号“{id}”）：是同一件的重复行，只计一次"),
            format!("this row repeats row {of_row} cell for cell (number {id}): the same item written twice, counted once"),
        ),
        Fact::VoidRows { rows, words } => say(
            lang,
            format!(
                "本单位有{rows}行的状态表明不是一项事项（{}）：作废、撤单、与另一件重复或不涉及本单位，未计入",
                words.join("、")
            ),
            format!(
                "{rows} rows of this unit are no item by their state ({}): voided, withdrawn, a duplicate of another or not applicable to the unit; not counted",
                words.join(", ")
            ),
        ),
        Fact::UncertainReading {
            chosen,
            other,
            read,
            other_read,
            left_out,
        } => {
            let (a, b) = (
                crate::value::text::column_letters(chosen.0),
                other.as_ref().map(|o| crate::value::text::column_letters(o.0)),
            );
            let ha = &chosen.1;
            let key = f.field.map(|x| x.key()).unwrap_or_default();
            let alt_zh = match (&b, other) {
                (Some(b), Some((_, hb))) => format!(
                    "，也可能是{b}列“{hb}”（能识别{other_read}%）。如是{b}列，请在配置文件中为此表写{}",
                    sheet_line(f, key, b)
                ),
                _ => String::new(),
            };
            let alt_en = match (&b, other) {
                (Some(b), Some((_, hb))) => format!(
                    "; it may be column {b} ({hb}), {other_read}% of which reads. If it is, say so in the configuration for this sheet: {}",
                    sheet_line(f, key, b)
                ),
                _ => String::new(),
            };
            let (out_zh, out_en) = left_out_words(*left_out);
            say(
                lang,
                format!("读法不确定：“{field}”取自{a}列“{ha}”，但只有{read}%的单元格能识别{alt_zh}；{out_zh}"),
                format!("uncertain reading: {field} is read from column {a} ({ha}), but only {read}% of its cells read{alt_en}; {out_en}"),
            )
        }
        Fact::UncertainUnit {
            guessed,
            from,
            other,
            names,
            left_out,
        } => {
            use crate::layout::UnitSource as S;
            let b = crate::value::text::column_letters(other.0);
            let hb = &other.1;
            let (out_zh, out_en) = left_out_words(*left_out);
            let (from_zh, from_en) = match from {
                S::FileName | S::Column | S::Config => (
                    format!("本表没有写明单位，单位只能按文件名取为“{guessed}”"),
                    format!("nothing in this sheet names its unit, so it is taken from the file's name ({guessed})"),
                ),
                S::Title => (
                    format!("本表单位按标题取为“{guessed}”"),
                    format!("the sheet's unit is taken from its title ({guessed})"),
                ),
                S::SheetName => (
                    format!("本表单位按工作表名称取为“{guessed}”"),
                    format!("the sheet's unit is taken from the sheet's name ({guessed})"),
                ),
            };
            say(
                lang,
                format!(
                    "读法不确定：{from_zh}；但{b}列“{hb}”逐行写有{names}个不同的单位名称，可能才是各项所属的单位。如是，请在配置文件中为此表写{}；如确为“{guessed}”，请在配置文件的 [communities] 中写明；{out_zh}",
                    sheet_line(f, "unit", &b)
                ),
                format!(
                    "uncertain reading: {from_en}; but column {b} ({hb}) names {names} different organisations row by row, which may be the units its items belong to. If so, say so in the configuration for this sheet: {}; if it is {guessed}, say so under [communities]; {out_en}",
                    sheet_line(f, "unit", &b)
                ),
            )
        }
        Fact::AmbiguousUnit {
            chosen,
            other,
            left_out,
        } => {
            let (a, b) = (
                crate::value::text::column_letters(chosen.0),
                crate::value::text::column_letters(other.0),
            );
            let (ha, hb) = (&chosen.1, &other.1);
            let (out_zh, out_en) = left_out_words(*left_out);
            say(
                lang,
                format!(
                    "读法不确定：各项所属的单位可能是{a}列“{ha}”，也可能是{b}列“{hb}”，两者相近。请在配置文件中为此表写明单位列，如{}；{out_zh}",
                    sheet_line(f, "unit", &b)
                ),
                format!(
                    "uncertain reading: the units the items belong to may be column {a} ({ha}) or column {b} ({hb}), which come close. Say which in the configuration for this sheet, such as {}; {out_en}",
                    sheet_line(f, "unit", &b)
                ),
            )
        }
        Fact::FilerOnly {
            filer,
            guessed,
            left_out,
        } => {
            let (out_zh, out_en) = left_out_words(*left_out);
            let name = file_name_of(f);
            say(
                lang,
                format!(
                    "读法不确定：本表只写了填报的科室或部门“{filer}”，没有写明单位，也没有单位列，文件名“{guessed}”也不是单位的名称，各项所属的单位不明。请在配置文件的 [communities] 中写明此文件（{name}）的单位；{out_zh}"
                ),
                format!(
                    "uncertain reading: the sheet names only the section that filed it ({filer}), no unit and no column of units, and the file's name ({guessed}) names no organisation, so the unit the items belong to is unknown. Name the unit of this file ({name}) under [communities] in the configuration; {out_en}"
                ),
            )
        }
        Fact::UnitUnnamed {
            guessed,
            inspector,
            left_out,
        } => {
            let (out_zh, out_en) = left_out_words(*left_out);
            let name = file_name_of(f);
            let (by_zh, by_en) = match inspector {
                Some(i) => (
                    format!("标题只写了检查方“{i}”，"),
                    format!("the title names only the inspector ({i}), "),
                ),
                None => (String::new(), String::new()),
            };
            say(
                lang,
                format!(
                    "读法不确定：{by_zh}本表没有写明单位，也没有单位列，文件名“{guessed}”也不是单位的名称，各项所属的单位不明。请在配置文件的 [communities] 中写明此文件（{name}）的单位；{out_zh}"
                ),
                format!(
                    "uncertain reading: {by_en}the sheet names no unit and has no column of units, and the file's name ({guessed}) names no organisation, so the unit the items belong to is unknown. Name the unit of this file ({name}) under [communities] in the configuration; {out_en}"
                ),
            )
        }
        Fact::AmbiguousState {
            field,
            chosen,
            other,
            differ,
            compared,
            left_out,
        } => {
            let (a, b) = (
                crate::value::text::column_letters(chosen.0),
                crate::value::text::column_letters(other.0),
            );
            let (ha, hb) = (&chosen.1, &other.1);
            let (out_zh, out_en) = left_out_words(*left_out);
            // As the terminal names a field: its standard header, its key in English.
            let (name_zh, name_en) = (field.standard_header(), field.key());
            say(
                lang,
                format!(
                    "读法不确定：“{name_zh}”可能是{a}列“{ha}”，也可能是{b}列“{hb}”，两者相近，而两列读出的{name_zh}在{compared}行中有{differ}行不同，计得的数字取决于选哪一列。请在配置文件中为此表写明，如{}；{out_zh}",
                    sheet_line(f, field.key(), &b)
                ),
                format!(
                    "uncertain reading: the {name_en} may be column {a} ({ha}) or column {b} ({hb}), which come close, and the two differ on {differ} of {compared} rows, so the numbers depend on the choice. Say which in the configuration for this sheet, such as {}; {out_en}",
                    sheet_line(f, field.key(), &b)
                ),
            )
        }
        Fact::UnitPerRow {
            column,
            rows,
            units,
            left_out,
        } => {
            let a = crate::value::text::column_letters(column.0);
            let ha = &column.1;
            let (out_zh, out_en) = left_out_words(*left_out);
            say(
                lang,
                format!(
                    "读法不确定：单位取自{a}列“{ha}”，但{rows}行里有{units}个不同的单位，几乎每行一个：它可能是检查对象或地点，而不是各项所属的单位。如确是单位，请在配置文件中为此表写{}；{out_zh}",
                    sheet_line(f, "unit", &a)
                ),
                format!(
                    "uncertain reading: the unit is read from column {a} ({ha}), but its {rows} rows name {units} different units, nearly one a row: it may be the objects or places inspected rather than the units the items belong to. If it is the unit, say so in the configuration for this sheet: {}; {out_en}",
                    sheet_line(f, "unit", &a)
                ),
            )
        }
        Fact::UnitMismatch { named, by } => {
            use crate::layout::UnitSource as S;
            let (zh, en) = match by {
                S::Title => ("标题", "the title"),
                S::SheetName => ("工作表名称", "the sheet name"),
                S::Config => ("配置文件", "the configuration"),
                S::FileName | S::Column => ("文件名", "the file name"),
            };
            say(
                lang,
                format!("{zh}写的是“{named}”，但单位列写的是其他单位：各行按单位列计入所属单位"),
                format!(
                    "{en} names {named}, but the unit column names other units: each row counts for the unit its column names"
                ),
            )
        }
    }
}

/// What became of an uncertain sheet's numbers, in Chinese and English.
fn left_out_words(left_out: bool) -> (&'static str, &'static str) {
    if left_out {
        (
            "本表的数字未计入合计，确认读法后（配置文件或 --accept-uncertain）才计入",
            "this sheet's numbers are left out of the totals until the reading is confirmed (the configuration or --accept-uncertain)",
        )
    } else {
        ("已按确认计入合计", "counted, as confirmed")
    }
}

/// The finding's file's name, without its folder.
fn file_name_of(f: &Finding) -> String {
    std::path::Path::new(&f.file)
        .file_name()
        .map_or_else(|| f.file.clone(), |n| n.to_string_lossy().into_owned())
}

/// The configuration's lines that fix a field's column for the finding's sheet alone, on one
/// line: `[[columns.files]] pattern = "a.xlsx" sheet = "台账" status = "G"`.
fn sheet_line(f: &Finding, key: &str, column: &str) -> String {
    let name = file_name_of(f);
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    format!(
        "[[columns.files]] pattern = {} sheet = {} {key} = {}",
        quoted(&name),
        quoted(&f.sheet),
        quoted(column)
    )
}

/// A rule's name as paper shows it: a few Chinese words in Chinese (`必填项为空`), the id in
/// English (`missing-cell`, as JSON writes it). The findings sheet and the page's findings CSV
/// print it; the id stays in JSON and in the sheet's hidden `规则ID` column.
pub fn rule_name(rule: Rule, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return rule.id();
    }
    match rule {
        Rule::UnreadableFile => "文件无法读取",
        Rule::NoLedger => "没有台账",
        Rule::SheetSkipped => "跳过工作表",
        Rule::HiddenSheet => "隐藏工作表",
        Rule::MissingColumn => "缺少列",
        Rule::DuplicateColumn => "重复列",
        Rule::MissingCell => "必填项为空",
        Rule::BadDeadline => "时限无法识别",
        Rule::BadStatus => "完成情况无法识别",
        Rule::BadDate => "完成时间无法识别",
        Rule::YearInferred => "时限未写年份",
        Rule::Overdue => "逾期",
        Rule::DueSoon => "临期",
        Rule::DoneLate => "逾期完成",
        Rule::DuplicateMeasure => "措施重复",
        Rule::Numbering => "序号跳号或重号",
        Rule::AmbiguousColumn => "列难以区分",
        Rule::UnitMismatch => "单位不符",
        Rule::DuplicateFile => "重复文件",
        Rule::OwnOutput => "汇总工作簿",
        Rule::UnitInTwoFiles => "单位台账重复",
        Rule::CellTooLong => "单元格超长",
        Rule::DuplicateId => "措施ID重复",
        Rule::BadId => "措施ID被改动",
        Rule::NewMeasure => "新增措施",
        Rule::IdNotReturned => "措施未交回",
        Rule::UnknownId => "措施ID不明",
        Rule::NoData => "台账没有措施",
        Rule::RowsAfterFooter => "表尾下有措施",
        Rule::RepeatedRow => "行重复",
        Rule::VoidRow => "作废或重复件",
        Rule::StaleStatus => "状态与最新进展不符",
        Rule::UncertainReading => "读法不确定",
    }
}

/// What a rule checks, in a few words (for the table of `docs/rules.md` and `--help`).
#[cfg(test)]
pub(crate) fn rule_summary(rule: Rule, lang: Lang) -> &'static str {
    use crate::Lang::*;
    match (rule, lang) {
        (Rule::UnreadableFile, Zh) => "文件无法打开或解析",
        (Rule::UnreadableFile, En) => "the file cannot be opened or parsed",
        (Rule::NoLedger, Zh) => "文件中没有可识别表头的台账",
        (Rule::NoLedger, En) => "no sheet has a recognisable header",
        (Rule::SheetSkipped, Zh) => "工作表没有表头，已跳过",
        (Rule::SheetSkipped, En) => "a sheet without a header was skipped",
        (Rule::HiddenSheet, Zh) => "隐藏工作表中有台账，已跳过",
        (Rule::HiddenSheet, En) => "a hidden sheet holds a ledger; skipped",
        (Rule::MissingColumn, Zh) => "缺少必填列",
        (Rule::MissingColumn, En) => "a required field has no column",
        (Rule::DuplicateColumn, Zh) => "两列表示同一字段",
        (Rule::DuplicateColumn, En) => "two columns name the same field",
        (Rule::MissingCell, Zh) => "必填单元格为空",
        (Rule::MissingCell, En) => "a required cell is empty",
        (Rule::BadDeadline, Zh) => "整改时限无法识别",
        (Rule::BadDeadline, En) => "the deadline cannot be read",
        (Rule::BadStatus, Zh) => "完成情况无法识别",
        (Rule::BadStatus, En) => "the status cannot be read",
        (Rule::BadDate, Zh) => "完成时间无法识别",
        (Rule::BadDate, En) => "the completion date cannot be read",
        (Rule::YearInferred, Zh) => "时限未写年份，按截止日期所在年份理解",
        (Rule::YearInferred, En) => "the deadline has no year",
        (Rule::Overdue, Zh) => "已超过整改时限仍未完成",
        (Rule::Overdue, En) => "past its deadline and not done",
        (Rule::DueSoon, Zh) => "即将到期",
        (Rule::DueSoon, En) => "due within the window",
        (Rule::DoneLate, Zh) => "完成时间晚于整改时限",
        (Rule::DoneLate, En) => "completed after its deadline",
        (Rule::DuplicateMeasure, Zh) => "同一问题下整改措施重复",
        (Rule::DuplicateMeasure, En) => "the same measure twice under one problem",
        (Rule::Numbering, Zh) => "序号跳号或重号",
        (Rule::Numbering, En) => "seq values skip or repeat",
        (Rule::AmbiguousColumn, Zh) => "两列都可能是同一字段，相近难分",
        (Rule::AmbiguousColumn, En) => "two columns come close for one field",
        (Rule::DuplicateFile, Zh) => "与另一输入文件内容完全相同，只计一次",
        (Rule::DuplicateFile, En) => "the same bytes as another input; counted once",
        (Rule::OwnOutput, Zh) => "taizhang生成的汇总工作簿不作为来源重复读取",
        (Rule::OwnOutput, En) => {
            "a consolidated workbook of taizhang's, not read as a source again"
        }
        (Rule::UnitInTwoFiles, Zh) => "同一单位的台账出现在两个文件中",
        (Rule::UnitInTwoFiles, En) => "the same unit's ledger in two files",
        (Rule::CellTooLong, Zh) => "单元格内容超过表格单元格上限",
        (Rule::CellTooLong, En) => "a cell longer than a spreadsheet cell holds",
        (Rule::DuplicateId, Zh) => "两项措施的措施ID相同",
        (Rule::DuplicateId, En) => "two measures carry the same ID",
        (Rule::BadId, Zh) => "措施ID被改动，无法识别",
        (Rule::BadId, En) => "an ID cell holds no ID taizhang wrote",
        (Rule::NewMeasure, Zh) => "新增措施（没有措施ID）",
        (Rule::NewMeasure, En) => "a measure added (a row without an ID)",
        (Rule::IdNotReturned, Zh) => "上一轮的措施本轮没有交回",
        (Rule::IdNotReturned, En) => "a measure of the round followed did not come back",
        (Rule::RowsAfterFooter, Zh) => "整改措施写在表尾（填报人等）之下，没有读入",
        (Rule::RowsAfterFooter, En) => "measures typed below the footer, not read",
        (Rule::NoData, Zh) => "台账有表头但没有任何整改措施",
        (Rule::NoData, En) => "a ledger with a header and no measure",
        (Rule::RepeatedRow, Zh) => "与另一工作表的行或本表上方的行重复，只计一次",
        (Rule::RepeatedRow, En) => {
            "rows repeating another sheet's rows or a row above; counted once"
        }
        (Rule::VoidRow, Zh) => "状态为作废、撤单或重复的行，不计为事项",
        (Rule::VoidRow, En) => "rows voided, withdrawn or duplicates by their state; not counted",
        (Rule::StaleStatus, Zh) => "完成情况与旁边进展记录的最新一条不符，按完成情况计",
        (Rule::StaleStatus, En) => {
            "a status the latest dated report beside it contradicts; counted as written"
        }
        (Rule::UncertainReading, Zh) => "读法不确定，数字未计入合计",
        (Rule::UncertainReading, En) => "an uncertain reading; its numbers left out",
        (Rule::UnknownId, Zh) => "措施ID不属于上一轮",
        (Rule::UnknownId, En) => "an ID the round followed does not have",
        (Rule::UnitMismatch, Zh) => "标题或工作表名称与单位列不符",
        (Rule::UnitMismatch, En) => {
            "the title or sheet name names another unit than the unit column"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::grid::CellRef;
    use crate::value::header::Field;

    #[test]
    fn a_finding_in_both_languages() {
        let mut f = Finding::new(
            Rule::MissingCell,
            "a.xlsx",
            Fact::MissingCell { error: None },
        );
        f.sheet = "台账".into();
        f.cell = Some(CellRef::new(11, 6));
        f.field = Some(Field::Person);
        assert_eq!(message(&f, Lang::Zh), "“责任人”为空");
        assert_eq!(message(&f, Lang::En), "Person is empty");
    }

    #[test]
    fn a_status_word_in_many_cells_is_said_once_with_its_cells() {
        let also: Vec<CellRef> = (2..12).map(|r| CellRef::new(r, 7)).collect();
        let mut f = Finding::new(Rule::BadStatus, "a.xlsx", Fact::BadStatus { also });
        f.value = Some("看情况".into());
        let zh = message(&f, Lang::Zh);
        assert!(
            zh.starts_with(
                "无法识别完成情况“看情况”，共11处（另见H3、H4、H5、H6、H7、H8、H9、H10等）"
            ),
            "{zh}"
        );
        assert!(zh.contains("[statuses]"), "{zh}");
        let en = message(&f, Lang::En);
        assert!(en.contains("in 11 cells (also H3, H4"), "{en}");
        f.fact = Fact::BadStatus { also: Vec::new() };
        assert!(!message(&f, Lang::Zh).contains("共"));
    }

    #[test]
    fn every_rule_has_a_chinese_name_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for r in Rule::ALL {
            let name = rule_name(r, Lang::Zh);
            assert!(
                name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{r:?}"
            );
            assert!(seen.insert(name), "{name} twice");
            assert_eq!(rule_name(r, Lang::En), r.id());
        }
    }

    #[test]
    fn every_rule_is_summed_up_in_both_languages() {
        for r in Rule::ALL {
            assert!(!rule_summary(r, Lang::Zh).is_empty());
            assert!(rule_summary(r, Lang::En).is_ascii());
        }
    }
}

//! `verify` in words: each proof's line, each discrepancy's sentence, the heading and the
//! verdict.

use super::say;
use crate::Lang;
use crate::verify::claims::Claim;
use crate::verify::{
    Conclusion, Discrepancy, Hideable, NotChecked, Outcome, Proof, Scope, Verdict, summary_figure,
};

/// Why a proof was not made, with what to do.
pub(crate) fn not_checked(why: NotChecked, lang: Lang) -> String {
    match why {
        NotChecked::NoStoredResults { cells } => say(
            lang,
            format!("未核对：{cells}个公式单元格没有保存计算结果（保存它的程序不计算公式），无法得知各程序显示的数字；请用 Excel、WPS 或 LibreOffice 打开并重新保存后再核验"),
            format!("not checked: {cells} formula cells store no result (the program that saved the workbook does not calculate), so what a reader sees is unknown; open and save it again in Excel, WPS or LibreOffice, then verify"),
        ),
        NotChecked::NotXlsx => say(
            lang,
            "未核对：不是 taizhang 写出的 .xlsx 格式，读不到其中的公式与隐藏设置；请核验 taizhang 写出的 .xlsx 文件".into(),
            "not checked: not in the .xlsx format taizhang writes, so its formulas and hidden states cannot be read; verify the .xlsx taizhang wrote".into(),
        ),
    }
}

/// The line of a proof: what it covered, or why it was not made.
pub(crate) fn proof_detail(p: &Proof, lang: Lang) -> String {
    if let Outcome::NotChecked(why) = p.outcome {
        return not_checked(why, lang);
    }
    match p.scope {
        Scope::Structure { sheets, formulas } => say(
            lang,
            format!(
                "{sheets}个工作表、所有单元格与隐藏设置符合生成时的结构，汇总表{formulas}个公式与应有公式逐字一致"
            ),
            format!(
                "{sheets} sheets, every cell and hidden state as merge writes them; {formulas} summary formulas exactly as written"
            ),
        ),
        Scope::Summary { figures, rows } => say(
            lang,
            format!("汇总表{figures}个数字由台账{rows}行重新计算"),
            format!("{figures} summary figures recomputed from {rows} ledger rows"),
        ),
        Scope::Derived { rows } => say(
            lang,
            format!(
                "每行的状态、时限日期、逾期标记、问题整改与编号由本行单元格重新得出（{rows}行）"
            ),
            format!(
                "status, due date, overdue flag, problem done and numbering re-derived for {rows} rows"
            ),
        ),
        Scope::Integrity { rows, columns } => say(
            lang,
            format!(
                "台账摘要、{rows}个行校验码、{columns}个列摘要与生成时一致{}",
                if p.passed() { "" } else { "（不一致）" }
            ),
            format!(
                "ledger digest, {rows} row digests and {columns} column digests against merge time"
            ),
        ),
        Scope::Sources { found, recorded } => say(
            lang,
            format!("{recorded}个来源文件中找到{found}个并核对SHA-256"),
            format!("{found} of {recorded} recorded sources found and their SHA-256 compared"),
        ),
        Scope::Claims { claims } => say(
            lang,
            format!("核对{claims}个公布数字"),
            format!("{claims} published figures checked"),
        ),
    }
}

fn who(c: &Claim) -> String {
    c.unit.clone().map(|n| format!("{n}:")).unwrap_or_default()
}

/// A discrepancy's sentence.
pub(crate) fn discrepancy(d: &Discrepancy, lang: Lang) -> String {
    use Discrepancy as D;
    match d {
        D::SheetAdded { sheet } => say(
            lang,
            format!("工作表“{sheet}”不是生成时写出的"),
            format!("the sheet {sheet} was not written by merge"),
        ),
        D::SheetMissing { sheet } => say(
            lang,
            format!("生成时写出的工作表“{sheet}”不见了"),
            format!("the sheet {sheet} written by merge is missing"),
        ),
        D::HiddenState { sheet, what } => match what {
            Hideable::Sheet(state) => say(
                lang,
                format!(
                    "工作表“{sheet}”被设为{}（生成时为显示）",
                    if *state == crate::source::written::SheetState::VeryHidden {
                        "深度隐藏（veryHidden，界面中无法取消隐藏）"
                    } else {
                        "隐藏"
                    }
                ),
                format!("the sheet {sheet} is now {} (merge shows it)", state.key()),
            ),
            Hideable::Row(r) => say(
                lang,
                format!("{sheet}第{}行被隐藏（生成时显示）", r + 1),
                format!("{sheet} row {} is hidden (merge shows it)", r + 1),
            ),
            Hideable::AllRows => say(
                lang,
                format!("{sheet}设置为默认隐藏所有行（生成时显示）"),
                format!("{sheet} hides every row by default (merge shows them)"),
            ),
            Hideable::Column(col) => {
                let letters = crate::value::text::column_letters(*col);
                say(
                    lang,
                    format!("{sheet}的{letters}列被隐藏（生成时显示）"),
                    format!("{sheet} column {letters} is hidden (merge shows it)"),
                )
            }
        },
        D::CellAdded { at, found } => say(
            lang,
            format!("{at}有内容“{}”，生成时此处为空", super::excerpt(found)),
            format!("{at} holds \"{}\"; merge left it empty", super::excerpt(found)),
        ),
        D::FormulaAdded { at, formula } => say(
            lang,
            format!("{at}是公式“={formula}”，生成时不是公式：打开时各程序显示的是公式算出的值，而不是保存的值"),
            format!("{at} holds the formula ={formula}, which merge did not write: programs show what it computes, not the stored value"),
        ),
        D::FormulaChanged { at, expected, found } if found.is_empty() => say(
            lang,
            format!("{at}的公式被删除或被直接键入的数值取代（应为“={expected}”）"),
            format!("{at}: the formula was removed or typed over (it should be ={expected})"),
        ),
        D::FormulaChanged { at, expected, found } => say(
            lang,
            format!("{at}的公式被改为“={found}”，应为“={expected}”"),
            format!("{at}: the formula is now ={found}; merge wrote ={expected}"),
        ),
        D::LabelChanged { at, expected, found } => say(
            lang,
            format!("{at}应为“{expected}”，现为“{found}”"),
            format!("{at} should read \"{expected}\", it reads \"{found}\""),
        ),
        D::RecordUnreadable {
            at, record, found, ..
        } => {
            let label = record.label(lang);
            if found.trim().is_empty() {
                say(
                    lang,
                    format!("{at}：记录中的“{label}”缺失"),
                    format!("{at}: the record's {label} is missing"),
                )
            } else {
                say(
                    lang,
                    format!("{at}：记录中的“{label}”无法读取：“{}”", super::excerpt(found)),
                    format!("{at}: the record's {label} does not read: \"{}\"", super::excerpt(found)),
                )
            }
        }
        D::SourceUnreadable { file, error, .. } => {
            let why = super::source_error(error, lang);
            say(
                lang,
                format!("来源{file}找到了但无法读取：{why}"),
                format!("the source {file} was found but cannot be read: {why}"),
            )
        }
        D::SummaryValue {
            at,
            row,
            column,
            expected,
            found,
        } => {
            let e = summary_figure(*column, *expected);
            let f = found
                .map(crate::value::text::format_number)
                .unwrap_or_default();
            let key = column.key();
            say(
                lang,
                format!("{at}（{row} {key}）：台账行计得{e}，表中为{f}"),
                format!("{at} ({row} {key}): the ledger rows give {e}, the sheet shows {f}"),
            )
        }
        D::SummarySentence { at, .. } => say(
            lang,
            format!("{at}的汇报句与台账行不符"),
            format!("{at}: the report sentence does not follow from the rows"),
        ),
        D::SummaryTotalMissing { .. } => say(
            lang,
            "汇总表缺少合计行".into(),
            "the summary has no total row".into(),
        ),
        D::SummaryUnitMissing { unit, .. } => say(
            lang,
            format!("台账中有“{unit}”的行，汇总表中没有这个社区"),
            format!("the ledger has rows of {unit}, the summary has no row for it"),
        ),
        D::SummaryParentMissing { parent, .. } => say(
            lang,
            format!("台账中有上级单位为“{parent}”的行，汇总表按上级单位的表中没有它"),
            format!("the ledger has rows under {parent}, the summary's table by parent has no row for it"),
        ),
        D::DerivedValue {
            at,
            column,
            expected,
            found,
        } => say(
            lang,
            format!(
                "{at}“{}”应为“{expected}”（由本行其他单元格得出），现为“{found}”",
                column.header(lang)
            ),
            format!(
                "{at} ({}) should be \"{expected}\" from the row's other cells, is \"{found}\"",
                column.header(lang)
            ),
        ),
        D::LedgerDigest { .. } => say(
            lang,
            "台账内容摘要与生成时记录的不一致：台账在生成后被改动".into(),
            "the ledger digest differs from the one recorded at merge: the ledger was changed after merge".into(),
        ),
        D::PropertyDigest { .. } => say(
            lang,
            "“来源”表中记录的摘要与文档属性中的不一致".into(),
            "the digest on the sources sheet differs from the document property".into(),
        ),
        D::RowEdited { at } => {
            let row = at.cell.row + 1;
            let sheet = &at.sheet;
            say(
                lang,
                format!("{sheet}第{row}行在生成后被改动（行校验码不符）"),
                format!("{sheet} row {row} was changed after merge (its row digest differs)"),
            )
        }
        D::CellEdited { at, column, found } => say(
            lang,
            format!(
                "{at}（“{}”）在生成后被改动，现为“{found}”",
                column.header(lang)
            ),
            format!(
                "{at} ({}) was changed after merge; it now reads \"{found}\"",
                column.header(lang)
            ),
        ),
        D::RowCount { expected, found } => say(
            lang,
            format!("台账应有{expected}行，现有{found}行"),
            format!("the ledger had {expected} rows at merge, it has {found} now"),
        ),
        D::RowRemoved { no } => say(
            lang,
            format!("序号为{no}的行已被删除"),
            format!("the row numbered {no} was removed"),
        ),
        D::SourceMissing { path, .. } => say(
            lang,
            format!("来源文件{path}在所给目录中找不到"),
            format!("source {path} is not in the given folders"),
        ),
        D::SourceChanged { file, .. } => say(
            lang,
            format!("来源文件{file}在生成后被修改（SHA-256不符）"),
            format!("source {file} changed after merge (SHA-256 differs)"),
        ),
        D::SourceRowMissing {
            file,
            source_cell,
            measure,
        } => say(
            lang,
            format!("来源{file} {source_cell}的措施“{measure}”不在台账中"),
            format!("the measure \"{measure}\" of {file} {source_cell} is not in the ledger"),
        ),
        D::SourceMismatch {
            at,
            column,
            file,
            source_cell,
            expected,
            found,
        } => say(
            lang,
            format!(
                "{at}（“{}”）为“{found}”，来源{file} {source_cell}为“{expected}”",
                column.header(lang)
            ),
            format!(
                "{at} ({}) reads \"{found}\"; the source {file} {source_cell} reads \"{expected}\"",
                column.header(lang)
            ),
        ),
        D::LedgerRowUnsourced { at, file, .. } => {
            let (sheet, row) = (&at.sheet, at.cell.row + 1);
            say(
                lang,
                format!("{sheet}第{row}行在来源{file}中已没有对应的措施"),
                format!("{sheet} row {row} no longer has a measure in the source {file}"),
            )
        }
        D::SourceNew { file } => say(
            lang,
            format!("{file}不在本汇总的来源中"),
            format!("{file} is not among the sources of this workbook"),
        ),
        D::Claim { claim, actual } => {
            let (who, key, value) = (who(claim), claim.key.key(), claim.value);
            say(
                lang,
                format!("公布的{who}{key}={value}与台账不符：台账为{actual}"),
                format!("the published {who}{key}={value} does not hold: the ledger gives {actual}"),
            )
        }
    }
}

/// The heading of the verdict: the workbook, the tool that wrote it and its as-of date.
pub(crate) fn heading(path: &str, version: &str, as_of: &str, lang: Lang) -> String {
    say(
        lang,
        format!("核验 {path}（{version}，截至{as_of}）"),
        format!("Verifying {path} ({version}, as of {as_of})"),
    )
}

/// The line that says which round a workbook follows (`merge --follows`): a later round,
/// not an edit of the earlier one, whose own digests prove it.
pub(crate) fn follows(digest: &str, lang: Lang) -> String {
    say(
        lang,
        format!(
            "本工作簿是接续上一轮的新一轮台账（上一轮台账摘要 {digest}），以其自身的校验码核验"
        ),
        format!(
            "this workbook is a later round that follows the round with ledger digest {digest}; it is proved by its own digests"
        ),
    )
}

/// A proof's name for people: in Chinese the check it is, in English its key.
pub(crate) fn proof_name(kind: crate::verify::ProofKind, lang: Lang) -> &'static str {
    use crate::verify::ProofKind;
    match lang {
        Lang::En => kind.key(),
        Lang::Zh => match kind {
            ProofKind::Structure => "结构",
            ProofKind::Summary => "汇总",
            ProofKind::Derived => "派生列",
            ProofKind::Integrity => "防篡改",
            ProofKind::Sources => "来源",
            ProofKind::Claims => "公布数字",
        },
    }
}

/// The label above the discrepancies.
pub(crate) fn discrepancies_label(lang: Lang) -> &'static str {
    lang.pick("不一致之处：", "Discrepancies:")
}

/// The verdict's last line.
pub(crate) fn conclusion(v: &Verdict, lang: Lang) -> String {
    let n = v.discrepancies.len();
    match (lang, v.conclusion) {
        (Lang::Zh, Conclusion::Verified) => "结论：核验通过。".to_string(),
        (Lang::Zh, Conclusion::NotVerified) => format!("结论：核验未通过，共{n}处不一致。"),
        (Lang::Zh, Conclusion::CannotVerify) => {
            "结论：无法核验（见上面未核对的项目），不能作为核验通过。".to_string()
        }
        (Lang::En, Conclusion::Verified) => "Verdict: verified.".to_string(),
        (Lang::En, Conclusion::NotVerified) => {
            format!("Verdict: NOT verified, {n} discrepancies.")
        }
        (Lang::En, Conclusion::CannotVerify) => {
            "Verdict: cannot be verified (see the checks not made above); this is not a pass."
                .to_string()
        }
    }
}

/// Why a published figure (`--expect`) could not be read, in a language.
pub fn claim_error(e: &crate::verify::claims::ClaimError, lang: Lang) -> String {
    use crate::verify::claims::{ClaimError as E, ClaimKey};
    let keys = |lang: Lang| -> String {
        ClaimKey::all()
            .map(|k| match (k, lang) {
                (ClaimKey::Units, Lang::Zh) => "单位".to_string(),
                (ClaimKey::Units, Lang::En) => "communities".to_string(),
                (ClaimKey::Counter(c), Lang::Zh) => c.header(Lang::Zh).to_string(),
                (ClaimKey::Counter(c), Lang::En) => c.key().to_string(),
            })
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    };
    match (e, lang) {
        (E::Form { claim }, Lang::Zh) => {
            format!(
                "“{claim}”：应写成“项目=数字”或“单位：项目=数字”，如 措施=56、庆利社区：已完成措施=3"
            )
        }
        (E::Form { claim }, Lang::En) => {
            format!(
                "{claim}: write KEY=N or UNIT:KEY=N, as measures=56 or 庆利社区:measures_done=3"
            )
        }
        (E::NotANumber { claim, value }, Lang::Zh) => format!("“{claim}”：“{value}”不是整数"),
        (E::NotANumber { claim, value }, Lang::En) => {
            format!("{claim}: {value} is not a whole number")
        }
        (E::UnknownCounter { claim, key }, Lang::Zh) => {
            format!("“{claim}”：没有“{key}”这一项；可写：{}", keys(Lang::Zh))
        }
        (E::UnknownCounter { claim, key }, Lang::En) => {
            format!(
                "{claim}: unknown counter {key} (one of: {})",
                keys(Lang::En)
            )
        }
    }
}

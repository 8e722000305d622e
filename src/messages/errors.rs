//! Every failure a user can meet, in words: what was being done and why, down to the operating
//! system's reason. One function per language for each error type, each an exhaustive `match`:
//! a variant added without its words in both languages does not compile.

use crate::Lang;
use crate::config::{ConfigError, TomlError};
use crate::diff::DiffError;
use crate::source::consolidated::{Lacks, ReadError};
use std::io::ErrorKind as K;
use std::path::Path;

/// What a run was doing when it failed: said before the cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Doing<'a> {
    /// Reading the round of `--follows` (the workbook as shown).
    Follows(&'a str),
    /// Starting the consolidated workbook.
    StartingWorkbook,
    /// Adding a file's rows to the ledger sheet.
    WritingLedgerSheet,
    /// Adding the run's findings.
    WritingFindings,
    /// Saving the workbook.
    WritingWorkbook,
    /// Building a standard workbook.
    BuildingWorkbook,
    /// Building the blank template.
    BuildingTemplate,
    /// Making the temporary file the findings wait in.
    TemporaryFile,
    /// Spooling the findings.
    SpoolingFindings,
    /// Reading the inputs.
    Reading,
    /// Writing the lists.
    WritingLists,
    /// Starting the draft.
    StartingDraft,
    /// Drafting the report.
    Drafting,
}

/// What a run was doing, then why it failed (`cause`, already worded), in a language.
pub(crate) fn doing(d: Doing<'_>, cause: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => doing_zh(d, cause),
        Lang::En => doing_en(d, cause),
    }
}

fn doing_zh(d: Doing<'_>, cause: &str) -> String {
    match d {
        Doing::Follows(shown) => format!("无法读取 --follows 给出的上一轮“{shown}”：{cause}"),
        Doing::StartingWorkbook => format!("无法创建工作簿：{cause}"),
        Doing::WritingLedgerSheet => format!("写入台账工作表时出错：{cause}"),
        Doing::WritingFindings => format!("写入检查结果时出错：{cause}"),
        Doing::WritingWorkbook => format!("写入工作簿时出错：{cause}"),
        Doing::BuildingWorkbook => format!("生成工作簿时出错：{cause}"),
        Doing::BuildingTemplate => format!("生成模板时出错：{cause}"),
        Doing::TemporaryFile => format!("无法创建临时文件：{cause}"),
        Doing::SpoolingFindings => format!("暂存检查结果时出错：{cause}"),
        Doing::Reading => format!("读取台账时出错：{cause}"),
        Doing::WritingLists => format!("写入清单时出错：{cause}"),
        Doing::StartingDraft => format!("无法创建报告草稿：{cause}"),
        Doing::Drafting => format!("起草报告时出错：{cause}"),
    }
}

fn doing_en(d: Doing<'_>, cause: &str) -> String {
    match d {
        Doing::Follows(shown) => format!("--follows {shown}: {cause}"),
        Doing::StartingWorkbook => format!("starting the workbook: {cause}"),
        Doing::WritingLedgerSheet => format!("writing the ledger sheet: {cause}"),
        Doing::WritingFindings => format!("writing the findings: {cause}"),
        Doing::WritingWorkbook => format!("writing the workbook: {cause}"),
        Doing::BuildingWorkbook => format!("building the workbook: {cause}"),
        Doing::BuildingTemplate => format!("building the template: {cause}"),
        Doing::TemporaryFile => format!("a temporary file: {cause}"),
        Doing::SpoolingFindings => format!("spooling the findings: {cause}"),
        Doing::Reading => format!("reading: {cause}"),
        Doing::WritingLists => format!("writing the lists: {cause}"),
        Doing::StartingDraft => format!("starting the draft: {cause}"),
        Doing::Drafting => format!("drafting: {cause}"),
    }
}

/// The spreadsheet writer's refusal, in a language: a file system's reason as such, any other
/// with the writer's own words as the cause.
pub(crate) fn xlsx_error(x: &rust_xlsxwriter::XlsxError, lang: Lang) -> String {
    match (x, lang) {
        (rust_xlsxwriter::XlsxError::IoError(io), _) => io_error(io, lang),
        (other, Lang::Zh) => format!("表格写入组件拒绝（{other}）"),
        (other, Lang::En) => other.to_string(),
    }
}

/// A JSON document that could not be made or read, in a language.
pub(crate) fn json_error(j: &serde_json::Error, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("JSON出错（{j}）"),
        Lang::En => format!("JSON: {j}"),
    }
}

/// Why an output could not be written: the facts of a [`crate::write::WriteError`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Unwritten<'a> {
    /// The output names one of the inputs.
    IsInput(&'a Path),
    /// The output exists and is not a regular file.
    NotAFile(&'a Path),
    /// The output's folder does not exist.
    NoFolder(&'a Path, &'a Path),
    /// The file system refused.
    Io(&'a Path, &'a std::io::Error),
    /// Producing the content failed.
    Content(&'a Path, &'a str),
}

/// Why an output could not be written, in a language.
pub(crate) fn unwritten(u: Unwritten<'_>, lang: Lang) -> String {
    match lang {
        Lang::Zh => unwritten_zh(u),
        Lang::En => unwritten_en(u),
    }
}

fn unwritten_zh(u: Unwritten<'_>) -> String {
    match u {
        Unwritten::IsInput(path) => format!("拒绝写入{}：它是输入文件之一", path.display()),
        Unwritten::NotAFile(path) => {
            format!("无法写入{}：它已存在且不是普通文件", path.display())
        }
        Unwritten::NoFolder(path, folder) => format!(
            "无法写入{}：文件夹{}不存在",
            path.display(),
            folder.display()
        ),
        Unwritten::Io(path, cause) => format!("无法写入{}：{}", path.display(), io_zh(cause)),
        Unwritten::Content(path, message) => {
            format!("无法写入{}：生成内容时出错（{message}）", path.display())
        }
    }
}

fn unwritten_en(u: Unwritten<'_>) -> String {
    match u {
        Unwritten::IsInput(path) => {
            format!(
                "refusing to write {}: it is one of the inputs",
                path.display()
            )
        }
        Unwritten::NotAFile(path) => format!(
            "cannot write {}: it exists and is not a regular file",
            path.display()
        ),
        Unwritten::NoFolder(path, folder) => format!(
            "cannot write {}: the folder {} does not exist",
            path.display(),
            folder.display()
        ),
        Unwritten::Io(path, cause) => format!("cannot write {}: {}", path.display(), io_en(cause)),
        Unwritten::Content(path, message) => format!("cannot write {}: {message}", path.display()),
    }
}

/// Why the consolidated workbook's writer stopped (a full disk, most often), its own words
/// kept as the cause, in a language.
pub(crate) fn writer_stopped(m: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法写入工作簿：{m}（磁盘或临时文件夹是否已满？）"),
        Lang::En => {
            format!("cannot write the workbook: {m} (is the disk, or the temporary folder, full?)")
        }
    }
}

/// A unit's list that could not be built (`cause` already worded), in a language.
pub(crate) fn list_failed(unit: &str, cause: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{unit}：生成清单出错：{cause}"),
        Lang::En => format!("{unit}: building the list: {cause}"),
    }
}

/// A folder that could not be made (`cause` already worded), in a language.
pub(crate) fn folder_failed(path: &str, cause: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{path}：无法创建文件夹：{cause}"),
        Lang::En => format!("{path}: {cause}"),
    }
}

/// Why a consolidated workbook could not be read, in a language.
pub(crate) fn read_error(e: &ReadError, lang: Lang) -> String {
    match lang {
        Lang::Zh => read_zh(e),
        Lang::En => read_en(e),
    }
}

fn read_zh(e: &ReadError) -> String {
    match e {
        ReadError::Source { path, cause } => {
            format!("{path}：{}", super::source_error(cause, Lang::Zh))
        }
        ReadError::NotConsolidated { path, lacks } => {
            let why = match lacks {
                Lacks::Format(f) => format!("是{f}文件"),
                Lacks::LedgerSheet => "没有带汇总表头的台账工作表".to_string(),
                Lacks::Summary => "没有汇总工作表".to_string(),
                Lacks::Sources => "没有来源工作表".to_string(),
                Lacks::LedgerDigest => "来源工作表上没有台账摘要".to_string(),
            };
            format!("{path}：不是 taizhang merge 生成的汇总工作簿（{why}）")
        }
    }
}

fn read_en(e: &ReadError) -> String {
    match e {
        ReadError::Source { path, cause } => {
            format!("{path}: {}", super::source_error(cause, Lang::En))
        }
        ReadError::NotConsolidated { path, lacks } => {
            format!("{path}: not a consolidated workbook written by taizhang merge ({lacks})")
        }
    }
}

/// Why two rounds could not be compared, in a language.
pub(crate) fn diff_error(e: &DiffError, lang: Lang) -> String {
    match lang {
        Lang::Zh => diff_zh(e),
        Lang::En => diff_en(e),
    }
}

fn diff_zh(e: &DiffError) -> String {
    match e {
        DiffError::Read(r) => read_zh(r),
        DiffError::Spool(io) => format!("临时文件出错：{}", io_zh(io)),
    }
}

fn diff_en(e: &DiffError) -> String {
    match e {
        DiffError::Read(r) => read_en(r),
        DiffError::Spool(io) => format!("temporary files: {}", io_en(io)),
    }
}

/// Why a configuration file could not be used, in a language.
pub(crate) fn config_error(e: &ConfigError, lang: Lang) -> String {
    match (e, lang) {
        (ConfigError::Read { path, cause }, Lang::Zh) => {
            format!("无法读取配置文件{path}：{}", io_zh(cause))
        }
        (ConfigError::Read { path, cause }, Lang::En) => {
            format!(
                "cannot read the configuration file {path}: {}",
                io_en(cause)
            )
        }
        (ConfigError::Parse { path, error }, Lang::Zh) => {
            format!("配置文件{path}有误：{}", toml_error(error, Lang::Zh))
        }
        (ConfigError::Parse { path, error }, Lang::En) => {
            format!("configuration file {path}: {}", toml_error(error, Lang::En))
        }
    }
}

/// Where a configuration's text does not read and why, in a language. The TOML reader's own
/// words are said in Chinese for the mistakes clerks make; any other is quoted as the cause.
pub(crate) fn toml_error(e: &TomlError, lang: Lang) -> String {
    let TomlError {
        line,
        column,
        detail,
    } = e;
    match lang {
        Lang::En => format!("line {line}, column {column}: {detail}"),
        Lang::Zh => {
            let field = |d: &str| d.split('`').nth(1).map(str::to_string).unwrap_or_default();
            let why = if detail.starts_with("unknown field") {
                format!("没有“{}”这一项（可写的项见 docs/config.md）", field(detail))
            } else if detail.starts_with("invalid type") {
                format!("值的类型不对（{detail}）")
            } else if detail.starts_with("duplicate key") {
                "同一项写了两次".to_string()
            } else if detail.starts_with("unclosed") {
                format!("括号或引号没有结束（{detail}）")
            } else if detail.contains("expected `=`") {
                "缺少“=”：每行应写成“项 = 值”".to_string()
            } else if detail.starts_with("missing field") {
                format!("缺少“{}”这一项", field(detail))
            } else {
                format!("不符合TOML格式（{detail}）")
            };
            format!("第{line}行第{column}列：{why}")
        }
    }
}

/// Said when `taizhang` is run with neither a command nor an input.
pub(crate) fn no_input_given(lang: Lang) -> String {
    lang.pick(
        "没有输入：请给出台账文件或文件夹，或一个命令（taizhang --help 列出所有命令）",
        "no input: give ledger files or folders, or a command (see --help)",
    )
    .to_string()
}

/// A path of the command-less form that does not exist, perhaps a mistyped command.
pub(crate) fn not_a_path(arg: &str, suggestion: Option<&str>, lang: Lang) -> String {
    match (suggestion, lang) {
        (Some(c), Lang::Zh) => format!(
            "“{arg}”不是命令，也不是存在的文件或文件夹。是否要用命令 {c}？（taizhang --help 列出所有命令）"
        ),
        (Some(c), Lang::En) => format!(
            "{arg} is neither a command nor an existing file or folder. Did you mean the command {c}? (taizhang --help lists them)"
        ),
        (None, Lang::Zh) => {
            format!("找不到文件或文件夹“{arg}”；没有写出任何文件（taizhang --help 列出所有命令）")
        }
        (None, Lang::En) => format!(
            "no file or folder {arg}; nothing was written (taizhang --help lists the commands)"
        ),
    }
}

/// The operating system's reason, in a language: the kinds a clerk meets said in Chinese, any
/// other with the system's own words as its cause.
pub(crate) fn io_error(e: &std::io::Error, lang: Lang) -> String {
    match lang {
        Lang::Zh => io_zh(e),
        Lang::En => io_en(e),
    }
}

fn io_zh(e: &std::io::Error) -> String {
    let said = match e.kind() {
        K::NotFound => "不存在",
        K::PermissionDenied => "没有权限",
        K::AlreadyExists => "已存在",
        K::StorageFull => "磁盘已满",
        K::QuotaExceeded => "超出磁盘配额",
        K::FileTooLarge => "文件过大，超出文件系统的上限",
        K::ReadOnlyFilesystem => "磁盘只读",
        K::IsADirectory => "是文件夹，不是文件",
        K::NotADirectory => "路径中有一段不是文件夹",
        K::DirectoryNotEmpty => "文件夹不是空的",
        K::InvalidFilename => "文件名过长或含有不允许的字符",
        K::ResourceBusy | K::ExecutableFileBusy => "文件正被其他程序使用",
        K::CrossesDevices => "不能跨磁盘移动",
        K::TooManyLinks => "链接过多",
        K::StaleNetworkFileHandle => "网络文件已失效",
        K::TimedOut => "超时",
        K::Interrupted => "被中断",
        K::UnexpectedEof => "文件意外结束（可能不完整）",
        K::InvalidData => "内容无效",
        K::OutOfMemory => "内存不足",
        K::WriteZero => "无法写入（写入了0字节）",
        K::AddrInUse => "端口已被占用",
        K::AddrNotAvailable => "地址不可用",
        K::ConnectionRefused => "连接被拒绝",
        K::ConnectionReset | K::ConnectionAborted => "连接中断",
        K::BrokenPipe => "输出已关闭",
        _ => return format!("系统错误（{e}）"),
    };
    said.to_string()
}

fn io_en(e: &std::io::Error) -> String {
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceError;
    use std::io;
    use std::path::PathBuf;

    fn has_chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// The words of a variant, Chinese and English: the Chinese holds Chinese, the English none
    /// (besides the names it quotes, which these examples keep Latin).
    fn both(zh: String, en: String) {
        assert!(has_chinese(&zh), "no Chinese: {zh}");
        assert!(!has_chinese(&en), "Chinese in English: {en}");
    }

    fn io_of(kind: io::ErrorKind) -> io::Error {
        io::Error::new(kind, "os says")
    }

    fn read_errors() -> Vec<ReadError> {
        let path = "r1.xlsx".to_string();
        let mut v = vec![ReadError::Source {
            path: path.clone(),
            cause: SourceError::NotFound,
        }];
        for lacks in [
            Lacks::Format(crate::source::Format::Csv),
            Lacks::LedgerSheet,
            Lacks::Summary,
            Lacks::Sources,
            Lacks::LedgerDigest,
        ] {
            v.push(ReadError::NotConsolidated {
                path: path.clone(),
                lacks,
            });
        }
        v
    }

    /// Every variant of the lower error types, worded in both languages (a use case's
    /// failures: `run::said`).
    #[test]
    fn every_error_is_worded_in_both_languages() {
        let (path, folder) = (PathBuf::from("out.xlsx"), PathBuf::from("gone"));
        let full = io_of(io::ErrorKind::StorageFull);
        for u in [
            Unwritten::IsInput(&path),
            Unwritten::NotAFile(&path),
            Unwritten::NoFolder(&path, &folder),
            Unwritten::Io(&path, &full),
            Unwritten::Content(&path, "broken"),
        ] {
            both(unwritten(u, Lang::Zh), unwritten(u, Lang::En));
        }
        both(
            writer_stopped("broken", Lang::Zh),
            writer_stopped("broken", Lang::En),
        );
        both(
            list_failed("unit", "x", Lang::Zh),
            list_failed("unit", "x", Lang::En),
        );
        both(
            folder_failed("lists", "x", Lang::Zh),
            folder_failed("lists", "x", Lang::En),
        );
        for e in read_errors() {
            both(read_error(&e, Lang::Zh), read_error(&e, Lang::En));
            let d = DiffError::Read(e);
            both(diff_error(&d, Lang::Zh), diff_error(&d, Lang::En));
        }
        let d = DiffError::Spool(io_of(io::ErrorKind::StorageFull));
        both(diff_error(&d, Lang::Zh), diff_error(&d, Lang::En));
        let toml = crate::config::ConfigFile::parse("x = [").unwrap_err();
        for e in [
            ConfigError::Read {
                path: "c.toml".into(),
                cause: io_of(io::ErrorKind::NotFound),
            },
            ConfigError::Parse {
                path: "c.toml".into(),
                error: toml,
            },
        ] {
            both(config_error(&e, Lang::Zh), config_error(&e, Lang::En));
        }
        for d in [
            Doing::Follows("r0.xlsx"),
            Doing::StartingWorkbook,
            Doing::WritingLedgerSheet,
            Doing::WritingFindings,
            Doing::WritingWorkbook,
            Doing::BuildingWorkbook,
            Doing::BuildingTemplate,
            Doing::TemporaryFile,
            Doing::SpoolingFindings,
            Doing::Reading,
            Doing::WritingLists,
            Doing::StartingDraft,
            Doing::Drafting,
        ] {
            both(
                doing(d, "磁盘已满", Lang::Zh),
                doing(d, "disk full", Lang::En),
            );
        }
    }

    /// The operating system's reasons a clerk meets are said in Chinese, without its English.
    #[test]
    fn the_systems_reasons_in_chinese() {
        for kind in [
            io::ErrorKind::NotFound,
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::InvalidFilename,
            io::ErrorKind::StorageFull,
            io::ErrorKind::ReadOnlyFilesystem,
            io::ErrorKind::IsADirectory,
        ] {
            let zh = io_error(&io_of(kind), Lang::Zh);
            assert!(
                has_chinese(&zh) && !zh.contains("os says"),
                "{kind:?}: {zh}"
            );
        }
        // ENAMETOOLONG, as the system says it.
        let long = io::Error::from_raw_os_error(36);
        #[cfg(target_os = "linux")]
        assert_eq!(io_error(&long, Lang::Zh), "文件名过长或含有不允许的字符");
        let _ = long;
    }

    /// A configuration's mistakes are said in Chinese with the line and column.
    #[test]
    fn toml_mistakes_in_chinese() {
        for (text, said) in [
            ("x = [", "第1行第6列：括号或引号没有结束"),
            ("colour = 1", "第1行第1列：没有“colour”这一项"),
            (
                "due_soon_days = 1\ndue_soon_days = 2",
                "第2行第1列：同一项写了两次",
            ),
            ("a b", "第1行第3列：缺少“=”"),
            ("due_soon_days = \"a\"", "第1行第17列：值的类型不对"),
        ] {
            let e = crate::config::ConfigFile::parse(text).unwrap_err();
            let zh = toml_error(&e, Lang::Zh);
            assert!(zh.starts_with(said), "{text}: {zh}");
        }
    }
}

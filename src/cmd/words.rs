//! The command line in the user's language: `--help` and clap's usage errors in Chinese by
//! default, in English with `--lang en` or `LANG=en*`.
//!
//! The English texts are the doc comments of the argument structs; the Chinese ones are here,
//! by command and argument id, and a test holds that every argument of every command has one.

use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use taizhang::Lang;

/// The language the command line asks for: `--lang en|zh` (or `--lang=…`) wherever it is,
/// else `LANG` (or `LC_ALL`) starting with `en`, else Chinese.
pub fn wanted(args: &[OsString]) -> Lang {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        match value {
            Some("en") => return Lang::En,
            Some("zh") => return Lang::Zh,
            _ => {}
        }
    }
    let env_en = |k: &str| std::env::var(k).is_ok_and(|l| l.starts_with("en"));
    if env_en("LC_ALL") || env_en("LANG") {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// [`wanted`] for this process's command line: the language every message of the command is
/// said in, found in this one place.
pub fn wanted_here() -> Lang {
    wanted(&std::env::args_os().collect::<Vec<_>>())
}

/// The about line of each command in Chinese.
const ABOUT: [(&str, &str); 11] = [
    (
        "serve",
        "供不用命令行的人使用的网页：在浏览器中拖入台账，查看计数和检查结果，下载汇总工作簿、报告和清单；核验工作簿",
    ),
    ("", "taizhang：读取、检查、汇总整改台账"),
    ("check", "读取台账，列出每条检查结果和各社区的计数"),
    ("columns", "显示每个台账的每个字段从哪一列读取，以及依据"),
    ("merge", "生成汇总工作簿：汇总、台账、检查结果、来源"),
    ("convert", "把一个台账转换为标准格式（.xlsx、.csv或.json）"),
    ("template", "生成供社区填写的空白标准台账"),
    ("verify", "核验汇总工作簿：合计、改动、来源、公开的数字"),
    ("diff", "比较两轮汇总工作簿，列出变化"),
    ("report", "根据台账起草整改进展报告（.docx、.md或.txt）"),
    (
        "split",
        "为每个单位生成待整改清单（挂单整改），带上措施ID以便下一轮对账销号",
    ),
];

/// The help of each argument in Chinese: (command, argument id, help). The command `*` is
/// every command that has the argument (the shared reading options).
const HELP: &[(&str, &str, &str)] = &[
    ("", "inputs", "不带命令时要汇总的台账文件或文件夹"),
    (
        "*",
        "as_of",
        "判断逾期和计数所依据的日期（默认今天）；可写2023-03-30、2023/3/30、2023.3.30、20230330或2023年3月30日",
    ),
    (
        "*",
        "due_soon_days",
        "整改时限在截至日期后多少天内算临期（默认14天）",
    ),
    (
        "*",
        "feedback_date",
        "反馈问题的日期；立行立改的措施以此为时限",
    ),
    ("*", "include_hidden", "也读取隐藏工作表上的台账"),
    (
        "*",
        "accept_uncertain",
        "读法不确定的工作表也计入合计（确认读法无误时使用）",
    ),
    (
        "*",
        "config",
        "配置文件（表头用语、完成情况用语、社区名称、默认值）",
    ),
    ("*", "lang", "提示信息的语言：zh（中文，默认）或en（英文）"),
    (
        "check",
        "inputs",
        "台账文件或文件夹（文件夹指其中所有支持的文件）",
    ),
    ("check", "format", "输出格式：human（默认，供阅读）或json"),
    ("columns", "inputs", "台账文件或文件夹"),
    (
        "merge",
        "inputs",
        "台账文件或文件夹（文件夹指其中所有支持的文件）",
    ),
    ("merge", "output", "要生成的汇总工作簿（.xlsx）"),
    (
        "merge",
        "json",
        "同时把 check --format json 的结果写入此文件",
    ),
    (
        "merge",
        "strict",
        "有错误级别的检查结果时退出码为1（工作簿照常生成）",
    ),
    ("merge", "threads", "读取文件的线程数（默认为本机核数）"),
    (
        "merge",
        "follows",
        "上一轮的汇总工作簿（split发出、各单位交回的清单所属的一轮）：逐个核对措施ID，新工作簿记录接续的是哪一轮",
    ),
    ("*", "unit", "编制单位（写在汇总表或报告上）"),
    ("*", "paper", "打印纸张：a4（默认）或a3"),
    ("convert", "input", "台账文件"),
    ("convert", "output", "要生成的文件:.xlsx、.csv或.json"),
    ("convert", "sheet", "工作簿有多个台账时，要转换的工作表"),
    ("template", "output", "要生成的文件（.xlsx）"),
    (
        "template",
        "community",
        "台账所属社区（写在标题和填报单位处）",
    ),
    ("verify", "workbook", "taizhang merge 生成的汇总工作簿"),
    (
        "verify",
        "sources",
        "来源文件或文件夹，与工作簿记录的来源比对",
    ),
    (
        "verify",
        "expect",
        "公布的数字：措施=56、已完成措施=29、庆利社区：措施=6（项目可写汇总表的列名或measures等英文名）",
    ),
    ("verify", "format", "输出格式：human（默认，供阅读）或json"),
    ("diff", "old", "上一轮的汇总工作簿"),
    ("diff", "new", "这一轮的汇总工作簿"),
    ("diff", "output", "同时把变化写入此工作簿"),
    ("diff", "format", "输出格式：human（默认，供阅读）或json"),
    ("report", "inputs", "台账文件或文件夹，或一个汇总工作簿"),
    ("report", "output", "要生成的草稿:.docx、.md或.txt"),
    ("report", "title", "报告标题"),
    ("report", "no_chart", "生成的.docx不附各单位措施完成情况图"),
    ("split", "inputs", "一个汇总工作簿，或台账文件或文件夹"),
    (
        "split",
        "output",
        "存放清单的文件夹（不存在则新建）：每个单位一个“单位名.xlsx”",
    ),
    (
        "split",
        "return_by",
        "各单位交回清单的日期（写在每份通知上）",
    ),
    (
        "serve",
        "port",
        "监听的端口（0表示任选空闲端口；启动时显示地址）",
    ),
    (
        "serve",
        "listen",
        "不在127.0.0.1而在此地址上监听；其他计算机因此能打开页面，也就能看到上传的台账",
    ),
    ("serve", "open", "在默认浏览器中打开页面"),
];

/// The Chinese help of an argument of a command.
fn help_of(command: &str, id: &str) -> Option<&'static str> {
    HELP.iter()
        .find(|(c, a, _)| *c == command && *a == id)
        .or_else(|| HELP.iter().find(|(c, a, _)| *c == "*" && *a == id))
        .map(|(_, _, h)| *h)
}

const TEMPLATE: &str = "\
{about}

用法：{usage}

{all-args}";

/// The command line, with its texts in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = <crate::cmd::Cli as clap::CommandFactory>::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => {
            // `taizhang help [COMMAND]` is answered by [`help_asked`]: clap's own help command
            // would list itself in English.
            let mut cmd = translate(cmd, "")
                .subcommand_help_heading("命令")
                .subcommand_value_name("命令")
                .disable_help_subcommand(true);
            cmd.build();
            flags(cmd)
        }
    }
}

/// The help `taizhang help [COMMAND]` asks for, rendered, when the command line is that (in
/// Chinese, where clap's help command is off).
/// `Err` with the message for a command that does not exist.
pub fn help_asked(cmd: &mut Command, args: &[OsString]) -> Option<Result<String, String>> {
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    if words.first() != Some(&"help") {
        return None;
    }
    let rendered = match words.get(1).filter(|w| !w.starts_with('-')) {
        Some(sub) => match cmd.find_subcommand_mut(sub) {
            Some(c) => c.render_help(),
            None => {
                return Some(Err(format!(
                    "错误:没有命令“{sub}”\n\n详细说明请运行 taizhang --help\n"
                )));
            }
        },
        None => cmd.render_help(),
    };
    Some(Ok(help_text(&rendered.to_string())))
}

/// The help and version flags clap adds, said in Chinese, in a built command and its
/// subcommands.
fn flags(mut cmd: Command) -> Command {
    let has = |c: &Command, id: &str| c.get_arguments().any(|a| a.get_id() == id);
    if has(&cmd, "help") {
        cmd = cmd.mut_arg("help", |a| a.help("显示帮助").help_heading("选项"));
    }
    if has(&cmd, "version") {
        cmd = cmd.mut_arg("version", |a| a.help("显示版本").help_heading("选项"));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), flags);
    }
    cmd
}

/// A command and its subcommands in Chinese.
fn translate(mut cmd: Command, name: &str) -> Command {
    if let Some((_, about)) = ABOUT.iter().find(|(n, _)| *n == name) {
        cmd = cmd.about(*about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        if let Some(h) = help_of(name, &id) {
            cmd = cmd.mut_arg(id.as_str(), |a| {
                let heading = if a.is_positional() {
                    "参数"
                } else {
                    "选项"
                };
                let names: Option<Option<Vec<&'static str>>> = a
                    .get_action()
                    .takes_values()
                    .then(|| a.get_value_names())
                    .flatten()
                    .map(|v| v.iter().map(|n| value_name(n.as_str())).collect());
                let a = match names {
                    Some(Some(n)) if !n.is_empty() => a.value_names(n),
                    _ => a,
                };
                let takes = a.get_action().takes_values();
                a.help(h)
                    .long_help(None)
                    .hide_possible_values(takes)
                    .hide_default_value(takes)
                    .help_heading(heading)
            });
        }
    }
    cmd = cmd.help_template(TEMPLATE);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| translate(s, &sub));
    }
    cmd
}

/// A placeholder of a value in Chinese; patterns (`YYYY-MM-DD`, `OUT.xlsx`) stay. `None` for
/// one this table does not know (the test below keeps it complete).
fn value_name(n: &str) -> Option<&'static str> {
    Some(match n {
        "INPUT" => "台账",
        "FILE" => "文件",
        "NAME" => "名称",
        "DAYS" => "天数",
        "N" => "数目",
        "FORMAT" => "格式",
        "LANG" => "语言",
        "PAPER" => "纸张",
        "PATH" => "路径",
        "ADDR" => "地址",
        "PORT" => "端口",
        "KEY=N" => "项目=数字",
        "FOLDER" => "文件夹",
        "TITLE" => "标题",
        "OUT" => "输出文件",
        "YYYY-MM-DD" => "YYYY-MM-DD",
        "OUT.xlsx" => "OUT.xlsx",
        "ROUND.xlsx" => "ROUND.xlsx",
        "OLD.xlsx" => "OLD.xlsx",
        "NEW.xlsx" => "NEW.xlsx",
        "CHANGES.xlsx" => "CHANGES.xlsx",
        "CONSOLIDATED.xlsx" => "CONSOLIDATED.xlsx",
        _ => return None,
    })
}

/// Help as clap renders it, with its one English word (`[OPTIONS]` in the usage) in Chinese.
pub fn help_text(rendered: &str) -> String {
    rendered.replace("[OPTIONS]", "[选项]")
}

/// A usage error in Chinese: what is wrong, the usage of the command and where to read more.
/// Help and version (not errors) print as they are.
pub fn usage_error(e: &clap::Error, cmd: &mut Command, args: &[OsString]) -> String {
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let cause = std::error::Error::source(e)
        .map(|c| c.to_string())
        .unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::UnknownArgument => match text(ContextKind::SuggestedArg) {
            Some(s) => format!("无法识别的参数“{arg}”；是否想用“{s}”？"),
            None => format!("无法识别的参数“{arg}”"),
        },
        ErrorKind::InvalidSubcommand => match text(ContextKind::SuggestedSubcommand) {
            Some(s) => format!("没有命令“{arg}”；是否想用“{s}”？"),
            None => format!("没有命令“{arg}”"),
        },
        ErrorKind::InvalidValue => {
            let valid = text(ContextKind::ValidValue).unwrap_or_default();
            if value.is_empty() {
                format!("参数{arg}缺少值；可选：{valid}")
            } else {
                format!("参数{arg}的值“{value}”无效；可选：{valid}")
            }
        }
        ErrorKind::ValueValidation if cause.is_empty() => {
            format!("参数{arg}的值“{value}”无效")
        }
        ErrorKind::ValueValidation => format!("参数{arg}的值“{value}”无效：{}", zh_cause(&cause)),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少命令".to_string(),
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            format!("参数{arg}不能与{other}同时使用")
        }
        ErrorKind::TooManyValues => format!("参数{arg}的值过多：“{value}”"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数{arg}的值的个数不对")
        }
        ErrorKind::NoEquals => format!("参数{arg}的值须用“=”连接"),
        ErrorKind::InvalidUtf8 => "参数不是有效的UTF-8文本".to_string(),
        _ => "命令行有误".to_string(),
    };
    // The usage of the command the error is about: the first argument naming a command.
    let sub = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| cmd.find_subcommand(a).is_some())
        .map(str::to_string);
    let usage = match &sub {
        Some(s) => cmd
            .find_subcommand_mut(s)
            .map(|c| c.render_usage().to_string()),
        None => Some(cmd.render_usage().to_string()),
    }
    .unwrap_or_default();
    let usage = help_text(usage.trim().trim_start_matches("Usage:").trim());
    let more = match &sub {
        Some(s) => format!("taizhang {s} --help"),
        None => "taizhang --help".to_string(),
    };
    format!("错误：{what}\n\n用法：{usage}\n\n详细说明请运行 {more}\n")
}

/// A value parser's message in Chinese: ours are already (see [`crate::cmd::day`]); a number
/// parser's is said plainly.
fn zh_cause(cause: &str) -> String {
    if cause
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        cause.to_string()
    } else if cause.contains("invalid digit") || cause.contains("number") {
        "不是有效的数字".to_string()
    } else {
        "格式不对".to_string()
    }
}

/// An error of a command, as the last line says it, in `lang`: the first link of its chain of a
/// type taizhang knows is said whole by [`said`] (what was being done, and why, down to the
/// system's reason); a link before it is already in the run's language.
pub fn error_text(e: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for link in e.chain() {
        if let Some(text) = said(link, lang) {
            parts.push(text);
            break;
        }
        parts.push(link.to_string());
    }
    parts.join(lang.pick("：", ": "))
}

/// An error of a type taizhang knows, in words ([`taizhang::messages::errors`]); `None` for
/// any other.
fn said(link: &(dyn std::error::Error + 'static), lang: Lang) -> Option<String> {
    use taizhang::messages::errors;
    if let Some(e) = link.downcast_ref::<taizhang::run::RunError>() {
        return Some(e.said(lang));
    }
    if let Some(e) = link.downcast_ref::<taizhang::page::PageError>() {
        return Some(e.said(lang));
    }
    if let Some(e) = link.downcast_ref::<taizhang::write::WriteError>() {
        return Some(e.said(lang));
    }
    if let Some(e) = link.downcast_ref::<taizhang::workbook::WorkbookError>() {
        return Some(e.said(lang));
    }
    if let Some(e) = link.downcast_ref::<taizhang::workbook::split::SplitError>() {
        return Some(e.said(lang));
    }
    if let Some(e) = link.downcast_ref::<taizhang::config::ConfigError>() {
        return Some(errors::config_error(e, lang));
    }
    if let Some(e) = link.downcast_ref::<taizhang::source::consolidated::ReadError>() {
        return Some(errors::read_error(e, lang));
    }
    if let Some(e) = link.downcast_ref::<taizhang::diff::DiffError>() {
        return Some(errors::diff_error(e, lang));
    }
    if let Some(e) = link.downcast_ref::<taizhang::source::SourceError>() {
        return Some(taizhang::messages::source_error(e, lang));
    }
    if let Some(e) = link.downcast_ref::<std::io::Error>() {
        return Some(errors::io_error(e, lang));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument of every command has its Chinese help, and every command its about.
    #[test]
    fn every_argument_and_command_is_in_chinese() {
        let cmd = <crate::cmd::Cli as clap::CommandFactory>::command();
        let mut missing = Vec::new();
        let mut check = |c: &Command, name: &str| {
            if !ABOUT.iter().any(|(n, _)| *n == name) {
                missing.push(format!("about of {name}"));
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                let names = a.get_action().takes_values().then(|| a.get_value_names());
                for n in names.flatten().unwrap_or_default() {
                    if value_name(n.as_str()).is_none() {
                        missing.push(format!("{name} {id} <{n}>"));
                    }
                }
                if help_of(name, id).is_none() && !["help", "version"].contains(&id) {
                    missing.push(format!("{name} {id}"));
                }
            }
        };
        check(&cmd, "");
        for s in cmd.get_subcommands() {
            check(s, s.get_name());
        }
        assert!(missing.is_empty(), "{missing:?}");
    }

    #[test]
    fn the_language_asked_for() {
        let a = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(wanted(&a(&["taizhang", "merge", "--lang", "en"])), Lang::En);
        assert_eq!(wanted(&a(&["taizhang", "--lang=en", "check"])), Lang::En);
        assert_eq!(wanted(&a(&["taizhang", "--lang", "zh"])), Lang::Zh);
    }

    #[test]
    fn chinese_help_has_no_english_heading() {
        let help = command(Lang::Zh)
            .find_subcommand_mut("merge")
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        let help = help_text(&help);
        for english in [
            "Usage",
            "Options",
            "OPTIONS",
            "Arguments",
            "Print help",
            "Possible values",
            "INPUT",
            "FILE",
        ] {
            assert!(!help.contains(english), "{english} in\n{help}");
        }
        assert!(help.contains("要生成的汇总工作簿"), "{help}");
    }
}

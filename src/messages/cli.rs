//! The command line in Chinese: the about line of each command, the help of each argument, the
//! placeholders of values, the headings and the usage errors. The English texts are the doc
//! comments of the binary's argument structs and clap's own; a test of the binary holds that
//! every argument of every command has its Chinese help here.

/// The about line of a command in Chinese (`""`: the program itself); `None` for a command
/// this table does not know.
pub fn about_zh(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => "taizhang：读取、检查、汇总整改台账",
        "check" => "读取台账，列出每条检查结果和各社区的计数",
        "columns" => "显示每个台账的每个字段从哪一列读取，以及依据",
        "merge" => "生成汇总工作簿：汇总、台账、检查结果、来源",
        "convert" => "把一个台账转换为标准格式（.xlsx、.csv或.json）",
        "template" => "生成供社区填写的空白标准台账",
        "verify" => "核验汇总工作簿：合计、改动、来源、公开的数字",
        "diff" => "比较两轮汇总工作簿，列出变化",
        "report" => "根据台账起草整改进展报告（.docx、.md或.txt）",
        "split" => "为每个单位生成待整改清单（挂单整改），带上措施ID以便下一轮对账销号",
        "serve" => {
            "供不用命令行的人使用的网页：在浏览器中拖入台账，查看计数和检查结果，下载汇总工作簿、报告和清单；核验工作簿"
        }
        _ => return None,
    })
}

/// The help of an argument (by its id) of a command in Chinese: the command's own, else the
/// help of an option every command that has it shares. `None` for one this table does not know.
pub fn help_zh(command: &str, arg: &str) -> Option<&'static str> {
    Some(match (command, arg) {
        ("", "inputs") => "不带命令时要汇总的台账文件或文件夹",
        ("check" | "merge", "inputs") => "台账文件或文件夹（文件夹指其中所有支持的文件）",
        ("check" | "verify" | "diff", "format") => "输出格式：human（默认，供阅读）或json",
        ("columns", "inputs") => "台账文件或文件夹",
        ("merge", "output") => "要生成的汇总工作簿（.xlsx）",
        ("merge", "json") => "同时把 check --format json 的结果写入此文件",
        ("merge", "strict") => "有错误级别的检查结果时退出码为1（工作簿照常生成）",
        ("merge", "threads") => "读取文件的线程数（默认为本机核数）",
        ("merge", "follows") => {
            "上一轮的汇总工作簿（split发出、各单位交回的清单所属的一轮）：逐个核对措施ID，新工作簿记录接续的是哪一轮"
        }
        ("convert", "input") => "台账文件",
        ("convert", "output") => "要生成的文件:.xlsx、.csv或.json",
        ("convert", "sheet") => "工作簿有多个台账时，要转换的工作表",
        ("template", "output") => "要生成的文件（.xlsx）",
        ("template", "community") => "台账所属社区（写在标题和填报单位处）",
        ("verify", "workbook") => "taizhang merge 生成的汇总工作簿",
        ("verify", "sources") => "来源文件或文件夹，与工作簿记录的来源比对",
        ("verify", "expect") => {
            "公布的数字：措施=56、已完成措施=29、庆利社区：措施=6（项目可写汇总表的列名或measures等英文名）"
        }
        ("diff", "old") => "上一轮的汇总工作簿",
        ("diff", "new") => "这一轮的汇总工作簿",
        ("diff", "output") => "同时把变化写入此工作簿",
        ("report", "inputs") => "台账文件或文件夹，或一个汇总工作簿",
        ("report", "output") => "要生成的草稿:.docx、.md或.txt",
        ("report", "title") => "报告标题",
        ("report", "no_chart") => "生成的.docx不附各单位措施完成情况图",
        ("split", "inputs") => "一个汇总工作簿，或台账文件或文件夹",
        ("split", "output") => "存放清单的文件夹（不存在则新建）：每个单位一个“单位名.xlsx”",
        ("split", "return_by") => "各单位交回清单的日期（写在每份通知上）",
        ("serve", "port") => "监听的端口（0表示任选空闲端口；启动时显示地址）",
        ("serve", "listen") => {
            "不在127.0.0.1而在此地址上监听；其他计算机因此能打开页面，也就能看到上传的台账"
        }
        ("serve", "open") => "在默认浏览器中打开页面",
        // The options every command that has them shares.
        (_, "as_of") => {
            "判断逾期和计数所依据的日期（默认今天）；可写2023-03-30、2023/3/30、2023.3.30、20230330或2023年3月30日"
        }
        (_, "due_soon_days") => "整改时限在截至日期后多少天内算临期（默认14天）",
        (_, "feedback_date") => "反馈问题的日期；立行立改的措施以此为时限",
        (_, "include_hidden") => "也读取隐藏工作表上的台账",
        (_, "accept_uncertain") => "读法不确定的工作表也计入合计（确认读法无误时使用）",
        (_, "config") => "配置文件（表头用语、完成情况用语、社区名称、默认值）",
        (_, "lang") => "提示信息的语言：zh（中文，默认）或en（英文）",
        (_, "unit") => "编制单位（写在汇总表或报告上）",
        (_, "paper") => "打印纸张：a4（默认）或a3",
        _ => return None,
    })
}

/// A placeholder of a value in Chinese; patterns (`YYYY-MM-DD`, `OUT.xlsx`) stay. `None` for
/// one this table does not know.
pub fn value_name_zh(n: &str) -> Option<&'static str> {
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

/// The fixed words of the Chinese help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// The heading of the commands, and the placeholder of one.
    Commands,
    /// The heading of the options.
    Options,
    /// The heading of the positional arguments.
    Arguments,
    /// The help of `--help`.
    ShowHelp,
    /// The help of `--version`.
    ShowVersion,
    /// The layout of a help: about, usage, arguments.
    Template,
}

/// A fixed word of the Chinese help.
pub fn word_zh(w: Word) -> &'static str {
    match w {
        Word::Commands => "命令",
        Word::Options => "选项",
        Word::Arguments => "参数",
        Word::ShowHelp => "显示帮助",
        Word::ShowVersion => "显示版本",
        Word::Template => "{about}\n\n用法：{usage}\n\n{all-args}",
    }
}

/// Help as clap renders it, with its one English word (`[OPTIONS]` in the usage) in Chinese.
///
/// ```
/// assert_eq!(taizhang::messages::cli::help_text_zh("taizhang [OPTIONS]"), "taizhang [选项]");
/// ```
pub fn help_text_zh(rendered: &str) -> String {
    rendered.replace("[OPTIONS]", "[选项]")
}

/// `taizhang help NAME` for a command that does not exist.
pub fn no_such_command_zh(name: &str) -> String {
    format!("错误:没有命令“{name}”\n\n详细说明请运行 taizhang --help\n")
}

/// What is wrong with a command line, as clap found it: the argument (`arg`) and value
/// (`value`) concerned, as clap names them.
#[derive(Debug, Clone, Copy)]
pub enum Usage<'a> {
    /// An argument no command takes, perhaps a mistyped one.
    UnknownArgument {
        /// What was perhaps meant.
        suggested: Option<&'a str>,
    },
    /// A command that does not exist, perhaps a mistyped one.
    NoSuchCommand {
        /// What was perhaps meant.
        suggested: Option<&'a str>,
    },
    /// A value not among the possible ones (or none).
    NotPossible {
        /// The possible values, joined.
        valid: &'a str,
    },
    /// A value its parser refused, and why.
    Invalid(Cause<'a>),
    /// A required argument missing.
    Missing,
    /// No command given where one is needed.
    MissingCommand,
    /// Two arguments that do not go together.
    Conflict {
        /// The other argument.
        other: &'a str,
    },
    /// More values than the argument takes.
    TooMany,
    /// Not the number of values the argument takes.
    WrongNumber,
    /// `--option value` where `--option=value` is needed.
    NoEquals,
    /// An argument that is not UTF-8.
    NotUtf8,
    /// Anything else.
    Other,
}

/// Why a value's parser refused it.
#[derive(Debug, Clone, Copy)]
pub enum Cause<'a> {
    /// No reason given.
    None,
    /// Not a whole number, or one too large (a number parser's).
    NotANumber,
    /// taizhang's own parser's reason, already said in the command line's language ([`Said`]).
    Said(&'a str),
    /// Any other parser's (an address, a number out of range, an empty number).
    Other,
}

impl<'a> Cause<'a> {
    /// Why, from the type of a parser's error: taizhang's own are [`Said`], a number parser's a
    /// [`std::num::ParseIntError`].
    pub fn of(error: Option<&'a (dyn std::error::Error + 'static)>) -> Cause<'a> {
        use std::num::IntErrorKind as K;
        let Some(error) = error else {
            return Cause::None;
        };
        if let Some(Said(why)) = error.downcast_ref::<Said>() {
            return Cause::Said(why);
        }
        match error
            .downcast_ref::<std::num::ParseIntError>()
            .map(|p| p.kind())
        {
            Some(K::InvalidDigit | K::PosOverflow | K::NegOverflow) => Cause::NotANumber,
            _ => Cause::Other,
        }
    }
}

/// A reason already said in the user's language: the error of taizhang's own value parsers (a
/// day, a published figure), so that a usage error quotes it as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said(pub String);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Said {}

/// A usage error in Chinese: what is wrong, the usage of the command (`usage`) and the help to
/// read (`more`, such as `taizhang merge --help`).
pub fn usage_error_zh(u: Usage<'_>, arg: &str, value: &str, usage: &str, more: &str) -> String {
    let what = match u {
        Usage::UnknownArgument { suggested: Some(s) } => {
            format!("无法识别的参数“{arg}”；是否想用“{s}”？")
        }
        Usage::UnknownArgument { suggested: None } => format!("无法识别的参数“{arg}”"),
        Usage::NoSuchCommand { suggested: Some(s) } => {
            format!("没有命令“{arg}”；是否想用“{s}”？")
        }
        Usage::NoSuchCommand { suggested: None } => format!("没有命令“{arg}”"),
        Usage::NotPossible { valid } if value.is_empty() => {
            format!("参数{arg}缺少值；可选：{valid}")
        }
        Usage::NotPossible { valid } => format!("参数{arg}的值“{value}”无效；可选：{valid}"),
        Usage::Invalid(Cause::None) => format!("参数{arg}的值“{value}”无效"),
        Usage::Invalid(Cause::NotANumber) => {
            format!("参数{arg}的值“{value}”无效：不是有效的数字")
        }
        Usage::Invalid(Cause::Said(why)) => format!("参数{arg}的值“{value}”无效：{why}"),
        Usage::Invalid(Cause::Other) => format!("参数{arg}的值“{value}”无效：格式不对"),
        Usage::Missing => format!("缺少必需的参数：{arg}"),
        Usage::MissingCommand => "缺少命令".to_string(),
        Usage::Conflict { other } => format!("参数{arg}不能与{other}同时使用"),
        Usage::TooMany => format!("参数{arg}的值过多：“{value}”"),
        Usage::WrongNumber => format!("参数{arg}的值的个数不对"),
        Usage::NoEquals => format!("参数{arg}的值须用“=”连接"),
        Usage::NotUtf8 => "参数不是有效的UTF-8文本".to_string(),
        Usage::Other => "命令行有误".to_string(),
    };
    format!("错误：{what}\n\n用法：{usage}\n\n详细说明请运行 {more}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every usage error is said in Chinese, with the usage and where to read more.
    #[test]
    fn every_usage_error_is_said_in_chinese() {
        let all = [
            Usage::UnknownArgument { suggested: None },
            Usage::UnknownArgument {
                suggested: Some("--as-of"),
            },
            Usage::NoSuchCommand { suggested: None },
            Usage::NoSuchCommand {
                suggested: Some("check"),
            },
            Usage::NotPossible { valid: "a4、a3" },
            Usage::Invalid(Cause::None),
            Usage::Invalid(Cause::NotANumber),
            Usage::Invalid(Cause::Said("不是日期")),
            Usage::Invalid(Cause::Other),
            Usage::Missing,
            Usage::MissingCommand,
            Usage::Conflict { other: "--b" },
            Usage::TooMany,
            Usage::WrongNumber,
            Usage::NoEquals,
            Usage::NotUtf8,
            Usage::Other,
        ];
        for u in all {
            let t = usage_error_zh(u, "--a", "x", "taizhang merge", "taizhang merge --help");
            assert!(t.starts_with("错误："), "{t}");
            assert!(t.contains("用法：taizhang merge"), "{t}");
            assert!(!t.contains("invalid"), "{t}");
        }
        // The cause by the type of the parser's error, not by its English words.
        let of = |e: &(dyn std::error::Error + 'static)| format!("{:?}", Cause::of(Some(e)));
        assert_eq!(of(&"x".parse::<u32>().unwrap_err()), "NotANumber");
        assert_eq!(
            of(&"9".repeat(30).parse::<u32>().unwrap_err()),
            "NotANumber"
        );
        assert_eq!(of(&"".parse::<u32>().unwrap_err()), "Other");
        assert_eq!(of(&"x".parse::<std::net::IpAddr>().unwrap_err()), "Other");
        assert_eq!(of(&Said("不是日期".into())), "Said(\"不是日期\")");
        assert_eq!(format!("{:?}", Cause::of(None)), "None");
        let t = usage_error_zh(Usage::Invalid(Cause::NotANumber), "--n", "x", "", "");
        assert!(t.contains("不是有效的数字"), "{t}");
    }
}

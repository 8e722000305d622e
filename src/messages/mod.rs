//! Facts into words: every sentence taizhang says, in Chinese or English, made from the typed
//! facts the lower modules state — findings ([`findings`]), why a file could not be read
//! ([`source_error`]), verify's proofs and discrepancies ([`verify`]), diff's changes
//! (`diff`), the lines the commands print ([`run`]), the page's refusals ([`serve`]) and the
//! command line's help and usage errors in Chinese ([`cli`]).
//!
//! No rule, reader or check formats text; nothing here decides anything.

pub mod cli;
pub(crate) mod diff;
pub(crate) mod errors;
pub mod findings;
pub mod run;
pub mod serve;
pub mod verify;

use crate::Lang;
use crate::source::SourceError;
use crate::value::text::collapse_spaces;

/// Says one of two sentences, by language.
fn say(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The colon between a label and what it labels: full-width in Chinese.
pub(crate) fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}

/// A text in parentheses: full-width in Chinese.
pub(crate) fn parenthesized(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

/// A short excerpt of a text for messages: its first 24 characters.
pub(crate) fn excerpt(s: &str) -> String {
    let s = collapse_spaces(s);
    if s.chars().count() > 24 {
        let head: String = s.chars().take(24).collect();
        format!("{head}…")
    } else {
        s
    }
}

/// What an unsupported file is, in Chinese.
fn unsupported(u: &crate::source::Unsupported) -> String {
    use crate::source::Unsupported as U;
    match u {
        U::Binary(pos) => format!("是二进制数据（第{pos}字节为NUL），不是CSV文本"),
        U::Encoding(b) => {
            format!("既不是UTF-8也不是GB18030文本（第{b}字节起不是UTF-8）；请另存为“CSV UTF-8”")
        }
        U::Folder => "是文件夹，不是文件".to_string(),
        U::TooDeep => "文件夹嵌套超过32层".to_string(),
        U::Word => "是Word文档，不是表格".to_string(),
        U::OldExcel => "是Excel 2.x–4.0工作表(BIFF2–4);请打开后另存为.xlsx".to_string(),
        U::FlatOds => "是单文件OpenDocument(.fods);请另存为.ods或.xlsx".to_string(),
        U::Markup => "是XML或HTML文件，不是工作簿；请打开后另存为.xlsx".to_string(),
        U::Numbers => "是Apple Numbers文档;请在Numbers中导出为.xlsx".to_string(),
        U::Zip => "是不含表格的zip压缩包".to_string(),
        U::Extension(ext) => format!("扩展名为.{ext}的文件不是taizhang读取的表格"),
        U::CsvAsWorkbook => "CSV不能按工作簿读取".to_string(),
    }
}

/// Why a file could not be read, in a language.
pub fn source_error(e: &SourceError, lang: Lang) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Zh => match e {
            SourceError::NotFound => "文件不存在".to_string(),
            SourceError::Io(e) => format!("无法读取文件：{e}"),
            SourceError::Encrypted => {
                "文件设有打开密码：请打开后取消密码另存，再重新提交".to_string()
            }
            SourceError::Corrupt(d) => {
                format!(
                    "文件已损坏，无法读取；请用Excel或WPS打开后另存为.xlsx再提交（读取程序的说明：{d}）"
                )
            }
            SourceError::Empty => "文件为空（0字节）".to_string(),
            SourceError::NotOfFormat(f) => format!("不是{f}文件：其内容不是表格"),
            SourceError::Unsupported(d) => format!("不支持的文件格式：{}", unsupported(d)),
            SourceError::TooLarge(d) => format!("文件超出安全限制：{d}"),
            SourceError::Changed => "读取过程中文件被修改，请待文件保存完毕后重新运行".to_string(),
            SourceError::ReaderFailed(d) => {
                format!("表格读取组件处理此文件时出错（{d}），请连同文件一并反馈")
            }
            SourceError::FolderUnreadable(d) => format!("无法打开文件夹：{d}"),
            SourceError::DanglingLink => "链接指向的文件或文件夹不存在".to_string(),
            SourceError::LinkLoop => "链接又指回已读过的文件夹（链接成环）".to_string(),
            SourceError::NotRegular(kind) => {
                let kind = match kind.as_str() {
                    "a FIFO" => "命名管道",
                    "a socket" => "套接字",
                    "a device" => "设备文件",
                    _ => "特殊文件",
                };
                format!("不是普通文件（{kind}），不予打开")
            }
        },
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `messages::parenthesized`
    #[test]
    fn parenthesized() {
        use crate::{Lang, messages::parenthesized};
        assert_eq!(parenthesized("3", Lang::Zh), "（3）");
        assert_eq!(parenthesized("3", Lang::En), " (3)");
    }

    /// `messages::excerpt`
    #[test]
    fn excerpt() {
        use crate::messages::excerpt;
        assert_eq!(excerpt("召开专题会议"), "召开专题会议");
        assert_eq!(excerpt(&"长".repeat(30)), format!("{}…", "长".repeat(24)));
    }
}

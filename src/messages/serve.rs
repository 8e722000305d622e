//! What the page of `taizhang serve` says when it refuses a request: the page shows it as any
//! other error, in the language the page asked for.

use super::say;
use crate::Lang;

/// Why the page's server refused a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The request's `Host` is not an address the server answers to (a rebound name).
    ForeignHost,
    /// The request names no `Host`.
    NoHost,
    /// The request comes from another web page (its `Origin` or `Sec-Fetch-Site`), or a request
    /// that changes something has no `Origin`.
    CrossOrigin,
    /// The request lacks the token of a page this server gave, or has a wrong one.
    NoPageToken,
    /// On an office network: the access token is missing or wrong.
    NoAccess,
    /// The batch belongs to another page.
    OtherPage,
    /// The server holds as many batches as it keeps.
    Full,
    /// The body of a request stalled for longer than the server waits.
    Stalled {
        /// How long the server waited, in milliseconds.
        ms: u64,
    },
    /// A request the server cannot read (the framework's own rejections too).
    BadRequest,
    /// No such address on the page's server.
    NotFound,
    /// The address does not take this method.
    MethodNotAllowed,
    /// The request's content type is not the one expected.
    UnsupportedType,
    /// The request is larger than the server takes.
    TooLarge,
    /// The request's content could not be understood.
    Unprocessable,
    /// Another refusal, by its status code.
    Status(u16),
}

impl Refusal {
    /// The refusal in words.
    pub fn text(self, lang: Lang) -> String {
        use Refusal::*;
        let (zh, en) = match self {
            ForeignHost => (
                "已拒绝：请求的地址（Host）不是本页面的地址；请用启动时显示的地址打开页面".to_string(),
                "refused: the request's Host is not this page's address; open the page at the address printed when it started".to_string(),
            ),
            NoHost => (
                "已拒绝：请求没有写明地址（Host）".to_string(),
                "refused: the request names no Host".to_string(),
            ),
            CrossOrigin => (
                "已拒绝：请求来自其他网页；只有本页面能上传、检查和下载".to_string(),
                "refused: the request comes from another web page; only this page can upload, check and download".to_string(),
            ),
            NoPageToken => (
                "已拒绝：请求没有本页面的凭据；请刷新页面后重试".to_string(),
                "refused: the request lacks this page's token; reload the page and try again".to_string(),
            ),
            NoAccess => (
                "已拒绝：访问码缺少或不对；请用启动时显示的完整地址（含 access=…）打开页面".to_string(),
                "refused: the access token is missing or wrong; open the page at the whole address printed when it started (with access=…)".to_string(),
            ),
            OtherPage => (
                "已拒绝：这批文件属于另一个页面".to_string(),
                "refused: this batch of files belongs to another page".to_string(),
            ),
            Full => (
                "服务器暂存的批次已达上限，请稍后再试（一小时未用的批次会被清除）".to_string(),
                "the server holds as many batches as it keeps; try again later (batches unused for an hour are removed)".to_string(),
            ),
            Stalled { ms } => {
                let secs = ms.div_ceil(1000).max(1);
                (
                    format!("上传停顿超过{secs}秒，已中断；请重试"),
                    format!("the upload stalled for more than {secs} s and was stopped; try again"),
                )
            }
            BadRequest => (
                "请求有误，无法处理".to_string(),
                "the request is malformed".to_string(),
            ),
            NotFound => (
                "没有这个地址".to_string(),
                "no such address".to_string(),
            ),
            MethodNotAllowed => (
                "此地址不接受这种请求".to_string(),
                "this address does not take this method".to_string(),
            ),
            UnsupportedType => (
                "请求内容的类型不对".to_string(),
                "the request's content type is wrong".to_string(),
            ),
            TooLarge => (
                "请求内容过大".to_string(),
                "the request is too large".to_string(),
            ),
            Unprocessable => (
                "请求内容无法读取".to_string(),
                "the request's content cannot be read".to_string(),
            ),
            Status(code) => (
                format!("请求未能处理（状态{code}）"),
                format!("the request failed (status {code})"),
            ),
        };
        say(lang, zh, en)
    }

    /// The refusal that a status code stands for, for an error the framework answered.
    pub(crate) fn of_status(code: u16) -> Refusal {
        match code {
            400 => Refusal::BadRequest,
            404 => Refusal::NotFound,
            405 => Refusal::MethodNotAllowed,
            413 => Refusal::TooLarge,
            415 => Refusal::UnsupportedType,
            422 => Refusal::Unprocessable,
            c => Refusal::Status(c),
        }
    }
}

/// The line `serve` prints on an office network: the address to open, with its access token.
pub(crate) fn access_line(url: &str, lang: Lang) -> String {
    say(
        lang,
        format!(
            "在其他计算机上打开此完整地址（含访问码，只显示这一次；没有访问码的请求都会被拒绝）：{url}"
        ),
        format!(
            "open this whole address on the other machines (with its access token, printed only this once; every request without it is refused): {url}"
        ),
    )
}

/// Why `serve` cannot start on an office network: no access token could be made.
pub(crate) fn no_access_token(detail: &str, lang: Lang) -> String {
    say(
        lang,
        format!("无法生成访问码（{detail}），不在此地址上启动"),
        format!("cannot make an access token ({detail}): not starting on this address"),
    )
}

/// Why `serve` cannot start: a limit in the environment is not a number of milliseconds.
pub(crate) fn bad_limit(var: &str, value: &str, lang: Lang) -> String {
    say(
        lang,
        format!("环境变量 {var} 应为毫秒数（正整数），而不是“{value}”"),
        format!(
            "{var} must be a number of milliseconds (a positive whole number), not \"{value}\""
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_has_words_in_both_languages() {
        for r in [
            Refusal::ForeignHost,
            Refusal::CrossOrigin,
            Refusal::NoPageToken,
            Refusal::OtherPage,
            Refusal::of_status(415),
            Refusal::of_status(500),
        ] {
            let zh = r.text(Lang::Zh);
            let en = r.text(Lang::En);
            assert!(!zh.is_ascii(), "{zh}");
            assert!(en.is_ascii(), "{en}");
        }
        assert_eq!(
            Refusal::Stalled { ms: 1500 }.text(Lang::Zh),
            "上传停顿超过2秒，已中断；请重试"
        );
    }
}

/// What the page's server says besides its refusals: its start, and why a batch, an upload or
/// a check could not be done.
#[derive(Debug)]
pub(crate) enum Says<'a> {
    /// The batch is gone (unused for an hour, or the server restarted).
    NoBatch,
    /// The page listens on an address other machines can reach.
    ListensOpenly {
        /// The address.
        ip: String,
    },
    /// The server could not listen.
    CannotListen {
        /// The address.
        addr: String,
        /// Why.
        cause: &'a std::io::Error,
    },
    /// The batch's temporary folder could not be made.
    NoTemporaryFolder(&'a std::io::Error),
    /// More files than a batch takes.
    TooManyFiles(usize),
    /// A path the page gave that names no file inside the batch.
    BadFileName(&'a str),
    /// A file or the batch is larger than the server takes.
    TooLarge {
        /// The most a file may hold, in MB.
        file_mb: u64,
        /// The most a batch may hold, in GB.
        batch_gb: u64,
    },
    /// An upload could not be stored.
    CannotStore(&'a std::io::Error),
    /// An upload broke off (the framework's reason).
    UploadBroke(String),
    /// A panic while working, caught.
    Internal(&'a str),
    /// The page's configuration does not read.
    BadConfiguration(&'a crate::config::TomlError),
    /// The page's day does not read.
    NotADay(&'a str),
    /// Nothing was uploaded to check.
    NothingUploaded,
    /// A download before a check.
    CheckFirst,
    /// A download of no known kind.
    NoSuchDownload,
    /// Verify without a workbook.
    NoWorkbook,
}

impl Says<'_> {
    /// What the server says, in a language.
    pub(crate) fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    fn zh(&self) -> String {
        use super::errors::{io_error, toml_error};
        let zh = Lang::Zh;
        match self {
            Says::NoBatch => {
                "这批文件已不在服务器上（超过一小时未用，或服务已重启），请重新拖入文件".into()
            }
            Says::ListensOpenly { ip } => format!(
                "注意：页面在 {ip} 上监听，其他计算机也能打开它并看到上传的台账；只在可信的网络中这样做。"
            ),
            Says::CannotListen { addr, cause } => format!(
                "无法在 {addr} 上监听：{}（端口被占用时可用 --port 换一个）",
                io_error(cause, zh)
            ),
            Says::NoTemporaryFolder(e) => format!("无法创建临时文件夹：{}", io_error(e, zh)),
            Says::TooManyFiles(n) => format!("一次最多上传{n}个文件"),
            Says::BadFileName(p) => format!("文件名不可用：“{p}”"),
            Says::TooLarge { file_mb, batch_gb } => {
                format!("文件过大：每个文件最大{file_mb} MB，一次合计最多{batch_gb} GB")
            }
            Says::CannotStore(e) => format!("无法保存上传的文件：{}", io_error(e, zh)),
            Says::UploadBroke(why) => format!("上传中断（{why}）"),
            Says::Internal(detail) => {
                format!("处理时出现内部错误，请连同文件一并反馈（{detail}）")
            }
            Says::BadConfiguration(e) => format!("配置有误：{}", toml_error(e, zh)),
            Says::NotADay(d) => format!("不是日期：“{d}”"),
            Says::NothingUploaded => "没有上传文件".into(),
            Says::CheckFirst => "请先上传并检查台账".into(),
            Says::NoSuchDownload => "没有这种下载".into(),
            Says::NoWorkbook => "没有上传汇总工作簿".into(),
        }
    }

    fn en(&self) -> String {
        use super::errors::{io_error, toml_error};
        let en = Lang::En;
        match self {
            Says::NoBatch => "this batch of files is gone (unused for an hour, or the server restarted): drop the files again".into(),
            Says::ListensOpenly { ip } => format!(
                "warning: the page listens on {ip}: other machines can open it and see the ledgers uploaded; do this only on a network you trust."
            ),
            Says::CannotListen { addr, cause } => format!(
                "cannot listen on {addr}: {} (use --port for another port)",
                io_error(cause, en)
            ),
            Says::NoTemporaryFolder(e) => {
                format!("cannot make a temporary folder: {}", io_error(e, en))
            }
            Says::TooManyFiles(n) => format!("at most {n} files at a time"),
            Says::BadFileName(p) => format!("not a usable file name: \"{p}\""),
            Says::TooLarge { file_mb, batch_gb } => {
                format!("too large: at most {file_mb} MB a file and {batch_gb} GB at a time")
            }
            Says::CannotStore(e) => format!("cannot store the upload: {}", io_error(e, en)),
            Says::UploadBroke(why) => format!("the upload broke off: {why}"),
            Says::Internal(detail) => {
                format!("an internal error; please report it with the files ({detail})")
            }
            Says::BadConfiguration(e) => {
                format!("the configuration is wrong: {}", toml_error(e, en))
            }
            Says::NotADay(d) => format!("not a day: \"{d}\""),
            Says::NothingUploaded => "no file was uploaded".into(),
            Says::CheckFirst => "upload and check the ledgers first".into(),
            Says::NoSuchDownload => "no such download".into(),
            Says::NoWorkbook => "no consolidated workbook was uploaded".into(),
        }
    }
}

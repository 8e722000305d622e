//! The language taizhang speaks and writes in: Chinese (the default) or English.

use serde::{Deserialize, Serialize};

/// The language of messages, sheet names and headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the text for this language.
    ///
    /// ```
    /// assert_eq!(taizhang::Lang::En.pick("问题", "problems"), "problems");
    /// ```
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl Lang {
    /// The language a command line asks for: `--lang en|zh` (or `--lang=…`) wherever it is,
    /// else `LC_ALL` or `LANG` starting with `en`, else Chinese. The one place the command
    /// line's language is found.
    ///
    /// ```
    /// use taizhang::Lang;
    /// assert_eq!(Lang::asked(&["taizhang", "merge", "--lang", "en"]), Lang::En);
    /// assert_eq!(Lang::asked(&["taizhang", "--lang=en", "check"]), Lang::En);
    /// assert_eq!(Lang::asked(&["taizhang", "--lang", "zh"]), Lang::Zh);
    /// ```
    pub fn asked<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Lang {
        let mut it = args.iter().filter_map(|a| a.as_ref().to_str());
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
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(format!("unknown language {s} (use zh or en)")),
        }
    }
}

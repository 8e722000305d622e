//! Settings of a run: the command line's options over the configuration file's.
//!
//! The configuration file (`--config taizhang.toml`) adds header words, status words and
//! unit names per file, and sets defaults for the options:
//!
//! ```toml
//! as_of = "2023-03-30"        # default for --as-of (otherwise today)
//! due_soon_days = 14          # default for --due-soon-days
//! feedback_date = "2022-12-30" # default for --feedback-date (立行立改 is due on it)
//! include_hidden = false      # default for --include-hidden
//! accept_uncertain = false    # default for --accept-uncertain
//! lang = "zh"                 # default for --lang
//!
//! [headers]                   # more header words for a field
//! person = ["联系人"]
//!
//! [statuses]                  # more status words for a category
//! done = ["已办结"]
//!
//! [communities]               # the unit of a file, by file name (`*` and `?` allowed)
//! "qingli.xlsx" = "庆利社区"
//!
//! required = ["problem", "measure", "deadline", "status", "person"]  # fields every ledger needs
//!
//! [columns]                   # a field's column, in every file: a letter or a header as written
//! status = "整改进度"
//! [[columns.files]]           # in the files whose name matches
//! pattern = "*审计*"
//! deadline = "J"
//! [[columns.files]]           # in one sheet of them only: the others keep their reading
//! pattern = "东风社区*"
//! sheet = "一月"
//! status = "F"
//! ```

use crate::Lang;
use crate::value::header::{Field, HeaderVocabulary};
use crate::value::status::{Status, StatusVocabulary};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Errors in a configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read the configuration file {path}: {cause}")]
    Read {
        /// The file.
        path: String,
        /// Why (part of the message, not a separate source, so it is said once).
        cause: std::io::Error,
    },
    /// The file is not valid TOML or has unknown keys.
    #[error("configuration file {path}: {error}")]
    Parse {
        /// The file.
        path: String,
        /// What is wrong, and where.
        error: TomlError,
    },
}

/// Why a configuration's text does not read: where, and the TOML reader's word for what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {detail}")]
pub struct TomlError {
    /// The line, from 1.
    pub line: usize,
    /// The column, in characters from 1.
    pub column: usize,
    /// The TOML reader's message (`unclosed array, expected `]``).
    pub detail: String,
}

impl TomlError {
    fn of(e: &toml::de::Error, text: &str) -> TomlError {
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        let before = text.get(..at).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        TomlError {
            line,
            column,
            detail: e.message().trim().to_string(),
        }
    }
}

/// The configuration file, as written.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Default as-of date.
    pub as_of: Option<NaiveDate>,
    /// Default due-soon window in days.
    pub due_soon_days: Option<u32>,
    /// Default feedback date.
    pub feedback_date: Option<NaiveDate>,
    /// Default for reading hidden sheets.
    pub include_hidden: Option<bool>,
    /// Default for counting sheets whose reading is uncertain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept_uncertain: Option<bool>,
    /// Default language.
    pub lang: Option<Lang>,
    /// Extra header words by field key.
    #[serde(default)]
    pub headers: BTreeMap<Field, Vec<String>>,
    /// Extra status words by category key.
    #[serde(default)]
    pub statuses: BTreeMap<Status, Vec<String>>,
    /// Unit names by file-name pattern.
    #[serde(rename = "communities", default)]
    pub units: BTreeMap<String, String>,
    /// The fields every ledger must have a column for and every row must fill; without it,
    /// [`Field::CORE`] and one of [`Field::RESPONSIBLE`] must have a column, and the required
    /// fields a ledger has a column for must be filled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Vec<Field>>,
    /// Columns fixed by hand.
    #[serde(default, skip_serializing_if = "ColumnsConfig::is_empty")]
    pub columns: ColumnsConfig,
}

/// Columns fixed by hand: a field's column by its letter (`E`) or its header as written
/// (`整改进度`), for every file and for the files whose name matches a pattern.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct ColumnsConfig {
    /// For every file.
    #[serde(flatten)]
    pub fields: BTreeMap<Field, String>,
    /// For the files whose name matches a pattern (`*` and `?` allowed); these come first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileColumns>,
}

/// Columns fixed by hand for the files whose name matches a pattern.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct FileColumns {
    /// The file-name pattern.
    pub pattern: String,
    /// The sheet the columns are fixed for; none: every sheet of the matching files. A
    /// correction made for one sheet does not re-map the file's other sheets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// A field's column: a letter or a header.
    #[serde(flatten)]
    pub fields: BTreeMap<Field, String>,
}

impl ColumnsConfig {
    /// True when nothing is fixed.
    pub(crate) fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.files.is_empty()
    }
}

/// How the configuration names a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnSpec {
    /// By its letter (0-based index).
    Letter(u32),
    /// By its header as written.
    Header(String),
}

impl ColumnSpec {
    /// Reads a configured column: one to three letters name a column, anything else a header.
    ///
    /// ```
    /// use taizhang::config::ColumnSpec;
    /// assert_eq!(ColumnSpec::parse("E"), ColumnSpec::Letter(4));
    /// assert_eq!(ColumnSpec::parse("aa"), ColumnSpec::Letter(26));
    /// assert_eq!(ColumnSpec::parse("整改进度"), ColumnSpec::Header("整改进度".into()));
    /// ```
    pub fn parse(s: &str) -> ColumnSpec {
        let t = s.trim();
        match crate::source::grid::CellRef::parse(&format!("{t}1")) {
            Some(c) if (1..=3).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphabetic()) => {
                ColumnSpec::Letter(c.col)
            }
            _ => ColumnSpec::Header(t.to_string()),
        }
    }
}

impl ConfigFile {
    /// Reads and parses a configuration file.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|cause| ConfigError::Read {
            path: path.display().to_string(),
            cause,
        })?;
        ConfigFile::parse(&text).map_err(|error| ConfigError::Parse {
            path: path.display().to_string(),
            error,
        })
    }

    /// Parses the text of a configuration file.
    ///
    /// ```
    /// use taizhang::config::ConfigFile;
    /// let c = ConfigFile::parse("due_soon_days = 7\n[headers]\nperson = [\"联系人\"]\n").unwrap();
    /// assert_eq!(c.due_soon_days, Some(7));
    /// assert!(ConfigFile::parse("colour = 1").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<ConfigFile, TomlError> {
        toml::from_str(text).map_err(|e| TomlError::of(&e, text))
    }
}

/// Everything a run depends on besides its inputs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The day findings and counters are judged on.
    pub as_of: NaiveDate,
    /// A deadline within this many days of the as-of date is due soon.
    pub due_soon_days: u32,
    /// The day inspectors fed the problems back; `立行立改` is due on it.
    pub feedback_date: Option<NaiveDate>,
    /// Read ledgers on hidden sheets too.
    pub include_hidden: bool,
    /// Count the numbers of sheets whose reading is uncertain (`uncertain-reading`) too.
    pub accept_uncertain: bool,
    /// Language of messages and workbooks.
    pub lang: Lang,
    /// Header words in force.
    pub headers: HeaderVocabulary,
    /// Status words in force.
    pub statuses: StatusVocabulary,
    /// Unit names by file-name pattern, in the order the file gives them.
    pub units: Vec<(String, String)>,
    /// Resource limits for reading one file.
    pub limits: crate::source::guard::Limits,
    /// The configuration file as read, for the record in the consolidated workbook.
    pub config: ConfigFile,
    /// The ledger digest of the round this run follows (`merge --follows`): recorded in the
    /// consolidated workbook's `来源`.
    pub follows: Option<String>,
    /// The compiling unit (编制单位, `--unit`), named on the summary: not a unit the rows
    /// belong to.
    pub compiler: Option<String>,
    /// The paper the workbooks' sheets are set up to print on.
    pub paper: Paper,
}

/// The paper a workbook's sheets are set up to print on (landscape, but for a list's notice).
///
/// ```
/// use taizhang::config::Paper;
/// assert_eq!(Paper::default(), Paper::A4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// A4, 210 × 297 mm.
    #[default]
    A4,
    /// A3, 297 × 420 mm: twice A4, for units that print their ledger larger.
    A3,
}

impl Paper {
    /// The paper's code in a spreadsheet's page setup (`paperSize`).
    pub(crate) fn excel_code(self) -> u8 {
        match self {
            Paper::A4 => 9,
            Paper::A3 => 8,
        }
    }
}

impl Settings {
    /// The columns the configuration fixes for a sheet of a file: those for the sheet first,
    /// then the file's patterns', then those for every file (a field once, the first given).
    pub(crate) fn fixed_columns(&self, file_name: &str, sheet: &str) -> Vec<(Field, ColumnSpec)> {
        let mut out: Vec<(Field, ColumnSpec)> = Vec::new();
        let files = || {
            self.config
                .columns
                .files
                .iter()
                .filter(|f| wildcard_match(&f.pattern, file_name))
        };
        let per_sheet = files()
            .filter(|f| f.sheet.as_deref().is_some_and(|s| s.trim() == sheet.trim()))
            .flat_map(|f| f.fields.iter());
        let per_file = files()
            .filter(|f| f.sheet.is_none())
            .flat_map(|f| f.fields.iter());
        for (field, spec) in per_sheet
            .chain(per_file)
            .chain(self.config.columns.fields.iter())
        {
            if !out.iter().any(|(f, _)| f == field) {
                out.push((*field, ColumnSpec::parse(spec)));
            }
        }
        out
    }

    /// The fields the configuration requires, if it says.
    pub(crate) fn required(&self) -> Option<&[Field]> {
        self.config.required.as_deref()
    }
}

impl Settings {
    /// Settings for an as-of date with every other value at its default.
    pub fn new(as_of: NaiveDate) -> Settings {
        Settings {
            as_of,
            due_soon_days: 14,
            feedback_date: None,
            include_hidden: false,
            accept_uncertain: false,
            lang: Lang::Zh,
            headers: HeaderVocabulary::default(),
            statuses: StatusVocabulary::default(),
            units: Vec::new(),
            limits: Default::default(),
            config: ConfigFile::default(),
            follows: None,
            compiler: None,
            paper: Paper::A4,
        }
    }

    /// Settings from a configuration file; the command line then overrides single values.
    pub fn from_config(config: ConfigFile, today: NaiveDate) -> Settings {
        let mut s = Settings::new(config.as_of.unwrap_or(today));
        if let Some(d) = config.due_soon_days {
            s.due_soon_days = d;
        }
        s.feedback_date = config.feedback_date;
        s.include_hidden = config.include_hidden.unwrap_or(false);
        s.accept_uncertain = config.accept_uncertain.unwrap_or(false);
        s.lang = config.lang.unwrap_or(Lang::Zh);
        for (field, words) in &config.headers {
            for w in words {
                s.headers.add(*field, w);
            }
        }
        for (status, words) in &config.statuses {
            for w in words {
                s.statuses.add(*status, w);
            }
        }
        s.units = config
            .units
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        s.config = config;
        s
    }

    /// The unit the configuration gives a file, by its name.
    pub(crate) fn unit_for_file(&self, file_name: &str) -> Option<&str> {
        self.units
            .iter()
            .find(|(pattern, _)| wildcard_match(pattern, file_name))
            .map(|(_, name)| name.as_str())
    }
}

/// Matches a file name against a pattern with `*` (any run) and `?` (one character); every
/// other character stands for itself (`[`, `{` and `\\` too, which globset would read as syntax).
pub(crate) fn wildcard_match(pattern: &str, name: &str) -> bool {
    let mut glob = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        match c {
            '*' | '?' => glob.push(c),
            _ => glob.push_str(&globset::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    // Every character but `*` and `?` is escaped, so the pattern always builds.
    globset::GlobBuilder::new(&glob)
        .literal_separator(false)
        .backslash_escape(false)
        .build()
        .is_ok_and(|g| g.compile_matcher().is_match(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_configuration_reads() {
        let c = ConfigFile::parse(
            r#"
            as_of = "2023-03-30"
            due_soon_days = 7
            feedback_date = "2022-12-30"
            include_hidden = true
            lang = "en"
            [headers]
            person = ["联系人"]
            [statuses]
            done = ["已办结"]
            [communities]
            "qingli.xlsx" = "庆利社区"
            "#,
        )
        .unwrap();
        let s = Settings::from_config(c, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(s.as_of, NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
        assert_eq!(s.due_soon_days, 7);
        assert!(s.include_hidden);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.headers.field_of("联系人"), Some(Field::Person));
        assert_eq!(s.statuses.parse("已办结"), Some(Status::Done));
        assert_eq!(s.unit_for_file("qingli.xlsx"), Some("庆利社区"));
        assert_eq!(s.unit_for_file("other.xlsx"), None);
    }

    #[test]
    fn columns_and_required_fields() {
        let c = ConfigFile::parse(
            r#"
            required = ["problem", "measure", "status"]
            [columns]
            status = "整改进度"
            deadline = "J"
            [[columns.files]]
            pattern = "*审计*"
            status = "K"
            "#,
        )
        .unwrap();
        let s = Settings::from_config(c.clone(), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(
            s.fixed_columns("集团审计台账.xlsx", "Sheet1"),
            [
                (Field::Status, ColumnSpec::Letter(10)),
                (Field::Deadline, ColumnSpec::Letter(9)),
            ]
        );
        assert_eq!(
            s.fixed_columns("other.xlsx", "Sheet1")[1],
            (Field::Status, ColumnSpec::Header("整改进度".into()))
        );
        assert_eq!(s.required().map(<[Field]>::len), Some(3));
        // It survives the record in the consolidated workbook.
        let text = toml::to_string(&c).unwrap();
        assert_eq!(ConfigFile::parse(&text).unwrap(), c);
        assert!(ConfigFile::parse("[columns]\nnobody = \"A\"").is_err());
    }

    #[test]
    fn unknown_fields_and_statuses_are_errors() {
        assert!(ConfigFile::parse("[headers]\nnobody = [\"x\"]").is_err());
        assert!(ConfigFile::parse("[statuses]\nmaybe = [\"x\"]").is_err());
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `config::Paper`: its code in a page setup
    #[test]
    fn paper_excel_code() {
        use crate::config::Paper;
        assert_eq!(Paper::A3.excel_code(), 8);
        assert_eq!(Paper::A4.excel_code(), 9);
    }

    /// `config::wildcard_match`
    #[test]
    fn wildcard_match() {
        use crate::config::wildcard_match;
        assert!(wildcard_match("*北安*", "北安社区台账.xlsx"));
        assert!(wildcard_match("a?.csv", "ab.csv"));
        assert!(!wildcard_match("a.csv", "b.csv"));
        assert!(wildcard_match("[一]*", "[一]北安.xlsx"));
    }
}

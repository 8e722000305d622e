//! The published progress report, drafted from the ledgers (`taizhang report`).
//!
//! The seed report a sub-district publishes after each round is mostly its ledger retold: the
//! totals sentence ("截至2023年3月30日,制定的30项整改措施,已经完成落实30项;反馈的16个具体问题,已完成
//! 整改16个。"), then for each category "(一)关于……方面问题的整改情况", under it each problem
//! ("1.针对……问题(……)。") followed by its measures ("一是……;二是……。"). [`Drafter`] builds that
//! structure from the ledgers — problems and measures in ledger order, each once — and leaves
//! what only the clerk can write (the opening, the general measures, next steps, the closing) as
//! marked placeholders: the tool never invents prose. The draft gives the text, which the
//! `.md`, `.txt` and `.docx` writers ([`docx`]) lay out.
//!
//! Problems numbered `1(1)`, `1(2)` (or `1.1`, `1-1`) in the ledger are sub-items of one problem;
//! when their texts share a head before a colon (`物业治理比较薄弱问题:…`), that head is the
//! group's line and the rest each sub-item's.

pub(crate) mod chart;
pub(crate) mod docx;

use crate::config::Settings;
use crate::ledger::{Ledger, Measure, measure_timing};
use crate::model::{Counter, Counters, Timing};
use crate::schema::ledger::Col;
use crate::value::deadline::Deadline;
use crate::value::enumeration::split_enumeration;
use crate::value::header::Field;
use crate::value::status::Status;
use crate::value::text::chinese_numeral;
use chrono::NaiveDate;

/// A block of the draft's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// The title, centred.
    Title(String),
    /// A first-level heading: `一、整改工作总体情况`.
    Heading1(String),
    /// A second-level heading: `(一)关于……方面问题的整改情况`.
    Heading2(String),
    /// A paragraph of body text.
    Para(String),
    /// What the clerk must write: `【待填写:……】`.
    Placeholder(String),
    /// A line set to the right (the closing's unit and date).
    Closing(String),
}

/// Text from the ledgers as a document holds it: line breaks and tabs become spaces, other
/// control characters and the noncharacters XML cannot hold are dropped (Word refuses a
/// document that holds them).
#[cfg(test)]
pub(crate) fn clean(s: &str) -> String {
    clean_cow(s).into_owned()
}

/// `clean` without a copy of a text that has nothing to clean.
fn clean_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    // Most text has nothing to clean: no C0 or C1 control, no U+FFFE or U+FFFF.
    let suspect = b.iter().enumerate().any(|(i, &x)| {
        x < 0x20
            || x == 0x7F
            || (x == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
            || (x == 0xEF
                && b.get(i + 1) == Some(&0xBF)
                && matches!(b.get(i + 2), Some(0xBE | 0xBF)))
    });
    if !suspect {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => None,
            c => Some(c),
        })
        .collect()
}

/// A block's text as the draft gives it: `clean`, its marks full-width — the text itself
/// when neither changes it.
fn tidy(t: String) -> String {
    use std::borrow::Cow;
    let t = if let Cow::Owned(o) = clean_cow(&t) {
        o
    } else {
        t
    };
    if let Cow::Owned(o) = crate::value::text::full_width_punct_cow(&t) {
        o
    } else {
        t
    }
}

/// Text made literal in Markdown: the characters that mark emphasis, code, links, headings,
/// tables and HTML are escaped, so a ledger's text cannot make a heading, a link or a tag.
pub(crate) fn markdown_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.chars().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

impl Block {
    fn map(self, f: impl Fn(String) -> String) -> Block {
        match self {
            Block::Title(s) => Block::Title(f(s)),
            Block::Heading1(s) => Block::Heading1(f(s)),
            Block::Heading2(s) => Block::Heading2(f(s)),
            Block::Para(s) => Block::Para(f(s)),
            Block::Placeholder(s) => Block::Placeholder(f(s)),
            Block::Closing(s) => Block::Closing(f(s)),
        }
    }

    /// The block's text.
    pub(crate) fn text(&self) -> &str {
        match self {
            Block::Title(s)
            | Block::Heading1(s)
            | Block::Heading2(s)
            | Block::Para(s)
            | Block::Placeholder(s)
            | Block::Closing(s) => s,
        }
    }
}

/// A problem as the draft tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProblemText {
    /// The problem as the ledger words it.
    pub(crate) text: String,
    /// Its measures joined: `一是……;二是……。` (one measure: its text).
    pub(crate) measures: String,
    /// How many measures.
    pub(crate) measure_count: usize,
}

/// A category section of part 二: its unit and category (by their numbers among the
/// draft's names) and where its paragraphs are in the draft's spool. 24 bytes: a city's
/// report has tens of thousands; its heading is made when it is written
/// (`Draft::heading`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The unit it is of: its number among [`Names`].
    unit: u32,
    /// The category it is of, trimmed: its number among [`Names`].
    category: u32,
    /// Its numbered items (problems, and groups of sub-problems) so far.
    pub(crate) items: usize,
    /// Its paragraphs: where they are in the spool, in order (`None`: none, or forgotten
    /// once written).
    paragraphs: Option<Box<Places>>,
}

impl Section {
    /// Notes a paragraph of the section at `offset` in the spool, `len` bytes long.
    fn push(&mut self, offset: u64, len: u32) {
        self.paragraphs
            .get_or_insert_with(Default::default)
            .push(offset, len);
    }

    /// Where its paragraphs are: runs of paragraphs one after the other, each its first
    /// offset and its paragraphs' lengths.
    fn runs(&self) -> impl Iterator<Item = (u64, &[u32])> {
        self.paragraphs.iter().flat_map(|p| p.runs())
    }
}

/// Names (units, categories) numbered in order of first use, one allocation each.
#[derive(Debug, Default)]
struct Names {
    names: Vec<std::sync::Arc<str>>,
    numbers: std::collections::HashMap<std::sync::Arc<str>, u32>,
}

impl Names {
    /// The number of `name`, given one on first use.
    fn number(&mut self, name: &str) -> u32 {
        if let Some(n) = self.numbers.get(name) {
            return *n;
        }
        let k: std::sync::Arc<str> = name.into();
        let n = self.names.len() as u32;
        self.names.push(std::sync::Arc::clone(&k));
        self.numbers.insert(k, n);
        n
    }

    /// The name numbered `n`.
    fn name(&self, n: u32) -> &str {
        self.names.get(n as usize).map_or("", |s| s)
    }
}

/// Where a section's paragraphs are in the spool: their lengths, in runs of paragraphs one
/// after the other — 4 bytes a paragraph, not 16 (a city's report has millions).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Places {
    lens: Vec<u32>,
    /// (offset of the run's first paragraph, how many paragraphs).
    runs: Vec<(u64, u32)>,
    /// Where the last run ends.
    end: u64,
}

impl Places {
    fn push(&mut self, offset: u64, len: u32) {
        match self.runs.last_mut() {
            Some((_, n)) if self.end == offset => *n += 1,
            _ => self.runs.push((offset, 1)),
        }
        self.lens.push(len);
        self.end = offset + u64::from(len);
    }

    /// The runs: each one's first offset and its paragraphs' lengths.
    fn runs(&self) -> impl Iterator<Item = (u64, &[u32])> {
        let mut at = 0usize;
        self.runs.iter().map(move |(offset, n)| {
            let lens = &self.lens[at..at + *n as usize];
            at += *n as usize;
            (*offset, lens)
        })
    }

    /// Every paragraph: (offset, length).
    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.runs().flat_map(|(offset, lens)| {
            lens.iter().scan(offset, |at, len| {
                let here = *at;
                *at += u64::from(*len);
                Some((here, *len))
            })
        })
    }
}

/// The draft report. Its paragraphs wait in a temporary file (the spool) as the ledgers are
/// drafted (`Drafter`), not in memory, and are read back in order as the document is
/// written — unless the body was written as it was drafted
/// (`Drafter::streaming`), when only the head and the end are left to write.
#[derive(Debug)]
pub struct Draft {
    /// The title.
    pub(crate) title: String,
    /// The unit publishing it (发文单位, `--unit`), if given: not a unit of its sections.
    pub(crate) publisher: Option<String>,
    /// The as-of date.
    pub(crate) as_of: NaiveDate,
    /// The counters the totals sentence states.
    pub(crate) totals: Counters,
    /// The categories, in ledger order.
    pub sections: Vec<Section>,
    /// The units and categories the sections name.
    units: Names,
    categories: Names,
    /// True in a draft of several units: every heading names its unit.
    names_units: bool,
    spool: std::fs::File,
    /// The spool's length.
    spooled: u64,
    /// The sections written as drafted forgot where their paragraphs are.
    forgot: bool,
    problems: usize,
    measures: usize,
    body: Option<Streamed>,
}

/// The formats a draft is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// A Word document ([`docx`]).
    Docx,
    /// Markdown, the headings marked.
    Markdown,
    /// Plain text, a block a line.
    Text,
}

impl Format {
    /// The format an output's extension names (`docx`, `md`, `txt`, in any case).
    pub(crate) fn of_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "docx" => Some(Format::Docx),
            "md" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// Lays out the blocks of a text format, each appended to a text.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Renderer {
    /// A line a block.
    Text,
    /// A paragraph a block, headings marked, the text literal.
    Markdown,
}

impl Renderer {
    pub(crate) fn block(self, b: &Block, out: &mut String) {
        match self {
            Renderer::Text => {
                out.push_str(b.text());
                out.push('\n');
            }
            Renderer::Markdown => {
                out.push_str(match b {
                    Block::Title(_) => "# ",
                    Block::Heading1(_) => "## ",
                    Block::Heading2(_) => "### ",
                    Block::Para(_) | Block::Placeholder(_) | Block::Closing(_) => "",
                });
                out.push_str(&markdown_literal(b.text()));
                out.push_str("\n\n");
            }
        }
    }
}

/// Where a body written as it is drafted goes: a document's paragraphs, compressed, or text.
#[derive(Debug)]
enum Sink {
    Compressed(docx::BodyWriter),
    Plain(Renderer, String, std::io::BufWriter<std::fs::File>),
}

/// A body written as it was drafted: compressed with how many blocks it holds, or text.
#[derive(Debug)]
pub(crate) enum Written {
    Compressed(crate::pack::deflate::Deflated, u32),
    Plain(std::fs::File),
}

/// The body of a draft, written as drafted, and in which format.
#[derive(Debug)]
pub(crate) struct Streamed {
    pub(crate) format: Format,
    pub(crate) written: Written,
}

/// The body being written as the draft goes ([`Drafter::streaming`]).
#[derive(Debug)]
struct Stream {
    format: Format,
    sink: Sink,
    /// The sections whose heading is written.
    headed: usize,
    /// A second unit came: the headings are final, and what is drafted goes out.
    flowing: bool,
    /// What is read back of the spool.
    window: Window,
}

/// A stretch of a file read at once, for the paragraphs in it: a unit's paragraphs are read
/// back in section order, back and forth within what the unit wrote.
#[derive(Debug, Default)]
struct Window {
    buf: Vec<u8>,
    at: u64,
}

impl Window {
    /// What a window reads at least.
    const SPAN: u64 = 4 << 20;

    /// The bytes `offset..offset + len` of `file` (of `end` bytes), read with what follows
    /// them when they are not in the window.
    fn get(
        &mut self,
        mut file: impl std::io::Read + std::io::Seek,
        offset: u64,
        len: u32,
        end: u64,
    ) -> std::io::Result<&[u8]> {
        let inside =
            offset >= self.at && offset + u64::from(len) <= self.at + self.buf.len() as u64;
        if !inside {
            let span = Window::SPAN
                .max(u64::from(len))
                .min(end.saturating_sub(offset));
            self.buf
                .resize(usize::try_from(span).map_err(std::io::Error::other)?, 0);
            file.seek(std::io::SeekFrom::Start(offset))?;
            file.read_exact(&mut self.buf)?;
            self.at = offset;
        }
        let from = usize::try_from(offset - self.at).map_err(std::io::Error::other)?;
        self.buf
            .get(from..from + len as usize)
            .ok_or_else(|| std::io::Error::other("a paragraph outside the spool"))
    }
}

/// Hands a section's paragraphs to `f`, read back from the spool through `window`: on a miss
/// as far as `end` when what follows is the section's unit (the spool's end, for a unit just
/// drafted), else as far as the run of paragraphs one after the other — at most a window's
/// span either way.
fn read_paragraphs(
    sec: &Section,
    mut file: impl std::io::Read + std::io::Seek,
    window: &mut Window,
    end: Option<u64>,
    f: &mut dyn FnMut(Block) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for (start, lens) in sec.runs() {
        let run_end = start + lens.iter().map(|l| u64::from(*l)).sum::<u64>();
        let mut at = start;
        for len in lens {
            let text = window.get(&mut file, at, *len, end.unwrap_or(run_end))?;
            let text = std::str::from_utf8(text).map_err(std::io::Error::other)?;
            f(Block::Para(text.to_string()))?;
            at += u64::from(*len);
        }
    }
    Ok(())
}

/// The bytes before a paragraph's text in the spool: its section and its length.
const PARAGRAPH_HEAD: u64 = 8;

/// Finds where every section's paragraphs are from the records of a spool `written` bytes
/// long.
fn find_places(
    sections: &mut [Section],
    mut file: &std::fs::File,
    written: u64,
) -> std::io::Result<()> {
    use std::io::{Read, Seek};
    for sec in sections.iter_mut() {
        sec.paragraphs = None;
    }
    file.rewind()?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut at = 0u64;
    let mut head = [0u8; PARAGRAPH_HEAD as usize];
    while at < written {
        reader.read_exact(&mut head)?;
        let [a, b, c, d, e, f, g, h] = head;
        let section = u32::from_le_bytes([a, b, c, d]) as usize;
        let len = u32::from_le_bytes([e, f, g, h]);
        sections
            .get_mut(section)
            .ok_or_else(|| std::io::Error::other("a paragraph of no section"))?
            .push(at + PARAGRAPH_HEAD, len);
        reader.seek_relative(i64::from(len))?;
        at += PARAGRAPH_HEAD + u64::from(len);
    }
    Ok(())
}

/// What a text is gathered to before it is handed on.
const STREAM_CHUNK: usize = 1 << 20;

impl Stream {
    /// Takes a block as drafted (to be made clean).
    fn block(&mut self, b: Block) -> std::io::Result<()> {
        use std::io::Write;
        match &mut self.sink {
            Sink::Compressed(w) => w.push(b),
            Sink::Plain(render, chunk, out) => {
                render.block(&b.map(tidy), chunk);
                if chunk.len() >= STREAM_CHUNK {
                    out.write_all(chunk.as_bytes())?;
                    chunk.clear();
                }
                Ok(())
            }
        }
    }

    fn finish(self) -> std::io::Result<Streamed> {
        use std::io::{Seek, Write};
        let written = match self.sink {
            Sink::Compressed(w) => {
                let blocks = w.blocks;
                Written::Compressed(w.finish()?, blocks)
            }
            Sink::Plain(_, chunk, mut out) => {
                out.write_all(chunk.as_bytes())?;
                let mut f = out.into_inner().map_err(|e| e.into_error())?;
                f.rewind()?;
                Written::Plain(f)
            }
        };
        Ok(Streamed {
            format: self.format,
            written,
        })
    }
}

/// The `(一)关于……` heading of the i-th section.
fn heading2(i: usize, heading: &str) -> Block {
    Block::Heading2(format!("({}){}", chinese_numeral(i as u32 + 1), heading))
}

/// A section's heading in a draft of several units: it names its unit.
fn unit_heading(unit: &str, category: &str) -> String {
    if category.is_empty() {
        heading_of(category, unit)
    } else {
        heading_of(&format!("{unit}{category}"), unit)
    }
}

/// The blocks before the sections: the title, the opening, part 一 with its sentence, part
/// 二's heading.
fn head_blocks(title: String, sentence: String) -> Vec<Block> {
    vec![
        Block::Title(title),
        Block::Placeholder(PLACEHOLDER_OPENING.into()),
        Block::Heading1("一、整改工作总体情况".into()),
        Block::Placeholder(PLACEHOLDER_GENERAL.into()),
        Block::Para(sentence),
        Block::Heading1("二、对反馈意见整改落实情况".into()),
    ]
}

/// How many blocks come before the sections.
pub(crate) fn head_len() -> u32 {
    head_blocks(String::new(), String::new()).len() as u32
}

const PLACEHOLDER_OPENING: &str = "【待填写:开篇说明——巡察的时间、巡察组和反馈意见的时间等】";
const PLACEHOLDER_GENERAL: &str =
    "【待填写:整改工作的组织部署和主要做法(提高重视程度、统一思想认识、完善整改台账等)】";
const PLACEHOLDER_NEXT: &str = "【待填写:下步工作打算(一是……二是……三是……)】";
const PLACEHOLDER_CONTACT: &str = "【待填写:联系电话、邮政信箱、电子邮箱】";
const PLACEHOLDER_UNIT: &str = "【待填写:发布单位】";
const PLACEHOLDER_DATE: &str = "【待填写:日期】";

/// The totals sentence in the report's phrasing, with only the parts that are not zero:
/// "截至2023年3月30日,制定的30项整改措施,已经完成落实30项;反馈的16个具体问题,已完成整改16个。"
pub(crate) fn totals_sentence(c: &Counters, as_of: NaiveDate) -> String {
    let mut s = format!(
        "截至{},制定的{}项整改措施,已经完成落实{}项",
        as_of.format("%Y年%-m月%-d日"),
        c[Counter::Measures],
        c[Counter::MeasuresDone]
    );
    for (n, words) in [
        (c[Counter::MeasuresLongTerm], "长期坚持"),
        (c[Counter::MeasuresInProgress], "正在推进"),
        (c[Counter::MeasuresNotStarted], "尚未开始"),
        (c[Counter::MeasuresUnknownStatus], "完成情况不明"),
    ] {
        if n > 0 {
            s.push_str(&format!(",{words}{n}项"));
        }
    }
    if c[Counter::Overdue] > 0 {
        s.push_str(&format!(",其中逾期{}项", c[Counter::Overdue]));
    }
    s.push_str(&format!(
        ";反馈的{}个具体问题,已完成整改{}个。",
        c[Counter::Problems],
        c[Counter::ProblemsDone]
    ));
    s
}

fn trim_end_punct(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['。', ';', ';', ',', ',', '.', '、'])
}

fn ymd_cn(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

/// `(推进中,时限2023年6月30日)` for a measure not done; nothing for one done.
fn status_note(ledger: &Ledger, m: &Measure, s: &Settings) -> String {
    let status = ledger.status_of(m);
    let word = match status {
        Some(Status::Done) => return String::new(),
        Some(Status::LongTerm) => return "(长期坚持)".to_string(),
        Some(st) => st.standard_word(),
        None => "完成情况不明",
    };
    let due = match ledger.deadline_of(m) {
        Some(Deadline::Date(d)) => format!(",时限{}", ymd_cn(d)),
        Some(Deadline::Immediate) => match s.feedback_date {
            Some(d) => format!(",时限{}(立行立改)", ymd_cn(d)),
            None => ",立行立改".to_string(),
        },
        Some(Deadline::LongTerm) => ",长期坚持".to_string(),
        None => String::new(),
    };
    let late = match measure_timing(ledger, m, s) {
        Some(Timing::Overdue) => ",已逾期",
        _ => "",
    };
    format!("({word}{due}{late})")
}

/// The measure cell as written, for the text before its first item.
fn measure_cell(ledger: &Ledger, row: &crate::ledger::DataRow) -> String {
    if ledger.layout.split_measures {
        return row.text(Field::Measure);
    }
    extra(ledger, row, Col::MeasureCell).unwrap_or_default()
}

fn extra(ledger: &Ledger, row: &crate::ledger::DataRow, col: Col) -> Option<String> {
    row.extras
        .iter()
        .find(|(i, _)| {
            let label = &ledger.layout.columns[*i].label;
            *label == col.header(crate::Lang::Zh) || *label == col.header(crate::Lang::En)
        })
        .map(|(_, v)| v.text())
}

/// `序号` as the source wrote it.
fn seq_written(ledger: &Ledger, row: &crate::ledger::DataRow) -> String {
    if ledger.layout.split_measures {
        return row.text(Field::Seq);
    }
    extra(ledger, row, Col::Seq).unwrap_or_default()
}

/// `1(2)`, `1.2`, `1-2` → (1, 2).
fn sub_number(seq: &str) -> Option<(u32, u32)> {
    let t = crate::value::text::squash(seq);
    let (a, b) = t
        .split_once(['(', '.', '-', '—'])
        .map(|(a, b)| (a, b.trim_end_matches(')')))?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

fn problem_text(ledger: &Ledger, pi: usize, s: &Settings) -> ProblemText {
    let p = &ledger.problems[pi];
    let ms: Vec<&Measure> = p.measures.iter().map(|i| &ledger.measures[*i]).collect();
    let mut parts = Vec::new();
    // A measure the ledger has twice under the problem (`duplicate-measure`) is said once.
    // (Keys only where there is a second measure to be the same.)
    let mut said: Vec<String> = Vec::new();
    for m in &ms {
        if ms.len() > 1 {
            let key = crate::value::id::match_key(&m.text);
            if !key.is_empty() && said.contains(&key) {
                continue;
            }
            said.push(key);
        }
        let mut t = trim_end_punct(&m.text).to_string();
        t.push_str(&status_note(ledger, m, s));
        // Text before the first item of an enumerated cell leads its first item.
        let lead = match m.item {
            Some((n, _)) if n > 1 => String::new(),
            _ => split_enumeration(&measure_cell(ledger, ledger.row_of(m)))
                .filter(|e| e.items.first().is_some_and(|i| i.text == m.text))
                .map(|e| e.lead.to_string())
                .unwrap_or_default(),
        };
        parts.push((lead, t));
    }
    let measures = match parts.as_slice() {
        [] => String::new(),
        [(lead, one)] => format!("{lead}{one}。"),
        many => {
            let joined: Vec<String> = many
                .iter()
                .enumerate()
                .map(|(i, (lead, t))| format!("{lead}{}是{t}", chinese_numeral(i as u32 + 1)))
                .collect();
            format!("{}。", joined.join(";"))
        }
    };
    ProblemText {
        text: trim_end_punct(&p.text).to_string(),
        measures,
        measure_count: ms.len(),
    }
}

fn heading_of(category: &str, unit: &str) -> String {
    let c = category.trim();
    if c.is_empty() {
        format!("关于{unit}反馈问题的整改情况")
    } else if c.ends_with("方面") {
        format!("关于{c}问题的整改情况")
    } else {
        format!("关于{c}方面问题的整改情况")
    }
}

/// Splits `物业治理比较薄弱问题:街道"红心物业"…` into its head and the rest.
fn head_and_rest(s: &str) -> Option<(&str, &str)> {
    let (h, r) = s.split_once([':', ':'])?;
    (!h.trim().is_empty() && !r.trim().is_empty()).then(|| (h.trim(), r.trim()))
}

/// Drafts the ledgers one at a time, in input order, each problem's paragraph written to the
/// spool as it is drafted: memory holds the sections' headings and where their paragraphs are,
/// never the text.
#[derive(Debug)]
pub(crate) struct Drafter<'s> {
    settings: &'s Settings,
    sections: Vec<Section>,
    /// The units and categories seen, numbered.
    units: Names,
    categories: Names,
    /// The section of each (unit, category) by their numbers.
    by_heading: std::collections::HashMap<(u32, u32), usize>,
    spool: std::io::BufWriter<std::fs::File>,
    written: u64,
    problems: usize,
    measures: usize,
    stream: Option<Stream>,
}

impl<'s> Drafter<'s> {
    /// An empty draft, its spool a new temporary file.
    pub(crate) fn new(settings: &'s Settings) -> std::io::Result<Drafter<'s>> {
        Ok(Drafter {
            settings,
            sections: Vec::new(),
            units: Names::default(),
            categories: Names::default(),
            by_heading: std::collections::HashMap::new(),
            spool: std::io::BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            written: 0,
            problems: 0,
            measures: 0,
            stream: None,
        })
    }

    /// An empty draft that writes its body in `format` as it goes, once it is final: from
    /// the second unit on (before it, a draft of one unit would head its sections otherwise),
    /// each section as it is drafted. When a paragraph comes for a section already written —
    /// a unit, or a unit's category, coming back after another — the body is written from
    /// the spool at the end instead, as [`Drafter::new`]'s. The same document either way;
    /// the ledgers of a consolidated workbook come in unit and problem order.
    pub(crate) fn streaming(
        settings: &'s Settings,
        format: Format,
    ) -> std::io::Result<Drafter<'s>> {
        let sink = match format {
            Format::Docx => {
                Sink::Compressed(docx::BodyWriter::new().map_err(std::io::Error::other)?)
            }
            Format::Markdown | Format::Text => Sink::Plain(
                if format == Format::Text {
                    Renderer::Text
                } else {
                    Renderer::Markdown
                },
                String::with_capacity(STREAM_CHUNK + 4096),
                std::io::BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            ),
        };
        let mut d = Drafter::new(settings)?;
        d.stream = Some(Stream {
            format,
            sink,
            headed: 0,
            flowing: false,
            window: Window::default(),
        });
        Ok(d)
    }

    /// The section of a unit's category: one per unit and category, so that two units'
    /// problems of the same category stay apart.
    fn section(&mut self, unit: &str, category: &str) -> usize {
        let u = self.units.number(unit);
        let c = self.categories.number(category.trim());
        if let Some(i) = self.by_heading.get(&(u, c)) {
            return *i;
        }
        self.sections.push(Section {
            unit: u,
            category: c,
            items: 0,
            paragraphs: None,
        });
        self.by_heading.insert((u, c), self.sections.len() - 1);
        self.sections.len() - 1
    }

    /// Spools a paragraph of a section: its section and length, then its text.
    fn paragraph(&mut self, section: usize, text: &str) -> std::io::Result<()> {
        use std::io::Write;
        let len = u32::try_from(text.len()).map_err(std::io::Error::other)?;
        let index = u32::try_from(section).map_err(std::io::Error::other)?;
        self.spool.write_all(&index.to_le_bytes())?;
        self.spool.write_all(&len.to_le_bytes())?;
        self.spool.write_all(text.as_bytes())?;
        self.sections[section].push(self.written + PARAGRAPH_HEAD, len);
        self.written += PARAGRAPH_HEAD + u64::from(len);
        self.stream_on(section)
    }

    /// Where every section's paragraphs are, found again from the spool's records: the
    /// sections written as they were drafted forgot theirs.
    fn places_again(&mut self) -> std::io::Result<()> {
        use std::io::{Seek, Write};
        self.spool.flush()?;
        let file = self.spool.get_mut();
        find_places(&mut self.sections, file, self.written)?;
        file.seek(std::io::SeekFrom::End(0))?;
        Ok(())
    }

    /// The stream takes what is final once a paragraph is spooled: when it is the first of
    /// another unit, the sections of the unit before it.
    fn stream_on(&mut self, si: usize) -> std::io::Result<()> {
        let Some(st) = self.stream.as_mut() else {
            return Ok(());
        };
        if si < st.headed {
            // A section already written gets more (its unit came back after another): the
            // body is written at the end, from the spool.
            self.stream = None;
            return self.places_again();
        }
        if self.sections[si].unit == self.sections[st.headed].unit {
            return Ok(());
        }
        // Another unit: the draft has several, so every heading names its unit, and the
        // sections of the unit before it are final.
        st.flowing = true;
        let from = st.headed;
        st.headed = si;
        Self::write_out(
            st,
            &mut self.sections[from..si],
            from,
            (&self.units, &self.categories),
            &mut self.spool,
            self.written,
        )
    }

    /// Writes sections (the first numbered `first`) with their paragraphs read back from
    /// the spool (`written` bytes long), which goes on at its end afterwards.
    fn write_out(
        st: &mut Stream,
        sections: &mut [Section],
        first: usize,
        (units, categories): (&Names, &Names),
        spool: &mut std::io::BufWriter<std::fs::File>,
        written: u64,
    ) -> std::io::Result<()> {
        use std::io::{Seek, Write};
        spool.flush()?;
        let file = spool.get_mut();
        let mut window = std::mem::take(&mut st.window);
        for (i, sec) in sections.iter_mut().enumerate() {
            let heading = unit_heading(units.name(sec.unit), categories.name(sec.category));
            st.block(heading2(first + i, &heading))?;
            read_paragraphs(sec, &mut *file, &mut window, Some(written), &mut |b| {
                st.block(b)
            })?;
            // Written: where its paragraphs are is not needed unless the spool is read again
            // ([`Drafter::places_again`]); a city's report keeps only its open unit's.
            sec.paragraphs = None;
        }
        st.window = window;
        file.seek(std::io::SeekFrom::End(0))?;
        Ok(())
    }

    /// Drafts a ledger's problems after those of the ledgers before it: each under its
    /// category's section, sub-problems (`1(1)`, `1(2)` sharing a head) under one item.
    pub(crate) fn add(&mut self, l: &Ledger) -> std::io::Result<()> {
        let s = self.settings;
        // The group being filled: (section, parent number, head, sub-problems so far).
        let mut current: Option<(usize, u32, String, usize)> = None;
        for (pi, p) in l.problems.iter().enumerate() {
            let category = p.category.clone().unwrap_or_default();
            let si = self.section(&l.unit, &category);
            let mut text = problem_text(l, pi, s);
            self.problems += 1;
            self.measures += text.measure_count;
            let seq = seq_written(l, &l.rows[p.first_row]);
            let grouped = sub_number(&seq).and_then(|(parent, _)| {
                let (head, rest) = head_and_rest(&text.text)?;
                Some((parent, head.to_string(), rest.to_string()))
            });
            match grouped {
                Some((parent, head, rest)) => {
                    text.text = rest;
                    let same = current
                        .as_ref()
                        .is_some_and(|(ci, cp, ch, _)| *ci == si && *cp == parent && *ch == head);
                    if !same {
                        self.sections[si].items += 1;
                        let n = self.sections[si].items;
                        self.paragraph(si, &format!("{n}.{head}:"))?;
                        current = Some((si, parent, head, 0));
                    }
                    let k = match current.as_mut() {
                        Some(c) => {
                            c.3 += 1;
                            c.3
                        }
                        None => 1,
                    };
                    self.paragraph(si, &format!("({k}){}。{}", text.text, text.measures))?;
                }
                None => {
                    current = None;
                    self.sections[si].items += 1;
                    let n = self.sections[si].items;
                    self.paragraph(si, &format!("{n}.{}。{}", text.text, text.measures))?;
                }
            }
        }
        Ok(())
    }

    /// The draft: `totals` are the run's counters; the title defaults to
    /// `{publisher}巡察整改进展情况报告`.
    pub(crate) fn finish(
        mut self,
        totals: &Counters,
        publisher: Option<String>,
        title: Option<String>,
    ) -> std::io::Result<Draft> {
        use std::io::Write;
        self.spool.flush()?;
        // The last unit's sections are final now; a draft of one unit is written from the
        // spool, its headings without their unit.
        let forgot = self.stream.as_ref().is_some_and(|st| st.flowing);
        let body = match self.stream.take() {
            Some(mut st) if st.flowing => {
                let from = st.headed;
                Self::write_out(
                    &mut st,
                    &mut self.sections[from..],
                    from,
                    (&self.units, &self.categories),
                    &mut self.spool,
                    self.written,
                )?;
                Some(st.finish()?)
            }
            _ => None,
        };
        let spool = self.spool.into_inner().map_err(|e| e.into_error())?;
        // A draft of several units: each category's heading names its unit.
        let sections = self.sections;
        let names_units = sections.iter().any(|s| s.unit != sections[0].unit);
        let title = title.unwrap_or_else(|| {
            format!(
                "{}巡察整改进展情况报告",
                publisher.clone().unwrap_or_default()
            )
        });
        Ok(Draft {
            title,
            publisher,
            as_of: self.settings.as_of,
            totals: *totals,
            sections,
            units: self.units,
            categories: self.categories,
            names_units,
            spool,
            spooled: self.written,
            forgot,
            problems: self.problems,
            measures: self.measures,
            body,
        })
    }
}

impl Draft {
    /// The heading of the `i`-th section, `关于……方面问题的整改情况`, without its number; in a
    /// draft of several units it names its unit. Made when it is written, not kept: a city's
    /// report has tens of thousands.
    pub(crate) fn heading(&self, i: usize) -> String {
        let Some(sec) = self.sections.get(i) else {
            return String::new();
        };
        let (unit, category) = (
            self.units.name(sec.unit),
            self.categories.name(sec.category),
        );
        if self.names_units {
            unit_heading(unit, category)
        } else {
            heading_of(category, unit)
        }
    }

    /// The totals sentence of part 一.
    pub fn sentence(&self) -> String {
        crate::value::text::full_width_punct(&totals_sentence(&self.totals, self.as_of))
    }

    /// The blocks before the sections, each clean (`clean`).
    pub(crate) fn head(&self) -> Vec<Block> {
        head_blocks(self.title.clone(), self.sentence())
            .into_iter()
            .map(|b| b.map(tidy))
            .collect()
    }

    /// The blocks after the sections, each clean.
    pub(crate) fn tail(&self) -> Vec<Block> {
        vec![
            Block::Heading1("三、下步工作打算".into()),
            Block::Placeholder(PLACEHOLDER_NEXT.into()),
            Block::Placeholder(PLACEHOLDER_CONTACT.into()),
            Block::Closing(
                self.publisher
                    .clone()
                    .unwrap_or_else(|| PLACEHOLDER_UNIT.into()),
            ),
            Block::Closing(PLACEHOLDER_DATE.into()),
        ]
        .into_iter()
        .map(|b| b.map(tidy))
        .collect()
    }

    /// The body written as it was drafted, when it was in `format`: taken, so that it is
    /// written once.
    pub(crate) fn take_streamed(&mut self, format: Format) -> Option<Streamed> {
        self.body.take_if(|b| b.format == format)
    }

    /// Hands the sections' blocks to `f` in order, as drafted (not yet clean), the paragraphs
    /// read back from the spool one at a time.
    pub(crate) fn write_body(
        &mut self,
        f: &mut dyn FnMut(Block) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        if self.forgot {
            find_places(&mut self.sections, &self.spool, self.spooled)?;
            self.forgot = false;
        }
        let mut window = Window::default();
        for (i, sec) in self.sections.iter().enumerate() {
            f(heading2(i, &self.heading(i)))?;
            read_paragraphs(sec, &self.spool, &mut window, None, f)?;
        }
        Ok(())
    }

    /// The draft laid out by `render` into `out`: the head, the body (as it was written when
    /// it was drafted in this format, else from the spool), the end.
    fn write_as(
        &mut self,
        format: Format,
        render: Renderer,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let mut text = String::new();
        let put = |b: &Block, text: &mut String, out: &mut dyn std::io::Write| {
            render.block(b, text);
            if text.len() >= STREAM_CHUNK {
                out.write_all(text.as_bytes())?;
                text.clear();
            }
            Ok::<(), std::io::Error>(())
        };
        for b in self.head() {
            put(&b, &mut text, out)?;
        }
        match self.take_streamed(format) {
            Some(Streamed {
                written: Written::Plain(mut f),
                ..
            }) => {
                out.write_all(text.as_bytes())?;
                text.clear();
                std::io::copy(&mut f, out)?;
            }
            _ => self.write_body(&mut |b| put(&b.map(tidy), &mut text, out))?,
        }
        for b in self.tail() {
            put(&b, &mut text, out)?;
        }
        out.write_all(text.as_bytes())
    }

    /// Plain text, one block per line, as the seed report is written.
    pub(crate) fn write_text(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_as(Format::Text, Renderer::Text, out)
    }

    /// Markdown: the same text, headings marked.
    pub(crate) fn write_markdown(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.write_as(Format::Markdown, Renderer::Markdown, out)
    }

    /// Every problem and measure drafted: (problems, measures).
    pub fn counts(&self) -> (usize, usize) {
        (self.problems, self.measures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit's ledger of problems in categories (category, problem, measure, status).
    fn ledger(unit: &str, rows: &[(&str, &str, &str, &str)]) -> Ledger {
        use crate::source::grid::{CellValue, Sheet};
        let header = [
            "序号",
            "问题类别",
            "反馈问题",
            "整改措施",
            "责任人",
            "整改时限",
            "完成情况",
        ];
        let mut cells = Vec::new();
        for (c, h) in header.iter().enumerate() {
            cells.push((0, c as u32, CellValue::Text(h.to_string())));
        }
        for (r, (cat, problem, measure, status)) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            let n = r.to_string();
            let row = [
                n.as_str(),
                cat,
                problem,
                measure,
                "李",
                "2023年6月30日",
                status,
            ];
            for (c, v) in row.iter().enumerate() {
                cells.push((r, c as u32, CellValue::Text(v.to_string())));
            }
        }
        let sheet = Sheet::from_cells("台账", cells);
        let s = settings();
        let layout = crate::layout::find_layout(&sheet, &s, "f.xlsx").unwrap();
        let mut l = crate::ledger::build_ledger(&sheet, layout, "f.xlsx", "f.xlsx", &s);
        l.unit = unit.to_string();
        l
    }

    fn settings() -> Settings {
        Settings::new(NaiveDate::from_ymd_opt(2023, 3, 30).unwrap())
    }

    /// The draft of ledgers written in a format, from the spool or as drafted; and whether the
    /// body was written as drafted.
    fn written(ledgers: &[Ledger], format: Format, streaming: bool) -> (Vec<u8>, bool) {
        let s = settings();
        let mut d = if streaming {
            Drafter::streaming(&s, format).unwrap()
        } else {
            Drafter::new(&s).unwrap()
        };
        for l in ledgers {
            d.add(l).unwrap();
        }
        let mut draft = d.finish(&Counters::default(), None, None).unwrap();
        let streamed = draft.body.as_ref().is_some_and(|b| b.format == format);
        let bytes = match format {
            Format::Text | Format::Markdown => {
                let mut out = Vec::new();
                if format == Format::Text {
                    draft.write_text(&mut out).unwrap();
                } else {
                    draft.write_markdown(&mut out).unwrap();
                }
                out
            }
            Format::Docx => {
                let mut f = tempfile::tempfile().unwrap();
                docx::write_docx(&mut draft, None, &mut f).unwrap();
                use std::io::{Read, Seek};
                f.rewind().unwrap();
                let mut zip = zip::ZipArchive::new(f).unwrap();
                let mut xml = Vec::new();
                zip.by_name("word/document.xml")
                    .unwrap()
                    .read_to_end(&mut xml)
                    .unwrap();
                xml
            }
        };
        (bytes, streamed)
    }

    #[test]
    fn a_body_written_as_drafted_is_the_body_written_from_the_spool() {
        // Categories in turns within a unit, as many ledgers keep them.
        let a = ledger(
            "甲社区",
            &[
                ("党建", "问题一", "措施一", "已完成"),
                ("治理", "问题二", "措施二", "推进中"),
                ("党建", "问题三", "措施三;\n二是措施四", "已完成"),
            ],
        );
        let b = ledger("乙社区", &[("治理", "问题四", "措施五 & <六>", "未开始")]);
        let c = ledger("丙社区", &[("", "问题五", "措施七", "已完成")]);
        let a_again = ledger("甲社区", &[("党建", "问题六", "措施八", "已完成")]);
        let a_new = ledger("甲社区", &[("安全", "问题七", "措施九", "已完成")]);
        let cases: [(&[&Ledger], bool); 6] = [
            (&[&a, &b, &c], true),
            // A unit in two ledgers one after the other.
            (&[&a, &a_again, &b], true),
            // A unit back after another, to a section already written: from the spool.
            (&[&a, &b, &a_again, &c], false),
            // Back with a category of its own: a section of its own, at the end.
            (&[&a, &b, &a_new], true),
            // One unit: its headings do not name it, known only at the end.
            (&[&a], false),
            (&[], false),
        ];
        for (ledgers, streams) in cases {
            let ledgers: Vec<Ledger> = ledgers.iter().map(|l| (*l).clone()).collect();
            for format in [Format::Text, Format::Markdown, Format::Docx] {
                let (spooled, _) = written(&ledgers, format, false);
                let (streamed, was) = written(&ledgers, format, true);
                let units: Vec<&str> = ledgers.iter().map(|l| l.unit.as_str()).collect();
                assert_eq!(was, streams, "{units:?} {format:?}");
                assert!(
                    spooled == streamed,
                    "{units:?} {format:?}:\n{}\n----\n{}",
                    String::from_utf8_lossy(&spooled),
                    String::from_utf8_lossy(&streamed)
                );
            }
        }
        // A body written as drafted for a document, the draft then written as text: from the
        // spool, whose places are found again.
        let three = [a.clone(), b.clone(), c.clone()];
        let s = settings();
        let mut d = Drafter::streaming(&s, Format::Docx).unwrap();
        for l in &three {
            d.add(l).unwrap();
        }
        let mut draft = d.finish(&Counters::default(), None, None).unwrap();
        let mut text = Vec::new();
        draft.write_text(&mut text).unwrap();
        assert_eq!(text, written(&three, Format::Text, false).0);
        // What the cases hold: headings naming their units, every problem once.
        let (text, _) = written(&[a.clone(), b.clone(), a_new.clone()], Format::Text, true);
        let text = String::from_utf8(text).unwrap();
        assert!(
            text.contains("（一）关于甲社区党建方面问题的整改情况"),
            "{text}"
        );
        assert!(
            text.contains("（四）关于甲社区安全方面问题的整改情况"),
            "{text}"
        );
        for p in ["问题一", "问题二", "问题三", "问题四", "问题七"] {
            assert_eq!(text.matches(p).count(), 1, "{p}: {text}");
        }
    }

    #[test]
    fn places_give_back_every_paragraph_in_runs() {
        let mut p = Places::default();
        for (offset, len) in [(0, 5), (5, 3), (20, 4), (24, 1), (40, 2)] {
            p.push(offset, len);
        }
        assert_eq!(
            p.iter().collect::<Vec<_>>(),
            vec![(0, 5), (5, 3), (20, 4), (24, 1), (40, 2)]
        );
        let runs: Vec<(u64, Vec<u32>)> = p.runs().map(|(o, l)| (o, l.to_vec())).collect();
        assert_eq!(runs, vec![(0, vec![5, 3]), (20, vec![4, 1]), (40, vec![2])]);
    }

    #[test]
    fn sub_numbers() {
        assert_eq!(sub_number("1(2)"), Some((1, 2)));
        assert_eq!(sub_number("3(1)"), Some((3, 1)));
        assert_eq!(sub_number("2.1"), Some((2, 1)));
        assert_eq!(sub_number("2"), None);
    }

    #[test]
    fn headings() {
        assert_eq!(
            heading_of("党建引领基层治理方面", "x"),
            "关于党建引领基层治理方面问题的整改情况"
        );
        assert_eq!(
            heading_of("党建引领", "x"),
            "关于党建引领方面问题的整改情况"
        );
        assert_eq!(heading_of("", "庆利社区"), "关于庆利社区反馈问题的整改情况");
    }

    #[test]
    fn sentence_only_says_what_is_not_zero() {
        let mut c = Counters::default();
        for (k, n) in [
            (Counter::Problems, 30),
            (Counter::ProblemsDone, 19),
            (Counter::Measures, 56),
            (Counter::MeasuresDone, 29),
            (Counter::MeasuresLongTerm, 7),
            (Counter::MeasuresInProgress, 17),
            (Counter::Overdue, 2),
        ] {
            c[k] = n;
        }
        let d = NaiveDate::from_ymd_opt(2023, 3, 30).unwrap();
        assert_eq!(
            totals_sentence(&c, d),
            "截至2023年3月30日,制定的56项整改措施,已经完成落实29项,长期坚持7项,正在推进17项,其中逾期2项;反馈的30个具体问题,已完成整改19个。"
        );
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `report::clean`
    #[test]
    fn clean() {
        assert_eq!(
            crate::report::clean("一是\n二是\u{1b}[31m\u{7}"),
            "一是 二是[31m"
        );
        assert_eq!(
            crate::report::clean("第\u{85}一\u{FFFF},完成。"),
            "第一,完成。"
        );
    }

    /// `report::markdown_literal`
    #[test]
    fn markdown_literal() {
        use crate::report::markdown_literal;
        assert_eq!(markdown_literal("# 标题"), "\\# 标题");
        assert_eq!(markdown_literal("<script>"), "&lt;script&gt;");
        assert_eq!(
            markdown_literal("*重点*[链接](x)"),
            "\\*重点\\*\\[链接\\](x)"
        );
    }

    /// `report::Format::of_extension`
    #[test]
    fn format_of_extension() {
        use crate::report::Format;
        assert_eq!(Format::of_extension("DOCX"), Some(Format::Docx));
        assert_eq!(Format::of_extension("pdf"), None);
    }

    /// `report::totals_sentence`
    #[test]
    fn totals_sentence() {
        use crate::{
            model::{Counter, Counters},
            report::totals_sentence,
        };
        let mut c = Counters::default();
        c[Counter::Problems] = 16;
        c[Counter::ProblemsDone] = 16;
        c[Counter::Measures] = 30;
        c[Counter::MeasuresDone] = 30;
        let d = chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap();
        assert_eq!(
            totals_sentence(&c, d),
            "截至2023年3月30日,制定的30项整改措施,已经完成落实30项;反馈的16个具体问题,已完成整改16个。"
        );
    }

    /// `report::Drafter`
    #[test]
    fn drafter() {
        use crate::config::Settings;
        use crate::report::Drafter;
        let s = Settings::new(chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap());
        let d = Drafter::new(&s).unwrap();
        // d.add(&ledger) for each ledger, as it is read …
        let mut draft = d
            .finish(&Default::default(), Some("某街道".into()), None)
            .unwrap();
        let mut text = Vec::new();
        draft.write_text(&mut text).unwrap();
        assert!(
            String::from_utf8(text)
                .unwrap()
                .starts_with("某街道巡察整改进展情况报告\n")
        );
    }
}

//! The draft as a Word document, with the usual look of an official document (GB/T 9704): A4,
//! title centred in 小标宋 at 二号 (22 pt), first-level headings in 黑体 and second-level in 楷体 at
//! 三号 (16 pt), body in 仿宋 at 三号 with a two-character first-line indent and a fixed 28 pt
//! line, page numbers `— 1 —` centred in the footer.
//!
//! Written with docx-rs (maintained, pure Rust, writes the WordprocessingML that Word, WPS and
//! LibreOffice open; it sets East Asian fonts per run, which official documents need).

use super::{Block, Draft};
use crate::pack::deflate::ParallelDeflater;
use docx_rs::{
    AlignmentType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, LineSpacing, LineSpacingType,
    PageMargin, Paragraph, Pic, Run, RunFonts, SpecialIndentType,
};

/// Body text size, in half-points (三号 = 16 pt).
const BODY: usize = 32;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts(font)).size(size)
}

fn exact(line_twips: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line_twips)
}

fn paragraph(block: &Block) -> Paragraph {
    let body = |font: &str, text: &str| {
        Paragraph::new()
            .add_run(run(text, font, BODY))
            .line_spacing(exact(560))
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
            .align(AlignmentType::Both)
    };
    match block {
        Block::Title(t) => Paragraph::new()
            .add_run(run(t, "方正小标宋简体", 44))
            .align(AlignmentType::Center)
            .line_spacing(exact(700).after(320)),
        Block::Heading1(t) => body("黑体", t).keep_next(true),
        Block::Heading2(t) => body("楷体_GB2312", t).keep_next(true),
        Block::Para(t) => body("仿宋_GB2312", t),
        Block::Placeholder(t) => Paragraph::new()
            .add_run(run(t, "仿宋_GB2312", BODY).color("C00000"))
            .line_spacing(exact(560))
            .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None),
        Block::Closing(t) => Paragraph::new()
            .add_run(run(t, "仿宋_GB2312", BODY))
            .line_spacing(exact(560))
            .align(AlignmentType::Right),
    }
}

fn page_number_footer() -> Footer {
    let p = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(run("— ", "宋体", 28))
        .add_run(
            Run::new()
                .fonts(fonts("宋体"))
                .size(28)
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false),
        )
        .add_run(run(" —", "宋体", 28));
    Footer::new().add_paragraph(p)
}

/// The deflate level of the document's body (as the workbook's parts).
const LEVEL: u32 = 2;

/// A marker no ledger text holds (a private-use character): the paragraph of the document
/// docx-rs writes where the draft's blocks go, and the text of the template paragraphs.
const MARK: &str = "\u{F8FF}taizhang\u{F8FF}";

/// A paragraph's XML as docx-rs writes it, cut around its id and its text.
struct Template {
    /// Up to the paragraph id's value.
    open: String,
    /// From after the id to the text.
    middle: String,
    /// After the text.
    close: String,
}

/// The paragraph that holds `MARK` in a document.xml: (start, end) of its `<w:p …>…</w:p>`.
fn marked_paragraph(xml: &str) -> Option<(usize, usize)> {
    let at = xml.find(MARK)?;
    let start = xml[..at].rfind("<w:p ")?;
    let end = at + xml[at..].find("</w:p>")? + "</w:p>".len();
    Some((start, end))
}

fn template(xml: &str) -> Option<Template> {
    let (start, end) = marked_paragraph(xml)?;
    let p = &xml[start..end];
    let id_at = p.find("w14:paraId=\"")? + "w14:paraId=\"".len();
    let id_end = id_at + p[id_at..].find('"')?;
    let text_at = p.find(MARK)?;
    Some(Template {
        open: p[..id_at].to_string(),
        middle: p[id_end..text_at].to_string(),
        close: p[text_at + MARK.len()..].to_string(),
    })
}

fn page() -> Docx {
    Docx::new()
        .page_size(11906, 16838)
        .page_margin(PageMargin {
            top: 2098,
            bottom: 1984,
            left: 1587,
            right: 1474,
            header: 851,
            footer: 992,
            gutter: 0,
        })
        .default_fonts(fonts("仿宋_GB2312"))
        .default_size(BODY)
}

fn packed(doc: Docx) -> Result<Vec<u8>, String> {
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

fn document_xml(package: &[u8]) -> Result<String, String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).map_err(|e| e.to_string())?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|e| e.to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| e.to_string())?;
    Ok(xml)
}

/// Runs `f` on a thread of its own: docx-rs numbers paragraphs per thread, from where the
/// thread's last document left off, so a document made there has the same ids whenever it is
/// made.
fn on_own_thread<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    std::thread::spawn(f)
        .join()
        .map_err(|_| "the document's template could not be made".to_string())?
}

/// The templates of each kind of block, from a document docx-rs writes on a thread of its own
/// (its paragraph ids count per thread, and the document's must not move).
fn templates() -> Result<Vec<Template>, String> {
    on_own_thread(|| {
        let mut v = Vec::new();
        for b in [
            Block::Title(MARK.into()),
            Block::Heading1(MARK.into()),
            Block::Heading2(MARK.into()),
            Block::Para(MARK.into()),
            Block::Placeholder(MARK.into()),
            Block::Closing(MARK.into()),
        ] {
            let xml = document_xml(&packed(page().add_paragraph(paragraph(&b)))?)?;
            v.push(template(&xml).ok_or("no template paragraph")?);
        }
        Ok(v)
    })
}

fn kind(b: &Block) -> usize {
    match b {
        Block::Title(_) => 0,
        Block::Heading1(_) => 1,
        Block::Heading2(_) => 2,
        Block::Para(_) => 3,
        Block::Placeholder(_) => 4,
        Block::Closing(_) => 5,
    }
}

/// Text as docx-rs escapes it in `w:t`.
fn escape_text(s: &str, out: &mut String) {
    // The escaped characters are ASCII: the text between them is copied a run at a time.
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            b'\n' => "&#xA;",
            b'\r' => "",
            _ => continue,
        };
        out.push_str(&s[copied..i]);
        out.push_str(with);
        copied = i + 1;
    }
    out.push_str(&s[copied..]);
}

/// The chart as the document shows it: the width of the text block (15.6 cm), its height in
/// proportion. docx-rs is given `placeholder` for its bytes (each page's its own, as docx-rs
/// keeps one copy of equal pictures); the page drawn replaces it as the package is copied.
fn chart_picture(placeholder: Vec<u8>, (width, height): (u32, u32)) -> Pic {
    const EMU_PER_CM: u64 = 360_000;
    let w = 156 * EMU_PER_CM / 10;
    let h = w * u64::from(height) / u64::from(width.max(1));
    Pic::new_with_dimensions(placeholder, width, height).size(w as u32, h as u32)
}

/// What docx-rs holds for page `k` of the chart until it is drawn.
fn placeholder(k: usize) -> Vec<u8> {
    format!("taizhang: page {k} of the chart, drawn when written").into_bytes()
}

/// The page of the chart a placeholder stands for (one of `pages`).
fn placeholder_page(bytes: &[u8], pages: usize) -> Option<usize> {
    let k: usize = std::str::from_utf8(bytes)
        .ok()?
        .strip_prefix("taizhang: page ")?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    (k < pages && placeholder(k) == bytes).then_some(k)
}

/// The document docx-rs writes around the draft: the page, the footer, one marked paragraph
/// where the blocks go and, with the chart's `pages` (their sizes), the attachment after it.
fn document(day: &str, pages: &[(u32, u32)]) -> Docx {
    let mut doc = page()
        .footer(page_number_footer())
        .created_at(day)
        .updated_at(day)
        .add_paragraph(paragraph(&Block::Para(MARK.into())));
    if !pages.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .page_break_before(true)
                .add_run(run("附件", "黑体", BODY)),
        );
    }
    for (k, size) in pages.iter().enumerate() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_image(chart_picture(placeholder(k), *size))),
        );
    }
    doc
}

/// The id of the marked paragraph of a document.xml: the first block's.
fn marked_id(xml: &str) -> Result<u32, String> {
    let (start, end) = marked_paragraph(xml).ok_or("the document lost its marked paragraph")?;
    xml[start..end]
        .split("w14:paraId=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .ok_or_else(|| "the marked paragraph has no id".to_string())
}

/// The draft's blocks as paragraphs, each as docx-rs would write it (its XML from a template of
/// its kind), numbered on.
#[derive(Debug)]
pub(crate) struct Paragraphs {
    templates: std::sync::Arc<Vec<Template>>,
    next_id: u32,
}

impl std::fmt::Debug for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Template")
    }
}

impl Paragraphs {
    /// The paragraphs numbered from `first_id`.
    fn new(first_id: u32) -> Result<Paragraphs, String> {
        Ok(Paragraphs {
            templates: std::sync::Arc::new(templates()?),
            next_id: first_id,
        })
    }

    /// Appends a block's paragraph.
    pub(crate) fn paragraph(&mut self, b: &Block, out: &mut String) -> std::io::Result<()> {
        use std::fmt::Write;
        let t = &self.templates[kind(b)];
        out.push_str(&t.open);
        let _ = write!(out, "{:08x}", self.next_id);
        out.push_str(&t.middle);
        escape_text(b.text(), out);
        out.push_str(&t.close);
        self.next_id = self
            .next_id
            .checked_add(1)
            .ok_or_else(|| std::io::Error::other("too many paragraphs"))?;
        Ok(())
    }
}

/// The first id of the blocks: the marked paragraph's, in the document built on a thread of
/// its own.
fn first_block_id() -> Result<u32, String> {
    on_own_thread(|| {
        marked_id(&document_xml(&packed(document(
            "2000-01-01T00:00:00Z",
            &[],
        ))?)?)
    })
}

/// Blocks of the body, the first to be numbered `first_id`: what a compressing thread makes
/// into paragraphs.
struct Batch {
    first_id: u32,
    blocks: Vec<Block>,
}

/// What is gathered into a batch: about this much text.
const BATCH: usize = 1 << 20;

/// Writes the body's blocks as the document's paragraphs, numbered on from after the head's:
/// made clean, laid out and compressed on every core, a batch of blocks at a time.
pub(crate) struct BodyWriter {
    z: ParallelDeflater<Batch>,
    next_id: u32,
    pending: Vec<Block>,
    pending_len: usize,
    /// The blocks taken so far.
    pub(crate) blocks: u32,
}

impl std::fmt::Debug for BodyWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BodyWriter")
            .field("blocks", &self.blocks)
            .finish_non_exhaustive()
    }
}

impl BodyWriter {
    /// A body of the document as [`write_docx`] writes it.
    pub(crate) fn new() -> Result<BodyWriter, String> {
        BodyWriter::numbered_from(first_block_id()? + super::head_len())
    }

    fn numbered_from(first_id: u32) -> Result<BodyWriter, String> {
        let templates = std::sync::Arc::new(templates()?);
        let threads = crate::pool::default_threads();
        let z = ParallelDeflater::rendering(LEVEL, threads, move |b: Batch| {
            let mut p = Paragraphs {
                templates: std::sync::Arc::clone(&templates),
                next_id: b.first_id,
            };
            let mut out = String::with_capacity(BATCH * 2);
            for block in b.blocks {
                p.paragraph(&block.map(super::tidy), &mut out)?;
            }
            Ok(out.into_bytes())
        })
        .map_err(|e| e.to_string())?;
        Ok(BodyWriter {
            z,
            next_id: first_id,
            pending: Vec::new(),
            pending_len: 0,
            blocks: 0,
        })
    }

    /// Takes a block as drafted.
    pub(crate) fn push(&mut self, b: Block) -> std::io::Result<()> {
        self.pending_len += b.text().len();
        self.pending.push(b);
        self.blocks = self
            .blocks
            .checked_add(1)
            .ok_or_else(|| std::io::Error::other("too many paragraphs"))?;
        if self.pending_len >= BATCH {
            self.send()?;
        }
        Ok(())
    }

    fn send(&mut self) -> std::io::Result<()> {
        let blocks = std::mem::take(&mut self.pending);
        let n = u32::try_from(blocks.len()).map_err(std::io::Error::other)?;
        let first_id = self.next_id;
        self.next_id = first_id
            .checked_add(n)
            .ok_or_else(|| std::io::Error::other("too many paragraphs"))?;
        self.pending_len = 0;
        self.z.send(Batch { first_id, blocks })
    }

    /// The body compressed.
    pub(crate) fn finish(mut self) -> std::io::Result<crate::pack::deflate::Deflated> {
        if !self.pending.is_empty() {
            self.send()?;
        }
        self.z.finish()
    }
}

/// The paragraphs after the marked one (the attachment's), numbered on from `next` so that no
/// id is a block's, and their pictures' `docPr` ids made unique (docx-rs gives each `1`).
fn renumbered_end(xml: &str, mut next: u32) -> Result<String, String> {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut picture = 0u32;
    loop {
        let para = rest.find("w14:paraId=\"");
        let pic = rest.find("<wp:docPr id=\"");
        let (at, key, is_para) = match (para, pic) {
            (Some(a), Some(b)) if b < a => (b, "<wp:docPr id=\"", false),
            (Some(a), _) => (a, "w14:paraId=\"", true),
            (None, Some(b)) => (b, "<wp:docPr id=\"", false),
            (None, None) => break,
        };
        let value_at = at + key.len();
        let value_end = value_at + rest[value_at..].find('"').ok_or("an unclosed attribute")?;
        out.push_str(&rest[..value_at]);
        if is_para {
            out.push_str(&format!("{next:08x}"));
            next = next.checked_add(1).ok_or("too many paragraphs")?;
        } else {
            picture += 1;
            out.push_str(&picture.to_string());
        }
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The draft as a `.docx` document: the package docx-rs writes around one marked paragraph,
/// and in its place every block's paragraph as docx-rs would write it (its XML taken from a
/// template of each kind). The body is the one compressed as the ledgers were drafted
/// ([`super::Drafter::streaming`]) when there is one, else compressed here from the spool on
/// every core; the head (title, the totals sentence …) and the end are compressed here and the
/// part assembled from the three (the crate's `pack::deflate`). Memory holds one paragraph at a
/// time.
///
/// With `charts` (the chart's pages), the document ends with them as its attachment (附件),
/// from a page of its own.
pub(crate) fn write_docx(
    d: &mut Draft,
    chart: Option<&super::chart::Pages<'_>>,
    out: &mut std::fs::File,
) -> Result<(), String> {
    use crate::pack::zipout::{Method, ZipOut};
    use std::io::Write;
    let err = |e: std::io::Error| e.to_string();
    let first_id = first_block_id()?;
    let head_len = super::head_len();
    let (body, blocks) = match d.take_streamed(super::Format::Docx) {
        Some(super::Streamed {
            written: super::Written::Compressed(body, blocks),
            ..
        }) => (body, blocks),
        _ => {
            let mut w = BodyWriter::numbered_from(first_id + head_len)?;
            d.write_body(&mut |b| w.push(b)).map_err(err)?;
            let blocks = w.blocks;
            (w.finish().map_err(err)?, blocks)
        }
    };
    let day = format!("{}T00:00:00Z", d.as_of.format("%Y-%m-%d"));
    let sizes: Vec<(u32, u32)> = chart
        .map(|c| (0..c.len()).map(|k| c.size(k)).collect())
        .unwrap_or_default();
    let pages = sizes.len();
    let package = on_own_thread(move || packed(document(&day, &sizes)))?;
    let xml = document_xml(&package)?;
    if marked_id(&xml)? != first_id {
        return Err("the document's paragraph ids moved".into());
    }
    let (start, end) = marked_paragraph(&xml).ok_or("the document lost its marked paragraph")?;
    let mut head = xml[..start].to_string();
    let mut paragraphs = Paragraphs::new(first_id)?;
    for b in d.head() {
        paragraphs.paragraph(&b, &mut head).map_err(err)?;
    }
    let mut tail = String::new();
    // The end's paragraphs number on after the body's.
    paragraphs.next_id = first_id + head_len + blocks;
    for b in d.tail() {
        paragraphs.paragraph(&b, &mut tail).map_err(err)?;
    }
    tail.push_str(&renumbered_end(&xml[end..], paragraphs.next_id)?);
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(&package)).map_err(|e| e.to_string())?;
    // The chart's pages, by the entries holding their placeholders, in the package's order.
    let mut page_of = vec![None; zip.len()];
    for (i, page) in page_of.iter_mut().enumerate() {
        let mut e = zip.by_index(i).map_err(|e| e.to_string())?;
        let media = e
            .name()
            .map_err(|e| e.to_string())?
            .starts_with("word/media/");
        if media && e.size() < 256 {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut bytes).map_err(err)?;
            *page = placeholder_page(&bytes, pages);
        }
    }
    let order: Vec<usize> = page_of.iter().flatten().copied().collect();
    if order.len() != pages {
        return Err(format!(
            "the document holds {} of the chart's {pages} pages",
            order.len()
        ));
    }
    let mut w = ZipOut::new(std::io::BufWriter::with_capacity(1 << 20, out));
    let mut body = Some(body);
    let mut copy = |next: &mut dyn FnMut() -> Result<super::chart::Picture, String>| {
        for (i, page) in page_of.iter().enumerate() {
            let name = crate::pack::entry_name(&mut zip, i)?;
            if page.is_some() {
                // A PNG is compressed already: stored as it is.
                let png = next()?.png;
                w.add(
                    &name,
                    Method::Stored,
                    crc32fast::hash(&png),
                    png.len() as u64,
                    png.len() as u64,
                    |o| o.write_all(&png),
                )
                .map_err(err)?;
                continue;
            }
            if name != "word/document.xml" {
                crate::pack::copy_entry(&mut zip, i, &mut w)?;
                continue;
            }
            let b = body.take().ok_or("two document parts")?;
            crate::pack::add_around(&mut w, &name, head.as_bytes(), b, tail.as_bytes(), LEVEL)
                .map_err(err)?;
        }
        Ok::<(), String>(())
    };
    match chart {
        Some(c) if !order.is_empty() => c.drawn_in(&order, |next| copy(next))?,
        _ => copy(&mut || Err("the document has no chart".into()))?,
    }
    let mut inner = w.finish().map_err(err)?;
    inner.flush().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_names_its_page_and_nothing_else_does() {
        for k in [0, 1, 9, 10, 165] {
            assert_eq!(placeholder_page(&placeholder(k), 166), Some(k));
        }
        assert_eq!(placeholder_page(&placeholder(166), 166), None);
        assert_eq!(placeholder_page(b"taizhang: page 3", 166), None);
        assert_eq!(placeholder_page(b"\x89PNG\r\n", 166), None);
        assert_eq!(
            placeholder_page(b"taizhang: page x of the chart", 166),
            None
        );
    }

    #[test]
    fn the_paragraphs_after_the_blocks_take_ids_no_block_has() {
        let end = r#"<w:p w14:paraId="00000003"><w:r><w:t>附件</w:t></w:r></w:p><w:p w14:paraId="00000004"><wp:docPr id="1" name="Figure" /></w:p><w:p w14:paraId="00000005"><wp:docPr id="1" name="Figure" /></w:p></w:body>"#;
        let out = renumbered_end(end, 0x2a).unwrap();
        assert_eq!(
            out,
            r#"<w:p w14:paraId="0000002a"><w:r><w:t>附件</w:t></w:r></w:p><w:p w14:paraId="0000002b"><wp:docPr id="1" name="Figure" /></w:p><w:p w14:paraId="0000002c"><wp:docPr id="2" name="Figure" /></w:p></w:body>"#
        );
        assert_eq!(renumbered_end("</w:body>", 7).unwrap(), "</w:body>");
    }

    #[test]
    fn text_is_escaped_as_docx_rs_escapes_it() {
        let mut out = String::new();
        escape_text("甲&乙<丙>\"丁'\r\n戊", &mut out);
        assert_eq!(out, "甲&amp;乙&lt;丙&gt;&quot;丁&apos;&#xA;戊");
    }
}

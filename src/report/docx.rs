//! The draft as a Word document, with the usual look of an official document (GB/T 9704): A4,
//! title centred in 小标宋 at 二号 (22 pt), first-level headings in 黑体 and second-level in 楷体 at
//! 三号 (16 pt), body in 仿宋 at 三号 with a two-character first-line indent and a fixed 28 pt
//! line, page numbers `— 1 —` centred in the footer.
//!
//! Written with docx-rs (maintained, pure Rust, writes the WordprocessingML that Word, WPS and
//! LibreOffice open; it sets East Asian fonts per run, which official documents need).

use super::{Block, Draft};
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

/// The templates of each kind of block, from a document docx-rs writes on a thread of its own
/// (its paragraph ids count per thread, and the document's must not move).
fn templates() -> Result<Vec<Template>, String> {
    std::thread::spawn(|| {
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
    .join()
    .map_err(|_| "the templates could not be made".to_string())?
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
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => {}
            c => out.push(c),
        }
    }
}

/// The chart as the document shows it: the width of the text block (15.6 cm), its height in
/// proportion.
fn chart_picture(c: &super::chart::Picture) -> Pic {
    const EMU_PER_CM: u64 = 360_000;
    let w = 156 * EMU_PER_CM / 10;
    let h = w * u64::from(c.height) / u64::from(c.width.max(1));
    Pic::new_with_dimensions(c.png.clone(), c.width, c.height).size(w as u32, h as u32)
}

/// The draft as a `.docx` document, written to `out` as its blocks are read from the draft:
/// the package docx-rs writes around one marked paragraph, and in its place every block's
/// paragraph as docx-rs would write it (its XML taken from a template of each kind), compressed
/// as it goes. Memory holds one paragraph at a time.
///
/// With `charts` (the chart's pages), the document ends with them as its attachment (附件),
/// from a page of its own.
pub fn write_docx(
    d: &mut Draft,
    charts: &[super::chart::Picture],
    out: &mut std::fs::File,
) -> Result<(), String> {
    use crate::pack::deflate::ParallelDeflater;
    use crate::pack::zipout::{Method, ZipOut};
    use std::io::Write;
    let templates = templates()?;
    let day = format!("{}T00:00:00Z", d.as_of.format("%Y-%m-%d"));
    let mut doc = page()
        .footer(page_number_footer())
        .created_at(&day)
        .updated_at(&day)
        .add_paragraph(paragraph(&Block::Para(MARK.into())));
    if !charts.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .page_break_before(true)
                .add_run(run("附件", "黑体", BODY)),
        );
    }
    for c in charts {
        doc = doc.add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_image(chart_picture(c))),
        );
    }
    let package = packed(doc)?;
    let xml = document_xml(&package)?;
    let (start, end) = marked_paragraph(&xml).ok_or("the document lost its marked paragraph")?;
    // The marked paragraph's id is the first block's; the others count on from it.
    let first_id = xml[start..end]
        .split("w14:paraId=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .ok_or("the marked paragraph has no id")?;
    let err = |e: std::io::Error| e.to_string();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut z = ParallelDeflater::new(LEVEL, threads).map_err(err)?;
    let mut chunk = String::with_capacity(1 << 20);
    chunk.push_str(&xml[..start]);
    let mut id = first_id;
    d.write_blocks(&mut |b| {
        let t = &templates[kind(&b)];
        chunk.push_str(&t.open);
        chunk.push_str(&format!("{id:08x}"));
        chunk.push_str(&t.middle);
        escape_text(b.text(), &mut chunk);
        chunk.push_str(&t.close);
        id = id
            .checked_add(1)
            .ok_or_else(|| std::io::Error::other("too many paragraphs"))?;
        if chunk.len() >= 1 << 20 {
            z.send(std::mem::take(&mut chunk).into_bytes())?;
            chunk.reserve(1 << 20);
        }
        Ok(())
    })
    .map_err(err)?;
    chunk.push_str(&xml[end..]);
    let body = z.finish(chunk.into_bytes()).map_err(err)?;
    // The stream's last block, empty.
    let (end_block, _) = crate::pack::deflate::final_segment(&[], LEVEL).map_err(err)?;
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(&package)).map_err(|e| e.to_string())?;
    let mut w = ZipOut::new(std::io::BufWriter::with_capacity(1 << 20, out));
    let mut body = Some(body);
    for i in 0..zip.len() {
        let name = zip
            .by_index_raw(i)
            .map_err(|e| e.to_string())?
            .name()
            .map_err(|e| e.to_string())?
            .into_owned();
        if name != "word/document.xml" {
            crate::pack::copy_entry(&mut zip, i, &mut w)?;
            continue;
        }
        let mut b = body.take().ok_or("two document parts")?;
        let crc = b.crc.clone().finalize();
        let compressed = b.len + end_block.len() as u64;
        w.add(&name, Method::Deflated, crc, b.raw_len, compressed, |o| {
            std::io::copy(&mut b.file, o)?;
            o.write_all(&end_block)
        })
        .map_err(err)?;
    }
    let mut inner = w.finish().map_err(err)?;
    inner.flush().map_err(err)
}

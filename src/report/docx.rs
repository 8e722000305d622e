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
    PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
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

/// The draft as a `.docx` document's bytes.
pub fn to_docx(d: &Draft) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new()
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
        .footer(page_number_footer())
        .created_at(&format!("{}T00:00:00Z", d.as_of.format("%Y-%m-%d")))
        .updated_at(&format!("{}T00:00:00Z", d.as_of.format("%Y-%m-%d")));
    for b in d.blocks() {
        doc = doc.add_paragraph(paragraph(&b));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

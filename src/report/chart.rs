//! The chart of measures by unit as a picture, for the drafted `.docx` report: the same chart
//! as the summary sheet's (measures stacked by status, the overdue ones written beside each
//! bar, fills that read in black and white), drawn here as a PNG.
//!
//! Drawn by hand rather than with a plotting crate: it is a handful of rectangles, hatchings
//! and labels, and the labels are Chinese, so what matters is the text — rasterised with
//! `ab_glyph` (pure Rust, maintained, reads TrueType and OpenType fonts and collections) from a
//! Chinese font of the system. No font is shipped: without one the report goes without its
//! picture and says so ([`find_font`]).

use crate::Lang;
use crate::model::{Counter, Counters};
use ab_glyph::{Font, FontVec, PxScale, ScaleFont, point};
use std::path::PathBuf;

/// Chinese font families worth drawing with, best first: the faces of Windows, macOS and Linux
/// distributions that hold simplified Chinese. Any other system face with the glyphs comes after
/// them, in the order of its file's path, so the same machine always draws with the same font.
const CHINESE_FAMILIES: [&str; 12] = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "SimSun",
    "Arial Unicode MS",
];

/// The environment variable that names the font file to draw with, before the system's fonts.
pub(crate) const FONT_VAR: &str = "TAIZHANG_FONT";

/// Families for digits and Latin letters, for a Chinese font without them.
const LATIN_FAMILIES: [&str; 4] = ["Arial", "Helvetica", "DejaVu Sans", "Liberation Sans"];

/// Whether a font has a glyph for every one of `chars`.
fn has_all(font: &impl Font, chars: &[char]) -> bool {
    chars.iter().all(|c| font.glyph_id(*c).0 != 0)
}

/// The font in this file (its first face) if it has every one of `chars`.
fn font_in_file(path: &std::path::Path, chars: &[char]) -> Option<FontVec> {
    let font = FontVec::try_from_vec_and_index(std::fs::read(path).ok()?, 0).ok()?;
    has_all(&font, chars).then_some(font)
}

/// The system's fonts (found by fontdb wherever the system keeps them), the faces of the
/// preferred families first, then the rest by path.
fn system_faces(
    db: &fontdb::Database,
    preferred: &[&str],
) -> Vec<(usize, PathBuf, fontdb::ID, u32)> {
    let mut faces: Vec<(usize, PathBuf, fontdb::ID, u32)> = db
        .faces()
        .filter_map(|f| {
            let path = match &f.source {
                fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                fontdb::Source::Binary(_) => return None,
            };
            let rank = f
                .families
                .iter()
                .filter_map(|(name, _)| preferred.iter().position(|p| p == name))
                .min()
                .unwrap_or(preferred.len());
            Some((rank, path, f.id, f.index))
        })
        .collect();
    faces.sort_by(|a, b| (a.0, &a.1, a.3).cmp(&(b.0, &b.1, b.3)));
    faces
}

/// The first system face, in [`system_faces`]' order, that has every one of `chars`.
fn system_font_with(
    db: &fontdb::Database,
    preferred: &[&str],
    chars: &[char],
) -> Option<(PathBuf, FontVec)> {
    system_faces(db, preferred)
        .into_iter()
        .find_map(|(_, path, id, index)| {
            let data = db.with_face_data(id, |data, _| data.to_vec())?;
            let font = FontVec::try_from_vec_and_index(data, index).ok()?;
            has_all(&font, chars).then_some((path, font))
        })
}

/// The fonts to draw with: one that has the glyphs of `中文` — the file [`FONT_VAR`] names,
/// else the system's (the preferred families first) — and, when it lacks digits, one for
/// them after it. `None` when there is no Chinese font.
pub(crate) fn find_font() -> Option<(PathBuf, Vec<FontVec>)> {
    let chinese = ['中', '文', '完'];
    let digits = ['0', '5', '9'];
    let named = std::env::var_os(FONT_VAR)
        .map(PathBuf::from)
        .and_then(|p| font_in_file(&p, &chinese).map(|f| (p, f)));
    let mut db = fontdb::Database::new();
    let (path, font) = match named {
        Some(found) => found,
        None => {
            db.load_system_fonts();
            system_font_with(&db, &CHINESE_FAMILIES, &chinese)?
        }
    };
    let mut fonts = vec![font];
    if !has_all(&fonts[0], &digits) {
        if db.is_empty() {
            db.load_system_fonts();
        }
        if let Some((_, latin)) = system_font_with(&db, &LATIN_FAMILIES, &digits) {
            fonts.push(latin);
        }
    }
    Some((path, fonts))
}

/// A picture: PNG bytes and their size in pixels.
#[derive(Debug, Clone)]
pub(crate) struct Picture {
    /// The PNG file.
    pub(crate) png: Vec<u8>,
    /// Width in pixels (the tests lay pages out by it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) width: u32,
    /// Height in pixels.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) height: u32,
}

/// How a status is filled, in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    Solid(u8),
    Stripes,
    Dots,
    Checker,
}

/// The statuses stacked, in the summary chart's order, each with its fill.
const STACKED: [(Counter, Fill); 5] = [
    (Counter::MeasuresDone, Fill::Solid(0x40)),
    (Counter::MeasuresLongTerm, Fill::Stripes),
    (Counter::MeasuresInProgress, Fill::Dots),
    (Counter::MeasuresNotStarted, Fill::Solid(0xFF)),
    (Counter::MeasuresUnknownStatus, Fill::Checker),
];

/// An RGB canvas, white.
struct Canvas {
    w: u32,
    h: u32,
    px: Vec<u8>,
}

impl Canvas {
    fn new(w: u32, h: u32) -> Canvas {
        Canvas {
            w,
            h,
            px: vec![0xFF; (w * h) as usize],
        }
    }

    /// Darkens a pixel towards `gray` by `alpha`.
    fn blend(&mut self, x: i64, y: i64, gray: u8, alpha: f32) {
        if x < 0 || y < 0 || x >= i64::from(self.w) || y >= i64::from(self.h) {
            return;
        }
        // Gray levels only: a byte a pixel.
        let c = &mut self.px[(y as u32 * self.w + x as u32) as usize];
        let v = f32::from(*c) * (1.0 - alpha) + f32::from(gray) * alpha;
        *c = v.round().clamp(0.0, 255.0) as u8;
    }

    fn rect(&mut self, x0: i64, y0: i64, x1: i64, y1: i64, gray: u8) {
        for y in y0..y1 {
            for x in x0..x1 {
                self.blend(x, y, gray, 1.0);
            }
        }
    }

    /// A filled box with a black border.
    fn bar(&mut self, x0: i64, y0: i64, x1: i64, y1: i64, fill: Fill) {
        for y in y0..y1 {
            for x in x0..x1 {
                let ink = match fill {
                    Fill::Solid(g) => Some(g),
                    Fill::Stripes => ((x + y).rem_euclid(14) < 4).then_some(0),
                    Fill::Dots => (x.rem_euclid(8) < 3 && y.rem_euclid(8) < 3).then_some(0),
                    Fill::Checker => ((x / 8 + y / 8) % 2 == 0).then_some(0x80),
                };
                if let Some(g) = ink {
                    self.blend(x, y, g, 1.0);
                }
            }
        }
        self.frame(x0, y0, x1, y1);
    }

    fn frame(&mut self, x0: i64, y0: i64, x1: i64, y1: i64) {
        self.rect(x0, y0, x1, y0 + 2, 0);
        self.rect(x0, y1 - 2, x1, y1, 0);
        self.rect(x0, y0, x0 + 2, y1, 0);
        self.rect(x1 - 2, y0, x1, y1, 0);
    }

    fn png(&self) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, self.w, self.h);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        // Each row filtered against the row above: the bars and gridlines repeat down a page,
        // so this packs as small as the adaptive filter (34 pages: 3,133,726 bytes against
        // 3,131,066) in 70 % of the time (330 ms against 450 ms on one core).
        enc.set_filter(png::Filter::Up);
        let mut w = enc.write_header().map_err(|e| e.to_string())?;
        w.write_image_data(&self.px).map_err(|e| e.to_string())?;
        w.finish().map_err(|e| e.to_string())?;
        // The pages wait for the document together: each keeps only its bytes.
        out.shrink_to_fit();
        Ok(out)
    }
}

/// Text drawn with fonts at a size: each character in the first font that has it.
struct Pen<'f> {
    fonts: &'f [FontVec],
}

impl Pen<'_> {
    /// The font for a character and its glyph there.
    fn glyph(&self, ch: char) -> Option<(&FontVec, ab_glyph::GlyphId)> {
        self.fonts
            .iter()
            .map(|f| (f, f.glyph_id(ch)))
            .find(|(_, id)| id.0 != 0)
            .or_else(|| self.fonts.first().map(|f| (f, f.glyph_id(ch))))
    }

    /// The width of a text, in pixels.
    fn width(&self, text: &str, px: f32) -> f32 {
        text.chars()
            .filter_map(|c| self.glyph(c))
            .map(|(f, id)| f.as_scaled(PxScale::from(px)).h_advance(id))
            .sum()
    }

    /// Draws a text with its top-left corner at (x, y).
    fn text(&self, c: &mut Canvas, text: &str, x: f32, y: f32, px: f32) {
        let Some(first) = self.fonts.first() else {
            return;
        };
        let mut at = x;
        let base = y + first.as_scaled(PxScale::from(px)).ascent();
        for ch in text.chars() {
            let Some((font, id)) = self.glyph(ch) else {
                continue;
            };
            let f = font.as_scaled(PxScale::from(px));
            let g = id.with_scale_and_position(PxScale::from(px), point(at, base));
            at += f.h_advance(id);
            if let Some(o) = font.outline_glyph(g) {
                let b = o.px_bounds();
                o.draw(|gx, gy, cov| {
                    c.blend(
                        b.min.x as i64 + i64::from(gx),
                        b.min.y as i64 + i64::from(gy),
                        0,
                        cov,
                    );
                });
            }
        }
    }
}

/// A step for the axis's ticks: 1, 2 or 5 times a power of ten, giving at most eight ticks.
fn tick_step(max: u64) -> u64 {
    let mut step = 1;
    loop {
        for k in [1, 2, 5] {
            if max <= k * step * 8 {
                return k * step;
            }
        }
        step *= 10;
    }
}

/// Draws the chart of `units` (each unit's name and counters, in the report's order): one
/// bar a unit, its measures stacked by status, the overdue ones written after the bar.
#[cfg(test)]
pub(crate) fn draw(
    units: &[(String, Counters)],
    fonts: &[FontVec],
    lang: Lang,
) -> Result<Picture, String> {
    draw_scaled(units, most_measures(units), fonts, lang, (1, 1))
}

/// The units a page of the chart holds: a picture of this many bars fills the text block of
/// an A4 page.
pub(crate) const UNITS_PER_PAGE: usize = 30;

/// The most measures a unit has, at least 1: the scale of every page.
fn most_measures(units: &[(String, Counters)]) -> u64 {
    units
        .iter()
        .map(|(_, k)| k[Counter::Measures])
        .max()
        .unwrap_or(0)
        .max(1)
}

/// The chart in pages of at most [`UNITS_PER_PAGE`] units each, every page on the scale of
/// the unit with the most measures, titled with its page number when there are several: a
/// city's hundreds of units stay legible and memory holds one page's canvas at a time.
/// All pages at once; [`Pages`] draws them as they are wanted.
#[cfg(test)]
pub(crate) fn draw_pages(
    units: &[(String, Counters)],
    fonts: &[FontVec],
    lang: Lang,
) -> Result<Vec<Picture>, String> {
    let pages = Pages::new(units, fonts, lang);
    let order: Vec<usize> = (0..pages.len()).collect();
    pages.drawn_in(&order, |next| {
        order.iter().map(|_| next()).collect::<Result<Vec<_>, _>>()
    })
}

/// The chart's pages (`draw_pages`), each drawn when it is wanted: what a document of
/// thousands of units writes one page at a time instead of holding them all.
pub(crate) struct Pages<'a> {
    units: &'a [(String, Counters)],
    fonts: &'a [FontVec],
    lang: Lang,
    max: u64,
}

impl<'a> Pages<'a> {
    /// The chart of `units`, in pages, drawn with `fonts`.
    pub(crate) fn new(
        units: &'a [(String, Counters)],
        fonts: &'a [FontVec],
        lang: Lang,
    ) -> Pages<'a> {
        Pages {
            units,
            fonts,
            lang,
            max: most_measures(units),
        }
    }

    /// How many pages: none without units.
    pub(crate) fn len(&self) -> usize {
        self.units.len().div_ceil(UNITS_PER_PAGE)
    }

    fn units_of(&self, k: usize) -> &'a [(String, Counters)] {
        let start = (k * UNITS_PER_PAGE).min(self.units.len());
        &self.units[start..(start + UNITS_PER_PAGE).min(self.units.len())]
    }

    /// The size in pixels (width, height) page `k` (from 0) will have, without drawing it.
    pub(crate) fn size(&self, k: usize) -> (u32, u32) {
        page_size(self.units_of(k).len())
    }

    /// Draws page `k` (from 0).
    pub(crate) fn draw(&self, k: usize) -> Result<Picture, String> {
        draw_scaled(
            self.units_of(k),
            self.max,
            self.fonts,
            self.lang,
            (k + 1, self.len()),
        )
    }

    /// Runs `body` with a `next` that gives the pages of `order`, one a call, in that order:
    /// they are drawn on every core a page or two ahead of it, so at most a few are held.
    /// A page asked for after the last of `order` is an error.
    pub(crate) fn drawn_in<T>(
        &self,
        order: &[usize],
        body: impl FnOnce(&mut dyn FnMut() -> Result<Picture, String>) -> T,
    ) -> T {
        let threads = crate::pool::default_threads().clamp(1, order.len().max(1));
        // Drawn on every core, a page or two ahead of `next`: at most two a thread.
        crate::pool::ordered(
            order.iter(),
            threads,
            threads * 2,
            |k| self.draw(*k),
            |pages| {
                let mut given = 0usize;
                body(&mut || {
                    if given >= order.len() {
                        return Err("a page of the chart was asked for past the last".into());
                    }
                    given += 1;
                    match pages.next() {
                        Some(Ok(page)) => page,
                        Some(Err(p)) => Err(p.to_string()),
                        None => Err("a page of the chart could not be drawn".into()),
                    }
                })
            },
        )
    }
}

/// A page's width, in pixels.
const PAGE_WIDTH: u32 = 1600;
/// The height of the title above the plot, in pixels.
const TOP: u32 = 110;
/// The height of a unit's bar and the room around it.
const ROW: u32 = 64;
/// The height of the axis and the legend below the plot.
const BELOW: u32 = 180;

/// The height of the plot of `units` units (one bar's room at least).
fn plot_height(units: usize) -> u32 {
    ROW * (units.max(1) as u32)
}

/// The size in pixels of a page of `units` units.
fn page_size(units: usize) -> (u32, u32) {
    (PAGE_WIDTH, TOP + plot_height(units) + BELOW)
}

/// One page of the chart: `units` on the scale of `max` measures, page `page.0` of `page.1`.
fn draw_scaled(
    units: &[(String, Counters)],
    max: u64,
    fonts: &[FontVec],
    lang: Lang,
    page: (usize, usize),
) -> Result<Picture, String> {
    let pen = Pen { fonts };
    // Printed 15.6 cm wide, 1,600 pixels: 34 px is 9.4 pt, 38 px 10.5 pt.
    let (title_px, label_px, small_px) = (50.0, 38.0, 34.0);
    let row = i64::from(ROW);
    let (width, height) = page_size(units.len());
    let width = i64::from(width);
    let label_w = units
        .iter()
        .map(|(u, _)| pen.width(u, label_px))
        .fold(0.0, f32::max)
        .min(520.0) as i64
        + 24;
    let top = i64::from(TOP);
    let plot_h = i64::from(plot_height(units.len()));
    let mut c = Canvas::new(width as u32, height);
    let mut title = lang
        .pick("各单位整改措施完成情况", "Measures by unit and status")
        .to_string();
    if page.1 > 1 {
        title.push_str(&format!("({}/{})", page.0, page.1));
    }
    let tw = pen.width(&title, title_px);
    pen.text(&mut c, &title, (width as f32 - tw) / 2.0, 24.0, title_px);

    let x0 = label_w + 10;
    let x1 = width - 220;
    let step = tick_step(max);
    let axis_max = max.div_ceil(step) * step;
    let scale = (x1 - x0) as f64 / axis_max as f64;
    let xs = |n: u64| x0 + (n as f64 * scale).round() as i64;
    // Gridlines and ticks.
    let mut t = 0;
    while t <= axis_max {
        let x = xs(t);
        c.rect(x, top, x + 1, top + plot_h, 0xBF);
        let s = t.to_string();
        pen.text(
            &mut c,
            &s,
            x as f32 - pen.width(&s, small_px) / 2.0,
            (top + plot_h + 10) as f32,
            small_px,
        );
        t += step;
    }
    c.rect(x0, top, x0 + 2, top + plot_h, 0);
    c.rect(x0, top + plot_h - 2, x1, top + plot_h, 0);
    let overdue_word = lang.pick("逾期", "overdue ");
    for (i, (unit, k)) in units.iter().enumerate() {
        let y = top + row * i as i64;
        let (by0, by1) = (y + 10, y + row - 10);
        let lw = pen.width(unit, label_px);
        pen.text(
            &mut c,
            unit,
            (x0 - 12) as f32 - lw,
            (y + 10) as f32,
            label_px,
        );
        let mut n = 0;
        for (counter, fill) in STACKED {
            let v = k[counter];
            if v > 0 {
                c.bar(xs(n), by0, xs(n + v), by1, fill);
            }
            n += v;
        }
        let overdue = k[Counter::Overdue];
        if overdue > 0 {
            let s = format!("{overdue_word}{overdue}");
            pen.text(&mut c, &s, (xs(n) + 10) as f32, (y + 12) as f32, small_px);
        }
    }
    // The legend.
    let names: Vec<&str> = STACKED
        .iter()
        .map(|(k, _)| crate::messages::run::counter_label(*k, lang))
        .collect();
    let ly = top + plot_h + 70;
    let total: f32 = names
        .iter()
        .map(|n| 40.0 + 12.0 + pen.width(n, small_px) + 36.0)
        .sum();
    let mut lx = ((width as f32 - total) / 2.0).max(0.0) as i64;
    for ((_, fill), name) in STACKED.iter().zip(&names) {
        c.bar(lx, ly + 4, lx + 40, ly + 36, *fill);
        pen.text(&mut c, name, (lx + 52) as f32, ly as f32, small_px);
        lx += 52 + pen.width(name, small_px) as i64 + 36;
    }
    Ok(Picture {
        png: c.png()?,
        width: width as u32,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[ignore = "needs a Chinese font (fonts-droid-fallback, which .ci/run installs)"]
    fn a_citys_units_take_pages_of_thirty_in_order() {
        let (_, fonts) = find_font().expect("a Chinese font of the system");
        let units: Vec<(String, Counters)> = (0..65)
            .map(|i| {
                let mut k = Counters::default();
                k[Counter::Measures] = 3 + i % 7;
                k[Counter::MeasuresDone] = 3;
                (format!("第{i}社区"), k)
            })
            .collect();
        let pages = draw_pages(&units, &fonts, Lang::Zh).unwrap();
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0].height, pages[1].height);
        assert!(pages[2].height < pages[0].height);
        assert!(pages[0].height < 2 * pages[0].width);
        // Drawn on several threads, each page is the one of its units, in order.
        for (k, chunk) in units.chunks(UNITS_PER_PAGE).enumerate() {
            let alone = draw_scaled(chunk, most_measures(&units), &fonts, Lang::Zh, (k + 1, 3));
            assert!(alone.unwrap().png == pages[k].png, "page {}", k + 1);
        }
    }

    #[test]
    fn ticks_are_round_and_few() {
        assert_eq!(tick_step(6), 1);
        assert_eq!(tick_step(15), 2);
        assert_eq!(tick_step(40), 5);
        assert_eq!(tick_step(12_500), 2000);
        for max in 1..2000 {
            let s = tick_step(max);
            assert!(max.div_ceil(s) <= 8, "{max} {s}");
        }
    }

    #[test]
    fn fills_differ_in_black_and_white() {
        let mut c = Canvas::new(200, 40);
        for (i, (_, f)) in STACKED.iter().enumerate() {
            c.bar(i as i64 * 40, 0, i as i64 * 40 + 40, 40, *f);
        }
        // The share of dark pixels inside each box differs from the next.
        let dark = |k: i64| {
            let mut n = 0;
            for y in 4..36 {
                for x in k * 40 + 4..k * 40 + 36 {
                    if c.px[(y * 200 + x) as usize] < 0x90 {
                        n += 1;
                    }
                }
            }
            n
        };
        let shares: Vec<i32> = (0..5).map(dark).collect();
        for i in 0..5 {
            for j in i + 1..5 {
                assert_ne!(shares[i], shares[j], "{shares:?}");
            }
        }
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `report::chart::draw` (a `no_run` example while it was documentation)
    #[test]
    #[ignore = "needs a Chinese font (fonts-droid-fallback, which .ci/run installs)"]
    fn chart_draw() {
        use crate::{
            Lang,
            model::{Counter, Counters},
            report::chart,
        };
        let mut c = Counters::default();
        c[Counter::Measures] = 6;
        c[Counter::MeasuresDone] = 4;
        c[Counter::MeasuresInProgress] = 2;
        c[Counter::Overdue] = 1;
        let (_, fonts) = chart::find_font().expect("a Chinese font");
        let p = chart::draw(&[("庆利社区".to_string(), c)], &fonts, Lang::Zh).unwrap();
        assert!(p.png.starts_with(b"\x89PNG"));
    }

    /// `report::chart::Pages`
    #[test]
    fn chart_pages() {
        use crate::{
            Lang,
            model::{Counter, Counters},
            report::chart::{self, Pages},
        };
        if let Some((_, fonts)) = chart::find_font() {
            let mut c = Counters::default();
            c[Counter::Measures] = 3;
            let units: Vec<(String, Counters)> = (0..31).map(|k| (format!("单位{k}"), c)).collect();
            let pages = Pages::new(&units, &fonts, Lang::Zh);
            assert_eq!(pages.len(), 2);
            let p = pages.draw(1).unwrap();
            assert_eq!((p.width, p.height), pages.size(1));
        }
    }
}

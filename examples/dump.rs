//! Prints what taizhang reads from a file: every sheet's cells and merged regions.
//! A developer's tool for looking at real-world files: `cargo run --example dump -- FILE`.

use taizhang::source::{self, guard::Limits};

fn main() {
    let limits = Limits::default();
    for arg in std::env::args().skip(1) {
        let path = std::path::Path::new(&arg);
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let loaded = match source::load(path, &limits) {
            Ok(l) => l,
            Err(e) => {
                println!("{arg}: {e}");
                continue;
            }
        };
        let format = match source::sniff(&loaded.bytes, ext) {
            Ok(f) => f,
            Err(e) => {
                println!("{arg}: {e}");
                continue;
            }
        };
        match source::parse(&loaded.bytes, format, "csv", &limits) {
            Err(e) => println!("{arg}: {e}"),
            Ok(sheets) => {
                println!("{arg}: {format}, {} sheet(s)", sheets.len());
                for s in sheets {
                    println!(
                        "== {} ({:?}, {} cells, merges {:?})",
                        s.name,
                        s.visibility,
                        s.cell_count(),
                        s.merges
                    );
                    for r in s.rows.iter().take(40) {
                        for c in &r.cells {
                            let at = taizhang::source::grid::CellRef::new(r.index, c.col);
                            println!("  {at}: {:?}", c.value);
                        }
                    }
                }
            }
        }
    }
}

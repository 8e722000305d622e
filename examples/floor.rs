//! The benchmark "floor": the least any merge of ledgers must do. Reads each workbook's first
//! sheet with calamine into memory, forward-fills three columns (序号, 问题类别, 反馈问题),
//! writes every row to one xlsx with rust_xlsxwriter in constant-memory mode; one thread, no
//! checks, no formatting. Kept out of the shipped binary (an example):
//! `floor DIR -o OUT.xlsx [--stream]`.
//!
//! By default it reads every workbook into memory first and then writes, as the floor the
//! benchmark issue measured (its memory grows with the corpus); `--stream` writes each
//! workbook's rows as soon as it is read.

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(&args[1]);
    let out = args
        .iter()
        .position(|a| a == "-o")
        .map(|i| args[i + 1].clone())
        .unwrap_or_else(|| "floor.xlsx".into());
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    let stream = args.iter().any(|a| a == "--stream");
    let mut wb = Workbook::new();
    let mut sheet = 0usize;
    let mut row: u32 = 0;
    wb.add_worksheet_with_constant_memory()?;
    let mut held = Vec::new();
    for f in files {
        let mut book = open_workbook_auto(&f)?;
        let range = match book.worksheet_range_at(0) {
            Some(Ok(r)) => r,
            _ => continue,
        };
        if stream {
            write_range(&mut wb, &range, &mut sheet, &mut row)?;
        } else {
            held.push(range);
        }
    }
    for range in &held {
        write_range(&mut wb, range, &mut sheet, &mut row)?;
    }
    wb.save(&out)?;
    Ok(())
}

fn write_range(
    wb: &mut Workbook,
    range: &calamine::Range<Data>,
    sheet: &mut usize,
    row: &mut u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut fill: [Data; 3] = [Data::Empty, Data::Empty, Data::Empty];
    for r in range.rows() {
        if *row == 1_048_576 {
            wb.add_worksheet_with_constant_memory()?;
            *sheet += 1;
            *row = 0;
        }
        let ws = wb.worksheet_from_index(*sheet)?;
        for (c, v) in r.iter().enumerate() {
            let v = if c < 3 {
                if matches!(v, Data::Empty) {
                    fill[c].clone()
                } else {
                    fill[c] = v.clone();
                    v.clone()
                }
            } else {
                v.clone()
            };
            let col = c as u16;
            match v {
                Data::String(s) => {
                    ws.write_string(*row, col, s)?;
                }
                Data::Float(x) => {
                    ws.write_number(*row, col, x)?;
                }
                Data::Int(i) => {
                    ws.write_number(*row, col, i as f64)?;
                }
                Data::DateTime(d) => {
                    ws.write_number(*row, col, d.as_f64())?;
                }
                Data::Bool(b) => {
                    ws.write_boolean(*row, col, b)?;
                }
                _ => {}
            }
        }
        *row += 1;
    }
    Ok(())
}

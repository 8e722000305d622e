//! The modules keep the order of the module map at the top of `src/lib.rs`: each imports only
//! modules listed before it, so the data flows one way (sources → layout → ledger → checks →
//! outputs) and no module reaches back up. The map names every module of `src/`, and only them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level modules in the order of the module map: the rows of the table in `lib.rs`'s
/// documentation, `//! | layer | [`module`] | what it does |`.
fn mapped() -> Vec<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| l.strip_prefix("//! |"))
        .filter_map(|row| {
            // `name`, [`name`] or [`name`](mod@name): the first name in backticks.
            let cell = row.split('|').nth(1)?;
            let name = cell.split('`').nth(1)?;
            Some(name.to_string())
        })
        .collect()
}

/// The top-level modules `lib.rs` declares.
fn declared() -> Vec<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| {
            l.strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("pub(crate) mod "))
                .or_else(|| l.strip_prefix("mod "))
        })
        .map(|l| l.trim_end_matches(';').trim().to_string())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None` for `lib.rs` and the binary).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    let name = first.trim_end_matches(".rs").to_string();
    (!matches!(name.as_str(), "lib" | "main" | "cmd")).then_some(name)
}

/// The modules a file uses through `crate::…` paths (also `crate::{a::…, b}`), outside
/// comments, with the line.
fn uses(text: &str) -> Vec<(String, usize)> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    // The code without comments, and the line each byte is on.
    let mut code = String::new();
    let mut line_of = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let c = line.split("//").next().unwrap_or("");
        code.push_str(c);
        code.push('\n');
        line_of.extend(std::iter::repeat_n(n + 1, c.len() + 1));
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::") {
        let start = from + at + "crate::".len();
        let after = &code[start..];
        if let Some(group) = after.strip_prefix('{') {
            // The first segment of each path of the group, at its top level.
            let mut depth = 0;
            let mut expect = true;
            for (k, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => expect = true,
                    c if expect && depth == 0 && (c.is_ascii_alphanumeric() || c == '_') => {
                        out.push((ident(&group[k..]), line_of[start + 1 + k]));
                        expect = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                out.push((name, line_of[start]));
            }
        }
        from = start;
    }
    out
}

#[test]
fn no_module_imports_one_listed_after_it() {
    let order = mapped();
    assert!(order.len() > 10, "lib.rs maps the modules: {order:?}");
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, m)| (m.as_str(), i))
        .collect();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut wrong = Vec::new();
    for f in &files {
        let Some(m) = module_of(f) else { continue };
        let Some(&mine) = rank.get(m.as_str()) else {
            wrong.push(format!(
                "{}: module {m} is not in the module map",
                f.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        for (used, line) in uses(&text) {
            // `crate::VERSION`, `crate::Lang`: items of lib.rs itself.
            let Some(&theirs) = rank.get(used.as_str()) else {
                continue;
            };
            if theirs > mine {
                wrong.push(format!(
                    "{}:{line}: {m} uses {used}, which the module map lists after it",
                    f.display()
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "modules that reach back up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_module_map_names_every_module_and_the_tree_has_no_other() {
    let order = mapped();
    let mut sorted = order.clone();
    sorted.sort();
    let mut decl = declared();
    decl.sort();
    assert_eq!(
        sorted, decl,
        "the module map lists the modules lib.rs declares"
    );
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    for m in &order {
        assert!(lib.contains(&format!("`{m}`")), "the module map names {m}");
        let file = src().join(format!("{m}.rs"));
        let dir = src().join(m).join("mod.rs");
        assert!(
            file.exists() || dir.exists(),
            "{m} is a file or a folder of src/"
        );
    }
    for e in std::fs::read_dir(src()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        if matches!(name.as_str(), "lib" | "main" | "cmd") {
            continue;
        }
        assert!(order.contains(&name), "src/{name} is declared in lib.rs");
    }
}

/// The use cases come after everything they call, and the page, which only adapts requests
/// into them, after the use cases: no module of the library reaches the page (only the
/// binary's `cmd/` does).
#[test]
fn the_use_cases_then_the_page_close_the_map() {
    let order = mapped();
    assert_eq!(
        order[order.len().saturating_sub(2)..],
        ["run".to_string(), "page".to_string()],
        "{order:?}"
    );
}

#[test]
fn the_checker_sees_a_use_that_reaches_back_up() {
    let text = "use crate::schema::ledger::Col;\n// crate::workbook in a comment\nlet x = crate::messages::excerpt(s);\nuse crate::{\n    config::Settings,\n    model::{Counter, Counters},\n};";
    let found: Vec<(String, usize)> = uses(text);
    let names: Vec<&str> = found.iter().map(|(m, _)| m.as_str()).collect();
    assert_eq!(names, ["schema", "messages", "config", "model"]);
    assert_eq!(found[3].1, 6, "the line of a use inside a group");
}

//! Containing panics: a reader that panics on one file costs only that file.
//!
//! `contain` runs a closure and turns a panic inside it into an `Err` carrying the panic's
//! message, without printing a backtrace. A panic anywhere else prints which file was being
//! processed and asks for a report (`set_current_file` records it) before the usual message.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
    static CURRENT_FILE: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Installs the panic hook (once per process). `contain` calls it; a binary may call it first
/// so that a panic outside any file also names what was being processed.
pub fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let message = panic_message(info.payload());
            let location = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            if CONTAINED.with(Cell::get) {
                LAST.with(|l| *l.borrow_mut() = Some(format!("{message}{location}")));
                return;
            }
            let file = CURRENT_FILE.with(|f| f.borrow().clone());
            eprintln!(
                "taizhang: internal error{}: {message}{location}\n\
                 This is a bug in taizhang. Please report it, with the file if you can share it.",
                file.map(|f| format!(" while processing {f}"))
                    .unwrap_or_default()
            );
            if std::env::var_os("RUST_BACKTRACE").is_some() {
                previous(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Records the file this thread is processing, for the panic message.
pub(crate) fn set_current_file(file: Option<&str>) {
    CURRENT_FILE.with(|f| *f.borrow_mut() = file.map(str::to_string));
}

/// Runs `f`; a panic inside becomes `Err(message)`.
pub(crate) fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = CONTAINED.with(|c| c.replace(true));
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(was));
    r.map_err(|payload| {
        LAST.with(|l| l.borrow_mut().take())
            .unwrap_or_else(|| panic_message(payload.as_ref()))
    })
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `crash::contain`
    #[test]
    fn contain() {
        let r: Result<u32, String> = crate::crash::contain(|| panic!("boom"));
        assert!(r.unwrap_err().contains("boom"));
        assert_eq!(crate::crash::contain(|| 7), Ok(7));
    }
}

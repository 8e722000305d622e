//! A Windows clerk's habits: the program double-clicked in Explorer, files or a folder dropped
//! on it, Chinese in its console window.
//!
//! Explorer gives the program a console window of its own, which closes the moment the program
//! ends; started from a console (cmd, PowerShell, a script) it shares that console and
//! behaves as on Linux.

#[cfg(windows)]
mod sys {
    // kernel32, which every Windows program links.
    #[link(name = "kernel32")]
    unsafe extern "system" {
        pub fn GetConsoleOutputCP() -> u32;
        pub fn SetConsoleOutputCP(code_page: u32) -> i32;
        pub fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
    }
}

/// The console's code page while the program runs, given back when dropped.
pub struct ConsolePage {
    #[cfg(windows)]
    before: u32,
}

/// UTF-8 (code page 65001) for the console window, so that Chinese shows in it whatever the
/// system's code page (GBK, 936, on a Chinese Windows). Nothing elsewhere.
pub fn utf8_console() -> ConsolePage {
    #[cfg(windows)]
    {
        // SAFETY: both calls take and return plain integers; without a console they fail and
        // change nothing.
        let before = unsafe { sys::GetConsoleOutputCP() };
        if before != 0 && before != 65001 {
            unsafe { sys::SetConsoleOutputCP(65001) };
        }
        ConsolePage { before }
    }
    #[cfg(not(windows))]
    ConsolePage {}
}

impl Drop for ConsolePage {
    fn drop(&mut self) {
        // The console the program was started from gets its own code page back.
        #[cfg(windows)]
        if self.before != 0 && self.before != 65001 {
            // SAFETY: as in `utf8_console`.
            unsafe { sys::SetConsoleOutputCP(self.before) };
        }
    }
}

/// True when Explorer started the program (a double-click, files dropped on it): the console
/// window is the program's alone and closes when it ends. False elsewhere.
pub fn started_by_explorer() -> bool {
    #[cfg(windows)]
    {
        let mut ids = [0u32; 2];
        // SAFETY: the list is two entries long, as said.
        let n = unsafe { sys::GetConsoleProcessList(ids.as_mut_ptr(), 2) };
        n == 1
    }
    #[cfg(not(windows))]
    false
}

/// Keeps the console window Explorer opened until the clerk has read it: says so and waits
/// for Enter. Does nothing when the program was started from a console, or when nobody types
/// (standard input not a terminal).
pub fn wait_before_closing(lang: taizhang::Lang) {
    use std::io::IsTerminal;
    if !started_by_explorer() || !std::io::stdin().is_terminal() {
        return;
    }
    println!("{}", taizhang::messages::run::press_enter_to_close(lang));
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

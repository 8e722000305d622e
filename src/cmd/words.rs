//! The command line in the user's language: `--help` and clap's usage errors in Chinese by
//! default, in English with `--lang en` or `LANG=en*` ([`Lang::asked`]).
//!
//! The English texts are the doc comments of the argument structs; the Chinese ones are
//! [`taizhang::messages::cli`]'s, by command and argument id; this file only puts them into
//! clap's command, and a test holds that every argument of every command has one.

use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use taizhang::Lang;
use taizhang::messages::cli::{self, Cause, Usage, Word};

/// The language this process's command line asks for ([`Lang::asked`]).
pub fn wanted_here() -> Lang {
    Lang::asked(&std::env::args_os().collect::<Vec<_>>())
}

/// The command line, with its texts in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = <crate::cmd::Cli as clap::CommandFactory>::command();
    match lang {
        Lang::En => cmd,
        Lang::Zh => {
            // `taizhang help [COMMAND]` is answered by [`help_asked`]: clap's own help command
            // would list itself in English.
            let mut cmd = translate(cmd, "")
                .subcommand_help_heading(cli::word_zh(Word::Commands))
                .subcommand_value_name(cli::word_zh(Word::Commands))
                .disable_help_subcommand(true);
            cmd.build();
            flags(cmd)
        }
    }
}

/// The help `taizhang help [COMMAND]` asks for, rendered, when the command line is that (in
/// Chinese, where clap's help command is off).
/// `Err` with the message for a command that does not exist.
pub fn help_asked(cmd: &mut Command, args: &[OsString]) -> Option<Result<String, String>> {
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    if words.first() != Some(&"help") {
        return None;
    }
    let rendered = match words.get(1).filter(|w| !w.starts_with('-')) {
        Some(sub) => match cmd.find_subcommand_mut(sub) {
            Some(c) => c.render_help(),
            None => return Some(Err(cli::no_such_command_zh(sub))),
        },
        None => cmd.render_help(),
    };
    Some(Ok(cli::help_text_zh(&rendered.to_string())))
}

/// The help and version flags clap adds, said in Chinese, in a built command and its
/// subcommands.
fn flags(mut cmd: Command) -> Command {
    let has = |c: &Command, id: &str| c.get_arguments().any(|a| a.get_id() == id);
    let options = cli::word_zh(Word::Options);
    if has(&cmd, "help") {
        cmd = cmd.mut_arg("help", |a| {
            a.help(cli::word_zh(Word::ShowHelp)).help_heading(options)
        });
    }
    if has(&cmd, "version") {
        cmd = cmd.mut_arg("version", |a| {
            a.help(cli::word_zh(Word::ShowVersion))
                .help_heading(options)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), flags);
    }
    cmd
}

/// A command and its subcommands in Chinese.
fn translate(mut cmd: Command, name: &str) -> Command {
    if let Some(about) = cli::about_zh(name) {
        cmd = cmd.about(about).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        if let Some(h) = cli::help_zh(name, &id) {
            cmd = cmd.mut_arg(id.as_str(), |a| {
                let heading = match a.is_positional() {
                    true => cli::word_zh(Word::Arguments),
                    false => cli::word_zh(Word::Options),
                };
                let takes = a.get_action().takes_values();
                let names: Option<Vec<&'static str>> = takes
                    .then(|| a.get_value_names())
                    .flatten()
                    .and_then(|v| v.iter().map(|n| cli::value_name_zh(n.as_str())).collect());
                let a = match names {
                    Some(n) if !n.is_empty() => a.value_names(n),
                    _ => a,
                };
                a.help(h)
                    .long_help(None)
                    .hide_possible_values(takes)
                    .hide_default_value(takes)
                    .help_heading(heading)
            });
        }
    }
    cmd = cmd.help_template(cli::word_zh(Word::Template));
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub.as_str(), |s| translate(s, &sub));
    }
    cmd
}

/// A usage error in Chinese ([`cli::usage_error_zh`]): what clap found wrong, the usage of the
/// command the error is about and where to read more.
pub fn usage_error(e: &clap::Error, cmd: &mut Command, args: &[OsString]) -> String {
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let (arg, sub) = (
        text(ContextKind::SuggestedArg),
        text(ContextKind::SuggestedSubcommand),
    );
    let valid = text(ContextKind::ValidValue).unwrap_or_default();
    let other = text(ContextKind::PriorArg).unwrap_or_default();
    let usage = match e.kind() {
        ErrorKind::UnknownArgument => Usage::UnknownArgument {
            suggested: arg.as_deref(),
        },
        ErrorKind::InvalidSubcommand => Usage::NoSuchCommand {
            suggested: sub.as_deref(),
        },
        ErrorKind::InvalidValue => Usage::NotPossible { valid: &valid },
        ErrorKind::ValueValidation => Usage::Invalid(Cause::of(std::error::Error::source(e))),
        ErrorKind::MissingRequiredArgument => Usage::Missing,
        ErrorKind::MissingSubcommand => Usage::MissingCommand,
        ErrorKind::ArgumentConflict => Usage::Conflict { other: &other },
        ErrorKind::TooManyValues => Usage::TooMany,
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => Usage::WrongNumber,
        ErrorKind::NoEquals => Usage::NoEquals,
        ErrorKind::InvalidUtf8 => Usage::NotUtf8,
        _ => Usage::Other,
    };
    // The usage of the command the error is about: the first argument naming a command.
    let sub = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| cmd.find_subcommand(a).is_some())
        .map(str::to_string);
    let rendered = match &sub {
        Some(s) => cmd.find_subcommand_mut(s).map(|c| c.render_usage()),
        None => Some(cmd.render_usage()),
    };
    let rendered = rendered.map(|u| u.to_string()).unwrap_or_default();
    let rendered = cli::help_text_zh(rendered.trim().trim_start_matches("Usage:").trim());
    let more = match &sub {
        Some(s) => format!("taizhang {s} --help"),
        None => "taizhang --help".to_string(),
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    cli::usage_error_zh(usage, &arg, &value, &rendered, &more)
}

/// An error of a command, as the last line says it, in `lang` ([`taizhang::run::error_text`];
/// the page's own errors by [`taizhang::page::PageError::said`]).
pub fn error_text(e: &anyhow::Error, lang: Lang) -> String {
    match e.downcast_ref::<taizhang::page::PageError>() {
        Some(p) => p.said(lang),
        None => taizhang::run::error_text(e.as_ref(), lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every argument of every command has its Chinese help, and every command its about.
    #[test]
    fn every_argument_and_command_is_in_chinese() {
        let cmd = <crate::cmd::Cli as clap::CommandFactory>::command();
        let mut missing = Vec::new();
        let mut check = |c: &Command, name: &str| {
            if cli::about_zh(name).is_none() {
                missing.push(format!("about of {name}"));
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                let names = a.get_action().takes_values().then(|| a.get_value_names());
                for n in names.flatten().unwrap_or_default() {
                    if cli::value_name_zh(n.as_str()).is_none() {
                        missing.push(format!("{name} {id} <{n}>"));
                    }
                }
                if cli::help_zh(name, id).is_none() && !["help", "version"].contains(&id) {
                    missing.push(format!("{name} {id}"));
                }
            }
        };
        check(&cmd, "");
        for s in cmd.get_subcommands() {
            check(s, s.get_name());
        }
        assert!(missing.is_empty(), "{missing:?}");
    }
}

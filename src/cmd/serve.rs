//! `taizhang serve [--port N] [--listen ADDR] [--open]`: the page for clerks, served by
//! [`taizhang::page`]; this file only turns the arguments into its request.

use crate::cmd::LangArg;
use clap::Args;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use taizhang::Lang;
use taizhang::page::{self, ServeRequest};

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 8765)]
    pub port: u16,
    /// The address to listen on instead of 127.0.0.1. Another address lets other machines
    /// reach the page, and with it every ledger uploaded to it: an access token is then made,
    /// printed once in the address to open, and required on every request.
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<IpAddr>,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Language of the page and the messages: zh (default) or en.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Any free port when `port` is taken (the program double-clicked a second time).
    #[arg(skip)]
    pub any_port_if_taken: bool,
}

impl ServeArgs {
    /// What a double-click on the program runs: the page on this machine, opened in the
    /// browser, on 8765 or any free port.
    pub fn double_click(lang: Option<LangArg>) -> Self {
        ServeArgs {
            port: 8765,
            listen: None,
            open: true,
            lang,
            any_port_if_taken: true,
        }
    }
}

/// Runs `taizhang serve`.
pub fn run(args: ServeArgs) -> anyhow::Result<u8> {
    let ip = args.listen.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let req = ServeRequest {
        addr: SocketAddr::new(ip, args.port),
        any_port_if_taken: args.any_port_if_taken,
        open: args.open,
        lang: args
            .lang
            .map_or_else(crate::cmd::words::wanted_here, Lang::from),
    };
    page::serve(&req)?;
    Ok(0)
}

//! What keeps the page of `taizhang serve` its own.
//!
//! - **Host**: a request is answered only when its `Host` is an address the server listens on
//!   (`127.0.0.1`, `localhost`, `[::1]` with the port, or the `--listen` address), so a name an
//!   attacker rebinds to 127.0.0.1 reaches nothing (DNS rebinding).
//! - **Origin and page token**: every request but for the page itself (`/`) carries the token
//!   of a page this server gave (an HMAC of a random session id, so no other page can make one); one that changes
//!   something also carries a same-origin `Origin`, and one whose `Sec-Fetch-Site` says another
//!   site sent it is refused. The session id in the token is the page's: its batches are its own.
//! - **Access token**: on an address other than loopback, every request carries the access
//!   token printed once at the start, compared in constant time.
//! - **Headers**: a content security policy of the page's own script only, no framing, no
//!   sniffing, no referrer, nothing cached.
//! - **Connections**: hyper's HTTP/1 server with a deadline for a request's headers (which also
//!   ends an idle kept-alive connection) and a cap on open connections; the handlers give up on
//!   a body that stalls, and a connection whose client stops reading the answer is closed.
//! - **Errors**: every refusal, the framework's own included, is the page's JSON error in the
//!   language the page asked for.

use super::PageError;
use crate::Lang;
use crate::messages::serve::Refusal;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use subtle::ConstantTimeEq;

/// The header the page sends its token in.
pub(crate) const TOKEN_HEADER: &str = "x-taizhang-token";
/// The header the page sends the access token in (office network only).
pub(crate) const ACCESS_HEADER: &str = "x-taizhang-access";

/// Random bytes from the operating system's source.
pub(crate) fn random<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b)?;
    Ok(b)
}

/// Bytes as lowercase hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hexadecimal as bytes; `None` for anything else.
fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

/// The page session a request belongs to, from its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Session(pub(crate) String);

/// The limits of the page's connections, from the environment (for tests and slow networks).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// How long a connection may take to send a request's headers (and stay idle between two).
    pub(crate) header: Duration,
    /// How long a request's body may stall, and an answer wait for its client to read on.
    pub(crate) body: Duration,
    /// How many connections are open at once; more wait their turn.
    pub(crate) connections: usize,
}

impl Limits {
    /// `TAIZHANG_SERVE_HEADER_TIMEOUT_MS` (default 15,000), `TAIZHANG_SERVE_BODY_TIMEOUT_MS`
    /// (default 30,000), `TAIZHANG_SERVE_MAX_CONNECTIONS` (default 128). A value that is not
    /// a positive whole number is an error, not a silent default.
    pub(crate) fn from_env() -> Result<Limits, PageError> {
        let read = |var: &'static str, default: u64| -> Result<u64, PageError> {
            match std::env::var(var) {
                Err(_) => Ok(default),
                Ok(v) => match v.trim().parse::<u64>() {
                    Ok(n) if n > 0 => Ok(n),
                    _ => Err(PageError::BadLimit { var, value: v }),
                },
            }
        };
        Ok(Limits {
            header: Duration::from_millis(read("TAIZHANG_SERVE_HEADER_TIMEOUT_MS", 15_000)?),
            body: Duration::from_millis(read("TAIZHANG_SERVE_BODY_TIMEOUT_MS", 30_000)?),
            connections: usize::try_from(read("TAIZHANG_SERVE_MAX_CONNECTIONS", 128)?)
                .unwrap_or(usize::MAX),
        })
    }
}

/// What the server checks of every request.
pub(crate) struct Guard {
    /// The address listened on (its port the one chosen).
    addr: SocketAddr,
    /// The key of the page tokens, new at every start.
    key: [u8; 32],
    /// The access token, on an address other than loopback.
    access: Option<String>,
    /// The language of refusals when the request names none.
    lang: Lang,
}

/// The language a request asks for: `?lang=` if it says, else the server's.
pub(crate) fn lang_of(query: Option<&str>, default: Lang) -> Lang {
    match query_value(query, "lang").as_deref() {
        Some("en") => Lang::En,
        Some("zh") => Lang::Zh,
        _ => default,
    }
}

/// One value of a query string, percent-decoded.
fn query_value(query: Option<&str>, key: &str) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then(|| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

impl Guard {
    /// The guard of a server listening on `addr`; an access token is made when the address is
    /// not loopback, and without one the server does not start.
    pub(crate) fn new(addr: SocketAddr, lang: Lang) -> Result<Guard, getrandom::Error> {
        let access = if addr.ip().is_loopback() {
            None
        } else {
            Some(hex(&random::<16>()?))
        };
        Ok(Guard {
            addr,
            key: random::<32>()?,
            access,
            lang,
        })
    }

    /// The access token, on an address other than loopback.
    pub(crate) fn access(&self) -> Option<&str> {
        self.access.as_deref()
    }

    /// A new page's token: a random session id and its HMAC.
    pub(crate) fn mint(&self) -> Result<String, getrandom::Error> {
        let sid = random::<16>()?;
        Ok(format!("{}{}", hex(&sid), hex(&self.tag(&sid)[..16])))
    }

    fn mac(&self, sid: &[u8]) -> Hmac<Sha256> {
        // HMAC takes a key of any length: `new_from_slice` cannot fail.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
        mac.update(sid);
        mac
    }

    fn tag(&self, sid: &[u8]) -> Vec<u8> {
        self.mac(sid).finalize().into_bytes().to_vec()
    }

    /// The session of a token this server gave; `None` for any other text.
    pub(crate) fn session_of(&self, token: &str) -> Option<Session> {
        if token.len() != 64 {
            return None;
        }
        let bytes = unhex(token)?;
        let (sid, tag) = bytes.split_at(16);
        self.mac(sid).verify_truncated_left(tag).ok()?;
        Some(Session(hex(sid)))
    }

    /// Whether a `Host` header names this server: a loopback name or the address listened on,
    /// with the port (none means 80). On an unspecified address (`0.0.0.0`, `::`) any address
    /// written as numbers is taken: only a name can be rebound.
    fn host_ok(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let (name, port) = match host.rsplit_once(':') {
            Some((n, p)) if !p.contains(']') && (n.starts_with('[') || !n.contains(':')) => {
                match p.parse::<u16>() {
                    Ok(p) => (n.to_string(), p),
                    Err(_) => return false,
                }
            }
            _ => (host.clone(), 80),
        };
        if port != self.addr.port() {
            return false;
        }
        if name == "localhost" {
            return true;
        }
        let bare = name
            .strip_prefix('[')
            .and_then(|n| n.strip_suffix(']'))
            .unwrap_or(&name);
        match bare.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.addr.ip() || self.addr.ip().is_unspecified(),
            Err(_) => false,
        }
    }

    /// Whether the request carries the access token (or none is needed).
    fn access_ok(&self, headers: &HeaderMap, query: Option<&str>) -> bool {
        let Some(want) = &self.access else {
            return true;
        };
        let given = headers
            .get(ACCESS_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .or_else(|| query_value(query, "access"))
            .unwrap_or_default();
        bool::from(given.as_bytes().ct_eq(want.as_bytes()))
    }

    /// Admits a request or says why not; a request admitted, but for the page itself, has its
    /// page's session. Only `/` goes without a token: what the router would make of any other
    /// path does not matter here.
    pub(crate) fn admit(&self, req: &Request) -> Result<Option<Session>, Refusal> {
        let headers = req.headers();
        let query = req.uri().query();
        let host = match headers.get(header::HOST).map(|h| h.to_str()) {
            Some(Ok(h)) => h.to_string(),
            Some(Err(_)) => return Err(Refusal::ForeignHost),
            None => return Err(Refusal::NoHost),
        };
        if !self.host_ok(&host)
            || req
                .uri()
                .authority()
                .is_some_and(|a| !a.as_str().eq_ignore_ascii_case(&host))
        {
            return Err(Refusal::ForeignHost);
        }
        if !self.access_ok(headers, query) {
            return Err(Refusal::NoAccess);
        }
        if req.uri().path() == "/" {
            return Ok(None);
        }
        let site = headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("none");
        if !matches!(site, "same-origin" | "none") {
            return Err(Refusal::CrossOrigin);
        }
        let reads = matches!(*req.method(), Method::GET | Method::HEAD);
        match headers.get(header::ORIGIN).map(|o| o.to_str()) {
            Some(Ok(o)) if o.eq_ignore_ascii_case(&format!("http://{}", host.trim())) => {}
            None if reads => {}
            _ => return Err(Refusal::CrossOrigin),
        }
        let token = headers
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
            .or_else(|| query_value(query, "token").filter(|_| reads));
        token
            .and_then(|t| self.session_of(&t))
            .map(Some)
            .ok_or(Refusal::NoPageToken)
    }
}

/// The status of a refusal.
pub(crate) fn status_of(r: Refusal) -> StatusCode {
    match r {
        Refusal::ForeignHost => StatusCode::MISDIRECTED_REQUEST,
        Refusal::NoHost | Refusal::BadRequest => StatusCode::BAD_REQUEST,
        Refusal::CrossOrigin | Refusal::NoPageToken | Refusal::NoAccess | Refusal::OtherPage => {
            StatusCode::FORBIDDEN
        }
        Refusal::Full => StatusCode::SERVICE_UNAVAILABLE,
        Refusal::Stalled { .. } => StatusCode::REQUEST_TIMEOUT,
        Refusal::NotFound => StatusCode::NOT_FOUND,
        Refusal::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        Refusal::UnsupportedType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        Refusal::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
        Refusal::Status(c) => StatusCode::from_u16(c).unwrap_or(StatusCode::BAD_REQUEST),
    }
}

/// The page's JSON error: `{"error": "…"}`.
pub(crate) fn json_error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "error": message }).to_string();
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A refusal as the page's JSON error.
pub(crate) fn refuse(r: Refusal, lang: Lang) -> Response {
    json_error(status_of(r), &r.text(lang))
}

/// The headers every answer carries: no framing, no sniffing, no referrer, nothing cached,
/// not readable by another origin; a content security policy of nothing at all unless the
/// answer set its own (the page, with its script's nonce).
fn secure(headers: &mut HeaderMap) {
    let set = |h: &mut HeaderMap, name: &'static str, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(
            headers,
            "content-security-policy",
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        );
    }
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    set(headers, "referrer-policy", "no-referrer");
    set(headers, "cache-control", "no-store");
    set(headers, "cross-origin-opener-policy", "same-origin");
    set(headers, "cross-origin-resource-policy", "same-origin");
}

/// The content security policy of the page: its own script (by nonce) and styles, requests to
/// itself only, no framing.
pub(crate) fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'"
    )
}

/// The middleware: admits the request (its session in its extensions), turns every error
/// that is not the page's JSON yet into it, and adds the headers.
pub(crate) async fn middleware(
    State(guard): State<Arc<Guard>>,
    mut req: Request,
    next: Next,
) -> Response {
    let lang = lang_of(req.uri().query(), guard.lang);
    let mut res = match guard.admit(&req) {
        Ok(session) => {
            if let Some(s) = session {
                req.extensions_mut().insert(s);
            }
            next.run(req).await
        }
        Err(r) => refuse(r, lang),
    };
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let kept = res.headers().get(header::ALLOW).cloned();
        res = json_error(status, &Refusal::of_status(status.as_u16()).text(lang));
        if let Some(allow) = kept {
            res.headers_mut().insert(header::ALLOW, allow);
        }
    }
    secure(res.headers_mut());
    res
}

/// Serves `router` on `listener`: hyper's HTTP/1 connections, each with a deadline for its
/// requests' headers, at most `limits.connections` at once.
pub(crate) async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.connections.max(1)));
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header)
        .max_buf_size(64 << 10);
    let builder = Arc::new(builder);
    loop {
        // The semaphore is never closed: acquiring fails only if it were.
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return Ok(());
        };
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            Err(e) if is_transient(&e) => {
                // Out of file descriptors and the like: wait, as servers do, and go on.
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
            Err(e) => return Err(e),
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let builder = builder.clone();
        let stream = WriteDeadline {
            io: stream,
            limit: limits.body,
            stalled: None,
        };
        tokio::spawn(async move {
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

/// A connection whose writes fail when the client has read nothing for `limit`: a client that
/// stops reading an answer does not hold its connection (and its place among the open ones).
struct WriteDeadline<T> {
    io: T,
    limit: Duration,
    /// Since when a write has waited for the client, as a timer.
    stalled: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl<T> WriteDeadline<T> {
    /// A write that cannot go on: waits on the timer, an error when it runs out.
    fn wait<R>(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<std::io::Result<R>> {
        use std::future::Future;
        let limit = self.limit;
        let timer = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match timer.as_mut().poll(cx) {
            std::task::Poll::Ready(()) => {
                self.stalled = None;
                std::task::Poll::Ready(Err(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the client stopped reading",
                )))
            }
            std::task::Poll::Pending => std::task::Poll::Pending,
        }
    }

    /// A write that went on (or failed): the timer is off.
    fn done<R>(&mut self, r: std::io::Result<R>) -> std::task::Poll<std::io::Result<R>> {
        self.stalled = None;
        std::task::Poll::Ready(r)
    }
}

impl<T: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for WriteDeadline<T> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl<T: tokio::io::AsyncWrite + Unpin> tokio::io::AsyncWrite for WriteDeadline<T> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        match std::pin::Pin::new(&mut self.io).poll_write(cx, buf) {
            std::task::Poll::Ready(r) => self.done(r),
            std::task::Poll::Pending => self.wait(cx),
        }
    }

    fn poll_write_vectored(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> std::task::Poll<std::io::Result<usize>> {
        match std::pin::Pin::new(&mut self.io).poll_write_vectored(cx, bufs) {
            std::task::Poll::Ready(r) => self.done(r),
            std::task::Poll::Pending => self.wait(cx),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match std::pin::Pin::new(&mut self.io).poll_flush(cx) {
            std::task::Poll::Ready(r) => self.done(r),
            std::task::Poll::Pending => self.wait(cx),
        }
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        match std::pin::Pin::new(&mut self.io).poll_shutdown(cx) {
            std::task::Poll::Ready(r) => self.done(r),
            std::task::Poll::Pending => self.wait(cx),
        }
    }
}

/// Whether an error of `accept` passes (a connection reset before it was taken, no file
/// descriptor left for a moment).
fn is_transient(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset | Interrupted | WouldBlock
    ) || e.raw_os_error().is_some_and(|c| c == 23 || c == 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guard(addr: &str) -> Guard {
        Guard::new(addr.parse().unwrap(), Lang::Zh).unwrap()
    }

    #[test]
    fn the_host_must_name_this_server() {
        let g = guard("127.0.0.1:8765");
        for ok in [
            "127.0.0.1:8765",
            "localhost:8765",
            "LOCALHOST:8765",
            "[::1]:8765",
        ] {
            assert!(g.host_ok(ok), "{ok}");
        }
        for bad in [
            "evil.example:8765",
            "127.0.0.1:8766",
            "127.0.0.1",
            "localhost",
            "10.0.0.1:8765",
            "127.0.0.1.evil.example:8765",
            "[::1]",
            "",
        ] {
            assert!(!g.host_ok(bad), "{bad}");
        }
        let any = guard("0.0.0.0:80");
        assert!(any.host_ok("192.168.1.5"));
        assert!(!any.host_ok("office.example"));
        assert!(any.access().is_some());
        assert!(g.access().is_none());
    }

    #[test]
    fn a_token_is_one_this_server_gave() {
        let g = guard("127.0.0.1:1");
        let t = g.mint().unwrap();
        assert_eq!(t.len(), 64);
        let s = g.session_of(&t).unwrap();
        assert_eq!(s.0, t[..32]);
        let other = guard("127.0.0.1:1");
        assert_eq!(other.session_of(&t), None);
        let mut forged = t.clone();
        forged.replace_range(63.., if t.ends_with('0') { "1" } else { "0" });
        assert_eq!(g.session_of(&forged), None);
        assert_eq!(g.session_of(&t[..63]), None);
        assert_eq!(g.session_of(&"z".repeat(64)), None);
        assert_ne!(g.mint().unwrap(), t);
    }

    #[tokio::test]
    async fn a_write_to_a_client_that_stopped_reading_fails_and_one_that_reads_goes_on() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let limit = Duration::from_millis(200);
        // A client that reads nothing: the 64-byte pipe fills, the write waits, then fails.
        let (ours, _theirs) = tokio::io::duplex(64);
        let mut w = WriteDeadline {
            io: ours,
            limit,
            stalled: None,
        };
        let e = tokio::time::timeout(Duration::from_secs(30), w.write_all(&[7u8; 4096]))
            .await
            .expect("the write waited on")
            .unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::TimedOut);
        // A client that reads, slowly but never stalling for the limit: all of it arrives.
        let (ours, mut theirs) = tokio::io::duplex(64);
        let mut w = WriteDeadline {
            io: ours,
            limit,
            stalled: None,
        };
        let reader = tokio::spawn(async move {
            let mut got = Vec::new();
            let mut buf = [0u8; 64];
            loop {
                tokio::time::sleep(Duration::from_millis(5)).await;
                match theirs.read(&mut buf).await {
                    Ok(0) | Err(_) => return got,
                    Ok(n) => got.extend_from_slice(&buf[..n]),
                }
            }
        });
        w.write_all(&[7u8; 2048]).await.unwrap();
        w.shutdown().await.unwrap();
        drop(w);
        assert_eq!(reader.await.unwrap().len(), 2048);
    }

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query_value(Some("a=1&path=%E5%8C%97%2Fx+y&lang=en"), "path").as_deref(),
            Some("北/x y")
        );
        assert_eq!(lang_of(Some("lang=en"), Lang::Zh), Lang::En);
        assert_eq!(lang_of(None, Lang::Zh), Lang::Zh);
    }
}

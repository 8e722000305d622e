//! `taizhang serve` attacked: the real binary on a free loopback port, raw HTTP requests as a
//! hostile web page, another page or a slow client would send them. Each attack is refused with
//! its status and the page's JSON error in the language asked for, and the clerk's batch
//! survives every one.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use taizhang::Lang;
use taizhang::messages::serve::Refusal;

/// A server killed when the test ends, however it ends; its temporary folder is `tmp`.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    addr: String,
    /// The access token printed, on an address other than loopback.
    access: Option<String>,
    tmp: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `taizhang serve --port 0` under `umask 022`, with its temporary folder in a folder of the
/// test's, the environment given, and the address it prints.
fn start(env: &[(&str, &str)], args: &[&str]) -> Server {
    let tmp = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("taizhang");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" serve --port 0 --lang zh \"$@\"")
        .arg(&bin)
        .args(args)
        .env("TMPDIR", tmp.path())
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let at = line
        .find("http://")
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    let url: String = line[at..]
        .chars()
        .take_while(|c| c.is_ascii_graphic() && *c != '(')
        .collect();
    let port = url["http://".len()..]
        .split('/')
        .next()
        .and_then(|h| h.rsplit(':').next())
        .unwrap()
        .to_string();
    let access = url.split_once("?access=").map(|(_, t)| t.to_string());
    Server {
        child,
        addr: format!("127.0.0.1:{port}"),
        access,
        tmp,
    }
}

/// An answer: status, headers (names in lowercase), body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = String::from_utf8_lossy(&self.body);
        let head: String = text.chars().take(300).collect();
        write!(f, "{} {:?} {head:?}", self.status, self.headers)
    }
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {:?}", String::from_utf8_lossy(&self.body)))
    }

    /// The page's error text; fails unless the answer is the page's JSON error.
    fn error(&self) -> String {
        assert!(
            self.header("content-type")
                .is_some_and(|t| t.starts_with("application/json")),
            "{self:?}"
        );
        self.json()["error"]
            .as_str()
            .unwrap_or_else(|| panic!("no error in {self:?}"))
            .to_string()
    }

    /// Asserts a refusal: its status and its words in `lang`.
    fn refused(&self, status: u16, r: Refusal, lang: Lang) {
        assert_eq!(self.status, status, "{self:?}");
        assert_eq!(self.error(), r.text(lang));
    }
}

/// Reads an HTTP/1.1 answer to its end (the request said `Connection: close`).
fn read_reply(mut s: TcpStream) -> Reply {
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no answer: {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..end]).to_string();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        let mut out = Vec::new();
        let mut rest = &body[..];
        loop {
            let eol = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let size = usize::from_str_radix(std::str::from_utf8(&rest[..eol]).unwrap().trim(), 16)
                .unwrap();
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[eol + 2..eol + 2 + size]);
            rest = &rest[eol + 2 + size + 2..];
        }
        body = out;
    }
    Reply {
        status,
        headers,
        body,
    }
}

fn connect(addr: &str) -> TcpStream {
    let s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    s
}

/// One request, `Host` this server's unless the headers name another.
fn send(server: &Server, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut s = connect(&server.addr);
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {}\r\n", server.addr));
    }
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(body);
    read_reply(s)
}

/// A page as the browser opens it: its token.
fn open_page(server: &Server) -> String {
    let path = match &server.access {
        Some(a) => format!("/?access={a}"),
        None => "/".to_string(),
    };
    let r = send(server, "GET", &path, &[], b"");
    assert_eq!(r.status, 200, "{r:?}");
    let html = String::from_utf8(r.body).unwrap();
    let at = html.find(r#"name="taizhang-token" content=""#).unwrap() + 31;
    html[at..at + 64].to_string()
}

/// The headers the page's script sends: same origin, its token (and the access token).
fn as_page<'a>(server: &'a Server, origin: &'a str, token: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut h = vec![
        ("Origin", origin),
        ("Sec-Fetch-Site", "same-origin"),
        ("X-Taizhang-Token", token),
    ];
    if let Some(a) = &server.access {
        h.push(("X-Taizhang-Access", a.as_str()));
    }
    h
}

fn origin(server: &Server) -> String {
    format!("http://{}", server.addr)
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(crate::support::root().join("samples").join(name)).unwrap()
}

const LEDGER: &str = "北安社区整改台账.xlsx";

/// A batch of the page's with one sample uploaded: its id.
fn batch_with_a_ledger(server: &Server, token: &str) -> String {
    let o = origin(server);
    let h = as_page(server, &o, token);
    let r = send(server, "POST", "/api/jobs", &h, b"");
    assert_eq!(r.status, 200, "{r:?}");
    let id = r.json()["id"].as_str().unwrap().to_string();
    let path = format!(
        "/api/jobs/{id}/files?kind=input&path={}",
        enc(&format!("各社区/{LEDGER}"))
    );
    let r = send(server, "PUT", &path, &h, &sample(LEDGER));
    assert_eq!(r.status, 200, "{r:?}");
    id
}

/// Checks a batch as its page does: the measures it counted.
fn measures(server: &Server, token: &str, id: &str) -> Reply {
    let o = origin(server);
    let mut h = as_page(server, &o, token);
    h.push(("Content-Type", "application/json"));
    send(
        server,
        "POST",
        &format!("/api/jobs/{id}/check"),
        &h,
        br#"{"as_of":"2023-03-30"}"#,
    )
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The clerk's batch is whole: checked, its workbook downloaded (an xlsx of its measures).
fn survives(server: &Server, token: &str, id: &str) {
    let r = measures(server, token, id);
    assert_eq!(r.status, 200, "{r:?}");
    let n = r.json()["check"]["totals"]["measures"].as_u64().unwrap();
    assert!(n > 0, "{r:?}");
    let mut path = format!("/api/jobs/{id}/download/workbook?token={token}");
    if let Some(a) = &server.access {
        path.push_str(&format!("&access={a}"));
    }
    let r = send(
        server,
        "GET",
        &path,
        &[("Sec-Fetch-Site", "same-origin")],
        b"",
    );
    assert_eq!(r.status, 200, "{:?}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert!(r.body.starts_with(b"PK"), "not an xlsx");
}

#[test]
fn a_foreign_host_is_refused_so_a_rebound_name_reaches_nothing() {
    let server = start(&[], &[]);
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    let port = server.addr.rsplit(':').next().unwrap().to_string();
    let evil = format!("evil.example:{port}");
    let evil_origin = format!("http://{evil}");
    // The page itself, and every call a rebound page's script would make.
    let r = send(&server, "GET", "/", &[("Host", &evil)], b"");
    r.refused(421, Refusal::ForeignHost, Lang::Zh);
    assert!(!String::from_utf8_lossy(&r.body).contains("taizhang-token"));
    let mut h = as_page(&server, &evil_origin, &token);
    h.push(("Host", &evil));
    for (method, path) in [
        ("POST", "/api/jobs".to_string()),
        ("PUT", format!("/api/jobs/{id}/files?path=x.xlsx")),
        ("POST", format!("/api/jobs/{id}/check")),
        ("GET", format!("/api/jobs/{id}/download/workbook")),
    ] {
        send(&server, method, &path, &h, b"").refused(421, Refusal::ForeignHost, Lang::Zh);
    }
    // In the language asked for; a Host of another port, or none, as well.
    send(&server, "GET", "/?lang=en", &[("Host", &evil)], b"").refused(
        421,
        Refusal::ForeignHost,
        Lang::En,
    );
    send(&server, "GET", "/", &[("Host", "127.0.0.1:1")], b"").refused(
        421,
        Refusal::ForeignHost,
        Lang::Zh,
    );
    // A proxy's form of the request, naming the rebound name in the target instead.
    send(&server, "GET", &format!("http://{evil}/"), &[], b"").refused(
        421,
        Refusal::ForeignHost,
        Lang::Zh,
    );
    // The addresses of the page: each answers.
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let r = send(&server, "GET", "/", &[("Host", &host)], b"");
        assert_eq!(r.status, 200, "{host}");
    }
    survives(&server, &token, &id);
}

#[test]
fn the_page_and_its_answers_carry_the_security_headers() {
    let server = start(&[], &[]);
    let r = send(&server, "GET", "/", &[], b"");
    assert_eq!(r.status, 200);
    let csp = r.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'nonce-"), "{csp}");
    assert!(!csp.contains("unsafe-eval") && !csp.contains("script-src 'unsafe-inline'"));
    // The nonce of the policy is the script's.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    let html = String::from_utf8_lossy(&r.body);
    assert!(html.contains(&format!("<script nonce=\"{nonce}\">")));
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-store"),
        ("x-frame-options", "DENY"),
    ] {
        assert_eq!(r.header(name), Some(value), "{name}");
    }
    // An error and a result as well.
    let token = open_page(&server);
    let o = origin(&server);
    let r = send(
        &server,
        "POST",
        "/api/jobs",
        &as_page(&server, &o, &token),
        b"",
    );
    assert_eq!(r.status, 200);
    let r2 = send(&server, "GET", "/nowhere", &[], b"");
    for r in [r, r2] {
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("cache-control"), Some("no-store"));
        assert!(
            r.header("content-security-policy")
                .is_some_and(|c| c.contains("frame-ancestors 'none'"))
        );
    }
    // Two pages, two tokens.
    assert_ne!(open_page(&server), open_page(&server));
}

#[test]
fn a_cross_origin_simple_form_post_is_refused() {
    let server = start(&[], &[]);
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    // What a form on another site submits: no token, another origin.
    let form = [
        ("Origin", "http://evil.example"),
        ("Sec-Fetch-Site", "cross-site"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];
    send(&server, "POST", "/api/jobs", &form, b"a=b").refused(403, Refusal::CrossOrigin, Lang::Zh);
    send(
        &server,
        "POST",
        &format!("/api/jobs/{id}/check"),
        &form,
        b"a=b",
    )
    .refused(403, Refusal::CrossOrigin, Lang::Zh);
    // Even with the page's token, another origin (another port of this machine too), or none.
    let port = server.addr.rsplit(':').next().unwrap();
    let sibling = format!("http://localhost:{}", port.parse::<u16>().unwrap() ^ 1);
    for o in ["http://evil.example", "null", sibling.as_str()] {
        let h = [("Origin", o), ("X-Taizhang-Token", token.as_str())];
        send(&server, "POST", "/api/jobs", &h, b"").refused(403, Refusal::CrossOrigin, Lang::Zh);
    }
    let no_origin = [("X-Taizhang-Token", token.as_str())];
    send(&server, "POST", "/api/jobs", &no_origin, b"").refused(
        403,
        Refusal::CrossOrigin,
        Lang::Zh,
    );
    // A same-site page (another port) says so in Sec-Fetch-Site.
    let o = origin(&server);
    let h = [
        ("Origin", o.as_str()),
        ("Sec-Fetch-Site", "same-site"),
        ("X-Taizhang-Token", token.as_str()),
    ];
    send(&server, "POST", "/api/jobs", &h, b"").refused(403, Refusal::CrossOrigin, Lang::Zh);
    survives(&server, &token, &id);
}

#[test]
fn a_preflighted_cross_origin_put_is_refused_at_the_preflight_and_after() {
    let server = start(&[], &[]);
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    let path = format!("/api/jobs/{id}/files?kind=input&path=evil.xlsx");
    let r = send(
        &server,
        "OPTIONS",
        &path,
        &[
            ("Origin", "http://evil.example"),
            ("Access-Control-Request-Method", "PUT"),
            ("Access-Control-Request-Headers", "x-taizhang-token"),
            ("Sec-Fetch-Site", "cross-site"),
        ],
        b"",
    );
    r.refused(403, Refusal::CrossOrigin, Lang::Zh);
    assert!(
        !r.headers
            .iter()
            .any(|(n, _)| n.starts_with("access-control-")),
        "{r:?}"
    );
    // The PUT itself, had a browser sent it.
    let r = send(
        &server,
        "PUT",
        &path,
        &[
            ("Origin", "http://evil.example"),
            ("X-Taizhang-Token", token.as_str()),
        ],
        b"not a ledger",
    );
    r.refused(403, Refusal::CrossOrigin, Lang::Zh);
    // Nothing was written: the batch holds the clerk's ledger only.
    let files = files_under(server.tmp.path());
    assert!(!files.iter().any(|f| f.ends_with("evil.xlsx")), "{files:?}");
    survives(&server, &token, &id);
}

#[test]
fn a_missing_or_wrong_token_is_refused() {
    let server = start(&[], &[]);
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    let o = origin(&server);
    let mut forged = token.clone();
    forged.replace_range(63.., if token.ends_with('0') { "1" } else { "0" });
    // A token of another server (another start, another key).
    let other = start(&[], &[]);
    let foreign = open_page(&other);
    for t in [
        None,
        Some("0".repeat(64)),
        Some(forged),
        Some(foreign),
        Some("x".into()),
    ] {
        let mut h = vec![("Origin", o.as_str()), ("Sec-Fetch-Site", "same-origin")];
        if let Some(t) = &t {
            h.push(("X-Taizhang-Token", t.as_str()));
        }
        send(&server, "POST", "/api/jobs", &h, b"").refused(403, Refusal::NoPageToken, Lang::Zh);
        send(&server, "POST", &format!("/api/jobs/{id}/check"), &h, b"").refused(
            403,
            Refusal::NoPageToken,
            Lang::Zh,
        );
        let q = t.map_or_else(|| "?lang=en".to_string(), |t| format!("?token={t}&lang=en"));
        send(
            &server,
            "GET",
            &format!("/api/jobs/{id}/download/workbook{q}"),
            &[],
            b"",
        )
        .refused(403, Refusal::NoPageToken, Lang::En);
    }
    // A token in the address is taken for a download, never for a change.
    let h = [("Origin", o.as_str())];
    send(
        &server,
        "POST",
        &format!("/api/jobs?token={token}"),
        &h,
        b"",
    )
    .refused(403, Refusal::NoPageToken, Lang::Zh);
    survives(&server, &token, &id);
}

#[test]
fn another_pages_batch_id_reaches_nothing() {
    let server = start(&[], &[]);
    let clerk = open_page(&server);
    let id = batch_with_a_ledger(&server, &clerk);
    assert_eq!(id.len(), 32);
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(measures(&server, &clerk, &id).status, 200);
    let other = open_page(&server);
    let o = origin(&server);
    let h = as_page(&server, &o, &other);
    let path = format!("/api/jobs/{id}/files?kind=input&path=x.xlsx");
    send(&server, "PUT", &path, &h, b"x").refused(403, Refusal::OtherPage, Lang::Zh);
    for path in [
        format!("/api/jobs/{id}/check"),
        format!("/api/jobs/{id}/verify"),
    ] {
        send(&server, "POST", &path, &h, b"").refused(403, Refusal::OtherPage, Lang::Zh);
    }
    send(
        &server,
        "GET",
        &format!("/api/jobs/{id}/download/findings?token={other}"),
        &[],
        b"",
    )
    .refused(403, Refusal::OtherPage, Lang::Zh);
    // A made-up id is no batch at all.
    let r = send(
        &server,
        "POST",
        &format!("/api/jobs/{}/check", "0".repeat(32)),
        &h,
        b"",
    );
    assert_eq!(r.status, 404, "{r:?}");
    r.error();
    survives(&server, &clerk, &id);
}

/// Every file below a folder.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn encoded_traversal_names_are_refused_and_nothing_lands_outside_the_batch() {
    let server = start(&[], &[]);
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    let o = origin(&server);
    let h = as_page(&server, &o, &token);
    for name in [
        "..%2F..%2F..%2Fescaped.xlsx",
        "%2e%2e%2f%2e%2e%2fescaped.xlsx",
        "..%5C..%5Cescaped.xlsx",
        "a%2F..%2F..%2F..%2Fescaped.xlsx",
        "C%3A%5Cescaped.xlsx",
        "a%00b.xlsx",
        "%2E%2E",
        "",
    ] {
        let r = send(
            &server,
            "PUT",
            &format!("/api/jobs/{id}/files?kind=input&path={name}"),
            &h,
            b"PK",
        );
        assert_eq!(r.status, 400, "{name}: {r:?}");
        assert!(r.error().contains("文件名不可用"), "{name}: {r:?}");
    }
    // Nor through the address's path.
    let r = send(
        &server,
        "PUT",
        &format!("/api/jobs/..%2F..%2F{id}/files?kind=input&path=x.xlsx"),
        &h,
        b"PK",
    );
    assert_eq!(r.status, 404, "{r:?}");
    r.error();
    let files = files_under(server.tmp.path());
    assert!(
        !files
            .iter()
            .any(|f| f.to_string_lossy().contains("escaped")),
        "{files:?}"
    );
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(
        files[0].ends_with(format!("in/各社区/{LEDGER}")),
        "{files:?}"
    );
    survives(&server, &token, &id);
}

#[test]
fn a_slow_client_cannot_hold_the_server() {
    let server = start(
        &[
            ("TAIZHANG_SERVE_HEADER_TIMEOUT_MS", "1000"),
            ("TAIZHANG_SERVE_BODY_TIMEOUT_MS", "1000"),
            ("TAIZHANG_SERVE_MAX_CONNECTIONS", "3"),
        ],
        &[],
    );
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    let o = origin(&server);
    // A body that stops after a few bytes: cut off with 408 and the page's words.
    let mut s = connect(&server.addr);
    let head = format!(
        "PUT /api/jobs/{id}/files?kind=input&path=slow.xlsx HTTP/1.1\r\nHost: {}\r\nOrigin: {o}\r\nX-Taizhang-Token: {token}\r\nContent-Length: 100000\r\nConnection: close\r\n\r\nPK\x03\x04",
        server.addr
    );
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(&[b'x'; 5000]).unwrap();
    let started = Instant::now();
    let r = read_reply(s);
    r.refused(408, Refusal::Stalled { ms: 1000 }, Lang::Zh);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert!(
        !files_under(server.tmp.path())
            .iter()
            .any(|f| f.ends_with("slow.xlsx"))
    );
    // The bytes of the file cut off are not the batch's; a file sent again replaces its bytes.
    let h = as_page(&server, &o, &token);
    let ledger = sample(LEDGER).len() as u64;
    for _ in 0..2 {
        let r = send(
            &server,
            "PUT",
            &format!("/api/jobs/{id}/files?kind=input&path=again.xlsx"),
            &h,
            b"0123456789",
        );
        assert_eq!(r.status, 200, "{r:?}");
        assert_eq!(r.json()["batch_bytes"], ledger + 10, "{r:?}");
    }
    // Connections that send nothing, or half a request line, fill every slot and are closed at
    // the header deadline; a request behind them is answered.
    let mut idle: Vec<TcpStream> = (0..3).map(|_| connect(&server.addr)).collect();
    idle[0].write_all(b"GET / HT").unwrap();
    let r = send(&server, "GET", "/", &[], b"");
    assert_eq!(r.status, 200);
    for mut s in idle.drain(..) {
        let mut buf = [0u8; 64];
        // Closed by the server: the end of the stream (or a reset), not the read timeout.
        match s.read(&mut buf) {
            Ok(n) => assert!(n == 0 || buf.starts_with(b"HTTP/1.1 408"), "{n}"),
            Err(e) => assert!(
                !matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ),
                "{e}"
            ),
        }
    }
    survives(&server, &token, &id);
}

#[test]
fn another_page_cannot_evict_a_clerks_batch() {
    let server = start(&[], &[]);
    let clerk = open_page(&server);
    let id = batch_with_a_ledger(&server, &clerk);
    let o = origin(&server);
    // Another page makes batch after batch: its own oldest make way, never the clerk's.
    let other = open_page(&server);
    let h = as_page(&server, &o, &other);
    let mut theirs = Vec::new();
    for _ in 0..12 {
        let r = send(&server, "POST", "/api/jobs", &h, b"");
        assert_eq!(r.status, 200, "{r:?}");
        theirs.push(r.json()["id"].as_str().unwrap().to_string());
    }
    let r = send(
        &server,
        "POST",
        &format!("/api/jobs/{}/check", theirs[0]),
        &h,
        b"",
    );
    assert_eq!(r.status, 404, "{r:?}");
    // Its evicted batches' folders are removed; the clerk's and its last four stay.
    let batches = |server: &Server| -> usize {
        let root = std::fs::read_dir(server.tmp.path())
            .unwrap()
            .flatten()
            .find(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("taizhang-page-")
            })
            .unwrap()
            .path();
        std::fs::read_dir(root).unwrap().count()
    };
    let started = Instant::now();
    while batches(&server) != 5 && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(batches(&server), 5);
    // Many pages, a batch each, until the server is full: refused, not evicting.
    let mut full = None;
    for _ in 0..300 {
        let t = open_page(&server);
        let r = send(&server, "POST", "/api/jobs", &as_page(&server, &o, &t), b"");
        if r.status != 200 {
            full = Some(r);
            break;
        }
    }
    let full = full.expect("the server kept taking batches");
    full.refused(503, Refusal::Full, Lang::Zh);
    survives(&server, &clerk, &id);
}

#[test]
fn uploads_are_private_under_umask_022_and_removed_when_the_server_stops() {
    use std::os::unix::fs::PermissionsExt;
    let server = start(&[], &[]);
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let file = files_under(server.tmp.path()).pop().unwrap();
    assert_eq!(mode(&file), 0o600, "{}", file.display());
    // Every folder from the file up to the server's: 0700.
    let mut folder = file.parent().unwrap().to_path_buf();
    let mut seen = 0;
    while folder != server.tmp.path() {
        assert_eq!(mode(&folder), 0o700, "{}", folder.display());
        seen += 1;
        folder = folder.parent().unwrap().to_path_buf();
    }
    assert_eq!(seen, 4, "page, batch, in, 各社区");
    // The workbook made for a download as well, while it is made: checked after the fact by
    // its folder, which stays.
    survives(&server, &token, &id);
    for entry in std::fs::read_dir(file.parent().unwrap().parent().unwrap().parent().unwrap())
        .unwrap()
        .flatten()
    {
        assert_eq!(mode(&entry.path()) & 0o077, 0, "{}", entry.path().display());
    }
    // Stopped (SIGTERM, as a service manager stops it): the folder is gone.
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let mut server = server;
    let started = Instant::now();
    loop {
        if server.child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "still running");
        std::thread::sleep(Duration::from_millis(50));
    }
    let left: Vec<_> = std::fs::read_dir(server.tmp.path())
        .unwrap()
        .flatten()
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_office_network_needs_the_access_token_on_every_request() {
    // The unspecified address: not loopback, so an access token is made and printed.
    let server = start(&[], &["--listen", "0.0.0.0"]);
    let access = server
        .access
        .clone()
        .expect("no access token in the address");
    assert_eq!(access.len(), 32);
    send(&server, "GET", "/", &[], b"").refused(403, Refusal::NoAccess, Lang::Zh);
    let wrong = "0".repeat(32);
    send(&server, "GET", &format!("/?access={wrong}"), &[], b"").refused(
        403,
        Refusal::NoAccess,
        Lang::Zh,
    );
    let r = send(&server, "GET", &format!("/?access={access}"), &[], b"");
    assert_eq!(r.status, 200);
    assert!(String::from_utf8_lossy(&r.body).contains(&format!("content=\"{access}\"")));
    let token = open_page(&server);
    // The page's token alone is not enough.
    let o = origin(&server);
    let h = [
        ("Origin", o.as_str()),
        ("X-Taizhang-Token", token.as_str()),
        ("X-Taizhang-Access", wrong.as_str()),
    ];
    send(&server, "POST", "/api/jobs", &h, b"").refused(403, Refusal::NoAccess, Lang::Zh);
    send(&server, "POST", "/api/jobs", &h[..2], b"").refused(403, Refusal::NoAccess, Lang::Zh);
    // A name is still no address of the server's.
    let port = server.addr.rsplit(':').next().unwrap();
    send(
        &server,
        "GET",
        &format!("/?access={access}"),
        &[("Host", &format!("evil.example:{port}"))],
        b"",
    )
    .refused(421, Refusal::ForeignHost, Lang::Zh);
    let id = batch_with_a_ledger(&server, &token);
    survives(&server, &token, &id);
}

#[test]
fn the_frameworks_own_rejections_are_the_pages_json_in_the_users_language() {
    let server = start(&[], &[]);
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    let o = origin(&server);
    let h = as_page(&server, &o, &token);
    // No route: 404.
    // Nothing but the page goes without the page's token.
    for path in ["/nowhere", "//api/jobs", "/%61pi/jobs", "/./api/jobs"] {
        send(&server, "POST", path, &[], b"").refused(403, Refusal::CrossOrigin, Lang::Zh);
        send(&server, "GET", path, &[], b"").refused(403, Refusal::NoPageToken, Lang::Zh);
    }
    send(&server, "GET", &format!("/nowhere?token={token}"), &[], b"").refused(
        404,
        Refusal::NotFound,
        Lang::Zh,
    );
    send(
        &server,
        "GET",
        &format!("/nowhere?token={token}&lang=en"),
        &[],
        b"",
    )
    .refused(404, Refusal::NotFound, Lang::En);
    // A method the route does not take: 405.
    send(&server, "DELETE", "/", &[], b"").refused(405, Refusal::MethodNotAllowed, Lang::Zh);
    send(
        &server,
        "GET",
        &format!("/api/jobs?token={token}"),
        &[],
        b"",
    )
    .refused(405, Refusal::MethodNotAllowed, Lang::Zh);
    // A query the handler cannot read (no path): 400.
    send(
        &server,
        "PUT",
        &format!("/api/jobs/{id}/files?kind=input"),
        &h,
        b"x",
    )
    .refused(400, Refusal::BadRequest, Lang::Zh);
    send(
        &server,
        "PUT",
        &format!("/api/jobs/{id}/files?kind=input&lang=en"),
        &h,
        b"x",
    )
    .refused(400, Refusal::BadRequest, Lang::En);
    // A check whose body is not the page's JSON: 422.
    send(
        &server,
        "POST",
        &format!("/api/jobs/{id}/check"),
        &h,
        b"{not json",
    )
    .refused(422, Refusal::Unprocessable, Lang::Zh);
    // A file announced larger than a file may be: 413 before a byte is read.
    let mut s = connect(&server.addr);
    s.write_all(
        format!(
            "PUT /api/jobs/{id}/files?kind=input&path=big.xlsx HTTP/1.1\r\nHost: {}\r\nOrigin: {o}\r\nX-Taizhang-Token: {token}\r\nContent-Length: 999999999999\r\nConnection: close\r\n\r\n",
            server.addr
        )
        .as_bytes(),
    )
    .unwrap();
    let r = read_reply(s);
    assert_eq!(r.status, 413, "{r:?}");
    assert!(r.error().contains("文件过大"), "{r:?}");
    survives(&server, &token, &id);
}

/// Not an attack: the findings CSV the page downloads, as a clerk opens it, names each rule in
/// Chinese, the rule's id kept in its last column.
#[test]
fn the_findings_csv_names_rules_in_chinese_and_keeps_their_id_last() {
    let server = start(&[], &[]);
    let token = open_page(&server);
    let id = batch_with_a_ledger(&server, &token);
    let r = measures(&server, &token, &id);
    assert_eq!(r.status, 200, "{r:?}");
    let path = format!("/api/jobs/{id}/download/findings?token={token}");
    let r = send(
        &server,
        "GET",
        &path,
        &[("Sec-Fetch-Site", "same-origin")],
        b"",
    );
    assert_eq!(r.status, 200, "{:?}", String::from_utf8_lossy(&r.body));
    let body = r
        .body
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("a BOM for Excel");
    let mut rows = csv::Reader::from_reader(body);
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[1], "规则");
    assert_eq!(header.last().map(String::as_str), Some("规则ID"));
    let mut seen = 0;
    for row in rows.records() {
        let row = row.unwrap();
        let rule = taizhang::finding::Rule::from_id(&row[row.len() - 1])
            .unwrap_or_else(|| panic!("no rule id last: {row:?}"));
        assert_eq!(
            &row[1],
            taizhang::messages::findings::rule_name(rule, Lang::Zh)
        );
        assert!(!row[1].is_ascii(), "{row:?}");
        seen += 1;
    }
    // 北安社区's ledger: an overdue measure, an empty cell, a skipped sheet at least.
    assert!(seen >= 3, "{seen} findings");
}

/// `--open` hands the page's own address, and only it, to the desktop's opener (`xdg-open`
/// here, a stand-in that writes down what it was given); the page is served meanwhile.
#[cfg(target_os = "linux")]
#[test]
fn open_hands_the_pages_address_to_the_desktops_opener() {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().unwrap();
    let opener = bin.path().join("xdg-open");
    std::fs::write(
        &opener,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.args.tmp\"\nmv \"$0.args.tmp\" \"$0.args\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let server = start(&[("PATH", path.as_str())], &["--open"]);
    let args = bin.path().join("xdg-open.args");
    // Bounded only so that a broken build cannot hang the suite.
    let give_up = Instant::now() + Duration::from_secs(60);
    while !args.exists() {
        assert!(Instant::now() < give_up, "the opener was never run");
        std::thread::sleep(Duration::from_millis(20));
    }
    let given = std::fs::read_to_string(&args).unwrap();
    assert_eq!(given, format!("http://{}/\n", server.addr));
    assert_eq!(
        open_page(&server).len(),
        64,
        "the page is served, with its token"
    );
}

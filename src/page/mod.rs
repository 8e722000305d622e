//! The page for clerks who never open a terminal (`taizhang serve`): drop the ledgers (files or
//! a whole folder), see the units' counters, the findings by unit with file, sheet and cell, the
//! columns each ledger was read from (and correct them, saved as a configuration file the
//! command line reads), and download the consolidated workbook, the drafted report, the lists
//! by unit and the findings; a second tab verifies a consolidated workbook.
//!
//! An adapter like the command line: every answer comes from the use cases of [`crate::run`]
//! (`check_json`, `merge`, `report`, `split`, `verify`), the request turned into their typed
//! requests and their results into JSON or a download. The server is axum (the tokio
//! project's HTTP framework: maintained, streams request bodies, so an upload goes to disk as
//! it arrives) on 127.0.0.1 only, unless the request names another address. The page is one
//! HTML file with its CSS and JavaScript, embedded in the binary: nothing is fetched from
//! outside. Uploads go to a private temporary folder (0700, files 0600), one per batch,
//! removed when the batch is an hour old, when its page holds more than `MAX_JOBS_PER_PAGE`,
//! and when the server stops.
//!
//! Only the page talks to the server: the `guard` module checks `Host`, `Origin`, the page's
//! token and the access token, and sets the headers and the timeouts. A batch is its page's:
//! another page's token cannot reach it, and no page evicts another's batches.
//!
//! ```no_run
//! use taizhang::{Lang, page::{self, ServeRequest}};
//! // The page on this machine, port 8765, opened in the browser; runs until interrupted.
//! let req = ServeRequest {
//!     addr: "127.0.0.1:8765".parse().unwrap(),
//!     any_port_if_taken: false,
//!     open: true,
//!     lang: Lang::Zh,
//! };
//! page::serve(&req)?;
//! # Ok::<(), page::PageError>(())
//! ```

mod guard;

use crate::Lang;
use crate::config::{ConfigFile, Settings};
use crate::messages::serve::{Refusal, Says};
use crate::run::{self, Inputs};
use axum::body::Body;
use axum::extract::{Extension, Path as UrlPath, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Router, middleware};
use futures_util::StreamExt;
use guard::{Guard, Limits, Session};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

/// The page, with `{{LANG}}` for the language it opens in.
const PAGE: &str = include_str!("page.html");

/// The largest file a batch may hold.
pub(crate) const MAX_FILE: u64 = 256 << 20;
/// The most a batch may hold in all.
pub(crate) const MAX_BATCH: u64 = 2 << 30;
/// The most files a batch may hold.
pub(crate) const MAX_FILES: usize = 20_000;
/// The most batches a page keeps (its oldest goes first when it starts another).
pub(crate) const MAX_JOBS_PER_PAGE: usize = 4;
/// The most batches kept at once, all pages together (beyond it a new batch is refused: no
/// page's batch is evicted for another's).
pub(crate) const MAX_JOBS: usize = 256;
/// The largest body of a check (the day and the page's column corrections).
const MAX_CHECK_BODY: usize = 1 << 20;
/// How long a batch is kept after it was last used.
const KEEP: Duration = Duration::from_secs(3600);

/// What the page is served on, and how.
#[derive(Debug, Clone)]
pub struct ServeRequest {
    /// The address and port to listen on. An address other than loopback lets other machines
    /// reach the page, and with it every ledger uploaded to it: an access token is then made,
    /// printed once in the address to open, and required on every request. Port 0: any free
    /// port (the address is printed).
    pub addr: SocketAddr,
    /// Any free port when the port asked for is taken (the program double-clicked a second
    /// time).
    pub any_port_if_taken: bool,
    /// Open the page in the default browser.
    pub open: bool,
    /// The language of the page and of what the server says, unless a request asks for another.
    pub lang: Lang,
}

/// Why the page's server did not start, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// A limit in the environment (`TAIZHANG_SERVE_…`) is not a positive whole number.
    #[error("{}", crate::messages::serve::bad_limit(var, value, Lang::En))]
    BadLimit {
        /// The variable.
        var: &'static str,
        /// What it holds.
        value: String,
    },
    /// The address cannot be listened on (a port taken, an address not this machine's).
    #[error("{}", Says::CannotListen { addr: addr.clone(), cause }.text(Lang::En))]
    CannotListen {
        /// The address.
        addr: String,
        /// Why.
        cause: std::io::Error,
    },
    /// On an address other than loopback, no access token could be made.
    #[error("{}", crate::messages::serve::no_access_token(&.0.to_string(), Lang::En))]
    NoAccessToken(getrandom::Error),
    /// The server's runtime, its uploads' folder or its connections failed.
    #[error("{}", crate::messages::errors::io_error(.0, Lang::En))]
    Io(#[from] std::io::Error),
}

impl PageError {
    /// The failure in a language.
    ///
    /// ```
    /// use taizhang::{Lang, page::PageError};
    /// let e = PageError::BadLimit { var: "TAIZHANG_SERVE_MAX_CONNECTIONS", value: "x".into() };
    /// assert!(e.said(Lang::Zh).contains("TAIZHANG_SERVE_MAX_CONNECTIONS"));
    /// ```
    pub fn said(&self, lang: Lang) -> String {
        match self {
            PageError::BadLimit { var, value } => {
                crate::messages::serve::bad_limit(var, value, lang)
            }
            PageError::CannotListen { addr, cause } => Says::CannotListen {
                addr: addr.clone(),
                cause,
            }
            .text(lang),
            PageError::NoAccessToken(e) => {
                crate::messages::serve::no_access_token(&e.to_string(), lang)
            }
            PageError::Io(e) => crate::messages::errors::io_error(e, lang),
        }
    }
}

/// One batch of uploaded files: its folder and what it holds.
struct Job {
    dir: tempfile::TempDir,
    /// The session of the page that made it.
    owner: String,
    bytes: u64,
    files: usize,
    used: Instant,
    /// The settings of the last check (as-of date, configuration), for the downloads.
    settings: Option<Settings>,
}

/// The server's state: the batches by id.
struct App {
    jobs: Mutex<HashMap<String, Job>>,
    /// The folder of every batch's folder.
    root: tempfile::TempDir,
    lang: Lang,
    guard: Arc<Guard>,
    limits: Limits,
}

impl App {
    /// Runs `f` on a batch of the page's, marking it used; the page's error when there is no
    /// such batch or it is another page's.
    fn with_job<T>(
        &self,
        id: &str,
        page: &Session,
        lang: Lang,
        f: impl FnOnce(&mut Job) -> T,
    ) -> Result<T, Failure> {
        let mut jobs = self.jobs.lock().unwrap_or_else(|p| p.into_inner());
        let job = jobs.get_mut(id).ok_or_else(|| no_job(lang))?;
        if job.owner != page.0 {
            return Err(refusal(Refusal::OtherPage, lang));
        }
        job.used = Instant::now();
        Ok(f(job))
    }
}

/// Removes batches' folders off the server's threads, after the table is unlocked: a batch of
/// 20,000 files takes seconds to delete.
fn remove_later(gone: Vec<Job>) {
    if !gone.is_empty() {
        tokio::task::spawn_blocking(move || drop(gone));
    }
}

/// A folder only its owner can enter (0700 whatever the umask), removed when dropped.
fn private_dir(prefix: &str, parent: Option<&Path>) -> std::io::Result<tempfile::TempDir> {
    let mut b = tempfile::Builder::new();
    b.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o700));
    }
    let dir = match parent {
        Some(p) => b.tempdir_in(p)?,
        None => b.tempdir()?,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(dir)
}

/// The language of a request: `?lang=` if it says, else the server's.
#[derive(Debug, serde::Deserialize, Default)]
struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    fn lang(&self, default: Lang) -> Lang {
        match self.lang.as_deref() {
            Some("en") => Lang::En,
            Some("zh") => Lang::Zh,
            _ => default,
        }
    }
}

/// An error as the page shows it: a status and a message in the request's language.
struct Failure(StatusCode, String);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.1 }).to_string();
        (
            self.0,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body,
        )
            .into_response()
    }
}

/// A use case's error, said as the command line says it.
fn said(e: run::RunError, lang: Lang) -> String {
    e.said(lang)
}

fn refusal(r: Refusal, lang: Lang) -> Failure {
    Failure(guard::status_of(r), r.text(lang))
}

fn no_job(lang: Lang) -> Failure {
    Failure(StatusCode::NOT_FOUND, Says::NoBatch.text(lang))
}

/// Serves the page until the program is interrupted (Ctrl+C, which removes the uploads).
/// Says on standard output where the page is, and on standard error when it can be reached
/// from other machines.
pub fn serve(req: &ServeRequest) -> Result<(), PageError> {
    let lang = req.lang;
    if !req.addr.ip().is_loopback() {
        let ip = req.addr.ip().to_string();
        eprintln!("{}", Says::ListensOpenly { ip }.text(lang));
    }
    let limits = Limits::from_env()?;
    // Whatever the umask, what the server writes (uploads, the workbooks made for download) is
    // its user's alone.
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file mode mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(listen(req, limits))
}

async fn listen(req: &ServeRequest, limits: Limits) -> Result<(), PageError> {
    let (addr, lang) = (req.addr, req.lang);
    let mut bound = tokio::net::TcpListener::bind(addr).await;
    if bound.is_err() && req.any_port_if_taken {
        bound = tokio::net::TcpListener::bind(SocketAddr::new(addr.ip(), 0)).await;
    }
    let listener = bound.map_err(|cause| PageError::CannotListen {
        addr: addr.to_string(),
        cause,
    })?;
    let local = listener.local_addr()?;
    let guard = Arc::new(Guard::new(local, lang).map_err(PageError::NoAccessToken)?);
    let url = match guard.access() {
        Some(token) => format!("http://{local}/?access={token}"),
        None => format!("http://{local}/"),
    };
    if guard.access().is_some() {
        println!("{}", crate::messages::serve::access_line(&url, lang));
    } else {
        println!("{}", crate::messages::run::page_started(&url, lang));
    }
    let root = private_dir("taizhang-page-", None)?;
    crate::write::remove_on_interrupt(root.path());
    let app = Arc::new(App {
        jobs: Mutex::new(HashMap::new()),
        lang,
        guard: guard.clone(),
        limits,
        root,
    });
    // Batches not used for an hour are removed (their folders once the table is unlocked).
    let sweeper = app.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            let gone: Vec<Job> = {
                let mut jobs = sweeper.jobs.lock().unwrap_or_else(|p| p.into_inner());
                let old: Vec<String> = jobs
                    .iter()
                    .filter(|(_, j)| j.used.elapsed() >= KEEP)
                    .map(|(k, _)| k.clone())
                    .collect();
                old.iter().filter_map(|k| jobs.remove(k)).collect()
            };
            remove_later(gone);
        }
    });
    let router = Router::new()
        .route("/", get(page))
        .route("/api/jobs", post(new_job))
        .route("/api/jobs/{id}/files", put(upload))
        .route("/api/jobs/{id}/check", post(check))
        .route("/api/jobs/{id}/verify", post(verify))
        .route("/api/jobs/{id}/download/{kind}", get(download))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .with_state(app.clone())
        .layer(middleware::from_fn_with_state(guard, guard::middleware));
    if req.open {
        open_browser(&url);
    }
    // Ctrl+C ends the program (main's handler), removing the uploads' folder on the way.
    guard::serve(listener, router, limits).await?;
    Ok(())
}

/// Opens the page in the default browser, as the desktop does (the `opener` crate: ShellExecute
/// on Windows, `open` on macOS, `xdg-open` elsewhere), off the server's threads: the page is
/// served while the browser starts. Without a browser, the address on standard error.
fn open_browser(url: &str) {
    let url = url.to_string();
    tokio::task::spawn_blocking(move || {
        if opener::open(&url).is_err() {
            eprintln!("{url}");
        }
    });
}

/// The page, with its own token (its session), the access token it was opened with (an
/// office network's), and the nonce its script runs by.
async fn page(State(app): State<Arc<App>>, Query(q): Query<LangQuery>) -> Response {
    let lang = q.lang(app.lang);
    let (token, nonce) = match (app.guard.mint(), guard::random::<16>()) {
        (Ok(t), Ok(n)) => (t, guard::hex(&n)),
        (Err(e), _) | (_, Err(e)) => {
            return Failure(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response();
        }
    };
    let html = PAGE
        .replace("{{LANG}}", lang.pick("zh", "en"))
        .replace("{{TOKEN}}", &token)
        .replace("{{ACCESS}}", app.guard.access().unwrap_or(""))
        .replace("{{NONCE}}", &nonce);
    let mut r = Html(html).into_response();
    if let Ok(v) = HeaderValue::from_str(&guard::page_policy(&nonce)) {
        r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    r
}

async fn new_job(
    State(app): State<Arc<App>>,
    Extension(page): Extension<Session>,
    Query(q): Query<LangQuery>,
) -> Response {
    let lang = q.lang(app.lang);
    let id = match guard::random::<16>() {
        Ok(b) => guard::hex(&b),
        Err(e) => return Failure(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    };
    let dir = match private_dir("batch-", Some(app.root.path())) {
        Ok(d) => d,
        Err(e) => {
            return Failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                Says::NoTemporaryFolder(&e).text(lang),
            )
            .into_response();
        }
    };
    // Room: the page's own oldest batches make way (their folders removed once the table is
    // unlocked); no other page's do. A full server refuses.
    let mut jobs = app.jobs.lock().unwrap_or_else(|p| p.into_inner());
    let mut own: Vec<(Instant, String)> = jobs
        .iter()
        .filter(|(_, j)| j.owner == page.0)
        .map(|(k, j)| (j.used, k.clone()))
        .collect();
    own.sort();
    let over = (own.len() + 1).saturating_sub(MAX_JOBS_PER_PAGE);
    let gone: Vec<Job> = own
        .iter()
        .take(over)
        .filter_map(|(_, k)| jobs.remove(k))
        .collect();
    if jobs.len() >= MAX_JOBS {
        drop(jobs);
        remove_later(gone);
        drop(dir);
        return refusal(Refusal::Full, lang).into_response();
    }
    jobs.insert(
        id.clone(),
        Job {
            dir,
            owner: page.0,
            bytes: 0,
            files: 0,
            used: Instant::now(),
            settings: None,
        },
    );
    drop(jobs);
    remove_later(gone);
    axum::Json(serde_json::json!({ "id": id })).into_response()
}

/// Where an uploaded file goes, from the path the page gives (relative, `/`-separated): the
/// kind's folder of the batch, then the path's plain parts. `None` for a path that would leave
/// the folder (`..`, an absolute path, a drive) or names nothing.
fn upload_path(root: &Path, kind: &str, path: &str) -> Option<PathBuf> {
    let folder = match kind {
        "input" => "in",
        "workbook" => "workbook",
        "source" => "sources",
        _ => return None,
    };
    let mut out = root.join(folder);
    let mut parts = 0;
    for part in path.split(['/', '\\']) {
        if part.is_empty() || part == "." {
            continue;
        }
        let c = Path::new(part).components().next()?;
        if !matches!(c, Component::Normal(_)) || part.contains(':') || part.contains('\0') {
            return None;
        }
        out.push(part);
        parts += 1;
        if parts > 32 {
            return None;
        }
    }
    (parts > 0).then_some(out)
}

#[derive(Debug, serde::Deserialize)]
struct UploadQuery {
    path: String,
    #[serde(default = "input_kind")]
    kind: String,
    lang: Option<String>,
}

fn input_kind() -> String {
    "input".into()
}

async fn upload(
    State(app): State<Arc<App>>,
    Extension(page): Extension<Session>,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<UploadQuery>,
    headers: axum::http::HeaderMap,
    body: Body,
) -> Response {
    let lang = LangQuery {
        lang: q.lang.clone(),
    }
    .lang(app.lang);
    let (root, files) =
        match app.with_job(&id, &page, lang, |j| (j.dir.path().to_path_buf(), j.files)) {
            Ok(v) => v,
            Err(f) => return f.into_response(),
        };
    // A body announced larger than a file may be is refused before a byte of it is read.
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_FILE) {
        return too_large(lang).into_response();
    }
    if files >= MAX_FILES {
        return Failure(
            StatusCode::PAYLOAD_TOO_LARGE,
            Says::TooManyFiles(MAX_FILES).text(lang),
        )
        .into_response();
    }
    let Some(target) = upload_path(&root, &q.kind, &q.path) else {
        return Failure(
            StatusCode::BAD_REQUEST,
            Says::BadFileName(&q.path).text(lang),
        )
        .into_response();
    };
    match receive(&app, &id, &page, &target, body, lang).await {
        Ok((n, batch)) => {
            axum::Json(serde_json::json!({ "bytes": n, "batch_bytes": batch })).into_response()
        }
        Err(f) => {
            let _ = tokio::fs::remove_file(&target).await;
            f.into_response()
        }
    }
}

fn too_large(lang: Lang) -> Failure {
    Failure(
        StatusCode::PAYLOAD_TOO_LARGE,
        Says::TooLarge {
            file_mb: MAX_FILE >> 20,
            batch_gb: MAX_BATCH >> 30,
        }
        .text(lang),
    )
}

/// Writes a request's body to `target` as it arrives (a file only its owner reads, in folders
/// only its owner enters), within the limits of a file and of the batch, giving up when the
/// body stalls. The bytes of a file refused are not counted against the batch. The file's
/// bytes, and the batch's after it.
async fn receive(
    app: &App,
    id: &str,
    page: &Session,
    target: &Path,
    body: Body,
    lang: Lang,
) -> Result<(u64, u64), Failure> {
    let io = |e: std::io::Error| {
        Failure(
            StatusCode::INTERNAL_SERVER_ERROR,
            Says::CannotStore(&e).text(lang),
        )
    };
    if let Some(parent) = target.parent() {
        let mut folders = tokio::fs::DirBuilder::new();
        folders.recursive(true);
        #[cfg(unix)]
        folders.mode(0o700);
        folders.create(parent).await.map_err(io)?;
    }
    // A file sent again replaces the one before: its bytes no longer count.
    let before = tokio::fs::symlink_metadata(target)
        .await
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    options.mode(0o600);
    let mut file = options.open(target).await.map_err(io)?;
    if let Some(old) = before {
        app.with_job(id, page, lang, |j| {
            j.bytes = j.bytes.saturating_sub(old);
            j.files = j.files.saturating_sub(1);
        })?;
    }
    let mut counted: u64 = 0;
    let result = write_body(app, id, page, &mut file, body, lang, &mut counted).await;
    if result.is_err() && counted > 0 {
        let _ = app.with_job(id, page, lang, |j| {
            j.bytes = j.bytes.saturating_sub(counted)
        });
    }
    let n = result?;
    file.flush().await.map_err(io)?;
    let batch = app.with_job(id, page, lang, |j| {
        j.files += 1;
        j.bytes
    })?;
    Ok((n, batch))
}

/// The body into `file`, chunk by chunk, each counted against the batch in `counted`.
async fn write_body(
    app: &App,
    id: &str,
    page: &Session,
    file: &mut tokio::fs::File,
    body: Body,
    lang: Lang,
    counted: &mut u64,
) -> Result<u64, Failure> {
    let io = |e: std::io::Error| {
        Failure(
            StatusCode::INTERNAL_SERVER_ERROR,
            Says::CannotStore(&e).text(lang),
        )
    };
    let mut stream = body.into_data_stream();
    let mut n: u64 = 0;
    loop {
        let next = tokio::time::timeout(app.limits.body, stream.next()).await;
        let Ok(next) = next else {
            let ms = u64::try_from(app.limits.body.as_millis()).unwrap_or(u64::MAX);
            return Err(refusal(Refusal::Stalled { ms }, lang));
        };
        let Some(chunk) = next else {
            break;
        };
        let chunk = chunk.map_err(|e| {
            Failure(
                StatusCode::BAD_REQUEST,
                Says::UploadBroke(e.to_string()).text(lang),
            )
        })?;
        n += chunk.len() as u64;
        let len = chunk.len() as u64;
        let over_batch = app.with_job(id, page, lang, |j| {
            j.bytes += len;
            j.bytes > MAX_BATCH
        })?;
        *counted += len;
        if n > MAX_FILE || over_batch {
            return Err(too_large(lang));
        }
        file.write_all(&chunk).await.map_err(io)?;
    }
    Ok(n)
}

/// The inputs of a batch's folder, named as the page showed them (below the folder), and the
/// files skipped. Every file uploaded is taken as a folder walk takes it: Excel's lock files
/// (`~$…`), hidden files and files that are no spreadsheet (`expected.json`, `说明.txt`) are
/// skipped and listed, not read and said to be unreadable; each folder dropped is walked.
fn batch_inputs(root: &Path, settings: &Settings) -> (Vec<crate::source::Input>, Vec<String>) {
    let mut given: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    given.sort();
    let mut skipped = Vec::new();
    passed_over(root, root, 0, &mut skipped);
    skipped.sort();
    given.retain(|p| {
        p.is_dir()
            || p.file_name()
                .is_some_and(|n| crate::source::is_candidate_name(&n.to_string_lossy()))
    });
    let mut inputs = crate::source::discover(&given);
    let prefix = format!("{}/", crate::source::display_path(root));
    for i in &mut inputs {
        if let Some(rest) = i.display.strip_prefix(&prefix) {
            i.display = rest.to_string();
        }
    }
    crate::pipeline::screen(
        &mut inputs,
        settings,
        crate::pipeline::default_threads(),
        true,
    );
    (inputs, skipped)
}

/// The files below `dir` a folder walk passes over, named below `root`.
fn passed_over(root: &Path, dir: &Path, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() && depth < 32 {
            passed_over(root, &path, depth + 1, out);
        } else if kind.is_file()
            && !crate::source::is_candidate_name(&e.file_name().to_string_lossy())
        {
            let shown = path.strip_prefix(root).unwrap_or(&path);
            out.push(crate::source::display_path(shown));
        }
    }
}

#[derive(Debug, serde::Deserialize, Default)]
struct CheckBody {
    /// `YYYY-MM-DD` (or any form `--as-of` takes).
    as_of: Option<String>,
    /// A configuration file's text (the page's column corrections).
    config: Option<String>,
    /// The text of a configuration file the clerk chose (`taizhang.toml`); the corrections
    /// go over it.
    config_file: Option<String>,
    /// The unit that compiles the workbook (`--unit`).
    unit: Option<String>,
    /// The paper: `a4` or `a3` (`--paper`).
    paper: Option<String>,
    /// Read ledgers on hidden sheets too (`--include-hidden`).
    include_hidden: Option<bool>,
}

/// Runs blocking work (reading, writing) off the server's threads; a panic inside is an
/// error for the page, not the server's end.
async fn blocking<T: Send + 'static>(
    lang: Lang,
    f: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, Failure> {
    let failed = |m: String| Failure(StatusCode::UNPROCESSABLE_ENTITY, m);
    match tokio::task::spawn_blocking(move || crate::crash::contain(f)).await {
        Ok(Ok(Ok(v))) => Ok(v),
        Ok(Ok(Err(m))) => Err(failed(m)),
        Ok(Err(panic)) => Err(failed(panic_text(lang, &panic))),
        Err(e) => Err(failed(panic_text(lang, &e.to_string()))),
    }
}

fn panic_text(lang: Lang, detail: &str) -> String {
    Says::Internal(detail).text(lang)
}

/// The settings of a check: the configuration's (the page's corrections), the day, the
/// language.
fn settings_of(body: &CheckBody, lang: Lang) -> Result<Settings, String> {
    let parse = |text: Option<&str>| -> Result<Option<ConfigFile>, String> {
        match text.filter(|c| !c.trim().is_empty()) {
            Some(text) => ConfigFile::parse(text)
                .map(Some)
                .map_err(|m| Says::BadConfiguration(&m).text(lang)),
            None => Ok(None),
        }
    };
    let chosen = parse(body.config_file.as_deref())?;
    let corrections = parse(body.config.as_deref())?;
    let config = match (chosen, corrections) {
        (Some(mut c), Some(k)) => {
            // The page's corrections come first: a file's own columns before the file's.
            let mut files = k.columns.files;
            files.append(&mut c.columns.files);
            c.columns.files = files;
            c.columns.fields.extend(k.columns.fields);
            c
        }
        (Some(c), None) | (None, Some(c)) => c,
        (None, None) => ConfigFile::default(),
    };
    let today = chrono::Local::now().date_naive();
    let mut s = Settings::from_config(config, today);
    if let Some(d) = body.as_of.as_deref().filter(|d| !d.is_empty()) {
        s.as_of = crate::value::text::parse_day(d).ok_or_else(|| Says::NotADay(d).text(lang))?;
    }
    s.lang = lang;
    if let Some(unit) = body
        .unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        s.compiler = Some(unit.to_string());
    }
    if body.paper.as_deref() == Some("a3") {
        s.paper = crate::config::Paper::A3;
    }
    if body.include_hidden == Some(true) {
        s.include_hidden = true;
    }
    Ok(s)
}

/// A small body whole (at most `limit` bytes), giving up when it stalls.
async fn read_small(app: &App, body: Body, limit: usize, lang: Lang) -> Result<Vec<u8>, Failure> {
    let mut stream = body.into_data_stream();
    let mut out = Vec::new();
    loop {
        let Ok(next) = tokio::time::timeout(app.limits.body, stream.next()).await else {
            let ms = u64::try_from(app.limits.body.as_millis()).unwrap_or(u64::MAX);
            return Err(refusal(Refusal::Stalled { ms }, lang));
        };
        match next {
            None => return Ok(out),
            Some(Err(_)) => return Err(refusal(Refusal::BadRequest, lang)),
            Some(Ok(chunk)) => {
                if out.len() + chunk.len() > limit {
                    return Err(refusal(Refusal::TooLarge, lang));
                }
                out.extend_from_slice(&chunk);
            }
        }
    }
}

async fn check(
    State(app): State<Arc<App>>,
    Extension(page): Extension<Session>,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<LangQuery>,
    body: Body,
) -> Response {
    let lang = q.lang(app.lang);
    let root = match app.with_job(&id, &page, lang, |j| j.dir.path().join("in")) {
        Ok(r) => r,
        Err(f) => return f.into_response(),
    };
    let body: CheckBody = match read_small(&app, body, MAX_CHECK_BODY, lang).await {
        Ok(b) if b.iter().all(u8::is_ascii_whitespace) => CheckBody::default(),
        Ok(b) => match serde_json::from_slice(&b) {
            Ok(b) => b,
            Err(_) => return refusal(Refusal::Unprocessable, lang).into_response(),
        },
        Err(f) => return f.into_response(),
    };
    let settings = match settings_of(&body, lang) {
        Ok(s) => s,
        Err(m) => return Failure(StatusCode::BAD_REQUEST, m).into_response(),
    };
    let stated = body.as_of.as_deref().is_some_and(|d| !d.is_empty());
    let s = settings;
    let result = blocking(lang, move || {
        if !root.is_dir() {
            return Err(Says::NothingUploaded.text(lang));
        }
        let (inputs, skipped) = batch_inputs(&root, &s);
        let mut s = s;
        // A consolidated workbook's own day, when the page names none.
        run::judge_on_recorded_day(&mut s, &inputs, stated);
        let req = run::CheckRequest {
            inputs: Inputs::Found(inputs),
            settings: s,
        };
        let mut out = Vec::new();
        let tally = run::check::check_json(&req, &mut out).map_err(|e| said(e, lang))?;
        run::require_ledgers(&tally, &req.settings).map_err(|e| said(e, lang))?;
        let check = serde_json::from_slice::<serde_json::Value>(&out).map_err(|e| e.to_string())?;
        Ok((check, skipped, req.settings))
    })
    .await;
    match result {
        Ok((check, skipped, settings)) => {
            let _ = app.with_job(&id, &page, lang, |j| j.settings = Some(settings));
            // The rules by their names (the ids stay in the check's JSON).
            let rule_names: serde_json::Map<String, serde_json::Value> = crate::finding::Rule::ALL
                .iter()
                .map(|r| {
                    let name = crate::messages::findings::rule_name(*r, lang);
                    (r.id().to_string(), name.into())
                })
                .collect();
            axum::Json(serde_json::json!({
                "check": check,
                "skipped": skipped,
                "rule_names": rule_names,
            }))
            .into_response()
        }
        Err(f) => f.into_response(),
    }
}

/// What a download is: its file name (with the as-of date) and its content type.
fn download_name(
    kind: &str,
    as_of: chrono::NaiveDate,
    lang: Lang,
) -> Option<(String, &'static str)> {
    let day = as_of.format("%Y-%m-%d");
    let (zh, en, ext, mime) = match kind {
        "workbook" => (
            "汇总",
            "consolidated",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "report" => (
            "整改报告",
            "report",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "split" => ("分单位清单", "lists", "zip", "application/zip"),
        "findings" => ("检查结果", "findings", "csv", "text/csv; charset=utf-8"),
        _ => return None,
    };
    Some((format!("{}_{day}.{ext}", lang.pick(zh, en)), mime))
}

async fn download(
    State(app): State<Arc<App>>,
    Extension(page): Extension<Session>,
    UrlPath((id, kind)): UrlPath<(String, String)>,
    Query(q): Query<LangQuery>,
) -> Response {
    let lang = q.lang(app.lang);
    let (root, settings) = match app.with_job(&id, &page, lang, |j| {
        (j.dir.path().to_path_buf(), j.settings.clone())
    }) {
        Ok(v) => v,
        Err(f) => return f.into_response(),
    };
    let Some(settings) = settings else {
        return Failure(StatusCode::BAD_REQUEST, Says::CheckFirst.text(lang)).into_response();
    };
    let Some((name, mime)) = download_name(&kind, settings.as_of, lang) else {
        return Failure(StatusCode::NOT_FOUND, Says::NoSuchDownload.text(lang)).into_response();
    };
    let out_dir = root.join("out");
    let file = out_dir.join(&name);
    let made = blocking(lang, move || {
        let err = |e: run::RunError| said(e, lang);
        std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
        let inputs = Inputs::Found(batch_inputs(&root.join("in"), &settings).0);
        match kind.as_str() {
            "workbook" => {
                run::merge(&run::MergeRequest::new(inputs, &file, settings)).map_err(err)?;
            }
            "report" => {
                let req = run::ReportRequest {
                    inputs,
                    output: file.clone(),
                    publisher: settings.compiler.clone(),
                    title: None,
                    chart: true,
                    settings,
                };
                run::report::report(&req).map_err(err)?;
            }
            "split" => {
                let folder = out_dir.join("lists");
                let _ = std::fs::remove_dir_all(&folder);
                let req = run::SplitRequest {
                    inputs,
                    folder,
                    return_by: None,
                    settings,
                };
                let split = run::split::split(&req).map_err(err)?;
                let files: Vec<PathBuf> = split.lists.into_iter().map(|l| l.path).collect();
                zip_files(&files, &file)?;
            }
            _ => {
                let mut csv = Vec::new();
                let req = run::CheckRequest { inputs, settings };
                run::check::check_csv(&req, lang, &mut csv).map_err(err)?;
                std::fs::write(&file, csv).map_err(|e| e.to_string())?;
            }
        }
        Ok(file)
    })
    .await;
    let file = match made {
        Ok(f) => f,
        Err(f) => return f.into_response(),
    };
    let bytes = match tokio::fs::read(&file).await {
        Ok(b) => b,
        Err(e) => {
            return Failure(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response();
        }
    };
    let _ = tokio::fs::remove_file(&file).await;
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        ascii_name(&name),
        percent(&name)
    );
    let mut r = Response::new(Body::from(bytes));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// A file name in ASCII, for browsers that do not read `filename*`.
fn ascii_name(name: &str) -> String {
    let ext = name.rsplit('.').next().unwrap_or("bin");
    format!("taizhang.{ext}")
}

/// Percent-encoding of a header value's UTF-8 (RFC 5987): all but letters, digits and `-._~`.
fn percent(s: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    utf8_percent_encode(s, KEEP).to_string()
}

/// The lists in one zip file, each under its own name.
fn zip_files(files: &[PathBuf], out: &Path) -> Result<(), String> {
    let f = std::fs::File::create(out).map_err(|e| e.to_string())?;
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for p in files {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        z.start_file(name, opts).map_err(|e| e.to_string())?;
        let mut src = std::fs::File::open(p).map_err(|e| e.to_string())?;
        std::io::copy(&mut src, &mut z).map_err(|e| e.to_string())?;
    }
    z.finish().map_err(|e| e.to_string())?;
    Ok(())
}

async fn verify(
    State(app): State<Arc<App>>,
    Extension(page): Extension<Session>,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Response {
    let lang = q.lang(app.lang);
    let root = match app.with_job(&id, &page, lang, |j| j.dir.path().to_path_buf()) {
        Ok(r) => r,
        Err(f) => return f.into_response(),
    };
    let result = blocking(lang, move || {
        let workbook = std::fs::read_dir(root.join("workbook"))
            .ok()
            .and_then(|mut d| d.find_map(|e| e.ok().map(|e| e.path())))
            .ok_or_else(|| Says::NoWorkbook.text(lang))?;
        let sources: Vec<PathBuf> = Some(root.join("sources"))
            .filter(|p| p.is_dir())
            .into_iter()
            .collect();
        let mut req = run::VerifyRequest::new(workbook);
        req.sources = sources;
        req.lang = Some(lang);
        let v = run::verify::verify(&req).map_err(|e| said(e, lang))?;
        let follows = v.workbook.meta.follows.as_deref();
        let text = crate::output::json::verdict(&v.verdict, follows, lang);
        serde_json::from_str::<serde_json::Value>(&text).map_err(|e| e.to_string())
    })
    .await;
    match result {
        Ok(v) => axum::Json(serde_json::json!({ "verify": v })).into_response(),
        Err(f) => f.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_stay_inside_their_folder() {
        let root = Path::new("/batch");
        assert_eq!(
            upload_path(root, "input", "各社区/庆利社区.xlsx"),
            Some(PathBuf::from("/batch/in/各社区/庆利社区.xlsx"))
        );
        for bad in [
            "../x.xlsx",
            "/etc/passwd",
            "a/../../x",
            "C:\\x.xlsx",
            "",
            "./",
            "a\0b",
        ] {
            let p = upload_path(root, "input", bad);
            assert!(
                p.as_ref().is_none_or(
                    |p| p.starts_with("/batch/in") && !p.to_string_lossy().contains("..")
                ),
                "{bad:?} gave {p:?}"
            );
        }
        assert_eq!(upload_path(root, "input", "../x.xlsx"), None);
        assert_eq!(upload_path(root, "other", "x.xlsx"), None);
    }

    #[test]
    fn download_names_carry_the_day() {
        let d = chrono::NaiveDate::from_ymd_opt(2023, 3, 30).unwrap_or_default();
        assert_eq!(
            download_name("workbook", d, Lang::Zh).map(|n| n.0),
            Some("汇总_2023-03-30.xlsx".to_string())
        );
        assert_eq!(download_name("x", d, Lang::Zh), None);
        assert_eq!(percent("汇总.xlsx"), "%E6%B1%87%E6%80%BB.xlsx");
    }
}

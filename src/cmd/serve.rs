//! `taizhang serve [--port N] [--listen ADDR] [--open]`
//!
//! The page for clerks who never open a terminal: drop the ledgers (files or a whole folder),
//! see the units' counters, the findings by unit with file, sheet and cell, the columns each
//! ledger was read from (and correct them, saved as a configuration file the command line
//! reads), and download the consolidated workbook, the drafted report, the lists by unit and
//! the findings; a second tab verifies a consolidated workbook.
//!
//! A thin shell like the other commands: every answer comes from the same library calls as
//! `check --format json`, `merge`, `report`, `split` and `verify`. The server is axum (the
//! tokio project's HTTP framework: maintained, streams request bodies, so an upload goes to
//! disk as it arrives) on 127.0.0.1 only, unless `--listen` says otherwise. The page is one
//! HTML file with its CSS and JavaScript, embedded in the binary: nothing is fetched from
//! outside. Uploads go to a private temporary folder, one per batch, removed when the batch
//! is an hour old, when the page starts another, and when the server stops.

use crate::cmd::LangArg;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post, put};
use clap::Args;
use futures_util::StreamExt;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use taizhang::Lang;
use taizhang::config::{ConfigFile, Settings};
use tokio::io::AsyncWriteExt;

/// The page, with `{{LANG}}` for the language it opens in.
const PAGE: &str = include_str!("serve_page.html");

/// The largest file a batch may hold.
pub const MAX_FILE: u64 = 256 << 20;
/// The most a batch may hold in all.
pub const MAX_BATCH: u64 = 2 << 30;
/// The most files a batch may hold.
pub const MAX_FILES: usize = 20_000;
/// The most batches kept at once (the oldest go first).
const MAX_JOBS: usize = 16;
/// How long a batch is kept after it was last used.
const KEEP: Duration = Duration::from_secs(3600);

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 8765)]
    pub port: u16,
    /// The address to listen on instead of 127.0.0.1. Another address lets other machines
    /// reach the page, and with it every ledger uploaded to it.
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<IpAddr>,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Language of the page and the messages: zh (default) or en.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// One batch of uploaded files: its folder and what it holds.
struct Job {
    dir: tempfile::TempDir,
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
    counter: std::sync::atomic::AtomicU64,
}

impl App {
    /// Runs `f` on a batch, marking it used; `None` when there is no such batch.
    fn with_job<T>(&self, id: &str, f: impl FnOnce(&mut Job) -> T) -> Option<T> {
        let mut jobs = self.jobs.lock().unwrap_or_else(|p| p.into_inner());
        let job = jobs.get_mut(id)?;
        job.used = Instant::now();
        Some(f(job))
    }

    /// A new id no one can guess: 128 random bits.
    fn new_id(&self) -> String {
        use std::hash::{BuildHasher, Hasher};
        let n = self
            .counter
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut out = String::new();
        for k in 0..2 {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u64(n);
            h.write_u64(k);
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            out.push_str(&format!("{:016x}", h.finish()));
        }
        out
    }
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

fn say(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

fn no_job(lang: Lang) -> Failure {
    Failure(
        StatusCode::NOT_FOUND,
        say(
            lang,
            "这批文件已不在服务器上(超过一小时未用,或服务已重启),请重新拖入文件",
            "this batch of files is gone (unused for an hour, or the server restarted): drop the files again",
        ),
    )
}

/// Runs `taizhang serve`.
pub fn run(args: ServeArgs) -> anyhow::Result<u8> {
    let lang = args
        .lang
        .map_or_else(|| crate::cmd::words::wanted(&[]), Lang::from);
    let ip = args.listen.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    if !ip.is_loopback() {
        eprintln!(
            "{}",
            say(
                lang,
                &format!(
                    "注意:页面在 {ip} 上监听,其他计算机也能打开它并看到上传的台账;只在可信的网络中这样做。"
                ),
                &format!(
                    "warning: the page listens on {ip}: other machines can open it and see the ledgers uploaded; do this only on a network you trust."
                ),
            )
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(SocketAddr::new(ip, args.port), args.open, lang))
}

async fn serve(addr: SocketAddr, open: bool, lang: Lang) -> anyhow::Result<u8> {
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
        anyhow::anyhow!(say(
            lang,
            &format!("无法在 {addr} 上监听:{e}(端口被占用时可用 --port 换一个)"),
            &format!("cannot listen on {addr}: {e} (use --port for another port)"),
        ))
    })?;
    let local = listener.local_addr()?;
    let url = format!("http://{local}/");
    println!(
        "{}",
        say(
            lang,
            &format!("taizhang 页面已启动:{url}(按 Ctrl+C 停止)"),
            &format!("taizhang page at {url} (Ctrl+C stops it)"),
        )
    );
    let root = tempfile::Builder::new()
        .prefix("taizhang-page-")
        .tempdir()?;
    taizhang::write::remove_on_interrupt(root.path());
    let app = Arc::new(App {
        jobs: Mutex::new(HashMap::new()),
        lang,
        counter: Default::default(),
        root,
    });
    // Batches not used for an hour are removed.
    let sweeper = app.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            let mut jobs = sweeper.jobs.lock().unwrap_or_else(|p| p.into_inner());
            jobs.retain(|_, j| j.used.elapsed() < KEEP);
        }
    });
    let router = Router::new()
        .route("/", get(page))
        .route("/api/jobs", post(new_job))
        .route("/api/jobs/{id}/files", put(upload))
        .route("/api/jobs/{id}/check", post(check))
        .route("/api/jobs/{id}/verify", post(verify))
        .route("/api/jobs/{id}/download/{kind}", get(download))
        .with_state(app.clone());
    if open {
        open_browser(&url);
    }
    // Ctrl+C ends the program (main's handler), removing the uploads' folder on the way.
    axum::serve(listener, router).await?;
    Ok(0)
}

/// Opens the page in the default browser, as the desktop does.
fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", "", url]);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(url);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(url);
        c
    };
    if cmd.spawn().is_err() {
        eprintln!("{url}");
    }
}

async fn page(State(app): State<Arc<App>>, Query(q): Query<LangQuery>) -> Html<String> {
    let lang = q.lang(app.lang);
    Html(PAGE.replace("{{LANG}}", lang.pick("zh", "en")))
}

async fn new_job(State(app): State<Arc<App>>, Query(q): Query<LangQuery>) -> Response {
    let lang = q.lang(app.lang);
    let dir = match tempfile::Builder::new()
        .prefix("batch-")
        .tempdir_in(app.root.path())
    {
        Ok(d) => d,
        Err(e) => {
            return Failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                say(
                    lang,
                    &format!("无法创建临时文件夹:{e}"),
                    &format!("cannot make a temporary folder: {e}"),
                ),
            )
            .into_response();
        }
    };
    let id = app.new_id();
    let mut jobs = app.jobs.lock().unwrap_or_else(|p| p.into_inner());
    while jobs.len() >= MAX_JOBS {
        let oldest = jobs
            .iter()
            .min_by_key(|(_, j)| j.used)
            .map(|(k, _)| k.clone());
        match oldest {
            Some(k) => jobs.remove(&k),
            None => break,
        };
    }
    jobs.insert(
        id.clone(),
        Job {
            dir,
            bytes: 0,
            files: 0,
            used: Instant::now(),
            settings: None,
        },
    );
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
    UrlPath(id): UrlPath<String>,
    Query(q): Query<UploadQuery>,
    body: Body,
) -> Response {
    let lang = LangQuery {
        lang: q.lang.clone(),
    }
    .lang(app.lang);
    let Some((root, files)) = app.with_job(&id, |j| (j.dir.path().to_path_buf(), j.files)) else {
        return no_job(lang).into_response();
    };
    if files >= MAX_FILES {
        return Failure(
            StatusCode::PAYLOAD_TOO_LARGE,
            say(
                lang,
                &format!("一次最多上传{MAX_FILES}个文件"),
                &format!("at most {MAX_FILES} files at a time"),
            ),
        )
        .into_response();
    }
    let Some(target) = upload_path(&root, &q.kind, &q.path) else {
        return Failure(
            StatusCode::BAD_REQUEST,
            say(
                lang,
                &format!("文件名不可用:“{}”", q.path),
                &format!("not a usable file name: \"{}\"", q.path),
            ),
        )
        .into_response();
    };
    match receive(&app, &id, &target, body, lang).await {
        Ok(n) => axum::Json(serde_json::json!({ "bytes": n })).into_response(),
        Err(f) => {
            let _ = tokio::fs::remove_file(&target).await;
            f.into_response()
        }
    }
}

/// Writes a request's body to `target` as it arrives, within the limits of a file and of the
/// batch.
async fn receive(
    app: &App,
    id: &str,
    target: &Path,
    body: Body,
    lang: Lang,
) -> Result<u64, Failure> {
    let io = |e: std::io::Error| {
        Failure(
            StatusCode::INTERNAL_SERVER_ERROR,
            say(
                lang,
                &format!("无法保存上传的文件:{e}"),
                &format!("cannot store the upload: {e}"),
            ),
        )
    };
    if let Some(parent) = target.parent() {
        tokio::fs::create_dir_all(parent).await.map_err(io)?;
    }
    let mut file = tokio::fs::File::create(target).await.map_err(io)?;
    let mut stream = body.into_data_stream();
    let mut n: u64 = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            Failure(
                StatusCode::BAD_REQUEST,
                say(
                    lang,
                    &format!("上传中断:{e}"),
                    &format!("the upload broke off: {e}"),
                ),
            )
        })?;
        n += chunk.len() as u64;
        let over_batch = app
            .with_job(id, |j| {
                j.bytes += chunk.len() as u64;
                j.bytes > MAX_BATCH
            })
            .ok_or_else(|| no_job(lang))?;
        if n > MAX_FILE || over_batch {
            return Err(Failure(
                StatusCode::PAYLOAD_TOO_LARGE,
                say(
                    lang,
                    &format!(
                        "文件过大:每个文件最大{} MB,一次合计最多{} GB",
                        MAX_FILE >> 20,
                        MAX_BATCH >> 30
                    ),
                    &format!(
                        "too large: at most {} MB a file and {} GB at a time",
                        MAX_FILE >> 20,
                        MAX_BATCH >> 30
                    ),
                ),
            ));
        }
        file.write_all(&chunk).await.map_err(io)?;
    }
    file.flush().await.map_err(io)?;
    app.with_job(id, |j| j.files += 1);
    Ok(n)
}

/// The inputs of a batch's folder, named as the page showed them (below the folder): each
/// file dropped is an input as a file named on the command line is (one that is no
/// spreadsheet is said to be unreadable), each folder dropped as a folder is (its
/// spreadsheets).
fn batch_inputs(root: &Path, settings: &Settings) -> Vec<taizhang::source::Input> {
    let mut given: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    given.sort();
    let mut inputs = taizhang::source::discover(&given);
    let prefix = format!("{}/", taizhang::source::display_path(root));
    for i in &mut inputs {
        if let Some(rest) = i.display.strip_prefix(&prefix) {
            i.display = rest.to_string();
        }
    }
    taizhang::pipeline::screen(
        &mut inputs,
        settings,
        taizhang::pipeline::default_threads(),
        true,
    );
    inputs
}

#[derive(Debug, serde::Deserialize, Default)]
struct CheckBody {
    /// `YYYY-MM-DD` (or any form `--as-of` takes).
    as_of: Option<String>,
    /// A configuration file's text (the page's column corrections).
    config: Option<String>,
}

/// Runs blocking work (reading, writing) off the server's threads; a panic inside is an
/// error for the page, not the server's end.
async fn blocking<T: Send + 'static>(
    lang: Lang,
    f: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, Failure> {
    let failed = |m: String| Failure(StatusCode::UNPROCESSABLE_ENTITY, m);
    match tokio::task::spawn_blocking(move || taizhang::crash::contain(f)).await {
        Ok(Ok(Ok(v))) => Ok(v),
        Ok(Ok(Err(m))) => Err(failed(m)),
        Ok(Err(panic)) => Err(failed(panic_text(lang, &panic))),
        Err(e) => Err(failed(panic_text(lang, &e.to_string()))),
    }
}

fn panic_text(lang: Lang, detail: &str) -> String {
    say(
        lang,
        &format!("处理时出现内部错误,请连同文件一并反馈({detail})"),
        &format!("an internal error; please report it with the files ({detail})"),
    )
}

/// The settings of a check: the configuration's (the page's corrections), the day, the
/// language.
fn settings_of(body: &CheckBody, lang: Lang) -> Result<Settings, String> {
    let config = match body.config.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(text) => ConfigFile::parse(text).map_err(|m| {
            say(
                lang,
                &format!("配置有误:{m}"),
                &format!("the configuration is wrong: {m}"),
            )
        })?,
        None => ConfigFile::default(),
    };
    let today = chrono::Local::now().date_naive();
    let mut s = Settings::from_config(config, today);
    if let Some(d) = body.as_of.as_deref().filter(|d| !d.is_empty()) {
        s.as_of = taizhang::value::text::parse_day(d).ok_or_else(|| {
            say(
                lang,
                &format!("不是日期:“{d}”"),
                &format!("not a day: \"{d}\""),
            )
        })?;
    }
    s.lang = lang;
    Ok(s)
}

async fn check(
    State(app): State<Arc<App>>,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<LangQuery>,
    body: Option<axum::Json<CheckBody>>,
) -> Response {
    let lang = q.lang(app.lang);
    let body = body.map(|b| b.0).unwrap_or_default();
    let Some(root) = app.with_job(&id, |j| j.dir.path().join("in")) else {
        return no_job(lang).into_response();
    };
    let settings = match settings_of(&body, lang) {
        Ok(s) => s,
        Err(m) => return Failure(StatusCode::BAD_REQUEST, m).into_response(),
    };
    let s = settings.clone();
    let result = blocking(lang, move || {
        if !root.is_dir() {
            return Err(say(lang, "没有上传文件", "no file was uploaded"));
        }
        let inputs = batch_inputs(&root, &s);
        let mut out = Vec::new();
        let tally = crate::cmd::check::json_of(&inputs, &s, &mut out)
            .map_err(|e| crate::cmd::words::error_text(&e, lang))?;
        if tally.ledgers == 0 {
            return Err(crate::cmd::words::error_text(
                &crate::cmd::no_ledger(&tally, &s),
                lang,
            ));
        }
        serde_json::from_slice::<serde_json::Value>(&out).map_err(|e| e.to_string())
    })
    .await;
    match result {
        Ok(check) => {
            app.with_job(&id, |j| j.settings = Some(settings));
            axum::Json(serde_json::json!({ "check": check })).into_response()
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
    UrlPath((id, kind)): UrlPath<(String, String)>,
    Query(q): Query<LangQuery>,
) -> Response {
    let lang = q.lang(app.lang);
    let Some((root, settings)) =
        app.with_job(&id, |j| (j.dir.path().to_path_buf(), j.settings.clone()))
    else {
        return no_job(lang).into_response();
    };
    let Some(settings) = settings else {
        return Failure(
            StatusCode::BAD_REQUEST,
            say(
                lang,
                "请先上传并检查台账",
                "upload and check the ledgers first",
            ),
        )
        .into_response();
    };
    let Some((name, mime)) = download_name(&kind, settings.as_of, lang) else {
        return Failure(
            StatusCode::NOT_FOUND,
            say(lang, "没有这种下载", "no such download"),
        )
        .into_response();
    };
    let out_dir = root.join("out");
    let file = out_dir.join(&name);
    let made = blocking(lang, move || {
        let err = |e: anyhow::Error| crate::cmd::words::error_text(&e, lang);
        std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
        let inputs = batch_inputs(&root.join("in"), &settings);
        match kind.as_str() {
            "workbook" => {
                crate::cmd::merge::merge_inputs(&inputs, &file, None, None, &settings, None, false)
                    .map_err(err)?;
            }
            "report" => {
                crate::cmd::report::draft(&inputs, &file, &settings, None, None, true)
                    .map_err(err)?;
            }
            "split" => {
                let folder = out_dir.join("lists");
                let _ = std::fs::remove_dir_all(&folder);
                let (lists, _) = crate::cmd::split::split_inputs(&inputs, &folder, &settings, None)
                    .map_err(err)?;
                zip_files(
                    &lists.iter().map(|l| l.path.clone()).collect::<Vec<_>>(),
                    &file,
                )?;
            }
            _ => {
                let mut json = Vec::new();
                crate::cmd::check::json_of(&inputs, &settings, &mut json).map_err(err)?;
                findings_csv(&json, &file, lang)?;
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

/// Percent-encoding of a header value's UTF-8 (RFC 5987).
fn percent(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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

/// The findings of `check --format json` as CSV, with a byte-order mark so that Excel reads
/// it as UTF-8.
fn findings_csv(json: &[u8], out: &Path, lang: Lang) -> Result<(), String> {
    let v: serde_json::Value = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = if lang == Lang::Zh {
        ["级别", "规则", "单位", "文件", "工作表", "单元格", "说明"]
    } else {
        [
            "Severity", "Rule", "Unit", "File", "Sheet", "Cell", "Message",
        ]
    };
    w.write_record(header).map_err(|e| e.to_string())?;
    let empty = Vec::new();
    for f in v["findings"].as_array().unwrap_or(&empty) {
        let field = |k: &str| taizhang::convert::csv_safe(f[k].as_str().unwrap_or_default());
        let severity = match (f["severity"].as_str(), lang) {
            (Some("error"), Lang::Zh) => "错误".to_string(),
            (Some("warning"), Lang::Zh) => "警告".to_string(),
            (Some("info"), Lang::Zh) => "提示".to_string(),
            _ => field("severity"),
        };
        w.write_record([
            severity,
            field("rule"),
            field("community"),
            field("file"),
            field("sheet"),
            field("cell"),
            field("message"),
        ])
        .map_err(|e| e.to_string())?;
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(w.into_inner().map_err(|e| e.to_string())?);
    std::fs::write(out, bytes).map_err(|e| e.to_string())
}

async fn verify(
    State(app): State<Arc<App>>,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<LangQuery>,
) -> Response {
    let lang = q.lang(app.lang);
    let Some(root) = app.with_job(&id, |j| j.dir.path().to_path_buf()) else {
        return no_job(lang).into_response();
    };
    let result = blocking(lang, move || {
        let workbook = std::fs::read_dir(root.join("workbook"))
            .ok()
            .and_then(|mut d| d.find_map(|e| e.ok().map(|e| e.path())))
            .ok_or_else(|| {
                say(
                    lang,
                    "没有上传汇总工作簿",
                    "no consolidated workbook was uploaded",
                )
            })?;
        let sources: Vec<PathBuf> = Some(root.join("sources"))
            .filter(|p| p.is_dir())
            .into_iter()
            .collect();
        let limits = taizhang::source::guard::Limits::default();
        let err = |e: anyhow::Error| crate::cmd::words::error_text(&e, lang);
        let opened = taizhang::source::consolidated::open_consolidated(&workbook, &limits)
            .map_err(|e| err(e.into()))?;
        let (c, v) = taizhang::verify::verify_opened(
            opened,
            &taizhang::verify::Options {
                sources,
                claims: Vec::new(),
            },
            &limits,
        )
        .map_err(|e| err(e.into()))?;
        let text = taizhang::output::json::verdict(&v, c.meta.follows.as_deref(), lang);
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

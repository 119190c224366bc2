//! # llmtap-aggregator
//!
//! `llmtap aggregate` and `llmtap drift --once`: drift (PSI, KL, JS with a sample-size-aware
//! verdict) and spikes (3σ, exact binomial, CUSUM) computed from the mesh's own histograms
//! and counters. Two sources, one analysis: the embedded mode scrapes Envoy and keeps its
//! history in a redb file ([`store`]); the scale mode reads Prometheus' HTTP API and keeps
//! nothing ([`prometheus`]). See docs/aggregator.md.
//!
//! The path: [`prom_text`] reads an exposition into [`histogram`]s and samples; [`store`] or
//! [`prometheus`] give [`totals`] per [`windows`]; [`analysis`] applies [`stats`]; [`report`]
//! is what [`server`] and [`alertmanager`] publish. [`aggregate`] and [`drift`] run it all
//! from plain option structs ([`AggregateOptions`], [`DriftOptions`]); the command line
//! (llmtap-cli) builds them from its flags.

pub mod alertmanager;
pub mod analysis;
pub mod bench;
pub mod catalogue;
pub mod clock;
pub mod embedding;
pub mod exposition;
#[cfg(test)]
mod false_alarms;
pub mod histogram;
pub mod history;
pub mod html;
pub mod http;
pub mod offline;
pub mod prom_text;
pub mod prometheus;
pub mod prompt_samples;
pub mod report;
pub mod server;
pub mod source;
pub mod source_error;
pub mod stats;
pub mod store;
pub mod synthetic;
pub mod totals;
pub mod windows;

use analysis::AnalysisSettings;
use exposition::SourceHealth;
use http::{client, get_text, HttpClient};
use report::Report;
use server::Shared;
use source::Source;
use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use store::{Store, StoreError};
use tokio::sync::Mutex;
use windows::WindowSettings;

/// What `llmtap aggregate` runs with.
#[derive(Debug, Clone)]
pub struct AggregateOptions {
    /// Envoy admin base URLs to scrape (embedded mode); empty with `prometheus`.
    pub envoys: Vec<String>,
    /// A Prometheus-compatible API to read instead (scale mode, no local state).
    pub prometheus: Option<String>,
    /// State file of the embedded mode (redb).
    pub state: PathBuf,
    /// Keep a damaged state file aside and start empty.
    pub reset_state: bool,
    /// Address of /metrics, /report and /healthz.
    pub listen: SocketAddr,
    /// How often Envoy is scraped.
    pub scrape_interval: Duration,
    /// Resolution of the stored history (a divisor of the spike window).
    pub step: Duration,
    /// How often the report is recomputed.
    pub evaluate_every: Duration,
    /// Alertmanager base URL (v2 API) to push alarms to.
    pub alertmanager: Option<String>,
    pub windows: WindowSettings,
    pub analysis: AnalysisSettings,
    /// Prompt sampling (issue #18): a sentence-transformers directory to embed with.
    pub embedding_model: Option<PathBuf>,
    /// The bearer token `POST /v1/prompt-samples` requires.
    pub prompt_samples_token: Option<String>,
    /// Cap on a prompt-samples body, bytes.
    pub max_prompt_samples_bytes: usize,
}

/// What `llmtap drift --once` runs with.
#[derive(Debug, Clone)]
pub struct DriftOptions {
    /// Print the JSON report instead of a summary.
    pub json: bool,
    /// Read the series from this Prometheus-compatible API (else `state`).
    pub prometheus: Option<String>,
    /// An embedded aggregator's state file.
    pub state: Option<PathBuf>,
    /// Evaluation time (Unix seconds or RFC 3339); default now.
    pub at: Option<String>,
    /// Time the analysis over this many synthetic series instead of reading a source.
    pub bench_series: Option<usize>,
    /// Also write the HTML report to this file.
    pub html: Option<PathBuf>,
    pub windows: WindowSettings,
    pub analysis: AnalysisSettings,
    /// Prompt-embedding drift between two files of prompt samples (instead of a source):
    /// the model, and the reference and current NDJSON files.
    pub embedding_model: Option<PathBuf>,
    pub reference_samples: Option<PathBuf>,
    pub current_samples: Option<PathBuf>,
}

/// How a `drift --once` evaluation came out (the command line maps it to an exit status).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DriftOutcome {
    /// A report was printed; no verdict calls for attention.
    Quiet,
    /// A report was printed and this many verdicts call for attention.
    Alarms(usize),
    /// The source failed, so there is no verdict (the reason was printed on stderr).
    Unhealthy,
}

/// Errors that stop `aggregate` or `drift` before any report.
#[derive(Debug, thiserror::Error)]
pub enum AggregateError {
    #[error("listen address {0} is already in use (another Envoy or server?); pick another with --listen")]
    AddressInUse(SocketAddr),
    #[error("cannot bind the listen address {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot install the signal handlers: {0}")]
    Signal(#[source] std::io::Error),
    #[error(transparent)]
    Windows(#[from] windows::WindowError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("--at {0:?} is neither Unix seconds nor an RFC 3339 time")]
    BadTime(String),
    #[error("--step ({step} s) must divide --spike-window ({spike} s)")]
    StepNotDivisor { step: u64, spike: u64 },
    #[error("the source failed, so there is no verdict: {0}")]
    Unhealthy(String),
    #[error(transparent)]
    Embedding(#[from] embedding::EmbeddingError),
    #[error(transparent)]
    Offline(#[from] offline::OfflineError),
    #[error(
        "--embedding-model and --prompt-samples-token go together (prompt sampling needs both)"
    )]
    PromptSamplingHalfConfigured,
    #[error("cannot write {}: {source}", .path.display())]
    WriteFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub use clock::unix_now;

fn parse_time(s: &str) -> Result<u64, AggregateError> {
    if let Ok(secs) = s.parse::<u64>() {
        return Ok(secs);
    }
    humantime::parse_rfc3339_weak(s)
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs())
        .ok_or_else(|| AggregateError::BadTime(s.to_owned()))
}

/// `/stats/prometheus` under an Envoy admin base URL (a URL with a path is used as is).
fn stats_url(base: &str) -> String {
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    if after_scheme.contains('/') {
        base.to_owned()
    } else {
        format!("{base}/stats/prometheus")
    }
}

/// Scrapes one Envoy; the error is a message for the health signal.
async fn scrape(client: &HttpClient, url: &str) -> Result<prom_text::Exposition, String> {
    let (status, body) = get_text(client, url, Duration::from_secs(10)).await?;
    if !status.is_success() {
        return Err(format!("HTTP {status}"));
    }
    prom_text::parse(&body).map_err(|e| format!("not Prometheus text: {e}"))
}

/// Scrapes every Envoy each interval (a failing one is retried with a doubling back-off, at
/// most 8 intervals) and ingests what it got.
async fn scrape_loop(
    store: Arc<Mutex<Store>>,
    shared: Arc<Shared>,
    envoys: Vec<String>,
    interval: Duration,
    step: u64,
    history: u64,
) {
    let client = client(envoys.len().max(1));
    let mut next_attempt = vec![0u64; envoys.len()];
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        for (i, envoy) in envoys.iter().enumerate() {
            let now = unix_now();
            if now < next_attempt[i] {
                continue;
            }
            let result = match scrape(&client, &stats_url(envoy)).await {
                Ok(exposition) => store
                    .lock()
                    .await
                    .ingest(
                        envoy,
                        &exposition,
                        unix_now(),
                        step,
                        now.saturating_sub(history),
                    )
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            let mut sources = shared.sources.write().await;
            let Some(health) = sources.get_mut(i) else {
                continue;
            };
            match result {
                Ok(ingested) => {
                    if ingested.resets > 0 {
                        eprintln!(
                            "llmtap aggregate: {envoy} restarted ({} series went down); counting them from zero",
                            ingested.resets
                        );
                    }
                    health.up = true;
                    health.last_success = unix_now();
                    health.consecutive_failures = 0;
                    health.last_error = None;
                }
                Err(e) => {
                    health.consecutive_failures = health.consecutive_failures.saturating_add(1);
                    if health.up || health.consecutive_failures == 1 {
                        eprintln!("llmtap aggregate: scrape of {envoy} failed: {e}");
                    }
                    health.up = false;
                    health.last_error = Some(e);
                    let backoff =
                        interval.as_secs().max(1) * (1u64 << health.consecutive_failures.min(3));
                    next_attempt[i] = now + backoff;
                }
            }
        }
    }
}

fn health_errors(sources: &[SourceHealth]) -> Vec<String> {
    sources
        .iter()
        .filter(|s| !s.up)
        .map(|s| match &s.last_error {
            Some(e) => format!(
                "scrape of {} failed {} time(s) in a row: {e}",
                s.source, s.consecutive_failures
            ),
            None => format!("{} has not been scraped yet", s.source),
        })
        .collect()
}

/// `llmtap aggregate`: serves until SIGINT/SIGTERM.
pub async fn aggregate(args: AggregateOptions) -> Result<(), AggregateError> {
    let windows = args.windows;
    windows.validate()?;
    let analysis = args.analysis;
    let step = args.step.as_secs().max(1);
    if !windows.spike.as_secs().is_multiple_of(step) {
        return Err(AggregateError::StepNotDivisor {
            step,
            spike: windows.spike.as_secs(),
        });
    }
    let mut shared = Shared::default();
    let listener =
        tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|source| match source.kind() {
                std::io::ErrorKind::AddrInUse => AggregateError::AddressInUse(args.listen),
                _ => AggregateError::Bind {
                    addr: args.listen,
                    source,
                },
            })?;
    let local = listener.local_addr().unwrap_or(args.listen);
    let mut tasks = tokio::task::JoinSet::new();
    let store = match &args.prometheus {
        Some(_) => None,
        None => Some(Arc::new(Mutex::new(Store::open(
            &args.state,
            args.reset_state,
        )?))),
    };
    shared.prompt_sampling = match (&args.embedding_model, &args.prompt_samples_token) {
        (Some(dir), Some(token)) => {
            let encoder = embedding::SentenceEncoder::load(dir)?;
            println!(
                "llmtap aggregate: prompt sampling on {} (model {}, {} dimensions)",
                prompt_samples::PATH,
                dir.display(),
                encoder.dimension()
            );
            Some(prompt_samples::PromptSampling::start(
                encoder,
                token.clone(),
                args.max_prompt_samples_bytes,
                store.as_ref().map(|s| prompt_samples::StoreTarget {
                    store: Arc::clone(s),
                    step,
                    history: windows.history(),
                }),
            ))
        }
        (None, None) => None,
        _ => return Err(AggregateError::PromptSamplingHalfConfigured),
    };
    let shared = Arc::new(shared);
    let source = match (&args.prometheus, store) {
        (None, None) => unreachable_source(),
        (Some(url), _) => Source::Prometheus(Box::new(prometheus::PrometheusSource {
            base: url.clone(),
            client: client(4),
            timeout: Duration::from_secs(30),
        })),
        (None, Some(store)) => {
            *shared.sources.write().await = args
                .envoys
                .iter()
                .map(|e| SourceHealth {
                    source: e.clone(),
                    up: false,
                    last_success: 0,
                    consecutive_failures: 0,
                    last_error: None,
                })
                .collect();
            tasks.spawn(scrape_loop(
                Arc::clone(&store),
                Arc::clone(&shared),
                args.envoys.clone(),
                args.scrape_interval,
                step,
                windows.history(),
            ));
            Source::Store(store)
        }
    };
    tasks.spawn(server::serve(listener, Arc::clone(&shared)));
    println!(
        "llmtap aggregate listening on {local} (source: {})",
        source.describe()
    );
    let _ = std::io::stdout().flush();
    let alert_client = client(1);
    let evaluations = async {
        let mut ticker = tokio::time::interval(args.evaluate_every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut first = true;
        loop {
            ticker.tick().await;
            if first && !args.envoys.is_empty() {
                // Let the first scrape land before the first evaluation.
                tokio::time::sleep(Duration::from_millis(500)).await;
                first = false;
            }
            let errors = health_errors(&shared.sources.read().await);
            let now = unix_now();
            let report = report::evaluate(&source, &windows, &analysis, now, errors).await;
            shared.history.write().await.record(&report, now);
            if let Some(base) = &args.alertmanager {
                let outcome =
                    alertmanager::push(&alert_client, base, &report, args.evaluate_every * 3).await;
                if let Err(e) = &outcome {
                    eprintln!("llmtap aggregate: push to Alertmanager {base} failed: {e}");
                }
                shared
                    .alertmanager
                    .write()
                    .await
                    .get_or_insert_with(alertmanager::PushHealth::default)
                    .record(&outcome, unix_now());
            }
            *shared.report.write().await = Some(report);
        }
    };
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(AggregateError::Signal)?;
    tokio::select! {
        () = evaluations => {}
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
    tasks.abort_all();
    Ok(())
}

/// A short human summary of a report.
/// `v` with five decimals, `-` when there is no value.
fn fixed5(v: Option<f64>) -> String {
    v.map_or("-".to_owned(), |v| format!("{v:.5}"))
}

/// One `drift` line of the summary: the feature, the model, two named statistics, the sample
/// sizes (reference/current) and the verdict.
fn drift_line(
    feature: &str,
    model: &str,
    statistics: [(&str, Option<f64>); 2],
    (reference, current): (f64, f64),
    verdict: &str,
) -> String {
    let [(a, av), (b, bv)] = statistics;
    format!(
        "drift  {feature:<17} model={model:<24} {a}={:<10} {b}={:<10} n={reference}/{current} → {verdict}\n",
        fixed5(av),
        fixed5(bv),
    )
}

fn summary(report: &Report) -> String {
    let mut out = format!(
        "source {} — current {}..{}, reference {}..{}\n",
        report.source,
        report.windows.current.start,
        report.windows.current.end,
        report.windows.reference.start,
        report.windows.reference.end
    );
    for d in &report.analysis.drift {
        let stats = &d.statistics;
        out.push_str(&drift_line(
            &d.feature,
            &d.group.gen_ai_request_model,
            [("psi", stats.psi), ("critical", stats.critical_psi)],
            (stats.reference_samples, stats.current_samples),
            d.verdict.name(),
        ));
    }
    for d in &report.analysis.embedding_drift {
        let stats = &d.statistics;
        out.push_str(&drift_line(
            d.feature,
            &d.group.gen_ai_request_model,
            [("cos", stats.cosine_distance), ("T", stats.statistic)],
            (stats.reference_samples, stats.current_samples),
            d.verdict.name(),
        ));
    }
    for s in &report.analysis.spikes {
        out.push_str(&format!(
            "spike  {:<17} model={:<24} rate={:<10} trailing={:<10} p={:<10} → {:?}\n",
            s.signal.name(),
            s.group.gen_ai_request_model,
            fixed5(s.statistics.current_rate),
            fixed5(s.statistics.trailing_mean_rate),
            s.statistics
                .binomial_p_value
                .map_or("-".to_owned(), |v| format!("{v:.3e}")),
            s.verdict
        ));
    }
    for w in &report.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out.push_str(&format!("{} alarm(s)\n", report.alarms));
    out
}

/// `llmtap drift --once`: prints one report (or, with `bench_series`, the bench figures).
pub async fn drift(args: DriftOptions) -> Result<DriftOutcome, AggregateError> {
    if let Some(series) = args.bench_series {
        let figures = bench::run(series);
        println!(
            "{}",
            serde_json::to_string_pretty(&figures).unwrap_or_default()
        );
        return Ok(DriftOutcome::Quiet);
    }
    let windows = args.windows;
    windows.validate()?;
    let analysis = args.analysis;
    if let (Some(dir), Some(reference), Some(current)) = (
        &args.embedding_model,
        &args.reference_samples,
        &args.current_samples,
    ) {
        return samples_drift(&args, dir, reference, current, &analysis);
    }
    let at = match &args.at {
        Some(s) => parse_time(s)?,
        None => unix_now(),
    };
    let source = match (&args.prometheus, &args.state) {
        (Some(url), _) => Source::Prometheus(Box::new(prometheus::PrometheusSource {
            base: url.clone(),
            client: client(4),
            timeout: Duration::from_secs(30),
        })),
        (None, Some(path)) => {
            if !path.exists() {
                return Err(AggregateError::Store(StoreError::Io {
                    path: path.clone(),
                    message: "no such file".to_owned(),
                }));
            }
            let store = Store::open(path, false)?;
            for (source, last) in store.sources()? {
                eprintln!("llmtap drift: {source} last scraped at {last} (Unix seconds)");
            }
            Source::Store(Arc::new(Mutex::new(store)))
        }
        (None, None) => unreachable_source(),
    };
    let report = report::evaluate(&source, &windows, &analysis, at, Vec::new()).await;
    if let Some(path) = &args.html {
        let history = past_psi(&source, &windows, &analysis, at, &report).await;
        std::fs::write(path, html::render(&report, &history)).map_err(|source| {
            AggregateError::WriteFile {
                path: path.clone(),
                source,
            }
        })?;
        eprintln!("llmtap drift: wrote {}", path.display());
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", summary(&report));
    }
    let _ = std::io::stdout().flush();
    if !report.healthy {
        eprintln!(
            "llmtap: {}",
            AggregateError::Unhealthy(report.errors.join("; "))
        );
        return Ok(DriftOutcome::Unhealthy);
    }
    if report.alarms > 0 {
        return Ok(DriftOutcome::Alarms(report.alarms));
    }
    Ok(DriftOutcome::Quiet)
}

/// `drift --once --embedding-model DIR --reference-samples A --current-samples B`: the
/// prompt-embedding drift of two sample files, printed like a report.
fn samples_drift(
    args: &DriftOptions,
    dir: &std::path::Path,
    reference: &std::path::Path,
    current: &std::path::Path,
    analysis: &AnalysisSettings,
) -> Result<DriftOutcome, AggregateError> {
    let encoder = embedding::SentenceEncoder::load(dir)?;
    let entries = offline::compare_files(&encoder, reference, current, analysis)?;
    let now = unix_now();
    let mut report = Report {
        generated_at: now,
        source: format!(
            "samples: reference {}, current {}",
            reference.display(),
            current.display()
        ),
        windows: windows::Windows {
            end: now,
            current: now..now,
            reference: now..now,
            spikes: Vec::new(),
        },
        healthy: true,
        errors: Vec::new(),
        warnings: Vec::new(),
        alarms: 0,
        analysis: analysis::Analysis {
            embedding_drift: entries,
            ..analysis::Analysis::default()
        },
    };
    report.alarms = report.analysis.alarms();
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", summary(&report));
    }
    let _ = std::io::stdout().flush();
    Ok(if report.alarms > 0 {
        DriftOutcome::Alarms(report.alarms)
    } else {
        DriftOutcome::Quiet
    })
}

/// Evaluations `drift --once --html` draws as PSI over time: this many spike windows back.
const PAST_EVALUATIONS: u64 = 12;

/// The PSI history of a one-shot: the same analysis at each of the [`PAST_EVALUATIONS`]
/// spike windows before `at`, then `report` itself (evaluated at `at`).
async fn past_psi(
    source: &Source,
    windows: &windows::WindowSettings,
    analysis: &analysis::AnalysisSettings,
    at: u64,
    report: &Report,
) -> history::History {
    let mut history = history::History::with_capacity(PAST_EVALUATIONS as usize + 1);
    let spike = windows.spike.as_secs().max(1);
    for back in (1..=PAST_EVALUATIONS).rev() {
        let Some(then) = at.checked_sub(back * spike) else {
            continue;
        };
        let past = report::evaluate(source, windows, analysis, then, Vec::new()).await;
        history.record(&past, then);
    }
    history.record(report, at);
    history
}

/// The command line guarantees one of --prometheus / --state.
fn unreachable_source() -> Source {
    Source::Prometheus(Box::new(prometheus::PrometheusSource {
        base: String::new(),
        client: client(1),
        timeout: Duration::from_secs(1),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_times() {
        assert_eq!(
            stats_url("http://127.0.0.1:9901"),
            "http://127.0.0.1:9901/stats/prometheus"
        );
        assert_eq!(
            stats_url("http://127.0.0.1:9901/stats/prometheus?usedonly"),
            "http://127.0.0.1:9901/stats/prometheus?usedonly"
        );
        assert_eq!(parse_time("1700000000").unwrap(), 1_700_000_000);
        assert_eq!(parse_time("2023-11-14T22:13:20Z").unwrap(), 1_700_000_000);
        assert!(parse_time("yesterday").is_err());
    }
}

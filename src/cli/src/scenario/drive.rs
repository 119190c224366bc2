//! Runs the scenario: `llmtap aggregate` (embedded mode, scraping Envoy with short windows)
//! as a child process, the scripted requests sent open-loop at a fixed rate through Envoy
//! (baseline, then the incident), until the aggregator's report covers the incident; then
//! the report (JSON and HTML) is saved and the story told ([`super::narrate`]).

use super::narrate::{self, PhaseFigures};
use super::script::{self, Phase, ScenarioRequest, MODELS, WINDOWS};
use crate::envoy;
use crate::error::Error;
use crate::ports;
use crate::progress::Progress;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::CONTENT_TYPE;
use hyper::Request;
use llmtap_aggregator::http::{self, HttpClient};
use llmtap_aggregator::prom_text::Exposition;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::process::Child;
use tokio::task::JoinSet;

/// Length of the baseline phase: the reference window and a margin.
pub const BASELINE: Duration = Duration::from_secs(45);
/// Requests per second and model (open loop: a slower model does not send fewer).
pub const RATE_PER_MODEL: u32 = 6;
/// Fewest observations per window for a drift verdict (`--min-samples`): the current window
/// holds about 25 s × 6 = 150 requests per model.
const MIN_SAMPLES: u32 = 100;
/// Fewest requests in the current spike window for a spike verdict (`--min-requests`).
const MIN_REQUESTS: u32 = 15;
/// Seconds after a window's end before its data is complete in the aggregator (Envoy's 1 s
/// stats flush, then a 1 s scrape).
const SETTLE_SECS: u64 = 2;
/// How long after the expected report the demo waits before giving up.
const REPORT_GRACE: Duration = Duration::from_secs(30);
/// Longest one request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Where the demo runs.
pub struct Setup<'a> {
    pub client: &'a HttpClient,
    /// Envoy's listener and admin interface.
    pub listen: SocketAddr,
    pub admin: SocketAddr,
    /// Directory of the report (report.html, report.json) and of the aggregator's state
    /// (state.redb, for `llmtap drift --once --state`) and log; created.
    pub out_dir: PathBuf,
}

fn unix_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// `llmtap aggregate` as the demo runs it.
struct Aggregator {
    child: Child,
    addr: SocketAddr,
    log: PathBuf,
}

impl Aggregator {
    fn args(admin: SocketAddr, addr: SocketAddr, state: &Path) -> Vec<String> {
        let w = WINDOWS;
        [
            "aggregate".to_owned(),
            format!("--envoy=http://{admin}"),
            format!("--listen={addr}"),
            format!("--state={}", state.display()),
            "--scrape-interval=1s".to_owned(),
            "--step=1s".to_owned(),
            "--evaluate-every=1s".to_owned(),
            format!("--current={}s", w.current),
            format!("--reference={}s", w.reference),
            format!("--spike-window={}s", w.spike),
            format!("--trailing={}s", w.trailing),
            format!("--min-samples={MIN_SAMPLES}"),
            format!("--min-requests={MIN_REQUESTS}"),
        ]
        .into()
    }

    fn spawn(admin: SocketAddr, dir: &Path) -> Result<Aggregator, Error> {
        let addr = ports::free_loopback_port("aggregator")?;
        let log = dir.join("aggregate.log");
        let exe = std::env::current_exe()
            .map_err(|e| Error::DemoAggregator(format!("cannot find the llmtap binary: {e}")))?;
        let log_file = std::fs::File::create(&log).map_err(|source| Error::WriteFile {
            path: log.clone(),
            source,
        })?;
        let log_err = log_file.try_clone().map_err(|source| Error::WriteFile {
            path: log.clone(),
            source,
        })?;
        let child = tokio::process::Command::new(exe)
            .args(Self::args(admin, addr, &dir.join("state.redb")))
            .stdin(Stdio::null())
            .stdout(log_file)
            .stderr(log_err)
            .process_group(0)
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| Error::DemoAggregator(format!("cannot start: {e}")))?;
        Ok(Aggregator { child, addr, log })
    }

    fn failure(&self, what: &str) -> Error {
        Error::DemoAggregator(format!(
            "{what}; its log ({}):\n{}",
            self.log.display(),
            envoy::log_tail(&self.log, 20)
        ))
    }

    /// Waits until `/healthz` answers at all (the listener is up).
    async fn wait_listening(&mut self, client: &HttpClient) -> Result<(), Error> {
        let url = format!("http://{}/healthz", self.addr);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(self.failure(&format!("exited ({status})")));
            }
            if http::get_text(client, &url, Duration::from_secs(1))
                .await
                .is_ok()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(self.failure("did not listen within 15 s"))
    }

    async fn get(&self, client: &HttpClient, path: &str) -> Result<String, String> {
        let url = format!("http://{}{path}", self.addr);
        match http::get_text(client, &url, Duration::from_secs(5)).await? {
            (status, body) if status.is_success() => Ok(body),
            (status, _) => Err(format!("GET {url}: HTTP {status}")),
        }
    }
}

/// Request counts of the load.
#[derive(Debug, Default)]
struct Tally {
    sent: u64,
    failed: u64,
    first_error: Option<String>,
}

/// Sends one scenario request and reads the answer to `data: [DONE]`.
async fn send(client: HttpClient, target: SocketAddr, r: ScenarioRequest) -> Result<(), String> {
    let mut request = Request::post(format!("http://{target}/v1/chat/completions"))
        .header(CONTENT_TYPE, "application/json");
    for (name, value) in &r.headers {
        request = request.header(*name, value.as_str());
    }
    let request = request
        .body(Full::new(Bytes::from(r.body)))
        .map_err(|e| e.to_string())?;
    let exchange = async {
        let response = client
            .request(request)
            .await
            .map_err(|e| format!("request failed: {e}"))?;
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("stream broken: {e}"))?
            .to_bytes();
        if !status.is_success() {
            return Err(format!("{}: HTTP {status}", r.model));
        }
        if !body.ends_with(b"data: [DONE]\n\n") {
            return Err(format!("{}: stream ended without data: [DONE]", r.model));
        }
        Ok(())
    };
    tokio::time::timeout(REQUEST_TIMEOUT, exchange)
        .await
        .map_err(|_| format!("{}: no complete answer within 30 s", r.model))?
}

/// Prints a line without tearing the progress bar.
fn say(progress: &Progress, line: &str) {
    match progress {
        Progress::Bar(bar) => bar.println(line),
        Progress::Plain { .. } => eprintln!("{line}"),
    }
}

/// The report that tells the story: its current window starts after the incident did and
/// its current spike window lies in the burst, with the data of both settled.
fn is_final(report: &serde_json::Value, final_end: u64) -> bool {
    let end = report["windows"]["end"].as_u64().unwrap_or(0);
    let generated = report["generated_at"].as_u64().unwrap_or(0);
    report["healthy"].as_bool() == Some(true) && end >= final_end && generated >= end + SETTLE_SECS
}

/// Runs the scenario through Envoy at `setup.listen` and tells what was found.
pub async fn run(setup: Setup<'_>) -> Result<ExitCode, Error> {
    std::fs::create_dir_all(&setup.out_dir).map_err(|source| Error::WriteFile {
        path: setup.out_dir.clone(),
        source,
    })?;
    // A previous run's state would only add stale history.
    let state = setup.out_dir.join("state.redb");
    if state.exists() {
        std::fs::remove_file(&state).map_err(|source| Error::WriteFile {
            path: state.clone(),
            source,
        })?;
    }
    let mut aggregator = Aggregator::spawn(setup.admin, &setup.out_dir)?;
    let result = tell(&setup, &mut aggregator).await;
    envoy::stop(&mut aggregator.child, Duration::from_secs(5)).await;
    result
}

async fn tell(setup: &Setup<'_>, aggregator: &mut Aggregator) -> Result<ExitCode, Error> {
    let client = setup.client;
    aggregator.wait_listening(client).await?;
    eprintln!(
        "llmtap demo: aggregator on http://{} (llmtap {})",
        aggregator.addr,
        Aggregator::args(setup.admin, aggregator.addr, Path::new("STATE")).join(" ")
    );
    // Let the aggregator's first scrape land before any traffic.
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let w = WINDOWS;
    let start = unix_now();
    let incident_at = start + BASELINE.as_secs_f64();
    let final_end = ((incident_at as u64 + w.current + SETTLE_SECS) / w.spike + 1) * w.spike;
    let burst_at = (final_end - w.spike) as f64;
    let deadline = final_end as f64 + REPORT_GRACE.as_secs_f64();
    let expected_secs = final_end + SETTLE_SECS + 1 - start as u64;
    let progress = Progress::new(expected_secs, "llmtap demo: scenario (seconds)");
    say(
        &progress,
        &format!(
            "llmtap demo: baseline for {} s, {} requests/s per model; then the incident:",
            BASELINE.as_secs(),
            RATE_PER_MODEL
        ),
    );
    for m in &MODELS {
        say(&progress, &format!("  {:<24} {}", m.name, m.role.story()));
    }

    let interval = Duration::from_secs_f64(1.0 / f64::from(RATE_PER_MODEL * MODELS.len() as u32));
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut in_flight: JoinSet<Result<(), String>> = JoinSet::new();
    let mut tally = Tally::default();
    let mut tick: u64 = 0;
    let mut last_second = start as u64;
    let mut baseline_scrape: Option<Exposition> = None;
    let mut announced_burst = false;
    let final_report = loop {
        ticker.tick().await;
        let now = unix_now();
        let phase = if now < incident_at {
            Phase::Baseline
        } else {
            Phase::Incident {
                burst: now >= burst_at,
            }
        };
        if phase != Phase::Baseline && baseline_scrape.is_none() {
            baseline_scrape = Some(envoy::scrape(client, setup.admin).await?);
            say(&progress, "llmtap demo: incident starts");
        }
        if phase == (Phase::Incident { burst: true }) && !announced_burst {
            announced_burst = true;
            say(
                &progress,
                "llmtap demo: refusal burst (the current spike window)",
            );
        }
        let model = &MODELS[(tick % MODELS.len() as u64) as usize];
        let n = u32::try_from(tick / MODELS.len() as u64).unwrap_or(u32::MAX);
        in_flight.spawn(send(
            client.clone(),
            setup.listen,
            script::request(model, phase, n),
        ));
        tally.sent += 1;
        tick += 1;
        while let Some(done) = in_flight.try_join_next() {
            record(&mut tally, done);
        }
        if now as u64 > last_second {
            last_second = now as u64;
            progress.inc();
            if now as u64 >= final_end + SETTLE_SECS {
                if let Ok(text) = aggregator.get(client, "/report").await {
                    if let Ok(report) = serde_json::from_str::<serde_json::Value>(&text) {
                        if is_final(&report, final_end) {
                            break report;
                        }
                    }
                }
            }
            if now > deadline {
                return Err(aggregator.failure(&format!(
                    "had no report covering the incident {} s after it should have",
                    REPORT_GRACE.as_secs()
                )));
            }
            if let Ok(Some(status)) = aggregator.child.try_wait() {
                return Err(aggregator.failure(&format!("exited ({status})")));
            }
        }
    };
    let html = aggregator.get(client, "/report.html").await;
    while let Ok(Some(done)) = tokio::time::timeout(REQUEST_TIMEOUT, in_flight.join_next()).await {
        record(&mut tally, done);
    }
    progress.finish();
    if let Some(first) = tally.first_error.clone() {
        return Err(Error::RequestsFailed {
            failed: tally.failed as usize,
            total: tally.sent as usize,
            first,
        });
    }
    // Histograms reach /stats/prometheus at Envoy's next stats flush.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let end_scrape = envoy::scrape(client, setup.admin).await?;
    let baseline_scrape = baseline_scrape.unwrap_or_default();
    let figures: Vec<PhaseFigures> = MODELS
        .iter()
        .map(|m| PhaseFigures::of(m.name, &baseline_scrape, &end_scrape))
        .collect();

    let json_path = setup.out_dir.join("report.json");
    let html_path = setup.out_dir.join("report.html");
    write(
        &json_path,
        &serde_json::to_string_pretty(&final_report).unwrap_or_default(),
    )?;
    let html = html.map_err(|e| aggregator.failure(&format!("did not serve /report.html: {e}")))?;
    write(&html_path, &html)?;

    let story = narrate::Story {
        seconds: unix_now() - start,
        requests: tally.sent,
        windows: WINDOWS,
        figures: &figures,
        report: &final_report,
        html: &absolute(&html_path),
        json: &absolute(&json_path),
        again: &again_command(&absolute(&setup.out_dir), &final_report),
    };
    print!("{}", narrate::render(&story));
    let problems = narrate::check(&final_report);
    if !problems.is_empty() {
        return Err(Error::DemoVerdicts(problems));
    }
    Ok(ExitCode::SUCCESS)
}

/// The one-shot that computes the same report again from the saved state.
fn again_command(out_dir: &Path, report: &serde_json::Value) -> String {
    let w = WINDOWS;
    format!(
        "llmtap drift --once --state {} --at {} --current {}s --reference {}s --spike-window {}s --trailing {}s --min-samples {MIN_SAMPLES} --min-requests {MIN_REQUESTS} --html report-again.html",
        out_dir.join("state.redb").display(),
        report["windows"]["end"].as_u64().unwrap_or(0),
        w.current,
        w.reference,
        w.spike,
        w.trailing,
    )
}

fn record(tally: &mut Tally, done: Result<Result<(), String>, tokio::task::JoinError>) {
    let outcome = done.unwrap_or_else(|e| Err(format!("request task failed: {e}")));
    if let Err(e) = outcome {
        tally.failed += 1;
        tally.first_error.get_or_insert(e);
    }
}

fn write(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|source| Error::WriteFile {
        path: path.to_owned(),
        source,
    })
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_final_report_is_the_first_settled_one_covering_the_incident() {
        let report = |end: u64, generated: u64, healthy: bool| serde_json::json!({"windows": {"end": end}, "generated_at": generated, "healthy": healthy});
        assert!(is_final(&report(100, 102, true), 100));
        assert!(!is_final(&report(100, 101, true), 100), "not settled");
        assert!(!is_final(&report(95, 102, true), 100), "too early");
        assert!(!is_final(&report(100, 102, false), 100), "no verdict");
    }

    #[test]
    fn the_aggregator_gets_the_demo_windows() {
        let args = Aggregator::args(
            "127.0.0.1:9901".parse().unwrap(),
            "127.0.0.1:9464".parse().unwrap(),
            Path::new("/tmp/s.redb"),
        );
        for expected in [
            "--envoy=http://127.0.0.1:9901",
            "--current=25s",
            "--reference=40s",
            "--spike-window=5s",
            "--trailing=30s",
        ] {
            assert!(args.iter().any(|a| a == expected), "{expected} in {args:?}");
        }
        // The baseline covers the reference window.
        assert!(BASELINE.as_secs() > WINDOWS.reference);
    }
}

//! `llmtap demo`: the mock LLM in-process, Envoy + the filter as `llmtap run` starts them,
//! then the scenario ([`crate::scenario`]: drift, a refusal spike and a slow first token,
//! found by `llmtap aggregate`), or with `--burst` a burst of streaming requests and what the
//! filter measured next to what the client saw.

use crate::bootstrap::{self, BootstrapParams};
use crate::cli::DemoArgs;
use crate::envoy::{self, EnvoyCommand, LogLevel};
use crate::error::Error;
use crate::launch::{self, BootstrapFile};
use crate::load::{self, LoadPlan};
use crate::locate::{self, SearchRoots};
use crate::ports;
use crate::progress::Progress;
use crate::scenario;
use crate::summary::{self, DemoFacts};
use crate::upstream::{Scheme, Upstream};
use llmtap_aggregator::http::{self, HttpClient};
use llmtap_aggregator::prom_text::Exposition;
use llmtap_mock::{MockSettings, Mode};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{ExitCode, Stdio};
use std::time::{Duration, Instant};
use tokio::process::Child;

/// Longest wait for Envoy's `/ready`, including V8 compiling the module.
const READY_TIMEOUT: Duration = Duration::from_secs(30);
/// Longest wait for the histograms to show every request after the load.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(5);
/// Envoy's stats flush interval in the demo, in milliseconds.
const FLUSH_INTERVAL_MS: u64 = 1000;
/// Idle connections the scenario's client keeps to Envoy (about the requests in flight).
const SCENARIO_CONNECTIONS: usize = 64;
/// Lines of Envoy's log shown with a start-up error.
const LOG_TAIL_LINES: usize = 30;

/// Runs the demo; fails (non-zero exit) when requests fail or the filter recorded nothing.
pub async fn run(args: DemoArgs) -> Result<ExitCode, Error> {
    let roots = SearchRoots::current();
    let wasm = locate::find_wasm(
        args.wasm.as_deref(),
        std::env::var_os("LLMTAP_WASM"),
        &roots,
    )?;
    let envoy_bin =
        locate::find_envoy(args.envoy.as_deref(), std::env::var_os("ENVOY_BIN"), &roots)?;
    let plugin_config = launch::plugin_config(None)?;

    let any_port = SocketAddr::from(([127, 0, 0, 1], 0));
    let mock_listener = llmtap_mock::bind(any_port).await?;
    let mock_addr = llmtap_mock::local_addr(&mock_listener, any_port)?;
    let mock_task = tokio::spawn(llmtap_mock::serve(
        mock_listener,
        Mode::Llm(MockSettings {
            ttft_ms: args.ttft_ms,
            token_delay_ms: args.token_delay_ms,
            tokens: args.tokens,
            usage: true,
            replay_dir: None,
        }),
    ));

    let listen = ports::free_loopback_port("listen")?;
    let admin = ports::free_loopback_port("admin")?;
    let upstream = Upstream {
        scheme: Scheme::Http,
        host: mock_addr.ip().to_string(),
        port: mock_addr.port(),
        path_prefix: None,
    };
    let yaml = bootstrap::render(&BootstrapParams {
        listen,
        admin,
        upstream: &upstream,
        wasm_path: locate::utf8(&wasm)?,
        plugin_config: &plugin_config,
        stats_flush_interval_ms: FLUSH_INTERVAL_MS,
        ca_bundle: None,
        telemetry: Default::default(),
        aggregator: None,
    })?;
    let file = BootstrapFile::write(&yaml)?;
    let log_path = file.dir().join("envoy.log");
    let log = std::fs::File::create(&log_path).map_err(|source| Error::WriteBootstrap {
        path: log_path.clone(),
        source,
    })?;
    let cmd = EnvoyCommand {
        bin: envoy_bin,
        config: file.path.clone(),
        base_id: launch::default_base_id(listen),
        concurrency: 2,
        log_level: LogLevel::Info,
        extra_args: Vec::new(),
    };
    let mut command = cmd.command();
    // Own process group: Ctrl-C reaches only llmtap, which then stops Envoy itself.
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .process_group(0);
    eprintln!(
        "llmtap demo: mock LLM on {mock_addr}; Envoy {} listening on {listen} (admin {admin}) with {}",
        cmd.bin.display(),
        wasm.display()
    );
    // Spawned from the main thread: see EnvoyCommand::command.
    let mut child = envoy::spawn(&cmd, command)?;
    let client = http::client(if args.burst {
        args.concurrency as usize
    } else {
        SCENARIO_CONNECTIONS
    });
    let story = async {
        if args.burst {
            return drive(&args, &mut child, &client, listen, admin, &log_path).await;
        }
        wait_ready(&mut child, &client, admin, &log_path).await?;
        scenario::drive::run(scenario::drive::Setup {
            client: &client,
            listen,
            admin,
            out_dir: args.out.clone(),
        })
        .await
    };
    let result = tokio::select! {
        r = story => r,
        _ = tokio::signal::ctrl_c() => Err(Error::Interrupted),
    };
    envoy::stop(&mut child, Duration::from_secs(5)).await;
    mock_task.abort();
    drop(file);
    result
}

async fn drive(
    args: &DemoArgs,
    child: &mut Child,
    client: &HttpClient,
    listen: SocketAddr,
    admin: SocketAddr,
    log_path: &Path,
) -> Result<ExitCode, Error> {
    wait_ready(child, client, admin, log_path).await?;

    let progress = Progress::new(u64::from(args.requests), "llmtap demo: requests");
    let plan = LoadPlan {
        target: listen,
        requests: args.requests,
        concurrency: args.concurrency,
        base_tokens: args.tokens,
        base_ttft_ms: args.ttft_ms,
    };
    let outcomes = load::run(plan, client, &progress).await;
    progress.finish();
    let failures: Vec<&String> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().err())
        .collect();
    if let Some(first) = failures.first() {
        return Err(Error::RequestsFailed {
            failed: failures.len(),
            total: outcomes.len(),
            first: (*first).clone(),
        });
    }
    let measured: Vec<load::Measured> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().ok().copied())
        .collect();

    let sent = outcomes.len();
    let scrape = wait_for_flush(client, admin, sent).await?;
    let filter = summary::filter_summary(&scrape);
    if filter.requests <= 0.0 {
        return Err(Error::FilterRecordedNothing { sent, admin });
    }
    let specs: Vec<load::RequestSpec> = (0..args.requests)
        .map(|i| load::request_spec(i, args.tokens, args.ttft_ms))
        .collect();
    let range = |f: &dyn Fn(&load::RequestSpec) -> u64| {
        let values = specs.iter().map(f);
        (values.clone().min().unwrap_or(0), values.max().unwrap_or(0))
    };
    let ttft_range = range(&|s| s.ttft_ms);
    let token_range = range(&|s| u64::from(s.tokens));
    let facts = DemoFacts {
        requests: args.requests,
        concurrency: args.concurrency,
        ttft_ms: ttft_range,
        token_delay_ms: args.token_delay_ms,
        tokens: (
            u32::try_from(token_range.0).unwrap_or(u32::MAX),
            u32::try_from(token_range.1).unwrap_or(u32::MAX),
        ),
        admin: admin.to_string(),
    };
    print!(
        "{}",
        summary::render(&facts, &filter, &summary::client_summary(&measured))
    );
    let counted = filter.requests.round() as u64;
    if counted != sent as u64 || filter.ttft_count.round() as u64 != sent as u64 {
        return Err(Error::FilterMissedRequests {
            sent,
            counted,
            ttft_count: filter.ttft_count.round() as u64,
        });
    }
    Ok(ExitCode::SUCCESS)
}

/// Polls `/ready` until it answers `LIVE`; fails early when Envoy exits.
async fn wait_ready(
    child: &mut Child,
    client: &HttpClient,
    admin: SocketAddr,
    log_path: &Path,
) -> Result<(), Error> {
    let start = Instant::now();
    let url = format!("http://{admin}/ready");
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(Error::EnvoyExited {
                status: status.to_string(),
                log_tail: envoy::log_tail(log_path, LOG_TAIL_LINES),
            });
        }
        if let Ok((code, body)) = http::get_text(client, &url, Duration::from_secs(1)).await {
            if code.is_success() && body.trim() == "LIVE" {
                return Ok(());
            }
        }
        if start.elapsed() > READY_TIMEOUT {
            return Err(Error::EnvoyNotReady {
                admin,
                waited_ms: start.elapsed().as_millis(),
                log_tail: envoy::log_tail(log_path, LOG_TAIL_LINES),
            });
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Scrapes `/stats/prometheus` until the TTFT histogram counts `sent` observations (they
/// appear only after a stats flush) or [`FLUSH_TIMEOUT`] passes; returns the last scrape.
async fn wait_for_flush(
    client: &HttpClient,
    admin: SocketAddr,
    sent: usize,
) -> Result<Exposition, Error> {
    let start = Instant::now();
    loop {
        let scrape = envoy::scrape(client, admin).await?;
        let ttft_count = scrape.sum("llm_time_to_first_token_milliseconds_count", &[]);
        if ttft_count >= sent as f64 || start.elapsed() > FLUSH_TIMEOUT {
            return Ok(scrape);
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

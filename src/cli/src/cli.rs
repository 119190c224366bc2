//! Command-line surface (clap derive). Parsing only: no I/O happens here.

use crate::aggregate_args::{AggregateArgs, DriftArgs};
use crate::envoy::LogLevel;
use crate::upstream::Upstream;
use clap::{ArgAction, Args, Parser, Subcommand};
use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::PathBuf;

/// llmtap: measure streaming LLM traffic with an Envoy proxy-wasm filter.
#[derive(Debug, Parser)]
#[command(
    name = "llmtap",
    version,
    about = "Measure streaming LLM traffic with Envoy and the llmtap proxy-wasm filter"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve an OpenAI-compatible mock LLM (streams deterministic SSE; tests and benchmarks).
    Mock(MockArgs),
    /// Run Envoy with the llmtap filter in front of an LLM server (foreground).
    Run(RunArgs),
    /// Mock + Envoy + filter + load, then print what the filter measured.
    Demo(DemoArgs),
    /// Drift and spike detection from the filter's histograms (scrapes Envoy or reads
    /// Prometheus); serves /metrics, /report and /healthz.
    Aggregate(AggregateArgs),
    /// Compute the drift and spike report once, print it and exit.
    Drift(DriftArgs),
    /// Count the tokens of stdin's text as the filter does (JSON: tokens, estimate).
    Tokens(TokensArgs),
}

/// `llmtap tokens`.
#[derive(Debug, Args)]
pub struct TokensArgs {
    /// `cl100k_base` or `o200k_base`.
    #[arg(long, default_value = "o200k_base")]
    pub encoding: String,
}

/// `llmtap mock`.
#[derive(Debug, Args)]
pub struct MockArgs {
    /// Address to listen on (`127.0.0.1:0` picks a free port; the real one is printed).
    #[arg(long, value_name = "ADDR")]
    pub listen: SocketAddr,
    /// Delay before the first content event, in milliseconds.
    #[arg(long, default_value_t = 50)]
    pub ttft_ms: u64,
    /// Delay between content events, in milliseconds.
    #[arg(long, default_value_t = 20)]
    pub token_delay_ms: u64,
    /// Completion tokens (words) per response.
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u32).range(0..=llmtap_mock::MAX_TOKENS as i64))]
    pub tokens: u32,
    /// Send a usage chunk at the end of streams (per request: `stream_options.include_usage`,
    /// then the `x-mock-usage` header, win).
    #[arg(long, default_value_t = true, action = ArgAction::Set, value_name = "true|false")]
    pub usage: bool,
    /// Folder of recorded responses served by the `x-mock-replay` request header.
    #[arg(long, value_name = "DIR")]
    pub replay_dir: Option<PathBuf>,
}

/// `llmtap run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// The LLM server: `http://HOST[:PORT][/PREFIX]` or `https://…` (TLS with SNI = HOST).
    #[arg(long, value_parser = crate::upstream::parse_upstream, value_name = "URL")]
    pub upstream: Upstream,
    /// Address Envoy listens on for client traffic.
    #[arg(long, value_name = "ADDR")]
    pub listen: SocketAddr,
    /// Address of Envoy's admin interface (`/stats/prometheus`, `/ready`).
    #[arg(long, value_name = "ADDR")]
    pub admin: SocketAddr,
    #[command(flatten)]
    pub envoy: EnvoyArgs,
    /// OTLP/gRPC collector (`http://HOST:PORT`, `https://…` for TLS): Envoy sends one span per
    /// request, tagged with llmtap's attributes, and the filter's metrics there
    /// (docs/opentelemetry.md).
    #[arg(long, value_parser = crate::telemetry::parse_otlp_endpoint, value_name = "URL")]
    pub otlp_endpoint: Option<Upstream>,
    /// Write a JSON access log (one object per request, llmtap's attributes included) to this
    /// file (`/dev/stdout` works).
    #[arg(long, value_name = "PATH")]
    pub access_log: Option<String>,
    /// The llmtap aggregator that receives prompt samples (`http://HOST:PORT`, `https://…`):
    /// adds the `llmtap_aggregator` cluster and points the configuration's `prompt_sampling`
    /// (which must give `rate` and `token`) at it (docs/prompt-sampling.md).
    #[arg(long, value_parser = crate::upstream::parse_upstream, value_name = "URL")]
    pub aggregator: Option<Upstream>,
    /// Print the rendered Envoy bootstrap (YAML) and exit without starting Envoy.
    #[arg(long)]
    pub print_bootstrap: bool,
    /// Extra arguments passed to Envoy unchanged (after `--`).
    #[arg(last = true, value_name = "ENVOY_ARGS")]
    pub envoy_args: Vec<OsString>,
}

/// Options shared by `run` and `demo`: how Envoy and the filter are started.
#[derive(Debug, Args)]
pub struct EnvoyArgs {
    /// Plugin configuration (JSON, see docs/configuration.md); default `{}`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Envoy binary (else $ENVOY_BIN, the project's .venv, then `envoy` on PATH).
    #[arg(long, value_name = "PATH")]
    pub envoy: Option<PathBuf>,
    /// Filter module (else $LLMTAP_WASM, then build/llmtap.wasm).
    #[arg(long, value_name = "PATH")]
    pub wasm: Option<PathBuf>,
    /// Envoy worker threads.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub concurrency: u32,
    /// Envoy `--base-id` (shared-memory/hot-restart namespace); default: the listen port.
    #[arg(long, value_name = "N")]
    pub base_id: Option<u32>,
    /// How often Envoy flushes stats (histograms reach /stats/prometheus only then), in
    /// milliseconds.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=300_000), value_name = "MS")]
    pub stats_flush_interval_ms: u64,
    /// Envoy log level.
    #[arg(long, value_enum, default_value_t = LogLevel::Info)]
    pub log_level: LogLevel,
}

/// `llmtap demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Instead of the scenario (drift, a refusal spike, a slow first token, found by the
    /// aggregator), send one burst of requests and compare the filter with the client.
    #[arg(long)]
    pub burst: bool,
    /// Directory the scenario's report (report.html, report.json) is written to.
    #[arg(long, default_value = "llmtap-demo", value_name = "DIR")]
    pub out: PathBuf,
    /// With --burst: streaming chat completions to send through Envoy.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub requests: u32,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub concurrency: u32,
    /// Mock's median time to first token, in milliseconds (requests spread over ±25 %).
    #[arg(long, default_value_t = 80)]
    pub ttft_ms: u64,
    /// Mock's delay between content events, in milliseconds.
    #[arg(long, default_value_t = 15)]
    pub token_delay_ms: u64,
    /// Mock's completion tokens per request (requests vary by -2..=+2).
    #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u32).range(1..=llmtap_mock::MAX_TOKENS as i64))]
    pub tokens: u32,
    /// Envoy binary (else $ENVOY_BIN, the project's .venv, then `envoy` on PATH).
    #[arg(long, value_name = "PATH")]
    pub envoy: Option<PathBuf>,
    /// Filter module (else $LLMTAP_WASM, then build/llmtap.wasm).
    #[arg(long, value_name = "PATH")]
    pub wasm: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("llmtap").chain(args.iter().copied()))
    }

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn mock_defaults_and_usage_flag() {
        let Command::Mock(m) = parse(&["mock", "--listen", "127.0.0.1:0"]).unwrap().command else {
            panic!("not mock")
        };
        assert_eq!(
            (m.ttft_ms, m.token_delay_ms, m.tokens, m.usage),
            (50, 20, 32, true)
        );
        assert!(m.replay_dir.is_none());
        let Command::Mock(m) = parse(&[
            "mock",
            "--listen",
            "127.0.0.1:9",
            "--usage",
            "false",
            "--tokens",
            "3",
            "--replay-dir",
            "/tmp",
        ])
        .unwrap()
        .command
        else {
            panic!("not mock")
        };
        assert!(!m.usage);
        assert_eq!(m.tokens, 3);
        assert!(parse(&["mock", "--listen", "127.0.0.1:9", "--usage", "maybe"]).is_err());
        assert!(parse(&["mock"]).is_err(), "--listen is required");
        assert!(parse(&["mock", "--listen", "localhost"]).is_err());
    }

    #[test]
    fn run_parses_everything_and_trailing_envoy_args() {
        let Command::Run(r) = parse(&[
            "run",
            "--upstream",
            "https://api.openai.com",
            "--listen",
            "127.0.0.1:10000",
            "--admin",
            "127.0.0.1:9901",
            "--concurrency",
            "4",
            "--base-id",
            "7",
            "--stats-flush-interval-ms",
            "500",
            "--log-level",
            "warning",
            "--print-bootstrap",
            "--",
            "--component-log-level",
            "wasm:debug",
        ])
        .unwrap()
        .command
        else {
            panic!("not run")
        };
        assert_eq!(r.upstream.host, "api.openai.com");
        assert_eq!(r.upstream.port, 443);
        assert_eq!(r.envoy.concurrency, 4);
        assert_eq!(r.envoy.base_id, Some(7));
        assert_eq!(r.envoy.stats_flush_interval_ms, 500);
        assert_eq!(r.envoy.log_level, LogLevel::Warning);
        assert!(r.print_bootstrap);
        assert_eq!(r.envoy_args, ["--component-log-level", "wasm:debug"]);
    }

    #[test]
    fn run_rejects_bad_values() {
        let base = ["run", "--listen", "127.0.0.1:1", "--admin", "127.0.0.1:2"];
        let with = |extra: &[&str]| {
            let mut v: Vec<&str> = base.to_vec();
            v.extend_from_slice(extra);
            parse(&v)
        };
        assert!(with(&["--upstream", "ftp://x"]).is_err());
        assert!(with(&[]).is_err(), "--upstream is required");
        assert!(with(&["--upstream", "http://x", "--concurrency", "0"]).is_err());
        assert!(with(&["--upstream", "http://x", "--stats-flush-interval-ms", "0"]).is_err());
        assert!(with(&["--upstream", "http://x", "--log-level", "loud"]).is_err());
        assert!(with(&["--upstream", "http://x"]).is_ok());
    }

    #[test]
    fn demo_defaults() {
        let Command::Demo(d) = parse(&["demo"]).unwrap().command else {
            panic!("not demo")
        };
        assert_eq!(
            (
                d.requests,
                d.concurrency,
                d.ttft_ms,
                d.token_delay_ms,
                d.tokens
            ),
            (300, 16, 80, 15, 40)
        );
        assert!(parse(&["demo", "--requests", "0"]).is_err());
    }
}

//! Command line (clap derive). Parsing only.

use clap::{Args, Parser, Subcommand};
use llmtap_mock::stamped::StreamShape;
use std::net::SocketAddr;

/// Benchmark tools for llmtap (driven by `bench/run.py`).
#[derive(Debug, Parser)]
#[command(name = "llmtap-bench", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve OpenAI chat SSE streams whose content events carry their send time (the mock's
    /// stamped mode).
    Upstream(UpstreamArgs),
    /// Drive streaming load at a URL and report latency distributions as JSON.
    Load(LoadArgs),
}

/// What one stream looks like ([`llmtap_mock::stamped::StreamShape`]). The upstream's
/// defaults; each request may override them with the `x-bench-events`, `x-bench-tokens` and
/// `x-bench-gap-ms` headers.
#[derive(Debug, Clone, Copy, Args)]
pub struct ShapeArgs {
    /// Content events per stream (plus a role event, a finish/usage event and `[DONE]`).
    #[arg(long, default_value_t = 50)]
    pub events: u32,
    /// Words (≈ tokens) per content event.
    #[arg(long, default_value_t = 1)]
    pub tokens: u32,
    /// Pause between content events, in milliseconds (0: as fast as the connection takes
    /// them; tokio's timer resolution is 1 ms).
    #[arg(long, default_value_t = 0)]
    pub gap_ms: u64,
}

impl From<ShapeArgs> for StreamShape {
    fn from(args: ShapeArgs) -> StreamShape {
        StreamShape {
            events: args.events,
            tokens: args.tokens,
            gap_ms: args.gap_ms,
        }
    }
}

/// `llmtap-bench upstream`.
#[derive(Debug, Args)]
pub struct UpstreamArgs {
    /// Address to listen on (`127.0.0.1:0` picks a port; the real one is printed).
    #[arg(long)]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub shape: ShapeArgs,
}

/// `llmtap-bench load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// `http://HOST:PORT/PATH` to POST streaming chat completions to.
    #[arg(long)]
    pub url: String,
    /// Open loop: start this many streams per second on a fixed schedule, whatever the
    /// server's pace (latency is counted from the scheduled start: no coordinated omission).
    #[arg(long)]
    pub rate: Option<f64>,
    /// Saturation: keep this many streams in flight, each starting when the last ended.
    #[arg(long)]
    pub concurrency: Option<u32>,
    /// How long to start streams for, in seconds (streams in flight then are awaited).
    #[arg(long, default_value_t = 5.0)]
    pub duration_s: f64,
    /// Longest wait for the streams still in flight after the duration, in seconds.
    #[arg(long, default_value_t = 10.0)]
    pub grace_s: f64,
    /// Stream shape, sent to the upstream as `x-bench-*` headers.
    #[command(flatten)]
    pub shape: ShapeArgs,
    /// `model` in the request body.
    #[arg(long, default_value = "bench-model")]
    pub model: String,
    /// Extra request header, `NAME:VALUE` (repeatable; e.g. a proxy's API key).
    #[arg(long = "header")]
    pub headers: Vec<String>,
}

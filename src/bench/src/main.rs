//! `llmtap-bench`: the tools behind `make bench` (driver: `bench/run.py`; results:
//! `bench/RESULTS.md`).
//!
//! - `upstream`: an OpenAI-chat-compatible SSE server whose content events carry their send
//!   time (`"t"`, ns of `CLOCK_MONOTONIC`), one write per event;
//! - `load`: an open-loop (fixed arrival rate) or saturating (fixed concurrency) client that
//!   timestamps each event's arrival and reports per-chunk delivery latency, TTFB and TTFT
//!   as HdrHistogram distributions, plus chunks/s and streams/s, as JSON.

mod cli;
mod clock;
mod error;
mod event;
mod load;
mod report;
mod upstream;

use clap::Parser;
use cli::{Cli, Command};
use error::Error;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("llmtap-bench: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Each tool runs on one thread: the load generator and the upstream are separate
/// processes, so the scheduler can place them; neither should compete with itself.
fn run() -> Result<(), Error> {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    runtime.block_on(async move {
        match cli.command {
            Command::Upstream(args) => upstream::run(args).await,
            Command::Load(args) => load::run(args).await,
        }
    })
}

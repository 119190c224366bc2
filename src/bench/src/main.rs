//! `llmtap-bench`: the tools behind `make bench` (driver: `bench/run.py`; results:
//! `bench/RESULTS.md`).
//!
//! - `upstream`: the mock's stamped mode ([`llmtap_mock::Mode::Stamped`]): an
//!   OpenAI-chat-compatible SSE server whose content events carry their send time (`"t"`, ns
//!   of `CLOCK_MONOTONIC`), one write per event;
//! - `load`: an open-loop (fixed arrival rate) or saturating (fixed concurrency) client that
//!   timestamps each event's arrival and reports per-chunk delivery latency, TTFB and TTFT
//!   as HdrHistogram distributions, plus chunks/s and streams/s, as JSON.

mod cli;
mod error;
mod load;
mod report;

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
            Command::Upstream(args) => upstream(args).await,
            Command::Load(args) => load::run(args).await,
        }
    })
}

/// `llmtap-bench upstream`: serves stamped streams until killed.
async fn upstream(args: cli::UpstreamArgs) -> Result<(), Error> {
    let listener = llmtap_mock::bind(args.listen).await?;
    let local = llmtap_mock::local_addr(&listener, args.listen)?;
    println!("llmtap-bench upstream listening on http://{local}");
    llmtap_mock::serve(listener, llmtap_mock::Mode::Stamped(args.shape.into())).await;
    Ok(())
}

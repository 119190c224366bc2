//! `llmtap`: run Envoy with the llmtap filter, serve the mock LLM (llmtap-mock), run the
//! demo, the drift/spike aggregator (llmtap-aggregator), or count tokens. Usage: docs/cli.md.
//!
//! Arrows: `main` → the subcommands (`run`, `demo`, `mock`, `aggregate`, `tokens`) → the
//! Envoy launcher (`bootstrap`, `template`, `locate`, `launch`, `envoy`, `ports`) and the
//! libraries; `cli` (clap, parsing only) is read by the subcommands and by nothing else.

mod aggregate;
mod aggregate_args;
mod aggregator_cluster;
mod bootstrap;
mod cli;
mod demo;
mod envoy;
mod error;
mod launch;
mod load;
mod locate;
mod mock;
mod ports;
mod progress;
mod run;
mod scenario;
mod summary;
mod telemetry;
mod template;
mod tokens;
mod upstream;

use clap::Parser;
use cli::{Cli, Command};
use error::Error;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(Error::Interrupted) => {
            eprintln!("llmtap: interrupted");
            ExitCode::from(130)
        }
        Err(err) => {
            eprintln!("llmtap: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Parses the command line and runs the subcommand on a tokio runtime. The subcommand's
/// future runs on the main thread (`block_on`), which is where Envoy gets spawned.
fn run() -> Result<ExitCode, Error> {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::Runtime)?;
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Mock(args) => mock::run(args).await,
            Command::Run(args) => run::run(args).await,
            Command::Demo(args) => demo::run(args).await,
            Command::Aggregate(args) => aggregate::aggregate(args).await,
            Command::Drift(args) => aggregate::drift(args).await,
            Command::Tokens(args) => tokens::run(args),
        }
    });
    runtime.shutdown_timeout(Duration::from_secs(1));
    result
}

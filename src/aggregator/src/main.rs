//! `llmtap`: run Envoy with the llmtap filter, serve a mock LLM, or run the demo.
//! Usage: docs/cli.md.

mod aggregate;
mod bootstrap;
mod cli;
mod demo;
mod envoy;
mod error;
mod histogram;
mod http;
mod launch;
mod load;
mod locate;
mod mock;
mod ports;
mod progress;
mod prom_text;
mod run;
mod scenario;
mod sse_reader;
mod summary;
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

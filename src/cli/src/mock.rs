//! `llmtap mock`: serves the mock LLM (llmtap-mock, LLM mode) until SIGINT/SIGTERM.

use crate::cli::MockArgs;
use crate::error::Error;
use llmtap_mock::{MockSettings, Mode};
use std::io::Write as _;
use std::process::ExitCode;

/// The server-wide defaults the flags give.
fn settings(args: &MockArgs) -> MockSettings {
    MockSettings {
        ttft_ms: args.ttft_ms,
        token_delay_ms: args.token_delay_ms,
        tokens: args.tokens,
        usage: args.usage,
        replay_dir: args.replay_dir.clone(),
    }
}

/// Binds, prints the address it listens on (`127.0.0.1:0` picks a port), serves.
pub async fn run(args: MockArgs) -> Result<ExitCode, Error> {
    llmtap_mock::raise_fd_limit();
    let listener = llmtap_mock::bind(args.listen).await?;
    let local = llmtap_mock::local_addr(&listener, args.listen)?;
    println!("llmtap mock listening on {local}");
    let _ = std::io::stdout().flush();
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(Error::Signal)?;
    tokio::select! {
        () = llmtap_mock::serve(listener, Mode::Llm(settings(&args))) => {}
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
    Ok(ExitCode::SUCCESS)
}

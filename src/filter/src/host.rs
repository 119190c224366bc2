//! [`Host`] implemented with proxy-wasm host calls.

use llmtap_core::host::{Host, LogLevel, MetricDefinitionFailed, MetricKind};
use proxy_wasm::hostcalls;
use proxy_wasm::types::{LogLevel as ProxyLogLevel, MapType, MetricType};
use std::time::Instant;

/// The proxy, seen through the core's port. One per VM (the clock epoch is shared).
#[derive(Clone, Copy, Debug)]
pub struct ProxyHost {
    epoch: Instant,
}

impl ProxyHost {
    pub fn new() -> Self {
        // `Instant` is WASI `clock_time_get(MONOTONIC)`: it works in Envoy's V8 with sub-µs
        // resolution, unlike `proxy_get_current_time_nanoseconds` (1 µs, wall clock).
        ProxyHost {
            epoch: Instant::now(),
        }
    }
}

impl Host for ProxyHost {
    fn now_micros(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_micros()).unwrap_or(u64::MAX)
    }

    fn define_metric(&self, kind: MetricKind, name: &str) -> Result<u32, MetricDefinitionFailed> {
        let kind = match kind {
            MetricKind::Counter => MetricType::Counter,
            MetricKind::Gauge => MetricType::Gauge,
            MetricKind::Histogram => MetricType::Histogram,
        };
        hostcalls::define_metric(kind, name).map_err(|_| MetricDefinitionFailed {
            name: name.to_owned(),
        })
    }

    fn increment_metric(&self, id: u32, delta: i64) {
        // A failed increment cannot be reported anywhere useful; never let it trap.
        let _ = hostcalls::increment_metric(id, delta);
    }

    fn record_metric(&self, id: u32, value: u64) {
        let _ = hostcalls::record_metric(id, value);
    }

    fn log(&self, level: LogLevel, message: &str) {
        let level = match level {
            LogLevel::Trace => ProxyLogLevel::Trace,
            LogLevel::Debug => ProxyLogLevel::Debug,
            LogLevel::Info => ProxyLogLevel::Info,
            LogLevel::Warn => ProxyLogLevel::Warn,
            LogLevel::Error => ProxyLogLevel::Error,
            LogLevel::Critical => ProxyLogLevel::Critical,
        };
        let _ = hostcalls::log(level, message);
    }

    // Host calls act on the context Envoy is currently calling into, so these need no
    // context object.
    fn request_header(&self, name: &str) -> Option<String> {
        hostcalls::get_map_value(MapType::HttpRequestHeaders, name)
            .ok()
            .flatten()
    }

    fn response_header(&self, name: &str) -> Option<String> {
        hostcalls::get_map_value(MapType::HttpResponseHeaders, name)
            .ok()
            .flatten()
    }

    fn property(&self, path: &[&str]) -> Option<Vec<u8>> {
        hostcalls::get_property(path.to_vec()).ok().flatten()
    }

    fn set_attribute(&self, key: &str, value: &[u8]) {
        let _ = hostcalls::set_property(vec![key], Some(value));
    }
}

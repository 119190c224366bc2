//! The JSON report of one load run. Distributions are HdrHistogram (3 significant digits,
//! ≤ 0.1 % value error; hdrhistogram.github.io) in nanoseconds, reported in microseconds,
//! with the recorded buckets so runs can be merged (`bench/run.py` merges repetitions).

use crate::error::Error;
use hdrhistogram::Histogram;
use serde::Serialize;

/// Longest value a histogram holds: 10 minutes in ns (longer values are clamped).
const MAX_NS: u64 = 600_000_000_000;

/// A latency histogram in nanoseconds.
pub struct Latency(Histogram<u64>);

impl Latency {
    pub fn new() -> Result<Latency, Error> {
        Histogram::new_with_bounds(1, MAX_NS, 3)
            .map(Latency)
            .map_err(|e| Error::Histogram(e.to_string()))
    }

    /// Records one value in ns (0 is recorded as 1 ns, longer than 10 minutes as 10 minutes).
    pub fn record(&mut self, ns: u64) {
        self.0.saturating_record(ns.clamp(1, MAX_NS));
    }

    pub fn summary(&self) -> Distribution {
        let h = &self.0;
        let us = |ns: u64| ns as f64 / 1_000.0;
        Distribution {
            count: h.len(),
            mean_us: h.mean() / 1_000.0,
            p50_us: us(h.value_at_quantile(0.50)),
            p90_us: us(h.value_at_quantile(0.90)),
            p99_us: us(h.value_at_quantile(0.99)),
            p999_us: us(h.value_at_quantile(0.999)),
            max_us: us(h.max()),
            buckets_ns: h
                .iter_recorded()
                .map(|v| {
                    (
                        h.highest_equivalent(v.value_iterated_to()),
                        v.count_at_value(),
                    )
                })
                .collect(),
        }
    }
}

/// Quantiles of one distribution, and its non-empty buckets as (highest equivalent value
/// in ns, count).
#[derive(Debug, Serialize)]
pub struct Distribution {
    pub count: u64,
    pub mean_us: f64,
    pub p50_us: f64,
    pub p90_us: f64,
    pub p99_us: f64,
    pub p999_us: f64,
    pub max_us: f64,
    pub buckets_ns: Vec<(u64, u64)>,
}

/// One run of `llmtap-bench load`.
#[derive(Debug, Serialize)]
pub struct Report {
    pub mode: &'static str,
    pub url: String,
    /// Streams per second (open loop) or streams in flight (saturation).
    pub load: f64,
    pub events: u32,
    pub tokens: u32,
    pub gap_ms: u64,
    /// From the first start to the last stream's end, in seconds.
    pub elapsed_s: f64,
    pub streams_started: u64,
    pub streams_completed: u64,
    pub streams_failed: u64,
    pub first_error: Option<String>,
    /// Content chunks received (events with non-empty `delta.content`).
    pub chunks: u64,
    /// Content chunks that carried the upstream's send stamp.
    pub stamped_chunks: u64,
    pub chunks_per_s: f64,
    pub streams_per_s: f64,
    /// Arrival − send stamp of each stamped content chunk.
    pub chunk_delivery: Distribution,
    /// Scheduled start → response headers received (first byte of the response).
    pub ttfb: Distribution,
    /// Scheduled start → arrival of the first content chunk.
    pub ttft: Distribution,
}

impl Report {
    pub fn print(&self) -> Result<(), Error> {
        let text = serde_json::to_string(self).map_err(Error::Report)?;
        println!("{text}");
        Ok(())
    }
}

//! Embedding sums as counter series, so that the embedded store keeps them per step like every
//! other series and Prometheus keeps them as the aggregator exports them (`/metrics`): one
//! layout, read back by the same window queries (`increase()` over a window).
//!
//! Per `gen_ai_request_model`: [`COUNT`]; per dimension (`dim="0"`…) the positive and negative
//! parts of Σx ([`POSITIVE_SUM`], [`NEGATIVE_SUM`]; a counter never goes down, so Σx is split
//! into Σmax(x,0) and Σmax(−x,0)) and Σx² ([`SUM_SQUARES`]); Σ‖x‖² ([`NORM_SQUARES_SUM`]).

use crate::stats::embedding_drift::EmbeddingSums;
use crate::totals::{ByName, SeriesKey};
use std::collections::BTreeMap;

pub use crate::catalogue::{
    EMBEDDING_COUNT as COUNT, EMBEDDING_DIM as DIM, EMBEDDING_NEGATIVE_SUM as NEGATIVE_SUM,
    EMBEDDING_NORM_SQUARES_SUM as NORM_SQUARES_SUM, EMBEDDING_POSITIVE_SUM as POSITIVE_SUM,
    EMBEDDING_SERIES as NAMES, EMBEDDING_SUM_SQUARES as SUM_SQUARES,
};
/// The model label.
pub const MODEL: &str = "gen_ai_request_model";

/// One model's sums as the counters hold them: Σx split into its positive and negative parts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SplitSums {
    pub count: f64,
    pub positive: Vec<f64>,
    pub negative: Vec<f64>,
    pub sum_squares: Vec<f64>,
    pub norm_squares: f64,
}

impl SplitSums {
    /// Adds one embedding.
    pub fn add(&mut self, x: &[f32]) {
        if self.positive.len() < x.len() {
            self.positive.resize(x.len(), 0.0);
            self.negative.resize(x.len(), 0.0);
            self.sum_squares.resize(x.len(), 0.0);
        }
        self.count += 1.0;
        for (d, v) in x.iter().enumerate() {
            let v = f64::from(*v);
            if v >= 0.0 {
                self.positive[d] += v;
            } else {
                self.negative[d] -= v;
            }
            self.sum_squares[d] += v * v;
            self.norm_squares += v * v;
        }
    }

    /// Adds another model's split sums.
    pub fn merge(&mut self, other: &SplitSums) {
        let n = self.positive.len().max(other.positive.len());
        self.positive.resize(n, 0.0);
        self.negative.resize(n, 0.0);
        self.sum_squares.resize(n, 0.0);
        self.count += other.count;
        self.norm_squares += other.norm_squares;
        for d in 0..other.positive.len() {
            self.positive[d] += other.positive[d];
            self.negative[d] += other.negative[d];
            self.sum_squares[d] += other.sum_squares[d];
        }
    }

    /// The series of these sums for `model` (increments for the store, cumulative values for
    /// `/metrics`).
    pub fn series(&self, model: &str) -> Vec<(SeriesKey, f64)> {
        let key = |name: &str, dim: Option<&str>| {
            let mut labels = vec![(MODEL, model)];
            if let Some(d) = dim {
                labels.push((DIM, d));
            }
            SeriesKey::reduce(name, labels)
        };
        let mut out = Vec::with_capacity(2 + 3 * self.positive.len());
        out.push((key(COUNT, None), self.count));
        out.push((key(NORM_SQUARES_SUM, None), self.norm_squares));
        for (name, values) in [
            (POSITIVE_SUM, &self.positive),
            (NEGATIVE_SUM, &self.negative),
            (SUM_SQUARES, &self.sum_squares),
        ] {
            for (d, v) in values.iter().enumerate() {
                out.push((key(name, Some(&d.to_string())), *v));
            }
        }
        out
    }
}

/// The sums per model a window's series give (Σx = positive − negative).
pub fn sums_by_model(window: &ByName<'_>) -> BTreeMap<String, EmbeddingSums> {
    let mut out: BTreeMap<String, EmbeddingSums> = BTreeMap::new();
    let dim_of = |key: &SeriesKey| key.label(DIM).parse::<usize>().ok();
    for (key, value) in window.named(COUNT) {
        out.entry(key.label(MODEL).to_owned()).or_default().count += value;
    }
    for (key, value) in window.named(NORM_SQUARES_SUM) {
        out.entry(key.label(MODEL).to_owned())
            .or_default()
            .norm_squares += value;
    }
    for (name, sign) in [(POSITIVE_SUM, 1.0), (NEGATIVE_SUM, -1.0)] {
        for (key, value) in window.named(name) {
            let Some(d) = dim_of(key) else { continue };
            let sums = out.entry(key.label(MODEL).to_owned()).or_default();
            if sums.sum.len() <= d {
                sums.sum.resize(d + 1, 0.0);
            }
            sums.sum[d] += sign * value;
        }
    }
    for (key, value) in window.named(SUM_SQUARES) {
        let Some(d) = dim_of(key) else { continue };
        let sums = out.entry(key.label(MODEL).to_owned()).or_default();
        if sums.sum_squares.len() <= d {
            sums.sum_squares.resize(d + 1, 0.0);
        }
        sums.sum_squares[d] += value;
    }
    // A model whose count is zero in this window (only zero increments) has no sums.
    out.retain(|_, s| s.count > 0.0);
    for s in out.values_mut() {
        let n = s.sum.len().max(s.sum_squares.len());
        s.sum.resize(n, 0.0);
        s.sum_squares.resize(n, 0.0);
    }
    out
}

//! `llmtap drift --once --bench-series N` (hidden): times the analysis — drift on every
//! histogram and category feature, spikes on every signal — over N synthetic histogram series
//! (the [`HISTOGRAMS`] families × N / 5 label sets, stationary traffic from
//! [`Traffic::typical`]). The figures are printed as JSON; bench/aggregator/ runs it.

use super::analysis::{analyze, AnalysisSettings};
use super::catalogue::HISTOGRAMS;
use super::synthetic::{stationary_evaluation, SplitMix64, Traffic};
use std::time::Instant;

/// Requests per label set in the synthetic windows (the analysis' cost depends on the
/// number of series and buckets, not on these counts).
const REFERENCE_REQUESTS: u64 = 5_000;
const CURRENT_REQUESTS: u64 = 1_000;
/// The default windows: 24 trailing spike windows and the current one.
const SPIKE_WINDOWS: usize = 25;
const SPIKE_WINDOW_REQUESTS: u64 = 200;
/// Timed repetitions of the analysis.
const REPETITIONS: usize = 5;

/// What one bench run measured.
#[derive(Debug, serde::Serialize)]
pub struct BenchFigures {
    /// Histogram series asked for: families × label sets.
    pub histogram_series: usize,
    pub label_sets: usize,
    /// Series (with their `le` and category labels) in the current window's totals.
    pub raw_series_current_window: usize,
    /// Series in all spike windows together.
    pub raw_series_spike_windows: usize,
    pub drift_comparisons: usize,
    pub spike_evaluations: usize,
    pub alarms: usize,
    /// Seconds to draw the synthetic totals (not part of an evaluation).
    pub generate_seconds: f64,
    /// Seconds per analysis, each repetition.
    pub analyze_seconds: Vec<f64>,
    pub analyze_seconds_median: f64,
}

/// Runs the bench.
pub fn run(series: usize) -> BenchFigures {
    let label_sets = series.div_ceil(HISTOGRAMS.len()).max(1);
    let names: Vec<(String, String)> = (0..label_sets)
        .map(|i| (format!("model-{}", i % 50), format!("svc-{}", i / 50)))
        .collect();
    let groups: Vec<Vec<(&str, &str)>> = names
        .iter()
        .map(|(m, s)| {
            vec![
                ("gen_ai_request_model", m.as_str()),
                ("destination_service", s.as_str()),
            ]
        })
        .collect();
    let started = Instant::now();
    let mut rng = SplitMix64::new(10_000);
    let totals = stationary_evaluation(
        &mut rng,
        &Traffic::typical(),
        &groups,
        REFERENCE_REQUESTS,
        CURRENT_REQUESTS,
        SPIKE_WINDOWS,
        SPIKE_WINDOW_REQUESTS,
    );
    let generate_seconds = started.elapsed().as_secs_f64();
    let settings = AnalysisSettings::default();
    let mut analyze_seconds = Vec::with_capacity(REPETITIONS);
    let mut last = None;
    for _ in 0..REPETITIONS {
        let t = Instant::now();
        let analysis = analyze(&totals, &settings);
        analyze_seconds.push(t.elapsed().as_secs_f64());
        last = Some(analysis);
    }
    let mut sorted = analyze_seconds.clone();
    sorted.sort_by(f64::total_cmp);
    let analysis = last.unwrap_or_default();
    BenchFigures {
        histogram_series: label_sets * HISTOGRAMS.len(),
        label_sets,
        raw_series_current_window: totals.current.series.len(),
        raw_series_spike_windows: totals.spikes.iter().map(|t| t.series.len()).sum(),
        drift_comparisons: analysis.drift.len(),
        spike_evaluations: analysis.spikes.len(),
        alarms: analysis.alarms(),
        generate_seconds,
        analyze_seconds_median: sorted.get(sorted.len() / 2).copied().unwrap_or(0.0),
        analyze_seconds,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bench_analyses_every_series() {
        let f = super::run(50);
        assert_eq!((f.label_sets, f.histogram_series), (10, 50));
        // 5 histogram + 2 category features per label set; 2 signals per label set.
        assert_eq!(f.drift_comparisons, 70);
        assert_eq!(f.spike_evaluations, 20);
        assert_eq!(f.analyze_seconds.len(), 5);
    }
}

//! Synthetic window totals drawn from known distributions: the false-alarm test (stationary
//! traffic must alarm at no more than the stated rates) and the 10 000-series bench
//! (`llmtap drift --once --bench-series N`, bench/aggregator/) both build their input here,
//! as the same cumulative `le` buckets and counters a source returns.

use super::analysis::WindowTotals;
use super::catalogue::{CATEGORIES, HISTOGRAMS};
use super::totals::{SeriesKey, Totals};
use llmtap_core::metrics::catalogue as metrics;

/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014; constants from Vigna's reference `splitmix64.c`): seeded, reproducible, and
/// good enough for multinomial draws in tests and benches (not for cryptography).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One of `0..cumulative.len()`, where `cumulative` holds the running sums of the
    /// probabilities (the last one ≈ 1).
    pub fn category(&mut self, cumulative: &[f64]) -> usize {
        let u = self.next_f64() * cumulative.last().copied().unwrap_or(1.0);
        cumulative
            .partition_point(|c| *c <= u)
            .min(cumulative.len().saturating_sub(1))
    }

    /// A multinomial draw: `n` observations over categories with probabilities `p`.
    pub fn multinomial(&mut self, p: &[f64], n: u64) -> Vec<f64> {
        let cumulative = running_sums(p);
        let mut counts = vec![0.0; p.len()];
        for _ in 0..n {
            if let Some(c) = counts.get_mut(self.category(&cumulative)) {
                *c += 1.0;
            }
        }
        counts
    }

    /// A binomial draw: events among `n` trials of probability `p`.
    pub fn binomial(&mut self, n: u64, p: f64) -> u64 {
        (0..n).filter(|_| self.next_f64() < p).count() as u64
    }
}

fn running_sums(p: &[f64]) -> Vec<f64> {
    p.iter()
        .scan(0.0, |acc, x| {
            *acc += x;
            Some(*acc)
        })
        .collect()
}

/// The probability of each bucket (the bounds of `bounds`, then +Inf) of a log-normal
/// distribution with this median and σ of the logarithm, by the normal CDF (Abramowitz &
/// Stegun 7.1.26 for erf, |error| < 1.5·10⁻⁷).
pub fn lognormal_buckets(bounds: &[u64], median: f64, sigma: f64) -> Vec<f64> {
    let cdf =
        |x: f64| 0.5 * (1.0 + erf((x.ln() - median.ln()) / (sigma * std::f64::consts::SQRT_2)));
    let mut previous = 0.0;
    let mut out: Vec<f64> = bounds
        .iter()
        .map(|b| {
            let c = cdf(*b as f64);
            let p = (c - previous).max(0.0);
            previous = c;
            p
        })
        .collect();
    out.push((1.0 - previous).max(0.0));
    out
}

/// erf by Abramowitz & Stegun 7.1.26.
fn erf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let y = 1.0 - poly * (-x * x).exp();
    if x < 0.0 {
        -y
    } else {
        y
    }
}

/// Adds `count` to the counter series `family{labels, label}`.
fn add_counter(
    totals: &mut Totals,
    family: &str,
    labels: &[(&str, &str)],
    label: (&str, &str),
    count: f64,
) {
    let mut with: Vec<(&str, &str)> = labels.to_vec();
    with.push(label);
    totals.add(SeriesKey::reduce(family, with), count);
}

/// Adds `refusals` phrase-matched refusals under `labels`.
fn add_refusals(totals: &mut Totals, labels: &[(&str, &str)], refusals: u64) {
    let source = ("refusal_source", "phrase");
    add_counter(
        totals,
        super::catalogue::REFUSALS,
        labels,
        source,
        refusals as f64,
    );
}

/// Adds one histogram's per-bucket `counts` (bounds `bounds`, then +Inf) as cumulative
/// `NAME_bucket{…,le}` series, the way a source returns them.
pub fn add_histogram(
    totals: &mut Totals,
    family: &str,
    labels: &[(&str, &str)],
    bounds: &[u64],
    counts: &[f64],
) {
    let name = format!("{family}_bucket");
    let les: Vec<String> = bounds
        .iter()
        .map(u64::to_string)
        .chain(std::iter::once("+Inf".to_owned()))
        .collect();
    let mut cumulative = 0.0;
    for (le, count) in les.iter().zip(counts) {
        cumulative += count;
        let mut with_le: Vec<(&str, &str)> = labels.to_vec();
        with_le.push(("le", le.as_str()));
        totals.add(SeriesKey::reduce(&name, with_le), cumulative);
    }
}

/// What stationary traffic of one label set looks like: the distributions every window is
/// drawn from.
#[derive(Debug, Clone)]
pub struct Traffic {
    /// (bucket bounds, bucket probabilities) per [`HISTOGRAMS`] feature, in its order.
    pub histograms: Vec<(&'static [u64], Vec<f64>)>,
    /// (label value, probability) per [`CATEGORIES`] feature, in its order.
    pub categories: Vec<Vec<(&'static str, f64)>>,
    /// Refusal probability per request.
    pub refusal_rate: f64,
    /// Error probability per request (outcome `error_event`).
    pub error_rate: f64,
}

impl Traffic {
    /// A plausible chat model: log-normal token counts and latencies; finish reasons
    /// stop 93 %, length 5 %, content_filter 1 %, tool_calls 1 %; outcomes complete 97 %,
    /// client_cancel 2 %, error_event 1 %; refusals 2 %.
    pub fn typical() -> Traffic {
        Traffic {
            histograms: vec![
                (
                    metrics::TOKEN_BUCKETS,
                    lognormal_buckets(metrics::TOKEN_BUCKETS, 300.0, 1.0),
                ),
                (
                    metrics::TOKEN_BUCKETS,
                    lognormal_buckets(metrics::TOKEN_BUCKETS, 150.0, 0.8),
                ),
                (
                    metrics::TTFT_BUCKETS_MS,
                    lognormal_buckets(metrics::TTFT_BUCKETS_MS, 400.0, 0.6),
                ),
                (
                    metrics::GAP_BUCKETS_US,
                    lognormal_buckets(metrics::GAP_BUCKETS_US, 20_000.0, 0.7),
                ),
                (
                    metrics::DURATION_BUCKETS_MS,
                    lognormal_buckets(metrics::DURATION_BUCKETS_MS, 3_000.0, 0.7),
                ),
            ],
            categories: vec![
                vec![
                    ("stop", 0.93),
                    ("length", 0.05),
                    ("content_filter", 0.01),
                    ("tool_calls", 0.01),
                ],
                vec![
                    ("complete", 0.97),
                    ("client_cancel", 0.02),
                    ("error_event", 0.01),
                ],
            ],
            refusal_rate: 0.02,
            error_rate: 0.01,
        }
    }

    /// Adds `requests` requests of this traffic to `totals` under `labels`: every histogram
    /// feature and category feature, and the refusal and request counters. The error rate
    /// rides on the `outcome` category `error_event`.
    pub fn draw_window(
        &self,
        rng: &mut SplitMix64,
        totals: &mut Totals,
        labels: &[(&str, &str)],
        requests: u64,
    ) {
        for (feature, (bounds, p)) in HISTOGRAMS.iter().zip(&self.histograms) {
            let counts = rng.multinomial(p, requests);
            add_histogram(totals, feature.family, labels, bounds, &counts);
        }
        for (feature, categories) in CATEGORIES.iter().zip(&self.categories) {
            let p: Vec<f64> = categories.iter().map(|(_, p)| *p).collect();
            let counts = rng.multinomial(&p, requests);
            for ((value, _), count) in categories.iter().zip(counts) {
                add_counter(
                    totals,
                    feature.family,
                    labels,
                    (feature.label, value),
                    count,
                );
            }
        }
        let refusals = rng.binomial(requests, self.refusal_rate);
        add_refusals(totals, labels, refusals);
    }

    /// The spike windows' counters only (requests by outcome, refusals): what an evaluation
    /// reads for each of its trailing windows.
    pub fn draw_rates(
        &self,
        rng: &mut SplitMix64,
        totals: &mut Totals,
        labels: &[(&str, &str)],
        requests: u64,
    ) {
        let errors = rng.binomial(requests, self.error_rate);
        let refusals = rng.binomial(requests, self.refusal_rate);
        for (outcome, count) in [("complete", requests - errors), ("error_event", errors)] {
            let outcome = ("outcome", outcome);
            add_counter(
                totals,
                super::catalogue::REQUESTS,
                labels,
                outcome,
                count as f64,
            );
        }
        add_refusals(totals, labels, refusals);
    }
}

/// The totals of one evaluation where every label set in `groups` sends stationary
/// `traffic`: `reference` and `current` requests in those windows, and `per_spike_window`
/// requests in each of `spike_windows` spike windows (the last is the current one).
pub fn stationary_evaluation(
    rng: &mut SplitMix64,
    traffic: &Traffic,
    groups: &[Vec<(&str, &str)>],
    reference: u64,
    current: u64,
    spike_windows: usize,
    per_spike_window: u64,
) -> WindowTotals {
    let mut totals = WindowTotals {
        spikes: vec![Totals::default(); spike_windows],
        ..WindowTotals::default()
    };
    for labels in groups {
        traffic.draw_window(rng, &mut totals.reference, labels, reference);
        traffic.draw_window(rng, &mut totals.current, labels, current);
        for window in &mut totals.spikes {
            traffic.draw_rates(rng, window, labels, per_spike_window);
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_follow_their_distribution() {
        let mut rng = SplitMix64::new(1);
        let counts = rng.multinomial(&[0.2, 0.3, 0.5], 100_000);
        assert_eq!(counts.iter().sum::<f64>(), 100_000.0);
        for (c, p) in counts.iter().zip([0.2, 0.3, 0.5]) {
            // 5 standard deviations of a binomial proportion at n = 10⁵: < 0.008.
            assert!((c / 100_000.0 - p).abs() < 0.008, "{counts:?}");
        }
        let k = rng.binomial(100_000, 0.01);
        assert!((800..1200).contains(&k), "{k}");
    }

    #[test]
    fn lognormal_buckets_sum_to_one_around_the_median() {
        let p = lognormal_buckets(&[10, 100, 1000], 100.0, 1.0);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // Half the mass at or below the median (erf approximation error < 1.5e-7).
        assert!((p[0] + p[1] - 0.5).abs() < 1e-6, "{p:?}");
        // P(ln X − ln 100 ≤ −ln 10) = Φ(−2.302585) = 0.010651.
        assert!((p[0] - 0.010_651).abs() < 1e-5, "{p:?}");
    }
}

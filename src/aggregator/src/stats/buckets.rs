//! From scraped cumulative series to per-window increments.
//!
//! Prometheus histograms are cumulative twice over: each `le` bucket counts everything at
//! or below its bound, and every series only grows until the process restarts. The
//! aggregator needs, for a window, how many samples fell into each bucket.

/// Increase of a counter between two scrapes, with Prometheus' reset rule (a decrease
/// means the process restarted and the counter started again from zero, so the increase
/// is the new value; `increase()` in PromQL, prometheus/prometheus `promql/functions.go`).
pub fn counter_increase(previous: f64, current: f64) -> f64 {
    if current < previous {
        current
    } else {
        current - previous
    }
}

/// Per-bucket counts from cumulative `le` buckets sorted by bound (the last one `+Inf`).
/// Negative differences (which a scrape taken mid-update can show) are clamped to 0.
pub fn per_bucket(cumulative: &[f64]) -> Vec<f64> {
    let mut previous = 0.0;
    cumulative
        .iter()
        .map(|&c| {
            let count = (c - previous).max(0.0);
            previous = previous.max(c);
            count
        })
        .collect()
}

/// Merges adjacent buckets so that no merged bin holds less than `min_fraction` of the two
/// windows pooled with equal weight, wᵢ = ½(rᵢ/R + cᵢ/C) (tiny bins inflate PSI's variance;
/// Siddiqi 2006, *Credit Risk Scorecards*, recommends ≥ 5% per bin). Pooling both windows
/// (rather than the reference alone) keeps a bin where only the current window has mass, so
/// a shift into buckets the reference never used stays visible. Returns the merged reference
/// and current counts and the bucket groups used, as index ranges over the input.
pub fn merge_sparse(
    reference: &[f64],
    current: &[f64],
    min_fraction: f64,
) -> (Vec<f64>, Vec<f64>, Vec<std::ops::Range<usize>>) {
    let rt: f64 = reference.iter().sum();
    let ct: f64 = current.iter().sum();
    let share = |v: f64, t: f64| if t > 0.0 { v / t } else { 0.0 };
    let sides = f64::from(u8::from(rt > 0.0) + u8::from(ct > 0.0)).max(1.0);
    let weights: Vec<f64> = (0..reference.len())
        .map(|i| {
            (share(reference[i], rt) + share(current.get(i).copied().unwrap_or(0.0), ct)) / sides
        })
        .collect();
    let total: f64 = weights.iter().sum();
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    let mut acc = 0.0;
    for (i, w) in weights.iter().enumerate() {
        acc += w;
        if total > 0.0 && acc / total >= min_fraction {
            groups.push(start..i + 1);
            start = i + 1;
            acc = 0.0;
        }
    }
    if start < reference.len() {
        match groups.last_mut() {
            Some(last) if acc / total.max(f64::MIN_POSITIVE) < min_fraction => {
                last.end = reference.len()
            }
            _ => groups.push(start..reference.len()),
        }
    }
    let sum =
        |v: &[f64], g: &std::ops::Range<usize>| v.get(g.clone()).map_or(0.0, |s| s.iter().sum());
    let r = groups.iter().map(|g| sum(reference, g)).collect();
    let c = groups.iter().map(|g| sum(current, g)).collect();
    (r, c, groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_resets_count_from_zero() {
        assert_eq!(counter_increase(10.0, 15.0), 5.0);
        assert_eq!(counter_increase(10.0, 3.0), 3.0);
    }

    #[test]
    fn cumulative_buckets_become_per_bucket_counts() {
        assert_eq!(per_bucket(&[1.0, 4.0, 4.0, 10.0]), vec![1.0, 3.0, 0.0, 6.0]);
        assert_eq!(per_bucket(&[5.0, 4.0, 6.0]), vec![5.0, 0.0, 1.0]);
    }

    #[test]
    fn sparse_buckets_are_merged_on_pooled_fractions() {
        // Pooled weights: ½(r/100 + c/20) = (0.06, 0.005, 0.49, 0.375, 0.075).
        let (r, c, groups) = merge_sparse(
            &[1.0, 1.0, 48.0, 50.0, 0.0],
            &[2.0, 0.0, 10.0, 5.0, 3.0],
            0.05,
        );
        assert_eq!(groups, vec![0..1, 1..3, 3..4, 4..5]);
        assert_eq!(r, vec![1.0, 49.0, 50.0, 0.0]);
        assert_eq!(c, vec![2.0, 10.0, 5.0, 3.0]);
        // A reference concentrated in one bucket and a current one in another keep two bins.
        let (r, c, _) = merge_sparse(&[0.0, 100.0, 0.0, 0.0], &[0.0, 0.0, 0.0, 30.0], 0.05);
        assert_eq!((r, c), (vec![100.0, 0.0], vec![0.0, 30.0]));
    }
}

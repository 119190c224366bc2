//! Cumulative histograms (Prometheus `_bucket{le=…}` series) and their quantiles.

/// A cumulative histogram: `(upper bound, observations ≤ bound)`, sorted by bound.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    buckets: Vec<(f64, f64)>,
}

impl Histogram {
    /// From `(le, cumulative count)` pairs in any order; equal bounds are merged (summed).
    pub fn from_cumulative(mut buckets: Vec<(f64, f64)>) -> Histogram {
        buckets.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut merged: Vec<(f64, f64)> = Vec::with_capacity(buckets.len());
        for (bound, count) in buckets {
            match merged.last_mut() {
                Some(last) if last.0 == bound => last.1 += count,
                _ => merged.push((bound, count)),
            }
        }
        Histogram { buckets: merged }
    }

    /// The sorted `(upper bound, cumulative count)` pairs.
    #[allow(dead_code)] // API for the aggregator; used by tests
    pub fn buckets(&self) -> &[(f64, f64)] {
        &self.buckets
    }

    /// Observations in total (the `+Inf` bucket; 0 without one).
    pub fn count(&self) -> f64 {
        match self.buckets.last() {
            Some((bound, count)) if bound.is_infinite() => *count,
            _ => 0.0,
        }
    }

    /// The `q`-quantile exactly as PromQL's `histogram_quantile` (classic histograms,
    /// `promql/quantile.go` bucketQuantile) computes it:
    ///
    /// - `q < 0` → −∞, `q > 1` → +∞, `q` NaN → NaN;
    /// - NaN without a `+Inf` bucket, with fewer than 2 buckets, or with no observations;
    /// - counts are forced monotonic (each bucket at least the previous one);
    /// - rank = q × count; the answer lies in the first bucket whose cumulative count ≥ rank;
    /// - in the `+Inf` bucket → the highest finite bound;
    /// - in the first bucket with a bound ≤ 0 → that bound;
    /// - otherwise linear interpolation inside the bucket, whose lower edge is the previous
    ///   bound (0 for the first bucket): `lower + (upper − lower) × (rank − below) / in_bucket`.
    ///
    /// The result is in the histogram's unit.
    pub fn quantile(&self, q: f64) -> f64 {
        if q.is_nan() {
            return f64::NAN;
        }
        if q < 0.0 {
            return f64::NEG_INFINITY;
        }
        if q > 1.0 {
            return f64::INFINITY;
        }
        let mut buckets = self.buckets.clone();
        match buckets.last() {
            Some((bound, _)) if *bound == f64::INFINITY => {}
            _ => return f64::NAN,
        }
        let mut max = f64::NEG_INFINITY;
        for bucket in &mut buckets {
            max = max.max(bucket.1);
            bucket.1 = max;
        }
        if buckets.len() < 2 {
            return f64::NAN;
        }
        let last = buckets.len() - 1;
        let observations = buckets[last].1;
        if observations == 0.0 {
            return f64::NAN;
        }
        let mut rank = q * observations;
        let b = buckets[..last]
            .iter()
            .position(|(_, count)| *count >= rank)
            .unwrap_or(last);
        if b == last {
            return buckets[last - 1].0;
        }
        if b == 0 && buckets[0].0 <= 0.0 {
            return buckets[0].0;
        }
        let (mut start, end, mut count) = (0.0, buckets[b].0, buckets[b].1);
        if b > 0 {
            start = buckets[b - 1].0;
            count -= buckets[b - 1].1;
            rank -= buckets[b - 1].1;
        }
        start + (end - start) * (rank / count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INF: f64 = f64::INFINITY;

    fn h(pairs: &[(f64, f64)]) -> Histogram {
        Histogram::from_cumulative(pairs.to_vec())
    }

    #[test]
    fn interpolates_linearly_inside_the_bucket() {
        // 10 observations: 2 in (0,10], 6 in (10,100], 2 in (100,+Inf).
        let hist = h(&[(10.0, 2.0), (100.0, 8.0), (INF, 10.0)]);
        // rank 5 → bucket (10,100], 3 of its 6 → 10 + 90 × 3/6.
        assert_eq!(hist.quantile(0.5), 55.0);
        // rank 1 → first bucket, lower edge 0 → 0 + 10 × 1/2.
        assert_eq!(hist.quantile(0.1), 5.0);
        // rank 8 exactly at the bucket's top → its bound.
        assert_eq!(hist.quantile(0.8), 100.0);
        // rank 9.9 → +Inf bucket → highest finite bound.
        assert_eq!(hist.quantile(0.99), 100.0);
        assert_eq!(hist.quantile(0.0), 0.0);
        assert_eq!(hist.count(), 10.0);
    }

    #[test]
    fn promql_special_cases() {
        let hist = h(&[(1.0, 1.0), (INF, 1.0)]);
        assert_eq!(hist.quantile(-0.1), f64::NEG_INFINITY);
        assert_eq!(hist.quantile(1.1), INF);
        assert!(hist.quantile(f64::NAN).is_nan());
        assert!(
            h(&[(1.0, 1.0), (2.0, 2.0)]).quantile(0.5).is_nan(),
            "no +Inf"
        );
        assert!(h(&[(INF, 3.0)]).quantile(0.5).is_nan(), "one bucket");
        assert!(h(&[(1.0, 0.0), (INF, 0.0)]).quantile(0.5).is_nan(), "empty");
        // A first bucket with a bound ≤ 0 answers its bound.
        assert_eq!(h(&[(-1.0, 5.0), (INF, 5.0)]).quantile(0.5), -1.0);
        // Non-monotonic input is forced monotonic: (5 → 4) counts as 5.
        let bumpy = h(&[(1.0, 5.0), (2.0, 4.0), (3.0, 10.0), (INF, 10.0)]);
        assert_eq!(bumpy.quantile(0.75), 2.5);
    }

    #[test]
    fn merges_equal_bounds_and_sorts() {
        let hist = h(&[(INF, 4.0), (10.0, 1.0), (10.0, 2.0), (INF, 1.0)]);
        assert_eq!(hist.buckets(), &[(10.0, 3.0), (INF, 5.0)]);
    }

    #[test]
    fn matches_a_promql_worked_example() {
        // TTFT-like buckets in ms; 100 requests spread 60–100 ms.
        let hist = h(&[
            (50.0, 0.0),
            (60.0, 0.0),
            (80.0, 50.0),
            (100.0, 100.0),
            (250.0, 100.0),
            (INF, 100.0),
        ]);
        assert_eq!(hist.quantile(0.5), 80.0);
        assert_eq!(hist.quantile(0.25), 70.0);
        assert!((hist.quantile(0.99) - 99.6).abs() < 1e-9);
    }
}

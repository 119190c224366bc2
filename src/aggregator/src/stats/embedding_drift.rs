//! Topic drift: the centroids of two windows of prompt embeddings, compared from sums that
//! add up across replicas, steps and windows ([`EmbeddingSums`]).
//!
//! - **Effect**: the cosine distance 1 − cos(x̄, ȳ) between the reference centroid x̄ and
//!   the current centroid ȳ (the seeds' band: ≥ 0.05, "the types of questions have shifted").
//! - **Spread** of a window: the mean squared distance to its centroid,
//!   s = (Σ‖x‖² − n‖x̄‖²)/(n − 1), an unbiased estimate of tr(Σ) (total variance).
//! - **Significance**: under no drift (both windows from one distribution), with independent
//!   samples, E‖x̄ − ȳ‖² = tr(Σ_ref)/n + tr(Σ_cur)/m: the distance expected from sampling alone,
//!   shrinking as 1/n + 1/m. This is the centring of the high-dimensional two-sample mean
//!   tests of Bai & Saranadasa (1996, *Statistica Sinica* 6:311–329) and Chen & Qin (2010,
//!   *Annals of Statistics* 38:808–835). Their standardisation needs tr(Σ²), which the
//!   per-dimension sums cannot give (it needs every cross-product); instead the statistic
//!   T = ‖x̄ − ȳ‖² / (s_ref/n + s_cur/m) is compared with a bound that holds for every
//!   covariance: for Gaussian means, ‖x̄ − ȳ‖² = Σ λᵢZᵢ² with Σλᵢ = tr(Σ_ref)/n + tr(Σ_cur)/m,
//!   and P(Σ λᵢZᵢ² ≥ t·Σλᵢ) ≤ P(χ²₁ ≥ t) for t ≥ 1.5365 (Székely & Bakirov 2003, "Extremal
//!   probabilities for Gaussian quadratic forms", *Probab. Theory Relat. Fields* 126:184–202;
//!   used the same way by Székely, Rizzo & Bakirov 2007, Ann. Statist. 35, Theorem 6). The
//!   reported p-value is that bound (1 below t = 1.5365), so the test's false-alarm rate is at
//!   most α whatever the embedding's covariance (conservative when the variance is spread
//!   over many directions).
//! - **Verdict**: `drift` only when both the effect (cosine distance ≥ threshold) and the
//!   significance (p ≤ α) hold; `insufficient_volume` when a window has fewer than
//!   `min_samples` prompts; `no_data` when a window is empty.

use super::drift::Verdict;
use statrs::distribution::{ChiSquared, ContinuousCDF};

/// Sums over a set of embeddings that add up across replicas, steps and windows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbeddingSums {
    /// Number of embeddings.
    pub count: f64,
    /// Σx, per dimension.
    pub sum: Vec<f64>,
    /// Σx², per dimension.
    pub sum_squares: Vec<f64>,
    /// Σ‖x‖².
    pub norm_squares: f64,
}

impl EmbeddingSums {
    /// Adds one embedding.
    pub fn add(&mut self, x: &[f32]) {
        if self.sum.len() < x.len() {
            self.sum.resize(x.len(), 0.0);
            self.sum_squares.resize(x.len(), 0.0);
        }
        self.count += 1.0;
        for (i, v) in x.iter().enumerate() {
            let v = f64::from(*v);
            self.sum[i] += v;
            self.sum_squares[i] += v * v;
            self.norm_squares += v * v;
        }
    }

    /// Adds another set's sums.
    pub fn merge(&mut self, other: &EmbeddingSums) {
        if self.sum.len() < other.sum.len() {
            self.sum.resize(other.sum.len(), 0.0);
            self.sum_squares.resize(other.sum.len(), 0.0);
        }
        self.count += other.count;
        for (i, v) in other.sum.iter().enumerate() {
            self.sum[i] += v;
        }
        for (i, v) in other.sum_squares.iter().enumerate() {
            self.sum_squares[i] += v;
        }
        self.norm_squares += other.norm_squares;
    }

    /// The centroid x̄ (None when empty).
    pub fn centroid(&self) -> Option<Vec<f64>> {
        (self.count > 0.0).then(|| self.sum.iter().map(|s| s / self.count).collect())
    }

    /// Mean squared distance to the centroid, (Σ‖x‖² − n‖x̄‖²)/(n − 1): unbiased for tr(Σ).
    /// None below 2 embeddings.
    pub fn spread(&self) -> Option<f64> {
        if self.count < 2.0 {
            return None;
        }
        let centroid_sq: f64 = self.sum.iter().map(|s| (s / self.count).powi(2)).sum();
        Some(((self.norm_squares - self.count * centroid_sq) / (self.count - 1.0)).max(0.0))
    }
}

/// Settings of the embedding drift test.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmbeddingDriftSettings {
    /// Cosine distance between the centroids from which a shift matters (default 0.05).
    pub threshold: f64,
    /// False-alarm probability bound per comparison (default 0.01; at most 0.215, where the
    /// Székely–Bakirov bound holds).
    pub alpha: f64,
    /// Minimum prompts per window (default 50).
    pub min_samples: f64,
}

impl Default for EmbeddingDriftSettings {
    fn default() -> Self {
        EmbeddingDriftSettings {
            threshold: 0.05,
            alpha: 0.01,
            min_samples: 50.0,
        }
    }
}

/// Below this t the χ²₁ tail is no bound on the tail of Σλᵢχ²₁ (Székely & Bakirov 2003).
pub const SZEKELY_BAKIROV_MIN_T: f64 = 1.5365;

/// One comparison of two windows.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EmbeddingDriftReport {
    pub reference_samples: f64,
    pub current_samples: f64,
    /// 1 − cos(x̄_ref, x̄_cur).
    pub cosine_distance: Option<f64>,
    /// Mean squared distance to the centroid in each window (≈ tr Σ).
    pub reference_spread: Option<f64>,
    pub current_spread: Option<f64>,
    /// ‖x̄_ref − x̄_cur‖².
    pub squared_distance: Option<f64>,
    /// s_ref/n + s_cur/m: E‖x̄_ref − x̄_cur‖² from sampling alone.
    pub expected_squared_distance_without_drift: Option<f64>,
    /// squared_distance / expected_squared_distance_without_drift.
    pub statistic: Option<f64>,
    /// Upper bound on the p-value: P(χ²₁ ≥ statistic) (1 below 1.5365).
    pub p_value: Option<f64>,
    pub threshold: f64,
    pub verdict: Verdict,
}

/// P(χ²₁ ≥ t), the bound on P(Σλᵢχ²₁ ≥ t·Σλᵢ) for t ≥ [`SZEKELY_BAKIROV_MIN_T`]; 1 below.
pub fn p_value_bound(t: f64) -> f64 {
    if t < SZEKELY_BAKIROV_MIN_T || !t.is_finite() {
        return if t.is_infinite() { 0.0 } else { 1.0 };
    }
    ChiSquared::new(1.0).map_or(1.0, |c| c.sf(t))
}

/// Compares the reference and current windows.
pub fn compare(
    reference: &EmbeddingSums,
    current: &EmbeddingSums,
    settings: &EmbeddingDriftSettings,
) -> EmbeddingDriftReport {
    let mut out = EmbeddingDriftReport {
        reference_samples: reference.count,
        current_samples: current.count,
        cosine_distance: None,
        reference_spread: reference.spread(),
        current_spread: current.spread(),
        squared_distance: None,
        expected_squared_distance_without_drift: None,
        statistic: None,
        p_value: None,
        threshold: settings.threshold,
        verdict: Verdict::NoData,
    };
    let (Some(a), Some(b)) = (reference.centroid(), current.centroid()) else {
        return out;
    };
    let dot: f64 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
    let na = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    let nb = b.iter().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 || a.len() != b.len() {
        return out;
    }
    out.cosine_distance = Some(1.0 - dot / (na * nb));
    let squared: f64 = a.iter().zip(&b).map(|(x, y)| (x - y).powi(2)).sum();
    out.squared_distance = Some(squared);
    if let (Some(sa), Some(sb)) = (out.reference_spread, out.current_spread) {
        let expected = sa / reference.count + sb / current.count;
        out.expected_squared_distance_without_drift = Some(expected);
        if expected > 0.0 {
            let t = squared / expected;
            out.statistic = Some(t);
            out.p_value = Some(p_value_bound(t));
        }
    }
    out.verdict = if reference.count < settings.min_samples || current.count < settings.min_samples
    {
        Verdict::InsufficientVolume
    } else if out.cosine_distance.is_some_and(|d| d >= settings.threshold)
        && out.p_value.is_some_and(|p| p <= settings.alpha)
    {
        Verdict::Drift
    } else {
        Verdict::NoDrift
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(points: &[[f32; 2]]) -> EmbeddingSums {
        let mut s = EmbeddingSums::default();
        for p in points {
            s.add(p);
        }
        s
    }

    #[test]
    fn sums_add_up_and_give_centroid_and_spread() {
        let a = sums(&[[1.0, 0.0], [0.0, 1.0]]);
        let b = sums(&[[1.0, 1.0]]);
        let mut ab = a.clone();
        ab.merge(&b);
        assert_eq!(ab, sums(&[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]));
        assert_eq!(a.centroid().unwrap(), vec![0.5, 0.5]);
        // Squared distances to (0.5, 0.5): 0.5 each; Σ/(n−1) = 1.
        assert!((a.spread().unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(b.spread(), None);
    }

    #[test]
    fn the_p_value_bound_is_the_chi_square_one_tail() {
        // P(χ²₁ ≥ 6.6349) = 0.01; P(χ²₁ ≥ 3.8415) = 0.05 (standard tables).
        assert!((p_value_bound(6.634_896_6) - 0.01).abs() < 1e-6);
        assert!((p_value_bound(3.841_458_8) - 0.05).abs() < 1e-6);
        assert_eq!(p_value_bound(1.0), 1.0);
        assert_eq!(p_value_bound(f64::INFINITY), 0.0);
    }

    #[test]
    fn verdicts() {
        let settings = EmbeddingDriftSettings {
            min_samples: 3.0,
            ..EmbeddingDriftSettings::default()
        };
        let here = sums(&[[1.0, 0.1], [1.0, -0.1], [1.0, 0.12], [1.0, -0.08]]);
        let there = sums(&[[0.1, 1.0], [-0.1, 1.0], [0.12, 1.0], [-0.08, 1.0]]);
        let r = compare(&here, &there, &settings);
        assert_eq!(r.verdict, Verdict::Drift, "{r:?}");
        assert!(r.cosine_distance.unwrap() > 0.9);
        assert_eq!(compare(&here, &here, &settings).verdict, Verdict::NoDrift);
        let few = sums(&[[1.0, 0.0], [0.0, 1.0]]);
        assert_eq!(
            compare(&few, &there, &settings).verdict,
            Verdict::InsufficientVolume
        );
        assert_eq!(
            compare(&EmbeddingSums::default(), &there, &settings).verdict,
            Verdict::NoData
        );
    }
}

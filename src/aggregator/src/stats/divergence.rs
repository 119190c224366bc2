//! Divergences between two binned distributions given as counts over the same bins.
//!
//! Units: natural logarithms (nats) for PSI and KL; Jensen–Shannon in bits (log base 2),
//! so it lies in [0, 1].

/// Zero-bin replacement used by Evidently (evidentlyai/evidently @a4aa4c2,
/// `src/evidently/legacy/calculations/stattests/utils.py`, `get_binned_data`): each empty
/// bin's fraction becomes 0.0001, or (smallest non-zero fraction) / 10⁶ when that smallest
/// fraction is already ≤ 0.0001; done separately for each distribution.
pub fn evidently_fractions(counts: &[f64]) -> Vec<f64> {
    let total: f64 = counts.iter().sum();
    if total <= 0.0 {
        return vec![0.0; counts.len()];
    }
    let fractions: Vec<f64> = counts.iter().map(|c| c / total).collect();
    let smallest = fractions
        .iter()
        .copied()
        .filter(|f| *f > 0.0)
        .fold(f64::INFINITY, f64::min);
    let fill = if smallest <= 0.0001 {
        smallest / 1e6
    } else {
        0.0001
    };
    fractions
        .into_iter()
        .map(|f| if f > 0.0 { f } else { fill })
        .collect()
}

/// Population Stability Index, PSI = Σᵢ (cᵢ − rᵢ) · ln(cᵢ / rᵢ), with r and c the reference and
/// current fractions after Evidently's zero-bin replacement. PSI equals the symmetric
/// (Jeffreys) divergence KL(c‖r) + KL(r‖c) (Yurdakul 2018, "Statistical properties of
/// population stability index", WMU dissertation). Returns `None` if either side is empty
/// or the bin counts differ.
pub fn psi(reference: &[f64], current: &[f64]) -> Option<f64> {
    let (r, c) = fractions_pair(reference, current)?;
    Some(r.iter().zip(&c).map(|(r, c)| (c - r) * (c / r).ln()).sum())
}

/// Kullback–Leibler divergence KL(current ‖ reference) = Σᵢ cᵢ · ln(cᵢ / rᵢ) in nats, on
/// the same zero-filled fractions as [`psi`] (Kullback & Leibler 1951).
pub fn kl(reference: &[f64], current: &[f64]) -> Option<f64> {
    let (r, c) = fractions_pair(reference, current)?;
    Some(r.iter().zip(&c).map(|(r, c)| c * (c / r).ln()).sum())
}

/// Jensen–Shannon divergence in bits, JS = ½ KL(r‖m) + ½ KL(c‖m) with m = ½(r + c), on raw
/// fractions (no zero filling needed: m > 0 wherever r or c is; Lin 1991, "Divergence measures
/// based on the Shannon entropy"). In [0, 1].
pub fn jensen_shannon(reference: &[f64], current: &[f64]) -> Option<f64> {
    if reference.len() != current.len() || reference.is_empty() {
        return None;
    }
    let rt: f64 = reference.iter().sum();
    let ct: f64 = current.iter().sum();
    if rt <= 0.0 || ct <= 0.0 {
        return None;
    }
    let mut total = 0.0;
    for (r, c) in reference.iter().zip(current) {
        let (p, q) = (r / rt, c / ct);
        let m = 0.5 * (p + q);
        if p > 0.0 {
            total += 0.5 * p * (p / m).log2();
        }
        if q > 0.0 {
            total += 0.5 * q * (q / m).log2();
        }
    }
    Some(total.max(0.0))
}

fn fractions_pair(reference: &[f64], current: &[f64]) -> Option<(Vec<f64>, Vec<f64>)> {
    if reference.len() != current.len() || reference.is_empty() {
        return None;
    }
    if reference.iter().sum::<f64>() <= 0.0 || current.iter().sum::<f64>() <= 0.0 {
        return None;
    }
    Some((evidently_fractions(reference), evidently_fractions(current)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    // Oracles computed by hand (and with Python's math module, independently of this code).
    #[test]
    fn psi_matches_a_hand_computed_value() {
        // r = (0.5, 0.3, 0.2), c = (0.4, 0.4, 0.2):
        // (0.4−0.5)ln(0.8) + (0.4−0.3)ln(4/3) + 0 = 0.0223143551314210 + 0.0287682072451781
        close(
            psi(&[50.0, 30.0, 20.0], &[40.0, 40.0, 20.0]).unwrap(),
            0.051_082_562_376_599_1,
        );
    }

    #[test]
    fn psi_is_kl_both_ways_and_zero_for_equal_shapes() {
        let r = [10.0, 20.0, 30.0, 40.0];
        let c = [25.0, 25.0, 25.0, 25.0];
        close(
            psi(&r, &c).unwrap(),
            kl(&r, &c).unwrap() + kl(&c, &r).unwrap(),
        );
        close(psi(&r, &[1.0, 2.0, 3.0, 4.0]).unwrap(), 0.0);
    }

    #[test]
    fn empty_bins_are_filled_like_evidently() {
        // r = (1, 0) → (1, 0.0001); c = (0.5, 0.5).
        // PSI = (0.5−1)ln(0.5) + (0.5−0.0001)ln(0.5/0.0001)
        let expected = -0.5 * 0.5f64.ln() + 0.4999 * (5000.0f64).ln();
        close(psi(&[10.0, 0.0], &[5.0, 5.0]).unwrap(), expected);
        // The smallest non-zero fraction is 0.00005 ≤ 0.0001: empty bins get 0.00005 / 10⁶.
        let f = evidently_fractions(&[19_999.0, 1.0, 0.0]);
        close(f[2], 0.000_05 / 1e6);
    }

    #[test]
    fn jensen_shannon_bounds_and_value() {
        close(jensen_shannon(&[1.0, 0.0], &[0.0, 1.0]).unwrap(), 1.0);
        close(jensen_shannon(&[3.0, 1.0], &[3.0, 1.0]).unwrap(), 0.0);
        // p = (0.5, 0.5), q = (0.9, 0.1), m = (0.7, 0.3):
        // ½[0.5 log2(0.5/0.7) + 0.5 log2(0.5/0.3)] + ½[0.9 log2(0.9/0.7) + 0.1 log2(0.1/0.3)]
        let expected = 0.5 * (0.5 * (0.5f64 / 0.7).log2() + 0.5 * (0.5f64 / 0.3).log2())
            + 0.5 * (0.9 * (0.9f64 / 0.7).log2() + 0.1 * (0.1f64 / 0.3).log2());
        close(jensen_shannon(&[5.0, 5.0], &[9.0, 1.0]).unwrap(), expected);
        close(expected, 0.146_793_102_436_052_1);
    }

    #[test]
    fn mismatched_or_empty_inputs_give_none() {
        assert_eq!(psi(&[1.0], &[1.0, 2.0]), None);
        assert_eq!(psi(&[0.0, 0.0], &[1.0, 2.0]), None);
        assert_eq!(kl(&[], &[]), None);
        assert_eq!(jensen_shannon(&[1.0], &[0.0]), None);
    }
}

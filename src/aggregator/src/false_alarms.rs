//! False alarms on stationary traffic, through the whole analysis (bucket increments, sparse
//! bucket merging, PSI verdicts, spike rules): many evaluations whose windows are all drawn
//! from one fixed distribution must alarm no more often than docs/aggregator.md states.

use super::analysis::{analyze, AnalysisSettings, DriftVerdict};
use super::synthetic::{stationary_evaluation, SplitMix64, Traffic};
use crate::stats::spike::{binomial_tail, SpikeVerdict};
use std::collections::BTreeMap;

/// Stated false-alarm rate of a drift verdict per feature, label set and evaluation:
/// `--drift-alpha` (docs/aggregator.md, "False alarms").
pub const STATED_DRIFT_RATE: f64 = 0.01;
/// Stated false-alarm rate of a spike alarm (`spike` or `sustained_rise`) per signal, label
/// set and evaluation with the default windows (docs/aggregator.md, "False alarms").
pub const STATED_SPIKE_RATE: f64 = 0.01;

/// The most alarms among `tests` independent tests at `rate` that are still plausible:
/// the smallest x with P(Bin(tests, rate) > x) < 10⁻³.
fn allowed(tests: u64, rate: f64) -> u64 {
    (0..=tests)
        .find(|x| binomial_tail(x + 1, tests, rate).is_some_and(|p| p < 1e-3))
        .unwrap_or(tests)
}

#[test]
fn stationary_traffic_alarms_at_most_at_the_stated_rates() {
    let traffic = Traffic::typical();
    let groups = vec![
        vec![("gen_ai_request_model", "chat-a")],
        vec![
            ("gen_ai_request_model", "chat-b"),
            ("destination_service", "llm.svc"),
        ],
    ];
    let settings = AnalysisSettings::default();
    // The default windows' proportions: 1 h spike windows of 200 requests, 24 trailing ones
    // and the current one; a 24 h current window and a 7-day reference.
    let per_hour = 200;
    let evaluations = 500;
    let mut rng = SplitMix64::new(20_261_123);
    let (mut drift_tests, mut drift_alarms) = (0u64, 0u64);
    let (mut spike_tests, mut spike_alarms, mut three_sigma) = (0u64, 0u64, 0u64);
    let mut by_feature: BTreeMap<std::borrow::Cow<'static, str>, u64> = BTreeMap::new();
    let mut by_kind: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    let mut by_rule: BTreeMap<String, u64> = BTreeMap::new();
    for _ in 0..evaluations {
        let totals = stationary_evaluation(
            &mut rng,
            &traffic,
            &groups,
            168 * per_hour,
            24 * per_hour,
            25,
            per_hour,
        );
        let analysis = analyze(&totals, &settings);
        for d in &analysis.drift {
            // Enough volume for a verdict in every comparison.
            assert!(
                matches!(d.verdict, DriftVerdict::Drift | DriftVerdict::NoDrift),
                "{} {:?}: {:?}",
                d.feature,
                d.group,
                d.verdict
            );
            drift_tests += 1;
            let kind = by_kind.entry(d.kind).or_default();
            kind.0 += 1;
            if d.verdict == DriftVerdict::Drift {
                drift_alarms += 1;
                kind.1 += 1;
                *by_feature.entry(d.feature.clone()).or_default() += 1;
            }
        }
        for s in &analysis.spikes {
            assert_ne!(s.verdict, SpikeVerdict::InsufficientVolume, "{s:?}");
            spike_tests += 1;
            if matches!(s.verdict, SpikeVerdict::Spike | SpikeVerdict::SustainedRise) {
                spike_alarms += 1;
                *by_rule.entry(format!("{:?}", s.verdict)).or_default() += 1;
            }
            three_sigma += u64::from(s.statistics.three_sigma_alarm == Some(true));
        }
    }
    assert_eq!(drift_tests, evaluations * 2 * 7);
    assert_eq!(spike_tests, evaluations * 2 * 2);
    eprintln!(
        "drift: {drift_alarms}/{drift_tests} {by_feature:?}; spikes: {spike_alarms}/{spike_tests} \
         {by_rule:?} (3σ rule alone: {three_sigma})"
    );
    let drift_allowed = allowed(drift_tests, STATED_DRIFT_RATE);
    assert!(
        drift_alarms <= drift_allowed,
        "{drift_alarms} drift verdicts in {drift_tests} stationary comparisons (allowed \
         {drift_allowed} at a stated {STATED_DRIFT_RATE}): {by_feature:?}"
    );
    // Each kind on its own too: histograms (merged bins) and categories (no merging).
    for (kind, (tests, alarms)) in &by_kind {
        let kind_allowed = allowed(*tests, STATED_DRIFT_RATE);
        assert!(
            *alarms <= kind_allowed,
            "{kind}: {alarms} drift verdicts in {tests} (allowed {kind_allowed})"
        );
    }
    let spike_allowed = allowed(spike_tests, STATED_SPIKE_RATE);
    assert!(
        spike_alarms <= spike_allowed,
        "{spike_alarms} spike alarms in {spike_tests} stationary evaluations (allowed \
         {spike_allowed} at a stated {STATED_SPIKE_RATE})"
    );
}

#[test]
fn the_margin_is_a_binomial_quantile() {
    // Bin(1000, 0.01): mean 10, P(X > 21) ≈ 6.5·10⁻⁴ < 10⁻³ ≤ P(X > 20) ≈ 1.5·10⁻³.
    assert_eq!(allowed(1000, 0.01), 21);
    // Bin(10, ½): P(X > 9) = 1/1024 < 10⁻³.
    assert_eq!(allowed(10, 0.5), 9);
}

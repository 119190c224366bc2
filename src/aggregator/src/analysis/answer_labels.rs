//! Answer-label drift: each label name's split over its values
//! (`llm_answer_labels_total{label_name, label_value}`) compared between the windows as
//! finish reasons are (categorical PSI, the sample-size-aware verdict, KL and JS), under the
//! feature name `answer_label:<name>`, per model and destination service.

use super::{categorical_entry, AnalysisSettings, DriftEntry, Group};
use crate::totals::ByName;
use llmtap_core::metrics::catalogue as metrics;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// The counter family read.
pub const FAMILY: &str = metrics::ANSWER_LABELS_TOTAL.name;
/// The label naming the answer label, and the one holding its value.
pub const NAME_LABEL: &str = metrics::LABEL_ANSWER_LABEL_NAME;
pub const VALUE_LABEL: &str = metrics::LABEL_ANSWER_LABEL_VALUE;
/// Prefix of the feature names.
pub const FEATURE_PREFIX: &str = "answer_label:";

/// (label name, group) → value → count in one window.
type Shares = BTreeMap<(String, Group), BTreeMap<String, f64>>;

fn collect(totals: &ByName<'_>) -> Shares {
    let mut out = Shares::new();
    for (key, count) in totals.named(FAMILY) {
        let (name, value) = (key.label(NAME_LABEL), key.label(VALUE_LABEL));
        if name.is_empty() || value.is_empty() {
            continue;
        }
        let group = Group {
            gen_ai_request_model: key.label("gen_ai_request_model").to_owned(),
            destination_service: key.label("destination_service").to_owned(),
        };
        *out.entry((name.to_owned(), group))
            .or_default()
            .entry(value.to_owned())
            .or_insert(0.0) += count;
    }
    out
}

/// Appends one categorical comparison per label name and label set present in a window.
pub fn drift(
    current: &ByName<'_>,
    reference: &ByName<'_>,
    settings: &AnalysisSettings,
    out: &mut Vec<DriftEntry>,
) {
    let (current, reference) = (collect(current), collect(reference));
    let keys: BTreeSet<&(String, Group)> = current.keys().chain(reference.keys()).collect();
    let empty = BTreeMap::new();
    for key in keys {
        out.push(categorical_entry(
            Cow::Owned(format!("{FEATURE_PREFIX}{}", key.0)),
            key.1.clone(),
            reference.get(key).unwrap_or(&empty),
            current.get(key).unwrap_or(&empty),
            settings,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, DriftVerdict, WindowTotals};
    use crate::totals::{SeriesKey, Totals};

    fn add(t: &mut Totals, model: &str, name: &str, value: &str, count: f64) {
        t.add(
            SeriesKey::reduce(
                FAMILY,
                [
                    ("gen_ai_request_model", model),
                    ("gen_ai_provider_name", "openai"),
                    (NAME_LABEL, name),
                    (VALUE_LABEL, value),
                ],
            ),
            count,
        );
    }

    /// PSI by its definition, Σ (c − r)·ln(c / r) over proportions (no empty bins here).
    fn psi(reference: &[f64], current: &[f64]) -> f64 {
        let (rn, cn) = (reference.iter().sum::<f64>(), current.iter().sum::<f64>());
        reference
            .iter()
            .zip(current)
            .map(|(r, c)| (c / cn - r / rn) * ((c / cn) / (r / rn)).ln())
            .sum()
    }

    #[test]
    fn only_the_shifted_label_drifts_and_psi_is_the_textbook_value() {
        let mut w = WindowTotals::default();
        for (value, reference, current) in [
            ("positive", 700.0, 400.0),
            ("negative", 200.0, 400.0),
            ("neutral", 100.0, 200.0),
        ] {
            add(&mut w.reference, "m1", "sentiment", value, reference);
            add(&mut w.current, "m1", "sentiment", value, current);
        }
        for (value, count) in [("billing", 500.0), ("support", 300.0), ("other", 200.0)] {
            add(&mut w.reference, "m1", "intent", value, count);
            add(&mut w.current, "m1", "intent", value, count);
            add(&mut w.reference, "m2", "sentiment", value, count);
            add(&mut w.current, "m2", "sentiment", value, count);
        }
        let a = analyze(&w, &AnalysisSettings::default());
        let labels: Vec<_> = a
            .drift
            .iter()
            .filter(|d| d.feature.starts_with(FEATURE_PREFIX))
            .collect();
        assert_eq!(labels.len(), 3);
        for d in &labels {
            let shifted =
                d.feature == "answer_label:sentiment" && d.group.gen_ai_request_model == "m1";
            let want = if shifted {
                DriftVerdict::Drift
            } else {
                DriftVerdict::NoDrift
            };
            assert_eq!(d.verdict, want, "{} {:?}", d.feature, d.group);
            assert_eq!(d.kind, "categorical");
        }
        let d = labels
            .iter()
            .find(|d| d.feature == "answer_label:sentiment" && d.group.gen_ai_request_model == "m1")
            .expect("sentiment m1");
        assert_eq!(d.bins.labels, ["negative", "neutral", "positive"]);
        let expected = psi(&[200.0, 100.0, 700.0], &[400.0, 200.0, 400.0]);
        let got = d.statistics.psi.expect("psi");
        assert!((got - expected).abs() < 1e-12, "{got} vs {expected}");
    }
}

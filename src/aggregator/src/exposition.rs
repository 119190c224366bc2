//! The aggregator's own `/metrics` (Prometheus text format 0.0.4).

use super::alertmanager::PushHealth;
use super::analysis::{DriftVerdict, EmbeddingDriftEntry, Group};
use super::report::Report;
use super::totals::escape_label;
use crate::stats::spike::SpikeVerdict;
use std::fmt::Write as _;

/// Health of one scraped source (embedded mode).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SourceHealth {
    pub source: String,
    pub up: bool,
    /// Unix seconds of the last successful scrape (0: never).
    pub last_success: u64,
    pub consecutive_failures: u32,
    pub last_error: Option<String>,
}

/// Reads one number of a drift entry.
type DriftGetter = fn(&super::analysis::DriftEntry) -> Option<f64>;
/// Reads one number of a prompt-embedding drift entry (None: the family has none).
type EmbeddingGetter = Option<fn(&EmbeddingDriftEntry) -> Option<f64>>;

struct Out {
    text: String,
}

impl Out {
    fn family(&mut self, name: &str, kind: &str, help: &str) {
        let _ = writeln!(self.text, "# HELP {name} {help}\n# TYPE {name} {kind}");
    }

    fn sample(&mut self, name: &str, labels: &[(&str, &str)], value: f64) {
        let labels: Vec<String> = labels
            .iter()
            .map(|(k, v)| format!("{k}=\"{}\"", escape_label(v)))
            .collect();
        let value = if value.is_nan() {
            "NaN".to_owned()
        } else if value.is_infinite() {
            if value > 0.0 { "+Inf" } else { "-Inf" }.to_owned()
        } else {
            format!("{value}")
        };
        if labels.is_empty() {
            let _ = writeln!(self.text, "{name} {value}");
        } else {
            let _ = writeln!(self.text, "{name}{{{}}} {value}", labels.join(","));
        }
    }
}

fn group_labels<'a>(extra: &[(&'a str, &'a str)], g: &'a Group) -> Vec<(&'a str, &'a str)> {
    let mut labels = extra.to_vec();
    labels.push(("gen_ai_request_model", &g.gen_ai_request_model));
    labels.push(("destination_service", &g.destination_service));
    labels
}

const SPIKE_VERDICTS: [(SpikeVerdict, &str); 5] = [
    (SpikeVerdict::NoSpike, "no_spike"),
    (SpikeVerdict::Spike, "spike"),
    (SpikeVerdict::SustainedRise, "sustained_rise"),
    (SpikeVerdict::InsufficientVolume, "insufficient_volume"),
    (SpikeVerdict::NoData, "no_data"),
];

/// The families only prompt-embedding drift has.
fn embedding_families(o: &mut Out, embedding: &[EmbeddingDriftEntry]) {
    if embedding.is_empty() {
        return;
    }
    o.family(
        "llmtap_drift_cosine_distance",
        "gauge",
        "1 − cos between the reference and current centroids of the prompts' embeddings.",
    );
    for d in embedding {
        if let Some(v) = d.statistics.cosine_distance {
            o.sample(
                "llmtap_drift_cosine_distance",
                &group_labels(&[("feature", d.feature)], &d.group),
                v,
            );
        }
    }
    o.family(
        "llmtap_drift_spread",
        "gauge",
        "Mean squared distance of a window's embeddings to its centroid (≈ tr Σ).",
    );
    for d in embedding {
        for (window, v) in [
            ("reference", d.statistics.reference_spread),
            ("current", d.statistics.current_spread),
        ] {
            if let Some(v) = v {
                o.sample(
                    "llmtap_drift_spread",
                    &group_labels(&[("feature", d.feature), ("window", window)], &d.group),
                    v,
                );
            }
        }
    }
    o.family(
        "llmtap_drift_centroid_statistic",
        "gauge",
        "‖x̄ − ȳ‖² over its expectation without drift (s_ref/n + s_cur/m).",
    );
    for d in embedding {
        if let Some(v) = d.statistics.statistic {
            o.sample(
                "llmtap_drift_centroid_statistic",
                &group_labels(&[("feature", d.feature)], &d.group),
                v,
            );
        }
    }
}

/// Renders the report (if any), the sources' health and that of the pushes to Alertmanager.
pub fn render(
    report: Option<&Report>,
    sources: &[SourceHealth],
    alertmanager: Option<&PushHealth>,
) -> String {
    let mut o = Out {
        text: String::new(),
    };
    o.family(
        "llmtap_aggregator_up",
        "gauge",
        "1 when the last evaluation read every source; 0: no verdict is published.",
    );
    o.sample(
        "llmtap_aggregator_up",
        &[],
        f64::from(u8::from(report.is_some_and(|r| r.healthy))),
    );
    if !sources.is_empty() {
        o.family(
            "llmtap_aggregator_source_up",
            "gauge",
            "1 when the last scrape of this source succeeded.",
        );
        for s in sources {
            o.sample(
                "llmtap_aggregator_source_up",
                &[("source", &s.source)],
                f64::from(u8::from(s.up)),
            );
        }
        o.family(
            "llmtap_aggregator_source_last_success_timestamp_seconds",
            "gauge",
            "Unix time of the last successful scrape (0: never).",
        );
        for s in sources {
            o.sample(
                "llmtap_aggregator_source_last_success_timestamp_seconds",
                &[("source", &s.source)],
                s.last_success as f64,
            );
        }
    }
    if let Some(push) = alertmanager {
        o.family(
            "llmtap_aggregator_alertmanager_up",
            "gauge",
            "0 when the last push of alarms to Alertmanager failed (the log says why).",
        );
        o.sample(
            "llmtap_aggregator_alertmanager_up",
            &[],
            f64::from(u8::from(push.up)),
        );
        o.family(
            "llmtap_aggregator_alertmanager_consecutive_failures",
            "gauge",
            "Failed pushes to Alertmanager since the last success.",
        );
        o.sample(
            "llmtap_aggregator_alertmanager_consecutive_failures",
            &[],
            f64::from(push.consecutive_failures),
        );
        o.family(
            "llmtap_aggregator_alertmanager_last_success_timestamp_seconds",
            "gauge",
            "Unix time of the last successful push (0: never).",
        );
        o.sample(
            "llmtap_aggregator_alertmanager_last_success_timestamp_seconds",
            &[],
            push.last_success as f64,
        );
    }
    let Some(report) = report else {
        return o.text;
    };
    o.family(
        "llmtap_aggregator_last_evaluation_timestamp_seconds",
        "gauge",
        "Unix time of the last evaluation.",
    );
    o.sample(
        "llmtap_aggregator_last_evaluation_timestamp_seconds",
        &[],
        report.generated_at as f64,
    );
    if !report.healthy {
        return o.text;
    }
    o.family(
        "llmtap_alarms",
        "gauge",
        "Drift and spike verdicts that call for attention.",
    );
    o.sample("llmtap_alarms", &[], report.alarms as f64);
    let drift = &report.analysis.drift;
    let embedding = &report.analysis.embedding_drift;
    let metrics: [(&str, &str, DriftGetter, EmbeddingGetter); 6] = [
        (
            "llmtap_drift_psi",
            "Population Stability Index (nats), current vs reference window.",
            |d| d.statistics.psi,
            None,
        ),
        (
            "llmtap_drift_critical_psi",
            "PSI above which the verdict is drift: (1/n + 1/m) χ²(B−1, 1−α).",
            |d| d.statistics.critical_psi,
            None,
        ),
        (
            "llmtap_drift_p_value",
            "P(χ²(B−1) ≥ PSI / (1/n + 1/m)) under no drift; prompt_embedding: the bound P(χ²(1) ≥ T).",
            |d| d.statistics.p_value,
            Some(|d| d.statistics.p_value),
        ),
        (
            "llmtap_drift_kl",
            "KL(current ‖ reference) in nats.",
            |d| d.statistics.kl,
            None,
        ),
        (
            "llmtap_drift_js_bits",
            "Jensen–Shannon divergence in bits.",
            |d| d.statistics.js,
            None,
        ),
        (
            "llmtap_drift_current_samples",
            "Observations in the current window.",
            |d| Some(d.statistics.current_samples),
            Some(|d| Some(d.statistics.current_samples)),
        ),
    ];
    for (name, help, get, get_embedding) in metrics {
        o.family(name, "gauge", help);
        for d in drift {
            if let Some(v) = get(d) {
                o.sample(name, &group_labels(&[("feature", &d.feature)], &d.group), v);
            }
        }
        if let Some(get) = get_embedding {
            for d in embedding {
                if let Some(v) = get(d) {
                    o.sample(name, &group_labels(&[("feature", d.feature)], &d.group), v);
                }
            }
        }
    }
    embedding_families(&mut o, embedding);
    o.family(
        "llmtap_drift_verdict",
        "gauge",
        "1 for the verdict of each feature and label set, 0 for the others.",
    );
    for d in drift {
        for v in DriftVerdict::ALL {
            o.sample(
                "llmtap_drift_verdict",
                &group_labels(&[("feature", &d.feature), ("verdict", v.name())], &d.group),
                f64::from(u8::from(d.verdict == v)),
            );
        }
    }
    for d in embedding {
        for v in DriftVerdict::ALL {
            o.sample(
                "llmtap_drift_verdict",
                &group_labels(&[("feature", d.feature), ("verdict", v.name())], &d.group),
                f64::from(u8::from(d.verdict == v)),
            );
        }
    }
    let spikes = &report.analysis.spikes;
    o.family(
        "llmtap_spike_rate",
        "gauge",
        "Rate in the current spike window, the trailing mean, and the 3σ threshold.",
    );
    for s in spikes {
        for (window, v) in [
            ("current", s.statistics.current_rate),
            ("trailing_mean", s.statistics.trailing_mean_rate),
            ("three_sigma_threshold", s.statistics.three_sigma_threshold),
            ("reference", s.reference_rate),
        ] {
            if let Some(v) = v {
                o.sample(
                    "llmtap_spike_rate",
                    &group_labels(&[("signal", s.signal.name()), ("window", window)], &s.group),
                    v,
                );
            }
        }
    }
    o.family(
        "llmtap_spike_alarm",
        "gauge",
        "1 when the rule fires on the current spike window (three_sigma, binomial, cusum).",
    );
    for s in spikes {
        for (rule, v) in [
            ("three_sigma", s.statistics.three_sigma_alarm),
            ("binomial", s.statistics.binomial_alarm),
            ("cusum", s.statistics.cusum_alarm),
        ] {
            if let Some(v) = v {
                o.sample(
                    "llmtap_spike_alarm",
                    &group_labels(&[("signal", s.signal.name()), ("rule", rule)], &s.group),
                    f64::from(u8::from(v)),
                );
            }
        }
    }
    o.family(
        "llmtap_spike_p_value",
        "gauge",
        "Exact binomial tail P(X ≥ k) of the current spike window under the trailing rate.",
    );
    for s in spikes {
        if let Some(p) = s.statistics.binomial_p_value {
            o.sample(
                "llmtap_spike_p_value",
                &group_labels(&[("signal", s.signal.name())], &s.group),
                p,
            );
        }
    }
    o.family(
        "llmtap_spike_verdict",
        "gauge",
        "1 for the verdict of each signal and label set, 0 for the others.",
    );
    for s in spikes {
        for (v, name) in SPIKE_VERDICTS {
            o.sample(
                "llmtap_spike_verdict",
                &group_labels(&[("signal", s.signal.name()), ("verdict", name)], &s.group),
                f64::from(u8::from(s.verdict == v)),
            );
        }
    }
    o.family(
        "llmtap_output_prompt_token_ratio",
        "gauge",
        "Output tokens per prompt token in the current and reference windows.",
    );
    for r in &report.analysis.ratios {
        for (window, v) in [("current", r.current), ("reference", r.reference)] {
            if let Some(v) = v {
                o.sample(
                    "llmtap_output_prompt_token_ratio",
                    &group_labels(&[("window", window)], &r.group),
                    v,
                );
            }
        }
    }
    o.text
}

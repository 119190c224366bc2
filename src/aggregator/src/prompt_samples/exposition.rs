//! The prompt-samples counters on the aggregator's `/metrics`: what was received and embedded,
//! and the cumulative embedding sums per model (the series Prometheus keeps, so that any
//! replica reading it with `--prometheus` computes the same drift; [`super::series`]).

use super::PromptSampling;
use crate::totals::escape_label;
use std::fmt::Write as _;

const HELP: [(&str, &str); 5] = [
    (super::series::COUNT, "Prompts embedded (issue #18), per model."),
    (
        super::series::POSITIVE_SUM,
        "Σ max(x_d, 0) of the prompts' embeddings, per model and dimension (Σx = positive − negative).",
    ),
    (
        super::series::NEGATIVE_SUM,
        "Σ max(−x_d, 0) of the prompts' embeddings, per model and dimension.",
    ),
    (
        super::series::SUM_SQUARES,
        "Σ x_d² of the prompts' embeddings, per model and dimension.",
    ),
    (
        super::series::NORM_SQUARES_SUM,
        "Σ ‖x‖² of the prompts' embeddings, per model.",
    ),
];

/// Renders the counters (Prometheus text format 0.0.4).
pub fn render(sampling: &PromptSampling) -> String {
    let mut out = String::new();
    let Ok(c) = sampling.counters.lock() else {
        return out;
    };
    let family = |out: &mut String, name: &str, help: &str| {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
    };
    family(
        &mut out,
        "llmtap_prompt_samples_received_total",
        "Prompt samples accepted by POST /v1/prompt-samples (202).",
    );
    let _ = writeln!(out, "llmtap_prompt_samples_received_total {}", c.received);
    family(
        &mut out,
        "llmtap_prompt_sample_requests_total",
        "POST /v1/prompt-samples requests by the status answered (202, 400, 401, 413, 503).",
    );
    for (code, n) in &c.requests {
        let _ = writeln!(
            out,
            "llmtap_prompt_sample_requests_total{{code=\"{code}\"}} {n}"
        );
    }
    family(
        &mut out,
        "llmtap_prompt_samples_embedded_total",
        "Prompt samples embedded and added to the sums.",
    );
    let _ = writeln!(out, "llmtap_prompt_samples_embedded_total {}", c.embedded);
    family(
        &mut out,
        "llmtap_prompt_samples_embedding_failures_total",
        "Prompt samples whose embedding failed (the log says why).",
    );
    let _ = writeln!(
        out,
        "llmtap_prompt_samples_embedding_failures_total {}",
        c.embedding_failures
    );
    let series: Vec<_> = c.sums.iter().flat_map(|(m, s)| s.series(m)).collect();
    for (name, help) in HELP {
        family(&mut out, name, help);
        for (key, value) in series.iter().filter(|(k, _)| k.name == name) {
            let labels: Vec<String> = key
                .labels
                .iter()
                .map(|(k, v)| format!("{k}=\"{}\"", escape_label(v)))
                .collect();
            let _ = writeln!(out, "{name}{{{}}} {value:?}", labels.join(","));
        }
    }
    out
}

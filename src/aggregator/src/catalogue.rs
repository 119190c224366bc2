//! What the aggregator reads: the metric families of the contract (docs/metrics.md) it
//! compares between windows, and the labels it keeps. Every other label (provider,
//! operation, pod, instance, source_workload, …) is summed away.

use llmtap_core::metrics::catalogue as metrics;

/// A histogram family compared bucket by bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistogramFeature {
    /// Name in reports and in `llmtap_drift_*{feature=…}`.
    pub feature: &'static str,
    /// Prometheus family (the `_bucket` series are read).
    pub family: &'static str,
    /// Token counts: a change of a [`RESET_LABELS`] value resets their reference.
    pub tokens: bool,
}

/// The histogram features (issue #7: prompt tokens, output tokens, TTFT, inter-chunk gap,
/// request duration).
pub const HISTOGRAMS: [HistogramFeature; 5] = [
    HistogramFeature {
        feature: "prompt_tokens",
        family: metrics::PROMPT_TOKENS.name,
        tokens: true,
    },
    HistogramFeature {
        feature: "output_tokens",
        family: metrics::OUTPUT_TOKENS.name,
        tokens: true,
    },
    HistogramFeature {
        feature: "ttft",
        family: metrics::TIME_TO_FIRST_TOKEN_MS.name,
        tokens: false,
    },
    HistogramFeature {
        feature: "inter_chunk_gap",
        family: metrics::INTER_CHUNK_GAP_US.name,
        tokens: false,
    },
    HistogramFeature {
        feature: "request_duration",
        family: metrics::REQUEST_DURATION_MS.name,
        tokens: false,
    },
];

/// A counter family whose split over one label is compared (categorical PSI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryFeature {
    pub feature: &'static str,
    pub family: &'static str,
    /// The label whose values are the categories.
    pub label: &'static str,
}

/// The categorical features: finish reasons and outcomes.
pub const CATEGORIES: [CategoryFeature; 2] = [
    CategoryFeature {
        feature: "finish_reason",
        family: metrics::FINISH_REASONS_TOTAL.name,
        label: "finish_reason",
    },
    CategoryFeature {
        feature: "outcome",
        family: metrics::REQUESTS_TOTAL.name,
        label: "outcome",
    },
];

/// Requests (the trials of the rate signals).
pub const REQUESTS: &str = metrics::REQUESTS_TOTAL.name;
/// Refusals (events of the refusal-rate signal), summed over `refusal_source`; only
/// [`FULL_REFUSAL_KINDS`] count.
pub const REFUSALS: &str = metrics::REFUSALS_TOTAL.name;
/// Tokens by `gen_ai_token_type` (`input` / `output`: the output-to-prompt ratio).
pub const TOKENS: &str = metrics::TOKENS_TOTAL.name;
/// `refusal_kind` values that count in the refusal rate: `full` (the user got nothing), and
/// no value at all (series from filters older than the label). A `partial` refusal answered
/// part of the request and is not a refusal in the rate (docs/refusals.md).
pub const FULL_REFUSAL_KINDS: [&str; 2] = ["full", ""];
/// `outcome` values that count as errors in the error-rate signal.
pub const ERROR_OUTCOMES: [&str; 2] = ["error_event", "upstream_reset"];

/// Labels of token metrics that name how tokens were counted. When their values differ
/// between the windows, the token features compare only what the windows have in common,
/// and with nothing in common the reference is reset instead of alarming.
pub const RESET_LABELS: [&str; 2] = ["encoding", "token_source"];

/// The prompt-embedding sums (issue #18; `crate::prompt_samples::series` says what each
/// holds): exported by the aggregator itself, per `gen_ai_request_model` and `dim`.
pub const EMBEDDING_COUNT: &str = "llmtap_prompt_embedding_count";
pub const EMBEDDING_POSITIVE_SUM: &str = "llmtap_prompt_embedding_positive_sum";
pub const EMBEDDING_NEGATIVE_SUM: &str = "llmtap_prompt_embedding_negative_sum";
pub const EMBEDDING_SUM_SQUARES: &str = "llmtap_prompt_embedding_sum_squares";
pub const EMBEDDING_NORM_SQUARES_SUM: &str = "llmtap_prompt_embedding_norm_squares_sum";
/// The embedding series, in exposition order.
pub const EMBEDDING_SERIES: [&str; 5] = [
    EMBEDDING_COUNT,
    EMBEDDING_POSITIVE_SUM,
    EMBEDDING_NEGATIVE_SUM,
    EMBEDDING_SUM_SQUARES,
    EMBEDDING_NORM_SQUARES_SUM,
];
/// The embedding dimension label of the per-dimension sums.
pub const EMBEDDING_DIM: &str = "dim";

/// Every label kept when series are read (others are summed away).
pub const KEPT_LABELS: [&str; 12] = [
    "gen_ai_request_model",
    "destination_service",
    "encoding",
    "token_source",
    "le",
    "finish_reason",
    "outcome",
    "gen_ai_token_type",
    metrics::LABEL_REFUSAL_KIND,
    metrics::LABEL_ANSWER_LABEL_NAME,
    metrics::LABEL_ANSWER_LABEL_VALUE,
    EMBEDDING_DIM,
];

/// The series names read from a source (histograms as their `_bucket` series).
pub fn series_names() -> Vec<String> {
    let mut names: Vec<String> = HISTOGRAMS
        .iter()
        .map(|h| format!("{}_bucket", h.family))
        .collect();
    for name in CATEGORIES
        .iter()
        .map(|c| c.family)
        .chain([
            REQUESTS,
            REFUSALS,
            TOKENS,
            metrics::ANSWER_LABELS_TOTAL.name,
        ])
        .chain(EMBEDDING_SERIES)
    {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_exist_in_the_contract() {
        let names = series_names();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        let contract = llmtap_core::metrics::catalogue::stats_config_yaml();
        for h in HISTOGRAMS {
            assert!(
                contract.contains(&format!("wasmcustom.{}\"", h.family)),
                "{}",
                h.family
            );
        }
    }
}

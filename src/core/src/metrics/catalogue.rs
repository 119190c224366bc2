//! The metric catalogue: names, kinds, units, buckets and the label encoding.
//!
//! Labels travel inside the stat name, Istio-style: `name.key=.=value;.;` repeated per label.
//! Envoy's `stats_config.stats_tags` regexes `(key=\.=(.*?);\.;)` cut them out again and
//! turn them into Prometheus labels; `/stats/prometheus` strips the `wasmcustom.` prefix.
//! Histogram buckets cannot be set from Wasm: they come from `histogram_bucket_settings`
//! in the bootstrap, whose `prefix` must include `wasmcustom.` ([`stats_config_yaml`]
//! renders both). The contract is documented in `docs/metrics.md`.

use crate::host::MetricKind;

/// One metric family of the contract.
#[derive(Debug)]
pub struct MetricDef {
    /// Prometheus name as scraped from Envoy's `/stats/prometheus`.
    pub name: &'static str,
    pub kind: MetricKind,
    /// Human description, with the unit.
    pub help: &'static str,
    /// Upper bucket bounds for histograms (in the metric's unit); empty for counters.
    pub buckets: &'static [u64],
}

/// Label keys carried by every series.
pub const LABEL_REQUEST_MODEL: &str = "gen_ai_request_model";
pub const LABEL_PROVIDER: &str = "gen_ai_provider_name";
pub const LABEL_OPERATION: &str = "gen_ai_operation_name";
/// Label key of `llm_tokens_total` only: `input`, `output`, `cached_input`, `reasoning`.
pub const LABEL_TOKEN_TYPE: &str = "gen_ai_token_type";
/// Label key of `llm_tokens_total` only: where the count came from, `usage` (the provider's
/// report) | `tokenizer` (counted exactly with the model's tiktoken encoding) | `estimate`.
pub const LABEL_TOKEN_SOURCE: &str = "token_source";
/// Label of `llm_requests_total`: the model the response named.
pub const LABEL_RESPONSE_MODEL: &str = "gen_ai_response_model";
/// Label of `llm_requests_total`: how the stream ended ([`crate::stream::outcome::Outcome`]).
pub const LABEL_OUTCOME: &str = "outcome";
/// Label of `llm_finish_reasons_total`: the normalised finish reason.
pub const LABEL_FINISH_REASON: &str = "finish_reason";

/// Label from the upstream cluster (opt-in).
pub const LABEL_DESTINATION: &str = "destination_service";
/// Label from Istio's node metadata (opt-in).
pub const LABEL_SOURCE_WORKLOAD: &str = "source_workload";
/// Label from a configured request header (opt-in).
pub const LABEL_CONSUMER: &str = "consumer";
/// Label of `llm_refusals_total`: `stop_reason` | `delta_refusal` | `content_filter` |
/// `safety_block` | `phrase`.
pub const LABEL_REFUSAL_SOURCE: &str = "refusal_source";
/// Label of `llm_refusals_total`: `full` (the user got nothing) | `partial` (one part refused,
/// another answered; only phrase detection tells them apart, structured signals are `full`).
pub const LABEL_REFUSAL_KIND: &str = "refusal_kind";
/// Label of `llm_requests_in_flight`: `awaiting_first_token` | `streaming`.
pub const LABEL_PHASE: &str = "phase";
/// Label of `llm_answer_labels_total`: the configured answer label's name.
pub const LABEL_ANSWER_LABEL_NAME: &str = "label_name";
/// Label of `llm_answer_labels_total`: the value extracted from the answer (`none`, `other`).
pub const LABEL_ANSWER_LABEL_VALUE: &str = "label_value";
/// Label of `llm_prompt_samples_total`: `sent` | `dropped`.
pub const LABEL_RESULT: &str = "result";

/// Every label key the filter can emit.
pub const LABEL_KEYS: &[&str] = &[
    LABEL_REQUEST_MODEL,
    LABEL_RESPONSE_MODEL,
    LABEL_PROVIDER,
    LABEL_OPERATION,
    LABEL_DESTINATION,
    LABEL_SOURCE_WORKLOAD,
    LABEL_CONSUMER,
    LABEL_TOKEN_TYPE,
    LABEL_TOKEN_SOURCE,
    LABEL_OUTCOME,
    LABEL_FINISH_REASON,
    LABEL_REFUSAL_SOURCE,
    LABEL_REFUSAL_KIND,
    LABEL_PHASE,
    LABEL_ANSWER_LABEL_NAME,
    LABEL_ANSWER_LABEL_VALUE,
    LABEL_RESULT,
];

/// Time buckets in milliseconds: OpenTelemetry GenAI `gen_ai.server.time_to_first_token`
/// boundaries (0.001 … 10 s) converted to ms, plus 2, 25, 50, 15 000, 30 000, 60 000, 120 000.
pub const TTFT_BUCKETS_MS: &[u64] = &[
    1, 2, 5, 10, 20, 25, 40, 50, 60, 80, 100, 250, 500, 750, 1_000, 2_500, 5_000, 7_500, 10_000,
    15_000, 30_000, 60_000, 120_000,
];

/// Request duration buckets in milliseconds: OpenTelemetry GenAI
/// `gen_ai.client.operation.duration` boundaries (0.01 … 81.92 s) converted to ms, plus
/// 1, 5, 120 000, 300 000 and 600 000 for long agentic streams.
pub const DURATION_BUCKETS_MS: &[u64] = &[
    1, 5, 10, 20, 40, 80, 160, 320, 640, 1_280, 2_560, 5_120, 10_240, 20_480, 40_960, 81_920,
    120_000, 300_000, 600_000,
];

/// Time-per-output-token buckets in microseconds: OpenTelemetry GenAI
/// `gen_ai.server.time_per_output_token` boundaries (0.01 … 2.5 s) converted to µs, plus
/// 100, 250, 500, 1 000, 2 500 and 5 000 µs for fast small models.
pub const TPOT_BUCKETS_US: &[u64] = &[
    100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 75_000, 100_000, 150_000, 200_000,
    300_000, 400_000, 500_000, 750_000, 1_000_000, 2_500_000,
];

/// Inter-chunk gap buckets in microseconds: the TPOT boundaries extended downwards to
/// 10 µs (gaps of 0, events completed by the same read, land in the first bucket; Envoy
/// rejects a bound of 0) and upwards to 60 s for stalls, with 15, 20, 30 and 40 ms added where
/// typical token gaps of hosted models fall.
pub const GAP_BUCKETS_US: &[u64] = &[
    10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 40_000,
    50_000, 75_000, 100_000, 150_000, 200_000, 300_000, 400_000, 500_000, 750_000, 1_000_000,
    2_500_000, 5_000_000, 10_000_000, 30_000_000, 60_000_000,
];

/// Token-count buckets: 1-2-5 steps up to 1M merged with the OpenTelemetry GenAI
/// `gen_ai.client.token.usage` boundaries (powers of 4 from 1 to 67 108 864).
pub const TOKEN_BUCKETS: &[u64] = &[
    1, 2, 4, 5, 10, 16, 20, 50, 64, 100, 200, 256, 500, 1_000, 1_024, 2_000, 4_096, 5_000, 10_000,
    16_384, 20_000, 50_000, 65_536, 100_000, 200_000, 262_144, 500_000, 1_000_000, 1_048_576,
    4_194_304, 16_777_216, 67_108_864,
];

pub const REQUESTS_TOTAL: MetricDef = MetricDef {
    name: "llm_requests_total",
    kind: MetricKind::Counter,
    help: "LLM requests (streams or plain requests), counted once when they end; labels outcome and gen_ai_response_model.",
    buckets: &[],
};

pub const TOKENS_TOTAL: MetricDef = MetricDef {
    name: "llm_tokens_total",
    kind: MetricKind::Counter,
    help: "Tokens; gen_ai_token_type = input | output | cached_input | reasoning; token_source = usage (provider report) | tokenizer (exact tiktoken count) | estimate.",
    buckets: &[],
};

pub const FINISH_REASONS_TOTAL: MetricDef = MetricDef {
    name: "llm_finish_reasons_total",
    kind: MetricKind::Counter,
    help: "Requests by normalised finish reason (stop, length, tool_calls, content_filter, refusal, error, other).",
    buckets: &[],
};

pub const ANSWER_LABELS_TOTAL: MetricDef = MetricDef {
    name: "llm_answer_labels_total",
    kind: MetricKind::Counter,
    help: "Answers by the label extracted from them (answer_labels): label_name, label_value (none = not found, other = outside values or past max_values).",
    buckets: &[],
};

pub const TIME_TO_FIRST_BYTE_MS: MetricDef = MetricDef {
    name: "llm_time_to_first_byte_milliseconds",
    kind: MetricKind::Histogram,
    help: "Milliseconds from the request's start to the first byte of the response body.",
    buckets: TTFT_BUCKETS_MS,
};

pub const TIME_TO_FIRST_REASONING_TOKEN_MS: MetricDef = MetricDef {
    name: "llm_time_to_first_reasoning_token_milliseconds",
    kind: MetricKind::Histogram,
    help: "Milliseconds from the request's start to the arrival of the first reasoning (thinking) text.",
    buckets: TTFT_BUCKETS_MS,
};

pub const REFUSALS_TOTAL: MetricDef = MetricDef {
    name: "llm_refusals_total",
    kind: MetricKind::Counter,
    help: "Answers that are refusals; refusal_source = stop_reason | delta_refusal | content_filter | safety_block | phrase; refusal_kind = full (nothing answered) | partial (one part refused, another answered). The refusal rate counts refusal_kind=full.",
    buckets: &[],
};

pub const COST_USD_MICROS_TOTAL: MetricDef = MetricDef {
    name: "llm_cost_usd_micros_total",
    kind: MetricKind::Counter,
    help: "Cost in millionths of a US dollar, from usage and the configured price table.",
    buckets: &[],
};

pub const WASTED_COST_USD_MICROS_TOTAL: MetricDef = MetricDef {
    name: "llm_wasted_cost_usd_micros_total",
    kind: MetricKind::Counter,
    help: "Cost (millionths of a USD) of answers nobody got: refused, truncated, errored, reset or disconnected streams; label outcome.",
    buckets: &[],
};

pub const REQUESTS_IN_FLIGHT: MetricDef = MetricDef {
    name: "llm_requests_in_flight",
    kind: MetricKind::Gauge,
    help:
        "LLM requests in progress; phase = awaiting_first_token (proxy-observed queue) | streaming.",
    buckets: &[],
};

pub const PROMPT_SAMPLES_TOTAL: MetricDef = MetricDef {
    name: "llm_prompt_samples_total",
    kind: MetricKind::Counter,
    help: "Sampled prompts (prompt_sampling); result = sent (the aggregator answered 2xx) | dropped (queue full, call refused, failed or timed out).",
    buckets: &[],
};

pub const ACTIVE_SERIES: MetricDef = MetricDef {
    name: "llm_active_series",
    kind: MetricKind::Gauge,
    help:
        "Label-encoded stats the filter has defined, summed over Envoy's VMs (a cardinality watch).",
    buckets: &[],
};

pub const TIME_TO_FIRST_TOKEN_MS: MetricDef = MetricDef {
    name: "llm_time_to_first_token_milliseconds",
    kind: MetricKind::Histogram,
    help: "Milliseconds from the request's start to the arrival of the first content event.",
    buckets: TTFT_BUCKETS_MS,
};

pub const INTER_CHUNK_GAP_US: MetricDef = MetricDef {
    name: "llm_inter_chunk_gap_microseconds",
    kind: MetricKind::Histogram,
    help: "Microseconds between the arrivals of consecutive content events (0 within one read).",
    buckets: GAP_BUCKETS_US,
};

pub const TIME_PER_OUTPUT_TOKEN_US: MetricDef = MetricDef {
    name: "llm_time_per_output_token_microseconds",
    kind: MetricKind::Histogram,
    help: "Per request: (last content - first content) / (output tokens - 1), in microseconds.",
    buckets: TPOT_BUCKETS_US,
};

pub const REQUEST_DURATION_MS: MetricDef = MetricDef {
    name: "llm_request_duration_milliseconds",
    kind: MetricKind::Histogram,
    help: "Milliseconds from the request's start to the end of the response.",
    buckets: DURATION_BUCKETS_MS,
};

pub const OUTPUT_TOKENS: MetricDef = MetricDef {
    name: "llm_output_tokens",
    kind: MetricKind::Histogram,
    help: "Output tokens per request: the provider's usage report, else counted (see llm_tokens_total's token_source).",
    buckets: TOKEN_BUCKETS,
};

pub const PROMPT_TOKENS: MetricDef = MetricDef {
    name: "llm_prompt_tokens",
    kind: MetricKind::Histogram,
    help: "Prompt (input) tokens per request: the provider's usage report, else counted (see llm_tokens_total's token_source).",
    buckets: TOKEN_BUCKETS,
};

/// Output-rate buckets in tokens per second: hosted models stream 20–200 tokens/s, local
/// ones 5–100, speculative decoding and small models up to thousands.
pub const TOKENS_PER_SECOND_BUCKETS: &[u64] = &[
    1, 2, 5, 10, 15, 20, 30, 40, 50, 60, 75, 100, 125, 150, 200, 300, 500, 1_000, 2_000, 5_000,
];

pub const OUTPUT_TOKENS_PER_SECOND: MetricDef = MetricDef {
    name: "llm_output_rate_tokens_per_second",
    kind: MetricKind::Histogram,
    help: "Per request: (output tokens - 1) / (last content - first content), in tokens per second (streams with at least 2 output tokens and 2 content events).",
    buckets: TOKENS_PER_SECOND_BUCKETS,
};

/// The whole contract, in documentation order.
pub const CATALOGUE: &[&MetricDef] = &[
    &REQUESTS_TOTAL,
    &TOKENS_TOTAL,
    &FINISH_REASONS_TOTAL,
    &ANSWER_LABELS_TOTAL,
    &REFUSALS_TOTAL,
    &COST_USD_MICROS_TOTAL,
    &WASTED_COST_USD_MICROS_TOTAL,
    &REQUESTS_IN_FLIGHT,
    &ACTIVE_SERIES,
    &PROMPT_SAMPLES_TOTAL,
    &TIME_TO_FIRST_BYTE_MS,
    &TIME_TO_FIRST_TOKEN_MS,
    &TIME_TO_FIRST_REASONING_TOKEN_MS,
    &INTER_CHUNK_GAP_US,
    &TIME_PER_OUTPUT_TOKEN_US,
    &OUTPUT_TOKENS_PER_SECOND,
    &REQUEST_DURATION_MS,
    &OUTPUT_TOKENS,
    &PROMPT_TOKENS,
];

// Envoy applies the first `histogram_bucket_settings` entry whose prefix matches and Istio's
// pilot-agent sorts the prefixes of the bucket annotation, so no histogram name may extend
// another's: the output rate is `llm_output_rate_tokens_per_second`, not
// `llm_output_tokens_per_second` (which `llm_output_tokens` would shadow). Checked by
// `no_histogram_name_extends_another` and tests/deploy.

/// Longest label value kept; longer values are cut (at a character boundary).
pub const MAX_LABEL_VALUE_BYTES: usize = 64;

/// Value used when a label value is missing or empty.
pub const UNKNOWN_LABEL_VALUE: &str = "unknown";

/// Makes a request-supplied string safe to place in a label-encoded stat name.
///
/// Keeps ASCII letters, digits and `. - _ : / @ +`; every other byte (including `;` and
/// `=`, which would break the `key=.=value;.;` encoding, and all non-ASCII) becomes `_`.
/// The result is at most [`MAX_LABEL_VALUE_BYTES`] long; an empty input gives `unknown`.
pub fn sanitize_label_value(raw: &[u8], out: &mut String) {
    out.clear();
    for &byte in raw.iter().take(MAX_LABEL_VALUE_BYTES) {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(byte, b'.' | b'-' | b'_' | b':' | b'/' | b'@' | b'+');
        out.push(if keep { byte as char } else { '_' });
    }
    if out.is_empty() {
        out.push_str(UNKNOWN_LABEL_VALUE);
    }
}

/// Builds the full stat name `name.k1=.=v1;.;k2=.=v2;.;`. Values must already be sanitised.
pub fn encode_stat_name(name: &str, labels: &[(&str, &str)]) -> String {
    let mut out = String::new();
    encode_stat_name_into(name, labels, &mut out);
    out
}

/// [`encode_stat_name`] into a reused buffer (no allocation once it is large enough).
pub fn encode_stat_name_into(name: &str, labels: &[(&str, &str)], out: &mut String) {
    out.clear();
    out.push_str(name);
    if !labels.is_empty() {
        out.push('.');
    }
    for (key, value) in labels {
        out.push_str(key);
        out.push_str("=.=");
        out.push_str(value);
        out.push_str(";.;");
    }
}

/// Renders the `stats_config` block (YAML, indented for the bootstrap's top level) that
/// turns the encoded labels back into tags and sets each histogram's buckets.
///
/// `envoy/stats-config.yaml` is this output, checked in; a test keeps the two equal.
pub fn stats_config_yaml() -> String {
    let mut out = String::new();
    out.push_str("stats_config:\n  stats_tags:\n");
    for key in LABEL_KEYS {
        out.push_str(&format!(
            "  - tag_name: {key}\n    regex: '({key}=\\.=(.*?);\\.;)'\n"
        ));
    }
    out.push_str("  histogram_bucket_settings:\n");
    for def in CATALOGUE.iter().filter(|d| d.kind == MetricKind::Histogram) {
        let buckets: Vec<String> = def.buckets.iter().map(|b| b.to_string()).collect();
        out.push_str(&format!(
            "  - match: {{ prefix: \"wasmcustom.{}\" }}\n    buckets: [{}]\n",
            def.name,
            buckets.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_histogram_name_extends_another() {
        for a in CATALOGUE {
            for b in CATALOGUE {
                assert!(
                    a.name == b.name || !b.name.starts_with(a.name),
                    "{} extends {}: its bucket setting would be shadowed",
                    b.name,
                    a.name
                );
            }
        }
    }
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn encodes_labels_istio_style() {
        let name = encode_stat_name(
            "llm_requests_total",
            &[(LABEL_REQUEST_MODEL, "gpt-4o"), (LABEL_PROVIDER, "openai")],
        );
        assert_eq!(
            name,
            "llm_requests_total.gen_ai_request_model=.=gpt-4o;.;gen_ai_provider_name=.=openai;.;"
        );
    }

    #[test]
    fn sanitises_values_that_would_break_the_encoding() {
        let mut out = String::new();
        sanitize_label_value(b"evil;.;x=.=y", &mut out);
        assert_eq!(out, "evil_._x_._y");
        sanitize_label_value("modèle".as_bytes(), &mut out);
        assert_eq!(out, "mod__le");
        sanitize_label_value(b"", &mut out);
        assert_eq!(out, "unknown");
        sanitize_label_value(&[b'a'; 200], &mut out);
        assert_eq!(out.len(), MAX_LABEL_VALUE_BYTES);
        sanitize_label_value(b"meta-llama/Llama-3.1-8B-Instruct", &mut out);
        assert_eq!(out, "meta-llama/Llama-3.1-8B-Instruct");
    }

    #[test]
    fn buckets_are_strictly_increasing_supersets_of_otel() {
        for def in CATALOGUE {
            assert!(def.buckets.windows(2).all(|w| w[0] < w[1]), "{}", def.name);
            assert!(
                def.buckets.iter().all(|b| *b > 0),
                "Envoy needs bounds > 0: {}",
                def.name
            );
        }
        // OpenTelemetry GenAI semantic conventions, converted to this catalogue's units.
        let otel_ttft_ms = [
            1, 5, 10, 20, 40, 60, 80, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
        ];
        let otel_tpot_us = [
            10_000, 25_000, 50_000, 75_000, 100_000, 150_000, 200_000, 300_000, 400_000, 500_000,
            750_000, 1_000_000, 2_500_000,
        ];
        let otel_duration_ms = [
            10, 20, 40, 80, 160, 320, 640, 1280, 2560, 5120, 10240, 20480, 40960, 81920,
        ];
        let otel_tokens = [
            1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216,
            67108864,
        ];
        for b in otel_ttft_ms {
            assert!(TTFT_BUCKETS_MS.contains(&b), "ttft {b}");
        }
        for b in otel_tpot_us {
            assert!(TPOT_BUCKETS_US.contains(&b), "tpot {b}");
            assert!(GAP_BUCKETS_US.contains(&b), "gap {b}");
        }
        for b in otel_duration_ms {
            assert!(DURATION_BUCKETS_MS.contains(&b), "duration {b}");
        }
        for b in otel_tokens {
            assert!(TOKEN_BUCKETS.contains(&b), "tokens {b}");
        }
        let mut v = 1;
        while v <= 1_000_000 {
            for m in [1, 2, 5] {
                if v * m <= 1_000_000 {
                    assert!(TOKEN_BUCKETS.contains(&(v * m)), "1-2-5 {}", v * m);
                }
            }
            v *= 10;
        }
    }

    #[test]
    fn stats_config_names_every_label_and_histogram() {
        let yaml = stats_config_yaml();
        for key in LABEL_KEYS {
            assert!(yaml.contains(&format!("regex: '({key}=\\.=(.*?);\\.;)'")));
        }
        assert!(yaml.contains("prefix: \"wasmcustom.llm_time_to_first_token_milliseconds\""));
        assert!(!yaml.contains("wasmcustom.llm_requests_total"));
    }
}

/// `envoy/stats-config.yaml` is [`stats_config_yaml`]'s output; regenerate it with
/// `LLMTAP_BLESS=1 cargo test -p llmtap-core shipped_stats_snippet`.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod native_only {
    #[test]
    fn shipped_stats_snippet_matches_the_catalogue() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../envoy/stats-config.yaml");
        let header = "# Generated from src/core/src/metrics/catalogue.rs (stats_config_yaml); do not edit.\n\
                      # Bootstrap top level: turns llmtap's label-encoded stat names into tags and\n\
                      # sets each histogram's buckets. Regenerate: LLMTAP_BLESS=1 cargo test -p llmtap-core shipped_stats_snippet\n";
        let want = format!("{header}{}", super::stats_config_yaml());
        if std::env::var_os("LLMTAP_BLESS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            have, want,
            "envoy/stats-config.yaml is stale: rerun with LLMTAP_BLESS=1"
        );
    }
}

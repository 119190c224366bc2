//! Recording a finished stream: one host call per metric, then the per-request attributes
//! ([`super::attributes`]).

use super::attributes;
use super::outcome::Outcome;
use super::plugin::Plugin;
use super::summary::{from_usage, micros_to_millis, reported_or_counted, StreamSummary};
use crate::host::Host;
use crate::metrics::catalogue::{self as m, MetricDef};
use crate::metrics::labels::LabelList;
use crate::refusal::RefusalKind;

/// Records every metric of a finished stream.
pub fn record(host: &dyn Host, plugin: &Plugin, s: &StreamSummary) {
    let base = s.labels.base();
    let outcome = s.outcome.unwrap_or(Outcome::Complete);
    let count = |def: &MetricDef, labels: LabelList<'_>, delta: u64| {
        if let Some(id) = plugin.id(host, def, labels.as_slice()) {
            host.increment_metric(id, i64::try_from(delta).unwrap_or(i64::MAX));
        }
    };
    let sample = |def: &MetricDef, value: u64| {
        if let Some(id) = plugin.id(host, def, base.as_slice()) {
            host.record_metric(id, value);
        }
    };
    count(
        &m::REQUESTS_TOTAL,
        s.labels
            .with_response_model()
            .with(m::LABEL_OUTCOME, outcome.as_str()),
        1,
    );
    if let Some(reason) = s.finish_reason {
        count(
            &m::FINISH_REASONS_TOTAL,
            base.with(m::LABEL_FINISH_REASON, reason.as_str()),
            1,
        );
    }
    for label in &s.answer_labels {
        count(
            &m::ANSWER_LABELS_TOTAL,
            base.with(m::LABEL_ANSWER_LABEL_NAME, &label.name)
                .with(m::LABEL_ANSWER_LABEL_VALUE, &label.value),
            1,
        );
    }
    if let Some(source) = s.refusal_source {
        count(
            &m::REFUSALS_TOTAL,
            base.with(m::LABEL_REFUSAL_SOURCE, source)
                .with(m::LABEL_REFUSAL_KIND, s.refusal_kind.as_str()),
            1,
        );
    }
    let input = reported_or_counted(s.usage.input, s.counted_input);
    let output = reported_or_counted(s.usage.output, s.counted_output);
    let tokens = [
        ("input", input),
        ("output", output),
        ("cached_input", s.usage.cached_input.map(from_usage)),
        ("reasoning", s.usage.reasoning.map(from_usage)),
    ];
    for (token_type, value) in tokens {
        if let Some(value) = value {
            count(
                &m::TOKENS_TOTAL,
                base.with(m::LABEL_TOKEN_TYPE, token_type)
                    .with(m::LABEL_TOKEN_SOURCE, value.source.as_str()),
                value.tokens,
            );
        }
    }
    if let Some(cost) = s.cost_micros {
        count(&m::COST_USD_MICROS_TOTAL, base, cost);
        if let Some(waste) = wasted(s) {
            count(
                &m::WASTED_COST_USD_MICROS_TOTAL,
                base.with(m::LABEL_OUTCOME, waste),
                cost,
            );
        }
    }
    sample(&m::REQUEST_DURATION_MS, micros_to_millis(s.duration_micros));
    let optional = [
        (
            &m::TIME_TO_FIRST_BYTE_MS,
            s.ttfb_micros.map(micros_to_millis),
        ),
        (
            &m::TIME_TO_FIRST_TOKEN_MS,
            s.ttft_micros.map(micros_to_millis),
        ),
        (
            &m::TIME_TO_FIRST_REASONING_TOKEN_MS,
            s.ttfr_micros.map(micros_to_millis),
        ),
        (&m::TIME_PER_OUTPUT_TOKEN_US, s.tpot_micros),
        (&m::OUTPUT_TOKENS_PER_SECOND, s.output_tokens_per_second),
        (&m::PROMPT_TOKENS, input.map(|c| c.tokens)),
        (&m::OUTPUT_TOKENS, output.map(|c| c.tokens)),
    ];
    for (def, value) in optional {
        if let Some(value) = value {
            sample(def, value);
        }
    }
    if plugin.config.filter_state {
        attributes::write(host, s, outcome);
    }
}

/// Why the money spent on a stream bought no answer, if it did not: the outcome for broken
/// streams, `refused` for refusals and content filtering.
fn wasted(s: &StreamSummary) -> Option<&'static str> {
    match s.outcome {
        Some(
            o @ (Outcome::ErrorEvent
            | Outcome::Truncated
            | Outcome::UpstreamReset
            | Outcome::ClientDisconnect
            | Outcome::Oversized),
        ) => Some(o.as_str()),
        _ if s.refusal_source.is_some() && s.refusal_kind == RefusalKind::Full => Some("refused"),
        _ => None,
    }
}

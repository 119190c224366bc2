//! Per-request attributes of a finished stream, written as Envoy filter state
//! (`wasm.<key>`; proxy-wasm cannot write dynamic metadata, envoyproxy/envoy#15148).
//!
//! Access logs read them as `%FILTER_STATE(wasm.<key>:PLAIN)%`; Envoy's tracing
//! `custom_tags` read the same formatter, so they become span attributes
//! (`docs/opentelemetry.md`). Keys are `llmtap.` + the OpenTelemetry GenAI
//! attribute name where one exists. They are written when the stream is recorded: at the end
//! of the response body, or in `on_log` after a client disconnect or an upstream reset, which
//! Envoy runs before it finishes the request's span.

use super::outcome::Outcome;
use super::summary::{micros_to_millis, reported_or_counted, StreamSummary};
use crate::host::Host;
use crate::metrics::catalogue as m;
use crate::metrics::labels::StreamLabels;

/// Filter-state keys, all under `wasm.` in Envoy.
pub mod key {
    pub const PROVIDER: &str = "llmtap.gen_ai.provider.name";
    pub const OPERATION: &str = "llmtap.gen_ai.operation.name";
    pub const REQUEST_MODEL: &str = "llmtap.gen_ai.request.model";
    pub const RESPONSE_MODEL: &str = "llmtap.gen_ai.response.model";
    /// `true` / `false`: the request body's `stream` flag, else whether the response streamed.
    pub const REQUEST_STREAM: &str = "llmtap.gen_ai.request.stream";
    pub const INPUT_TOKENS: &str = "llmtap.gen_ai.usage.input_tokens";
    pub const OUTPUT_TOKENS: &str = "llmtap.gen_ai.usage.output_tokens";
    /// Input tokens served from the provider's prompt cache (where reported).
    pub const CACHE_READ_INPUT_TOKENS: &str = "llmtap.gen_ai.usage.cache_read.input_tokens";
    /// Output tokens spent on reasoning (where reported).
    pub const REASONING_OUTPUT_TOKENS: &str = "llmtap.gen_ai.usage.reasoning.output_tokens";
    /// The normalised finish reason (`stop`, `length`, `tool_calls`, …).
    pub const FINISH_REASONS: &str = "llmtap.gen_ai.response.finish_reasons";
    /// Request start → first content event, in seconds (`0.060000`).
    pub const TIME_TO_FIRST_CHUNK: &str = "llmtap.gen_ai.response.time_to_first_chunk";
    /// The outcome of a failed request (`error_event`, `upstream_reset`, `client_disconnect`,
    /// `truncated`), [`super::INTERRUPTED`] while the response has not ended; empty when the
    /// request did not fail.
    pub const ERROR_TYPE: &str = "llmtap.error.type";
    pub const INPUT_TOKEN_SOURCE: &str = "llmtap.input_token_source";
    pub const OUTPUT_TOKEN_SOURCE: &str = "llmtap.output_token_source";
    /// The output count's source (the input's when there is no output count).
    pub const TOKEN_SOURCE: &str = "llmtap.token_source";
    pub const USAGE_INJECTED: &str = "llmtap.include_usage_injected";
    pub const FINISH_REASON_RAW: &str = "llmtap.finish_reason_raw";
    pub const TTFT_MS: &str = "llmtap.ttft_ms";
    pub const OUTCOME: &str = "llmtap.outcome";
    /// The refusal source, or `none` (kept for existing access-log formats).
    pub const REFUSAL: &str = "llmtap.refusal";
    /// `true` / `false`.
    pub const REFUSED: &str = "llmtap.refused";
    /// Why the answer counts as a refusal; absent when it does not.
    pub const REFUSAL_SOURCE: &str = "llmtap.refusal_source";
    pub const COST_USD_MICROS: &str = "llmtap.cost_usd_micros";
    /// Cost in USD (`0.000013`).
    pub const COST_USD: &str = "llmtap.cost_usd";
    /// Mean gap between consecutive content events, in seconds (needs ≥ 2 content events).
    pub const TIME_PER_OUTPUT_CHUNK: &str = "llmtap.time_per_output_chunk";
}

/// `llmtap.outcome` and `error.type` while the response has not ended. Envoy finalises the
/// request's span before any filter callback runs after a client disconnect or an upstream
/// reset (`completeRequest` precedes `on_log`), so a span that ends mid-stream keeps this
/// value; the end of the stream overwrites it.
pub const INTERRUPTED: &str = "interrupted";

/// The request started: what is known before the body, and the provisional outcome.
pub fn write_started(host: &dyn Host, labels: &StreamLabels) {
    let put = |key: &str, value: &str| host.set_attribute(key, value.as_bytes());
    if let Some(provider) = &labels.provider {
        put(key::PROVIDER, provider);
    }
    if let Some(operation) = labels.operation {
        put(key::OPERATION, operation);
    }
    put(key::OUTCOME, INTERRUPTED);
    put(key::ERROR_TYPE, INTERRUPTED);
}

/// The response started: what the request body said.
pub fn write_response_started(host: &dyn Host, labels: &StreamLabels, stream: Option<bool>) {
    if let Some(model) = &labels.request_model {
        host.set_attribute(key::REQUEST_MODEL, model.as_bytes());
    }
    if let Some(stream) = stream {
        host.set_attribute(key::REQUEST_STREAM, bool_str(stream).as_bytes());
    }
}

/// The first content event arrived, `ttft_micros` after the request started.
pub fn write_first_chunk(host: &dyn Host, ttft_micros: u64) {
    let mut text = String::new();
    host.set_attribute(
        key::TIME_TO_FIRST_CHUNK,
        millionths(&mut text, ttft_micros).as_bytes(),
    );
}

/// Writes every attribute known for a finished stream.
pub fn write(host: &dyn Host, s: &StreamSummary, outcome: Outcome) {
    let put = |key: &str, value: &str| host.set_attribute(key, value.as_bytes());
    let mut text = String::new();
    if let Some(provider) = &s.labels.provider {
        put(key::PROVIDER, provider);
    }
    if let Some(operation) = s.labels.operation {
        put(key::OPERATION, operation);
    }
    if let Some(model) = &s.labels.request_model {
        put(key::REQUEST_MODEL, model);
    }
    if !s.response_model.is_empty() {
        m::sanitize_label_value(s.response_model.as_bytes(), &mut text);
        put(key::RESPONSE_MODEL, &text);
    }
    put(
        key::REQUEST_STREAM,
        bool_str(s.request_stream.unwrap_or(s.streamed)),
    );
    let input = reported_or_counted(s.usage.input, s.counted_input);
    let output = reported_or_counted(s.usage.output, s.counted_output);
    if let Some(v) = input {
        put(key::INPUT_TOKENS, integer(&mut text, v.tokens));
        put(key::INPUT_TOKEN_SOURCE, v.source.as_str());
    }
    if let Some(v) = output {
        put(key::OUTPUT_TOKENS, integer(&mut text, v.tokens));
        put(key::OUTPUT_TOKEN_SOURCE, v.source.as_str());
    }
    if let Some(v) = output.or(input) {
        put(key::TOKEN_SOURCE, v.source.as_str());
    }
    if let Some(cached) = s.usage.cached_input {
        put(key::CACHE_READ_INPUT_TOKENS, integer(&mut text, cached));
    }
    if let Some(reasoning) = s.usage.reasoning {
        put(key::REASONING_OUTPUT_TOKENS, integer(&mut text, reasoning));
    }
    if s.usage_injected {
        put(key::USAGE_INJECTED, "true");
    }
    if let Some(reason) = s.finish_reason {
        put(key::FINISH_REASONS, reason.as_str());
        m::sanitize_label_value(s.finish_raw.as_bytes(), &mut text);
        put(key::FINISH_REASON_RAW, &text);
    }
    if let Some(ttft) = s.ttft_micros {
        put(key::TTFT_MS, integer(&mut text, micros_to_millis(ttft)));
        put(key::TIME_TO_FIRST_CHUNK, millionths(&mut text, ttft));
    }
    if let Some(gap) = s.mean_chunk_gap_micros {
        put(key::TIME_PER_OUTPUT_CHUNK, millionths(&mut text, gap));
    }
    put(key::OUTCOME, outcome.as_str());
    // An empty value clears the provisional one: Envoy's formatter then omits the tag.
    put(key::ERROR_TYPE, error_type(outcome).unwrap_or(""));
    put(key::REFUSAL, s.refusal_source.unwrap_or("none"));
    put(key::REFUSED, bool_str(s.refusal_source.is_some()));
    if let Some(source) = s.refusal_source {
        put(key::REFUSAL_SOURCE, source);
    }
    if let Some(cost) = s.cost_micros {
        put(key::COST_USD_MICROS, integer(&mut text, cost));
        put(key::COST_USD, millionths(&mut text, cost));
    }
}

/// `error.type` for an outcome: the outcome itself when the request failed. `oversized` and
/// `encoded` say what the filter could not read, not that the request failed.
pub fn error_type(outcome: Outcome) -> Option<&'static str> {
    match outcome {
        Outcome::ErrorEvent
        | Outcome::Truncated
        | Outcome::UpstreamReset
        | Outcome::ClientDisconnect => Some(outcome.as_str()),
        Outcome::Complete | Outcome::Length | Outcome::Oversized | Outcome::Encoded => None,
    }
}

fn bool_str(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

fn integer(text: &mut String, value: u64) -> &str {
    text.clear();
    text.push_str(&value.to_string());
    text
}

/// A count of millionths as a decimal with six places: 60 000 µs → `0.060000` s.
fn millionths(text: &mut String, value: u64) -> &str {
    text.clear();
    text.push_str(&format!("{}.{:06}", value / 1_000_000, value % 1_000_000));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn millionths_keep_six_places() {
        let mut text = String::new();
        assert_eq!(millionths(&mut text, 60_000), "0.060000");
        assert_eq!(millionths(&mut text, 1_234_567), "1.234567");
        assert_eq!(millionths(&mut text, 0), "0.000000");
    }

    /// Content at 60 and 70 ms, usage with cached and reasoning tokens, no terminator.
    #[test]
    fn a_stream_writes_the_span_attributes() {
        use crate::config::Config;
        use crate::stream::tests::run_stream;
        use crate::stream::Plugin;
        use crate::testing::RecordingHost;
        let plugin =
            Plugin::new(Config::parse(br#"{"prices":{"m":{"input":1,"output":1}}}"#).unwrap());
        let host = RecordingHost::default();
        let content =
            |t: &str| format!("data: {{\"choices\":[{{\"delta\":{{\"content\":\"{t}\"}}}}]}}\n\n");
        let usage = "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"prompt_tokens_details\":{\"cached_tokens\":3},\"completion_tokens_details\":{\"reasoning_tokens\":2}}}\n\n";
        let (a, b) = (content("a"), content("b"));
        run_stream(
            &host,
            &plugin,
            br#"{"model":"m","stream":true}"#,
            &[a.as_bytes(), b.as_bytes(), usage.as_bytes()],
        );
        let expected = [
            (key::PROVIDER, "openai"),
            (key::OPERATION, "chat"),
            (key::REQUEST_MODEL, "m"),
            (key::REQUEST_STREAM, "true"),
            (key::INPUT_TOKENS, "9"),
            (key::OUTPUT_TOKENS, "4"),
            (key::CACHE_READ_INPUT_TOKENS, "3"),
            (key::REASONING_OUTPUT_TOKENS, "2"),
            (key::TOKEN_SOURCE, "usage"),
            (key::FINISH_REASONS, "length"),
            (key::TIME_TO_FIRST_CHUNK, "0.060000"),
            (key::TIME_PER_OUTPUT_CHUNK, "0.010000"),
            (key::OUTCOME, "length"),
            (key::REFUSED, "false"),
            (key::COST_USD, "0.000013"),
        ];
        for (key, value) in expected {
            assert_eq!(host.attribute(key).as_deref(), Some(value), "{key}");
        }
        assert_eq!(host.attribute(key::ERROR_TYPE).as_deref(), Some(""));
        assert_eq!(host.attribute(key::REFUSAL_SOURCE), None);

        // Cut after one content event: truncated, which is the error type.
        let host = RecordingHost::default();
        run_stream(&host, &plugin, br#"{"model":"m"}"#, &[a.as_bytes()]);
        assert_eq!(
            host.attribute(key::ERROR_TYPE).as_deref(),
            Some("truncated")
        );
        assert_eq!(host.attribute(key::REQUEST_STREAM).as_deref(), Some("true"));
        assert_eq!(host.attribute(key::TIME_PER_OUTPUT_CHUNK), None);
    }

    /// A span that ends mid-stream (before `on_log`) sees the provisional values.
    #[test]
    fn an_unfinished_stream_reads_as_interrupted() {
        use crate::config::Config;
        use crate::stream::{Plugin, Stream};
        use crate::testing::RecordingHost;
        let plugin = Plugin::new(Config::default());
        let host = RecordingHost::default();
        let mut stream = Stream::new(plugin);
        host.with_request(&[(":path", "/v1/messages")]);
        stream.on_request_headers(&host);
        assert_eq!(
            host.attribute(key::ERROR_TYPE).as_deref(),
            Some(INTERRUPTED)
        );
        stream.on_request_body(br#"{"model":"claude","stream":true}"#, true);
        host.advance(25_000);
        host.with_response(&[(":status", "200"), ("content-type", "text/event-stream")]);
        stream.on_response_headers(&host);
        let delta = b"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n";
        stream.on_response_body(&host, delta, false);
        let expected = [
            (key::PROVIDER, "anthropic"),
            (key::OPERATION, "chat"),
            (key::REQUEST_MODEL, "claude"),
            (key::REQUEST_STREAM, "true"),
            (key::TIME_TO_FIRST_CHUNK, "0.025000"),
            (key::OUTCOME, INTERRUPTED),
            (key::ERROR_TYPE, INTERRUPTED),
        ];
        for (key, value) in expected {
            assert_eq!(host.attribute(key).as_deref(), Some(value), "{key}");
        }
        // The host reports the disconnect in on_log: the final values replace them.
        host.properties.borrow_mut().push((
            "response.code_details".into(),
            b"downstream_remote_disconnect".to_vec(),
        ));
        stream.on_log(&host);
        assert_eq!(
            host.attribute(key::ERROR_TYPE).as_deref(),
            Some("client_disconnect")
        );
    }

    #[test]
    fn only_failures_have_an_error_type() {
        let failed: Vec<_> = Outcome::ALL.into_iter().filter_map(error_type).collect();
        assert_eq!(
            failed,
            [
                "error_event",
                "truncated",
                "upstream_reset",
                "client_disconnect"
            ]
        );
    }
}

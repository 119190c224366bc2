//! [`Stream`] driven through a [`RecordingHost`]: timing definitions, outcomes, labels,
//! cost, the in-flight gauge and the access-log attributes.

use crate::config::Config;
use crate::stream::outcome::{FinishReason, Outcome};
use crate::stream::{Plugin, Stream};
use crate::testing::RecordingHost;
use std::rc::Rc;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Drives a whole request: headers and body at t, response headers 50 ms later, one
/// response read per 10 ms, end of stream 1 ms after the last read.
pub fn run_stream(
    host: &RecordingHost,
    plugin: &Rc<Plugin>,
    body: &[u8],
    reads: &[&[u8]],
) -> Stream {
    run(
        host,
        plugin,
        "/v1/chat/completions",
        body,
        "text/event-stream; charset=utf-8",
        reads,
        true,
    )
}

fn run(
    host: &RecordingHost,
    plugin: &Rc<Plugin>,
    path: &str,
    body: &[u8],
    content_type: &str,
    reads: &[&[u8]],
    end: bool,
) -> Stream {
    let mut stream = Stream::new(plugin.clone());
    host.with_request(&[(":path", path), ("x-tenant", "acme")]);
    stream.on_request_headers(host);
    stream.on_request_body(body, true);
    host.advance(50_000);
    host.with_response(&[(":status", "200"), ("content-type", content_type)]);
    stream.on_response_headers(host);
    for read in reads {
        host.advance(10_000);
        stream.on_response_body(host, read, false);
    }
    if end {
        host.advance(1_000);
        stream.on_response_body(host, b"", true);
    }
    stream.on_log(host);
    stream
}

/// A chat stream with the default config that ends with one read and no end of stream, Envoy
/// reporting `code_details` as `response.code_details` (how it names the cut).
fn run_cut_off(host: &RecordingHost, code_details: &str, read: &[u8]) -> Stream {
    host.properties.borrow_mut().push((
        "response.code_details".into(),
        code_details.as_bytes().to_vec(),
    ));
    let plugin = Plugin::new(Config::default());
    run(
        host,
        &plugin,
        "/v1/chat/completions",
        b"{}",
        "text/event-stream",
        &[read],
        false,
    )
}

fn content(text: &str) -> String {
    format!("data: {{\"choices\":[{{\"delta\":{{\"content\":\"{text}\"}}}}]}}\n\n")
}

const USAGE_AND_DONE: &str =
    "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4}}\n\ndata: [DONE]\n\n";

/// Gaps are held in batches of `GAP_BATCH` and recorded when a batch is full and when the
/// stream ends: every gap once, with its value, in arrival order.
#[test]
fn gaps_are_recorded_in_batches_each_once_in_order() {
    use crate::stream::measure::GAP_BATCH;
    const GAP: &str = "llm_inter_chunk_gap_microseconds";
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let mut stream = Stream::new(plugin.clone());
    host.with_request(&[(":path", "/v1/chat/completions")]);
    stream.on_request_headers(&host);
    stream.on_request_body(br#"{"model":"m","stream":true}"#, true);
    host.with_response(&[(":status", "200"), ("content-type", "text/event-stream")]);
    stream.on_response_headers(&host);
    // Content event i arrives i ms after the previous one: gap i ms.
    let events = GAP_BATCH + 8;
    let mut expected = Vec::new();
    for i in 0..=events {
        host.advance(1_000 * i as u64);
        stream.on_response_body(&host, content("x").as_bytes(), false);
        if i > 0 {
            expected.push(1_000 * i as u64);
        }
        let recorded = host.histogram(GAP).len();
        // Before the batch fills nothing is recorded; then the whole batch at once.
        let want = if expected.len() >= GAP_BATCH {
            GAP_BATCH
        } else {
            0
        };
        assert_eq!(recorded, want, "after content event {i}");
    }
    stream.on_response_body(&host, USAGE_AND_DONE.as_bytes(), true);
    assert_eq!(host.histogram(GAP), expected);
    stream.on_log(&host);
    assert_eq!(host.histogram(GAP), expected, "nothing more at on_log");
}

#[test]
fn ttft_gaps_and_time_per_token_follow_arrival_times() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let role = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n".to_owned();
    // reads at +10 ms each after headers at +50 ms: role, "a", "b"+"c" together, "d" split.
    let d = content("d");
    let (d1, d2) = d.split_at(9);
    let reads: Vec<String> = vec![
        role,
        content("a"),
        content("b") + &content("c"),
        d1.to_owned(),
        d2.to_owned(),
        USAGE_AND_DONE.to_owned(),
    ];
    let reads: Vec<&[u8]> = reads.iter().map(|s| s.as_bytes()).collect();
    let stream = run_stream(&host, &plugin, br#"{"model":"m"}"#, &reads);
    let s = stream.summary().unwrap();
    assert_eq!(s.content_events, 4);
    assert_eq!(s.ttfb_micros, Some(60_000));
    assert_eq!(
        s.ttft_micros,
        Some(70_000),
        "headers 50 ms + role read + content read"
    );
    assert_eq!(
        host.histogram("llm_time_to_first_token_milliseconds"),
        vec![70]
    );
    assert_eq!(
        host.histogram("llm_time_to_first_byte_milliseconds"),
        vec![60]
    );
    // "a" at 70 ms, "b" and "c" at 80 ms, "d" completed by the read at 100 ms.
    assert_eq!(
        host.histogram("llm_inter_chunk_gap_microseconds"),
        vec![10_000, 0, 20_000]
    );
    assert_eq!(
        host.histogram("llm_time_per_output_token_microseconds"),
        vec![30_000 / 3]
    );
    assert_eq!(host.histogram("llm_output_tokens."), vec![4]);
    assert_eq!(host.histogram("llm_prompt_tokens"), vec![9]);
    assert_eq!(
        host.histogram("llm_request_duration_milliseconds"),
        vec![111]
    );
    assert!(s.terminator_seen);
    assert_eq!(s.outcome, Some(Outcome::Complete));
    assert_eq!(s.finish_reason, Some(FinishReason::Stop));
    assert_eq!(host.counter("llm_finish_reasons_total.gen_ai_request_model=.=m;.;gen_ai_provider_name=.=openai;.;gen_ai_operation_name=.=chat;.;finish_reason=.=stop;.;"), 1);
    assert_eq!(
        host.counter("llm_requests_total.gen_ai_request_model=.=m;.;gen_ai_provider_name=.=openai;.;gen_ai_operation_name=.=chat;.;gen_ai_response_model=.=m;.;outcome=.=complete;.;"),
        1
    );
}

#[test]
fn reasoning_before_content_is_timed_apart() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let reasoning = "data: {\"choices\":[{\"delta\":{\"reasoning_content\":\"hmm\"}}]}\n\n";
    let x = content("x");
    let reads: Vec<&[u8]> = vec![reasoning.as_bytes(), reasoning.as_bytes(), x.as_bytes()];
    let stream = run_stream(&host, &plugin, br#"{"model":"r1"}"#, &reads);
    let s = stream.summary().unwrap();
    assert_eq!(s.ttfr_micros, Some(60_000));
    assert_eq!(s.ttft_micros, Some(80_000));
    assert_eq!(s.reasoning_chars, 6);
    assert_eq!(
        s.outcome,
        Some(Outcome::Truncated),
        "no [DONE], no finish reason"
    );
}

#[test]
fn a_client_disconnect_still_records_what_was_seen() {
    let host = RecordingHost::default();
    let partial = content("x") + "data: {\"cho";
    let stream = run_cut_off(&host, "downstream_remote_disconnect", partial.as_bytes());
    let s = stream.summary().unwrap();
    assert_eq!(s.content_events, 1);
    assert_eq!(s.outcome, Some(Outcome::ClientDisconnect));
    assert_eq!(host.counter("llm_requests_total"), 1);
    assert_eq!(
        host.gauge("llm_requests_in_flight"),
        0,
        "the gauge returns to zero"
    );
}

#[test]
fn an_upstream_reset_is_its_own_outcome() {
    let host = RecordingHost::default();
    let stream = run_cut_off(
        &host,
        "upstream_reset_after_response_started{remote_reset}",
        content("x").as_bytes(),
    );
    assert_eq!(
        stream.summary().unwrap().outcome,
        Some(Outcome::UpstreamReset)
    );
}

#[test]
fn in_flight_gauge_tracks_the_phase() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let mut stream = Stream::new(plugin);
    host.with_request(&[(":path", "/v1/chat/completions")]);
    stream.on_request_headers(&host);
    let awaiting = "llm_requests_in_flight.phase=.=awaiting_first_token;.;";
    let streaming = "llm_requests_in_flight.phase=.=streaming;.;";
    assert_eq!((host.gauge(awaiting), host.gauge(streaming)), (1, 0));
    host.with_response(&[(":status", "200"), ("content-type", "text/event-stream")]);
    stream.on_response_headers(&host);
    stream.on_response_body(
        &host,
        b"data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n",
        false,
    );
    assert_eq!(
        (host.gauge(awaiting), host.gauge(streaming)),
        (1, 0),
        "no content yet"
    );
    stream.on_response_body(&host, content("hi").as_bytes(), false);
    assert_eq!((host.gauge(awaiting), host.gauge(streaming)), (0, 1));
    stream.on_response_body(&host, b"", true);
    assert_eq!((host.gauge(awaiting), host.gauge(streaming)), (0, 0));
}

#[test]
fn non_llm_traffic_and_compressed_bodies_are_left_alone() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let stream = run(
        &host,
        &plugin,
        "/healthz",
        b"",
        "text/event-stream",
        &[content("x").as_bytes()],
        true,
    );
    assert!(!stream.is_llm());
    assert!(
        host.defined().is_empty(),
        "no llm metric for non-LLM traffic"
    );

    let mut stream = Stream::new(plugin);
    host.with_request(&[(":path", "/v1/chat/completions")]);
    stream.on_request_headers(&host);
    host.with_response(&[
        (":status", "200"),
        ("content-type", "text/event-stream"),
        ("content-encoding", "gzip"),
    ]);
    stream.on_response_headers(&host);
    stream.on_response_body(&host, b"\x1f\x8b\x08\x00garbage", true);
    let s = stream.summary().unwrap();
    assert_eq!(s.content_events, 0);
    assert!(!s.streamed);
}

#[test]
fn a_plain_json_completion_is_counted_with_its_usage() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let body = br#"{"model":"gpt-4o-mini","choices":[{"message":{"content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1}}"#;
    let stream = run(
        &host,
        &plugin,
        "/v1/chat/completions",
        br#"{"model":"gpt-4o-mini"}"#,
        "application/json",
        &[&body[..20], &body[20..]],
        true,
    );
    let s = stream.summary().unwrap();
    assert_eq!(
        (s.usage.input, s.usage.output, s.content_events),
        (Some(5), Some(1), 1)
    );
    assert_eq!(
        host.histogram("llm_time_to_first_token_milliseconds"),
        vec![71],
        "time to the whole answer"
    );
    assert_eq!(s.outcome, Some(Outcome::Complete));
}

#[test]
fn error_statuses_and_error_events_are_error_outcomes() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let err = "event: error\ndata: {\"error\":{\"message\":\"overloaded\"}}\n\n";
    let stream = run(
        &host,
        &plugin,
        "/v1/chat/completions",
        b"{}",
        "text/event-stream",
        &[err.as_bytes()],
        true,
    );
    assert_eq!(stream.summary().unwrap().outcome, Some(Outcome::ErrorEvent));

    let mut stream = Stream::new(plugin);
    host.with_request(&[(":path", "/v1/chat/completions")]);
    stream.on_request_headers(&host);
    host.with_response(&[(":status", "429"), ("content-type", "application/json")]);
    stream.on_response_headers(&host);
    stream.on_response_body(&host, br#"{"error":{"message":"rate limited"}}"#, true);
    assert_eq!(stream.summary().unwrap().outcome, Some(Outcome::ErrorEvent));
}

#[test]
fn an_event_larger_than_the_cap_is_read_as_it_streams() {
    let plugin = Plugin::new(Config {
        max_event_bytes: 1024,
        ..Config::default()
    });
    let host = RecordingHost::default();
    let big = content(&"x".repeat(5000));
    let a = content("a");
    let reads: Vec<&[u8]> = vec![a.as_bytes(), big.as_bytes(), USAGE_AND_DONE.as_bytes()];
    let stream = run_stream(&host, &plugin, b"{}", &reads);
    let s = stream.summary().unwrap();
    assert_eq!(
        (s.content_events, s.oversized_events, s.usage.output),
        (2, 0, Some(4))
    );
    assert_eq!(s.outcome, Some(Outcome::Complete));
}

#[test]
fn an_oversized_event_is_flagged_and_the_rest_still_counts() {
    let plugin = Plugin::new(Config {
        max_event_bytes: 1024,
        ..Config::default()
    });
    let host = RecordingHost::default();
    // What the decoder reads of it (its warnings) is itself larger than the cap.
    let big = format!(
        "data: {{\"warnings\":[{}]}}\n\n",
        vec![r#"{"type":"w"}"#; 200].join(",")
    );
    let a = content("a");
    let reads: Vec<&[u8]> = vec![a.as_bytes(), big.as_bytes(), USAGE_AND_DONE.as_bytes()];
    let stream = run_stream(&host, &plugin, b"{}", &reads);
    let s = stream.summary().unwrap();
    assert_eq!(
        (s.content_events, s.oversized_events, s.usage.output),
        (1, 1, Some(4))
    );
    assert_eq!(s.outcome, Some(Outcome::Oversized));
}

#[test]
fn optional_labels_come_from_headers_cluster_and_node() {
    let config = Config::parse(
        br#"{"consumer_header":"x-tenant","labels":{"destination_service":true,"source_workload":true,"operation":false}}"#,
    )
    .unwrap();
    let plugin = Plugin::new(config);
    let host = RecordingHost::default();
    host.properties.borrow_mut().extend([
        (
            "xds.cluster_name".to_owned(),
            b"outbound|8000||vllm.ns.svc.cluster.local".to_vec(),
        ),
        (
            "node.metadata.WORKLOAD_NAME".to_owned(),
            b"chat-frontend".to_vec(),
        ),
    ]);
    let stream = run_stream(
        &host,
        &plugin,
        br#"{"model":"m"}"#,
        &[USAGE_AND_DONE.as_bytes()],
    );
    let labels = &stream.summary().unwrap().labels;
    assert_eq!(
        labels.destination_service.as_deref(),
        Some("vllm.ns.svc.cluster.local")
    );
    assert_eq!(labels.source_workload.as_deref(), Some("chat-frontend"));
    assert_eq!(labels.consumer.as_deref(), Some("acme"));
    assert_eq!(labels.operation, None);
    assert!(host.defined().iter().any(|(_, n)| n.starts_with(
        "llm_requests_total.gen_ai_request_model=.=m;.;gen_ai_provider_name=.=openai;.;destination_service=.=vllm.ns.svc.cluster.local;.;source_workload=.=chat-frontend;.;consumer=.=acme;.;"
    )));
}

#[test]
fn random_model_names_cannot_create_more_series_than_the_cap() {
    let plugin = Plugin::new(Config {
        max_label_values: 8,
        ..Config::default()
    });
    let host = RecordingHost::default();
    for i in 0..2_000 {
        let body = format!("{{\"model\":\"random-{i}\"}}");
        run_stream(
            &host,
            &plugin,
            body.as_bytes(),
            &[USAGE_AND_DONE.as_bytes()],
        );
    }
    let models: std::collections::BTreeSet<String> = host
        .defined()
        .iter()
        .filter_map(|(_, n)| {
            n.split("gen_ai_request_model=.=")
                .nth(1)
                .map(|r| r.split(';').next().unwrap().to_owned())
        })
        .collect();
    assert_eq!(models.len(), 9, "8 admitted + other: {models:?}");
    assert!(models.contains("other"));
    assert_eq!(host.gauge("llm_active_series") as usize, plugin.series());
}

#[test]
fn cost_and_wasted_cost_follow_the_price_table() {
    let config = Config::parse(br#"{"prices":{"gpt-4o":{"input":2.5,"output":10}}}"#).unwrap();
    let plugin = Plugin::new(config);
    let host = RecordingHost::default();
    let body = br#"{"model":"gpt-4o-2024-08-06"}"#;
    let stream = run_stream(
        &host,
        &plugin,
        body,
        &[content("a").as_bytes(), USAGE_AND_DONE.as_bytes()],
    );
    // 9 × 2.5 + 4 × 10 = 62.5 → 63 micro-USD (prefix match on "gpt-4o").
    assert_eq!(stream.summary().unwrap().cost_micros, Some(63));
    assert_eq!(host.counter("llm_cost_usd_micros_total"), 63);
    assert_eq!(host.counter("llm_wasted_cost_usd_micros_total"), 0);

    let refused = "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"content_filter\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4}}\n\ndata: [DONE]\n\n";
    run_stream(&host, &plugin, body, &[refused.as_bytes()]);
    assert_eq!(host.counter("llm_wasted_cost_usd_micros_total"), 63);
    assert!(host
        .defined()
        .iter()
        .any(|(_, n)| n.contains("llm_wasted_cost_usd_micros_total")
            && n.contains("outcome=.=refused;.;")));

    let no_price = run_stream(
        &host,
        &plugin,
        br#"{"model":"llama"}"#,
        &[USAGE_AND_DONE.as_bytes()],
    );
    assert_eq!(no_price.summary().unwrap().cost_micros, None);
}

#[test]
fn attributes_for_access_logs_are_written_once_per_stream() {
    let plugin = Plugin::new(Config::parse(br#"{"prices":{"m":{"input":1,"output":1}}}"#).unwrap());
    let host = RecordingHost::default();
    run_stream(
        &host,
        &plugin,
        br#"{"model":"m"}"#,
        &[content("a").as_bytes(), USAGE_AND_DONE.as_bytes()],
    );
    assert_eq!(
        host.attribute("llmtap.gen_ai.request.model").as_deref(),
        Some("m")
    );
    assert_eq!(
        host.attribute("llmtap.gen_ai.usage.output_tokens")
            .as_deref(),
        Some("4")
    );
    assert_eq!(
        host.attribute("llmtap.gen_ai.response.finish_reasons")
            .as_deref(),
        Some("stop")
    );
    assert_eq!(
        host.attribute("llmtap.outcome").as_deref(),
        Some("complete")
    );
    assert_eq!(
        host.attribute("llmtap.cost_usd_micros").as_deref(),
        Some("13")
    );
    assert_eq!(host.attribute("llmtap.ttft_ms").as_deref(), Some("60"));

    let quiet = Plugin::new(Config {
        filter_state: false,
        ..Config::default()
    });
    let host = RecordingHost::default();
    run_stream(&host, &quiet, b"{}", &[USAGE_AND_DONE.as_bytes()]);
    assert!(host.attributes.borrow().is_empty());
}

#[test]
fn refusals_come_from_structured_signals_first_then_phrases() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let phrase = content("I'm sorry, but I can't help with that request.");
    let s = run_stream(
        &host,
        &plugin,
        br#"{"model":"m"}"#,
        &[phrase.as_bytes(), USAGE_AND_DONE.as_bytes()],
    );
    assert_eq!(s.summary().unwrap().refusal_source, Some("phrase"));
    let delta = "data: {\"choices\":[{\"delta\":{\"refusal\":\"I can't help with that.\"}}]}\n\n";
    let s = run_stream(
        &host,
        &plugin,
        br#"{"model":"m"}"#,
        &[delta.as_bytes(), USAGE_AND_DONE.as_bytes()],
    );
    assert_eq!(s.summary().unwrap().refusal_source, Some("delta_refusal"));
    let near_miss = content("I'm sorry to hear that! Here is how to fix it.");
    let s = run_stream(
        &host,
        &plugin,
        br#"{"model":"m"}"#,
        &[near_miss.as_bytes(), USAGE_AND_DONE.as_bytes()],
    );
    assert_eq!(s.summary().unwrap().refusal_source, None);
    assert_eq!(host.counter("llm_refusals_total"), 2);
    assert_eq!(host.attribute("llmtap.refusal").as_deref(), Some("none"));
}

#[test]
fn a_refusal_split_across_events_is_still_found() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let pieces: Vec<String> = ["I", "'m sor", "ry, but I ", "can", "not assist with that."]
        .iter()
        .map(|p| content(p))
        .collect();
    let mut reads: Vec<&[u8]> = pieces.iter().map(|p| p.as_bytes()).collect();
    reads.push(USAGE_AND_DONE.as_bytes());
    let s = run_stream(&host, &plugin, b"{}", &reads);
    assert_eq!(s.summary().unwrap().refusal_source, Some("phrase"));
}

/// Request-model label of the one `llm_requests_total` series a stream recorded.
fn request_model_label(host: &RecordingHost) -> String {
    let defined = host.defined();
    let names: Vec<&str> = defined
        .iter()
        .map(|(_, n)| n.as_str())
        .filter(|n| n.starts_with("llm_requests_total."))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let (_, rest) = names[0].split_once("gen_ai_request_model=.=").unwrap();
    rest.split_once(";.;").unwrap().0.to_owned()
}

#[test]
fn gemini_and_bedrock_models_come_from_the_path_when_the_body_has_none() {
    let config =
        Config::parse(br#"{"prices":{"gemini-2.0-flash":{"input":1000000,"output":0}}}"#).unwrap();
    let plugin = Plugin::new(config);
    let gemini = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":1}}\n\n";
    let host = RecordingHost::default();
    let stream = run(
        &host,
        &plugin,
        "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
        br#"{"contents":[{"role":"user","parts":[{"text":"hello"}]}]}"#,
        "text/event-stream",
        &[gemini.as_bytes()],
        true,
    );
    assert_eq!(request_model_label(&host), "gemini-2.0-flash");
    assert_eq!(
        host.attribute("llmtap.gen_ai.request.model").as_deref(),
        Some("gemini-2.0-flash")
    );
    // The path's model prices the stream: 3 input tokens × 1 USD.
    assert_eq!(stream.summary().unwrap().cost_micros, Some(3_000_000));

    let converse = br#"{"output":{"message":{"role":"assistant","content":[{"text":"Hi"}]}},"stopReason":"end_turn","usage":{"inputTokens":3,"outputTokens":1}}"#;
    for (path, want) in [
        (
            "/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse",
            "anthropic.claude-3-5-sonnet-20240620-v1:0",
        ),
        (
            "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Ainference-profile%2Fus.meta.llama3/invoke",
            "arn:aws:bedrock:us-east-1:1:inference-profile/us.meta.llama3",
        ),
        // Characters no label may hold are sanitised like a body's model.
        ("/model/bad%3Bname%3D%0A/converse", "bad_name__"),
    ] {
        let host = RecordingHost::default();
        let plugin = Plugin::new(Config::default());
        run(
            &host,
            &plugin,
            path,
            br#"{"messages":[]}"#,
            "application/json",
            &[converse],
            true,
        );
        assert_eq!(request_model_label(&host), want, "{path}");
    }
}

#[test]
fn the_body_model_wins_over_the_path_and_path_models_share_the_label_cap() {
    let host = RecordingHost::default();
    let plugin = Plugin::new(Config::default());
    run(
        &host,
        &plugin,
        "/v1beta/models/gemini-2.0-flash:generateContent",
        br#"{"model":"from-body"}"#,
        "application/json",
        &[],
        true,
    );
    assert_eq!(request_model_label(&host), "from-body");

    // Path models count against `max_label_values` like any other value.
    let plugin = Plugin::new(Config::parse(br#"{"max_label_values":2}"#).unwrap());
    let host = RecordingHost::default();
    for i in 0..5 {
        let path = format!("/model/m{i}/converse");
        run(&host, &plugin, &path, b"{}", "application/json", &[], true);
    }
    let mut models: Vec<String> = host
        .defined()
        .iter()
        .filter(|(_, n)| n.starts_with("llm_requests_total."))
        .filter_map(|(_, n)| {
            let (_, rest) = n.split_once("gen_ai_request_model=.=")?;
            Some(rest.split_once(";.;")?.0.to_owned())
        })
        .collect();
    models.sort();
    models.dedup();
    assert_eq!(models, ["m0", "m1", "other"]);
}

/// Drives a stream that breaks off after `reads` (the host reports `code_details`) and
/// returns its summary and `llm_tokens_total` by type and source.
fn broken_stream(
    path: &str,
    body: &[u8],
    reads: &[&str],
    code_details: &str,
) -> (crate::stream::StreamSummary, RecordingHost) {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    host.properties.borrow_mut().push((
        "response.code_details".into(),
        code_details.as_bytes().to_vec(),
    ));
    let reads: Vec<&[u8]> = reads.iter().map(|r| r.as_bytes()).collect();
    let stream = run(
        &host,
        &plugin,
        path,
        body,
        "text/event-stream",
        &reads,
        false,
    );
    (stream.summary().unwrap().clone(), host)
}

fn tokens(host: &RecordingHost, token_type: &str, source: &str) -> i64 {
    let part = format!("gen_ai_token_type=.={token_type};.;token_source=.={source};.;");
    host.counter_with("llm_tokens_total.", &part)
}

const RESET: &str = "upstream_reset_after_response_started{remote_reset}";

#[test]
fn anthropic_cut_off_after_message_start_counts_the_text_not_the_placeholder() {
    use crate::tokenize::{TokenCount, TokenSource};
    let start = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"claude-x\",\"usage\":{\"input_tokens\":20,\"cache_read_input_tokens\":3,\"output_tokens\":1}}}\n\n";
    // 19 characters: 5 estimated tokens.
    let delta = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello there, friend\"}}\n\n";
    let body = br#"{"model":"claude-x","stream":true}"#;
    let error = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
    for (reads, details, outcome) in [
        (vec![start, delta], RESET, Outcome::UpstreamReset),
        (
            vec![start, delta],
            "downstream_remote_disconnect",
            Outcome::ClientDisconnect,
        ),
        (
            vec![start, delta, error],
            "via_upstream",
            Outcome::ErrorEvent,
        ),
        (vec![start, delta], "via_upstream", Outcome::Truncated),
    ] {
        let (s, host) = broken_stream("/v1/messages", body, &reads, details);
        assert_eq!(s.outcome, Some(outcome));
        // Input counts from message_start are final and kept.
        assert_eq!((s.usage.input, s.usage.cached_input), (Some(20), Some(3)));
        assert_eq!(s.usage.output, None, "{outcome:?}");
        assert_eq!(
            s.counted_output,
            Some(TokenCount {
                tokens: 5,
                source: TokenSource::Estimate
            })
        );
        assert_eq!(tokens(&host, "output", "estimate"), 5);
        assert_eq!(tokens(&host, "output", "usage"), 0);
        assert_eq!(tokens(&host, "input", "usage"), 20);
        assert_eq!(
            host.attribute("llmtap.output_token_source").as_deref(),
            Some("estimate")
        );
    }
    // The same stream reaching message_delta reports its final usage.
    let finish = "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":7}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    let (s, host) = broken_stream(
        "/v1/messages",
        body,
        &[start, delta, finish],
        "via_upstream",
    );
    assert_eq!(s.outcome, Some(Outcome::Complete));
    assert_eq!((s.usage.input, s.usage.output), (Some(20), Some(7)));
    assert_eq!(s.counted_output, None);
    assert_eq!(tokens(&host, "output", "usage"), 7);
    // Cut after message_delta: its usage is final.
    let (s, _) = broken_stream(
        "/v1/messages",
        body,
        &[
            start,
            delta,
            finish.split("event: message_stop").next().unwrap(),
        ],
        RESET,
    );
    assert_eq!((s.usage.output, s.counted_output), (Some(7), None));
}

#[test]
fn gemini_cut_off_mid_stream_counts_the_text_not_the_running_usage() {
    use crate::tokenize::{TokenCount, TokenSource};
    let chunk = |text: &str, output: u32, finish: &str| {
        format!("data: {{\"candidates\":[{{\"content\":{{\"parts\":[{{\"text\":\"{text}\"}}]}}{finish}}}],\"usageMetadata\":{{\"promptTokenCount\":18,\"candidatesTokenCount\":{output},\"thoughtsTokenCount\":2}}}}\n\n")
    };
    // 9 + 5 = 14 characters: 4 estimated tokens.
    let (a, b) = (chunk("abcd efgh", 3, ""), chunk(" ijkl", 5, ""));
    let path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";
    let (s, host) = broken_stream(path, b"{}", &[&a, &b], RESET);
    assert_eq!(s.outcome, Some(Outcome::UpstreamReset));
    assert_eq!(
        (s.usage.input, s.usage.output, s.usage.reasoning),
        (Some(18), None, None)
    );
    assert_eq!(
        s.counted_output,
        Some(TokenCount {
            tokens: 4,
            source: TokenSource::Estimate
        })
    );
    assert_eq!(tokens(&host, "output", "estimate"), 4);
    // The chunk with the finish reason carries the final counts.
    let last = chunk("!", 6, ",\"finishReason\":\"STOP\"");
    let (s, _) = broken_stream(path, b"{}", &[&a, &b, &last], "via_upstream");
    assert_eq!(s.outcome, Some(Outcome::Complete));
    assert_eq!(
        (s.usage.output, s.usage.reasoning, s.counted_output),
        (Some(6), Some(2), None)
    );
}

#[test]
fn vllm_continuous_usage_cut_off_counts_the_text_exactly_when_it_can() {
    use crate::tokenize::{TokenCount, TokenSource};
    let chunk = |text: &str, output: u32| {
        format!("data: {{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{text}\"}},\"finish_reason\":null}}],\"usage\":{{\"prompt_tokens\":48,\"completion_tokens\":{output}}}}}\n\n")
    };
    let (a, b) = (chunk("Hello", 1), chunk(" world", 2));
    // Asked for usage: the text is estimated (11 characters: 3 tokens).
    let (s, host) = broken_stream(
        "/v1/chat/completions",
        br#"{"model":"llama","stream":true,"stream_options":{"include_usage":true}}"#,
        &[&a, &b],
        RESET,
    );
    assert_eq!((s.usage.input, s.usage.output), (Some(48), None));
    assert_eq!(
        s.counted_output,
        Some(TokenCount {
            tokens: 3,
            source: TokenSource::Estimate
        })
    );
    assert_eq!(tokens(&host, "output", "estimate"), 3);
    // A stream kept for counting (no include_usage, a tiktoken model) is counted exactly:
    // "Hello world" is 2 o200k_base tokens.
    let (s, host) = broken_stream(
        "/v1/chat/completions",
        br#"{"model":"gpt-4o","stream":true}"#,
        &[&a, &b],
        RESET,
    );
    assert_eq!(s.usage.output, None);
    assert_eq!(
        s.counted_output,
        Some(TokenCount {
            tokens: 2,
            source: TokenSource::Tokenizer
        })
    );
    assert_eq!(tokens(&host, "output", "tokenizer"), 2);
    // The finish chunk's figure is final, and so is a usage chunk after the finish reason.
    let finish = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":48,\"completion_tokens\":3}}\n\n";
    let after = "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":null}],\"usage\":{\"prompt_tokens\":48,\"completion_tokens\":4}}\n\n";
    let body = br#"{"model":"llama","stream":true,"stream_options":{"include_usage":true}}"#;
    let (s, _) = broken_stream("/v1/chat/completions", body, &[&a, &b, finish], RESET);
    assert_eq!((s.usage.output, s.counted_output), (Some(3), None));
    let (s, _) = broken_stream(
        "/v1/chat/completions",
        body,
        &[&a, &b, finish, after],
        RESET,
    );
    assert_eq!((s.usage.output, s.counted_output), (Some(4), None));
}

/// Reads of `size` bytes.
fn chunked(bytes: &[u8], size: usize) -> Vec<&[u8]> {
    bytes.chunks(size).collect()
}

#[test]
fn a_3_mb_chat_completion_with_logprobs_is_read_exactly() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let entry = r#"{"token":"tok","logprob":-0.25,"bytes":[116,111,107],"top_logprobs":[{"token":"tok","logprob":-0.25,"bytes":[116,111,107]},{"token":"alt","logprob":-2.5,"bytes":[97,108,116]}]}"#;
    let mut logprobs = vec![entry; 3 * 1024 * 1024 / entry.len() + 1].join(",");
    logprobs.insert(0, '[');
    logprobs.push(']');
    let body = format!(
        r#"{{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-2024-08-06","choices":[{{"index":0,"message":{{"role":"assistant","content":"Hello there","refusal":null}},"logprobs":{{"content":{logprobs},"refusal":null}},"finish_reason":"stop"}}],"usage":{{"prompt_tokens":12,"completion_tokens":34567,"total_tokens":34579}}}}"#
    );
    assert!(body.len() > 3 * 1024 * 1024);
    let stream = run(
        &host,
        &plugin,
        "/v1/chat/completions",
        br#"{"model":"gpt-4o"}"#,
        "application/json",
        &chunked(body.as_bytes(), 65536),
        true,
    );
    let s = stream.summary().unwrap();
    assert_eq!((s.usage.input, s.usage.output), (Some(12), Some(34567)));
    assert_eq!((s.text_chars, s.oversized_events), (11, 0));
    assert_eq!(s.finish_raw, "stop");
    assert_eq!(s.response_model, "gpt-4o-2024-08-06");
    assert_eq!(s.outcome, Some(Outcome::Complete));
}

#[test]
fn an_ollama_generate_stream_with_a_1_mb_context_is_read_exactly() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let context: Vec<String> = (0..200_000u32)
        .map(|i| (128_000 + i % 9_000).to_string())
        .collect();
    let context = context.join(",");
    assert!(context.len() > 1024 * 1024);
    let mut body = String::new();
    for word in ["The", " sky", " is", " blue."] {
        body.push_str(&format!(
            r#"{{"model":"llama3.2","created_at":"2026-12-04T00:00:00Z","response":"{word}","done":false}}"#
        ));
        body.push('\n');
    }
    body.push_str(&format!(
        r#"{{"model":"llama3.2","created_at":"2026-12-04T00:00:01Z","response":"","done":true,"done_reason":"stop","context":[{context}],"total_duration":100,"prompt_eval_count":26,"eval_count":4}}"#
    ));
    body.push('\n');
    let stream = run(
        &host,
        &plugin,
        "/api/generate",
        br#"{"model":"llama3.2","prompt":"Why is the sky blue?"}"#,
        "application/x-ndjson",
        &chunked(body.as_bytes(), 16384),
        true,
    );
    let s = stream.summary().unwrap();
    assert_eq!((s.usage.input, s.usage.output), (Some(26), Some(4)));
    assert_eq!(
        (s.content_events, s.text_chars, s.oversized_events),
        (4, 16, 0)
    );
    assert_eq!(s.finish_raw, "stop");
    assert_eq!(s.outcome, Some(Outcome::Complete));
}

#[test]
fn a_responses_stream_with_a_4_mb_completed_event_is_read_exactly() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let answer = "All work and no play makes Jack a dull boy. \\n".repeat(4 * 1024 * 1024 / 45 + 1);
    let mut body = String::new();
    body.push_str("event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"model\":\"gpt-4.1-2025-04-14\",\"output\":[]}}\n\n");
    for delta in ["All work", " and no play"] {
        body.push_str(&format!(
            "event: response.output_text.delta\ndata: {{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"{delta}\"}}\n\n"
        ));
    }
    body.push_str(&format!(
        "event: response.completed\ndata: {{\"type\":\"response.completed\",\"response\":{{\"id\":\"resp_1\",\"status\":\"completed\",\"model\":\"gpt-4.1-2025-04-14\",\"output\":[{{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{{\"type\":\"output_text\",\"text\":\"{answer}\",\"annotations\":[]}}]}}],\"usage\":{{\"input_tokens\":5,\"output_tokens\":1048576,\"output_tokens_details\":{{\"reasoning_tokens\":0}},\"total_tokens\":1048581}}}}}}\n\n"
    ));
    assert!(body.len() > 4 * 1024 * 1024);
    let stream = run(
        &host,
        &plugin,
        "/v1/responses",
        br#"{"model":"gpt-4.1","stream":true}"#,
        "text/event-stream",
        &chunked(body.as_bytes(), 65536),
        true,
    );
    let s = stream.summary().unwrap();
    assert_eq!((s.usage.input, s.usage.output), (Some(5), Some(1_048_576)));
    assert_eq!(
        (s.content_events, s.text_chars, s.oversized_events),
        (2, 20, 0)
    );
    assert_eq!(s.response_model, "gpt-4.1-2025-04-14");
    assert_eq!(s.outcome, Some(Outcome::Complete));
}

#[test]
fn the_first_content_event_arrives_with_the_read_that_completes_it_however_large() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let big = content(&"x".repeat(1 << 20));
    let mut reads = chunked(big.as_bytes(), 65536);
    let a = content("a");
    reads.push(a.as_bytes());
    reads.push(USAGE_AND_DONE.as_bytes());
    let stream = run_stream(&host, &plugin, b"{}", &reads);
    let s = stream.summary().unwrap();
    // Response headers at 50 ms, then one read every 10 ms: the large event ends with the
    // 17th read (1 MiB + its framing in 64 KiB reads).
    let reads_to_complete = big.len().div_ceil(65536) as u64;
    assert_eq!(s.ttft_micros, Some(50_000 + 10_000 * reads_to_complete));
    assert_eq!((s.content_events, s.text_chars), (2, (1 << 20) + 1));
    assert_eq!(s.mean_chunk_gap_micros, Some(10_000));
    assert_eq!(s.outcome, Some(Outcome::Complete));
}

#[test]
fn large_whole_bodies_of_every_format_give_their_usage() {
    let pad = "x".repeat(2 << 20);
    let text = "word ".repeat(300_000);
    let cases = [
        (
            "/model/amazon.nova-pro-v1:0/converse",
            format!(
                r#"{{"output":{{"message":{{"role":"assistant","content":[{{"text":"{text}"}}]}}}},"stopReason":"end_turn","usage":{{"inputTokens":11,"outputTokens":300000}},"metrics":{{"latencyMs":5}},"trace":"{pad}"}}"#
            ),
            (11, 300_000),
        ),
        (
            "/v1beta/models/gemini-2.5-flash:generateContent",
            format!(
                r#"{{"candidates":[{{"content":{{"parts":[{{"text":"{text}"}}],"role":"model"}},"finishReason":"STOP","groundingMetadata":{{"webSearchQueries":["{pad}"]}}}}],"usageMetadata":{{"promptTokenCount":7,"candidatesTokenCount":300000}},"modelVersion":"gemini-2.5-flash"}}"#
            ),
            (7, 300_000),
        ),
        (
            "/v1/messages",
            format!(
                r#"{{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4","content":[{{"type":"text","text":"{text}"}}],"stop_reason":"end_turn","usage":{{"input_tokens":9,"output_tokens":300000}},"pad":"{pad}"}}"#
            ),
            (9, 300_000),
        ),
        (
            "/model/anthropic.claude-3-5-haiku-20241022-v1:0/invoke",
            format!(
                r#"{{"id":"msg_1","type":"message","role":"assistant","model":"claude-3-5-haiku","content":[{{"type":"text","text":"{text}"}}],"stop_reason":"end_turn","usage":{{"input_tokens":9,"output_tokens":300000}},"pad":"{pad}"}}"#
            ),
            (9, 300_000),
        ),
        (
            "/model/meta.llama3-70b-instruct-v1:0/invoke",
            format!(
                r#"{{"generation":"{text}","prompt_token_count":13,"generation_token_count":300000,"stop_reason":"stop","pad":"{pad}"}}"#
            ),
            (13, 300_000),
        ),
    ];
    for (path, body, (input, output)) in cases {
        let plugin = Plugin::new(Config::default());
        let host = RecordingHost::default();
        let stream = run(
            &host,
            &plugin,
            path,
            br#"{"model":"m"}"#,
            "application/json",
            &chunked(body.as_bytes(), 65536),
            true,
        );
        let s = stream.summary().unwrap();
        assert_eq!(
            (
                s.usage.input,
                s.usage.output,
                s.text_chars,
                s.oversized_events
            ),
            (Some(input), Some(output), text.len() as u64, 0),
            "{path}"
        );
        assert_eq!(s.outcome, Some(Outcome::Complete), "{path}");
    }
}

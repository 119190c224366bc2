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
fn an_oversized_event_is_flagged_and_the_rest_still_counts() {
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

//! The filter at the proxy-wasm interface: each test drives the module's exported entry
//! points as Envoy would and asserts what the host saw (actions returned, bytes sent on,
//! buffer writes, metrics, properties, log lines). The fake host is in `abi/mod.rs`, which
//! explains why a native harness rather than a wasm runtime.

mod abi;

// Links the module; its entry points are reached through `abi`'s `extern "C"` declarations.
use llmtap as _;

use abi::{host, Vm};
use proxy_wasm::types::{Action, BufferType, LogLevel, MetricType};
use std::time::Duration;

const CHAT: &str = "/v1/chat/completions";

fn post(path: &str, length: usize) -> Vec<(&str, String)> {
    vec![
        (":method", "POST".to_owned()),
        (":path", path.to_owned()),
        ("content-type", "application/json".to_owned()),
        ("content-length", length.to_string()),
    ]
}

fn pairs<'a>(headers: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    headers.iter().map(|(n, v)| (*n, v.as_str())).collect()
}

const SSE_OK: &[(&str, &str)] = &[(":status", "200"), ("content-type", "text/event-stream")];

fn content(text: &str) -> String {
    format!("data: {{\"model\":\"gpt-4o-2024\",\"choices\":[{{\"delta\":{{\"content\":\"{text}\"}}}}]}}\n\n")
}

const USAGE_AND_DONE: &str = "data: {\"model\":\"gpt-4o-2024\",\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}\n\ndata: [DONE]\n\n";

#[test]
fn a_valid_configuration_is_accepted_quietly() {
    let (_vm, configured) = Vm::start(r#"{"provider_name":"acme"}"#);
    assert!(configured);
    host(|h| {
        assert!(
            h.logs
                .iter()
                .all(|(level, _)| (*level as u32) < LogLevel::Warn as u32),
            "{:?}",
            h.logs
        );
    });
}

#[test]
fn a_bad_configuration_is_rejected_with_one_log_line_and_requests_pass_untouched() {
    for bad in [
        r#"{"max_event_bytes":1}"#,
        r#"{"no_such_field":true}"#,
        "not json",
    ] {
        let (vm, configured) = Vm::start(bad);
        assert!(!configured, "{bad}");
        let lines: Vec<_> = host(|h| h.logs.clone())
            .into_iter()
            .filter(|(level, _)| *level as u32 >= LogLevel::Warn as u32)
            .collect();
        assert_eq!(lines.len(), 1, "{bad}: {lines:?}");
        assert_eq!(lines[0].0, LogLevel::Critical);
        assert!(
            lines[0]
                .1
                .starts_with("llmtap: invalid plugin configuration:"),
            "{}",
            lines[0].1
        );

        // Without a configuration the VM still serves: nothing read, measured or changed.
        let body = br#"{"model":"gpt-4o","stream":true}"#;
        let mut http = vm.http();
        let headers = post(CHAT, body.len());
        assert_eq!(
            http.request_headers(&pairs(&headers), false),
            Action::Continue
        );
        assert_eq!(http.request_body(body, true), Action::Continue);
        assert_eq!(http.response_headers(SSE_OK, false), Action::Continue);
        assert_eq!(
            http.response_body(content("a").as_bytes(), true),
            Action::Continue
        );
        http.close();
        host(|h| {
            assert_eq!(h.body_reads, 0);
            assert!(h.metrics.is_empty() && h.increments.is_empty() && h.records.is_empty());
            assert!(h.set_properties.is_empty());
            assert_eq!(h.upstream_request, body);
        });
    }
}

#[test]
fn a_streamed_chat_completion_is_measured_and_passed_on_unchanged() {
    let (vm, configured) = Vm::start("{}");
    assert!(configured);
    let request = br#"{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}"#;
    let mut http = vm.http();
    let headers = post(CHAT, request.len());
    let mut actions = vec![http.request_headers(&pairs(&headers), false)];
    let (head, tail) = request.split_at(30);
    actions.push(http.request_body(head, false));
    actions.push(http.request_body(tail, true));
    actions.push(http.response_headers(SSE_OK, false));

    // Five reads that do not line up with events: the role, "a", "b" cut in the middle,
    // the rest of "b" with "c", then usage and `[DONE]`; at least 3 ms apart.
    let role = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n";
    let b = content("b");
    let (b1, b2) = b.split_at(25);
    let reads = [
        role.to_owned(),
        content("a"),
        b1.to_owned(),
        b2.to_owned() + &content("c"),
        USAGE_AND_DONE.to_owned(),
    ];
    for read in &reads {
        std::thread::sleep(Duration::from_millis(3));
        actions.push(http.response_body(read.as_bytes(), false));
    }
    // Envoy's end of stream comes alone, with no bytes.
    actions.push(http.response_body(b"", true));
    http.close();
    assert!(
        actions.iter().all(|a| *a == Action::Continue),
        "{actions:?}"
    );

    host(|h| {
        // Bytes on both sides exactly as sent; nothing written into any buffer.
        assert_eq!(h.upstream_request, request);
        assert_eq!(h.downstream_response, reads.concat().as_bytes());
        assert!(h.buffer_writes.is_empty(), "{:?}", h.buffer_writes);
        assert!(h.removed_request_headers.is_empty());

        let ttft = h.histogram("llm_time_to_first_token_milliseconds");
        assert_eq!(ttft.len(), 1, "TTFT recorded once");
        assert!(
            ttft[0] >= 6,
            "two reads 3 ms apart before the first token: {ttft:?}"
        );
        assert_eq!(h.histogram("llm_time_to_first_byte_milliseconds").len(), 1);
        // Gaps between the three tokens: "b" completes one read after "a", "c" with "b".
        let gaps = h.histogram("llm_inter_chunk_gap_microseconds");
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert!(gaps[0] >= 6_000, "{gaps:?}");
        assert_eq!(gaps[1], 0);
        assert_eq!(h.histogram("llm_output_tokens."), vec![3]);
        assert_eq!(h.histogram("llm_prompt_tokens"), vec![9]);
        assert_eq!(h.histogram("llm_request_duration_milliseconds").len(), 1);
        assert_eq!(
            h.counter("llm_requests_total.gen_ai_request_model=.=gpt-4o;.;gen_ai_provider_name=.=openai;.;gen_ai_operation_name=.=chat;.;gen_ai_response_model=.=gpt-4o-2024;.;outcome=.=complete;.;"),
            1,
            "{:?}",
            h.metric_names()
        );
        assert_eq!(h.counter("llm_finish_reasons_total"), 1);
        // The in-flight gauge went up and came back down.
        assert_eq!(h.counter("llm_requests_in_flight"), 0);
        assert!(h.increments.iter().any(|(id, delta)| *delta == 1
            && h.metrics[*id as usize]
                .name
                .starts_with("llm_requests_in_flight")));

        // Each stat is defined with its kind.
        let kind = |prefix: &str| {
            h.metrics
                .iter()
                .find(|m| m.name.starts_with(prefix))
                .map(|m| m.kind)
        };
        assert_eq!(kind("llm_requests_total"), Some(MetricType::Counter));
        assert_eq!(kind("llm_requests_in_flight"), Some(MetricType::Gauge));
        assert_eq!(
            kind("llm_time_to_first_token_milliseconds"),
            Some(MetricType::Histogram)
        );

        // Filter state for access logs.
        assert_eq!(
            h.property_set("llmtap.outcome").as_deref(),
            Some("complete")
        );
        assert_eq!(
            h.property_set("llmtap.gen_ai.request.model").as_deref(),
            Some("gpt-4o")
        );
        assert_eq!(
            h.property_set("llmtap.gen_ai.response.model").as_deref(),
            Some("gpt-4o-2024")
        );
        assert_eq!(
            h.property_set("llmtap.gen_ai.usage.output_tokens")
                .as_deref(),
            Some("3")
        );
        assert_eq!(
            h.property_set("llmtap.gen_ai.response.finish_reasons")
                .as_deref(),
            Some("stop")
        );
        assert_eq!(h.property_set("llmtap.ttft_ms"), Some(ttft[0].to_string()));
        assert_eq!(h.property_set("llmtap.include_usage_injected"), None);
    });
}

/// `inject_include_usage` on: the body Envoy would send upstream, the actions it saw.
fn injected(max_request_body_bytes: usize, chunks: &[&[u8]]) -> (Vec<Action>, Vec<u8>) {
    let config = format!(
        r#"{{"inject_include_usage":true,"max_request_body_bytes":{max_request_body_bytes}}}"#
    );
    let (vm, configured) = Vm::start(&config);
    assert!(configured);
    let mut http = vm.http();
    let length = chunks.iter().map(|c| c.len()).sum();
    let headers = post(CHAT, length);
    assert_eq!(
        http.request_headers(&pairs(&headers), false),
        Action::Continue
    );
    let mut actions = Vec::new();
    for (i, chunk) in chunks.iter().enumerate() {
        actions.push(http.request_body(chunk, i + 1 == chunks.len()));
    }
    assert_eq!(http.response_headers(SSE_OK, false), Action::Continue);
    assert_eq!(
        http.response_body(USAGE_AND_DONE.as_bytes(), true),
        Action::Continue
    );
    http.close();
    (actions, host(|h| h.upstream_request.clone()))
}

const STREAMING: &[u8] =
    br#"{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]}"#;

#[test]
fn inject_include_usage_holds_the_request_body_and_rewrites_it_once() {
    let (head, tail) = STREAMING.split_at(20);
    let (actions, upstream) = injected(1024, &[head, tail]);
    assert_eq!(actions, [Action::Pause, Action::Continue]);
    let sent: serde_json::Value = serde_json::from_slice(&upstream).unwrap();
    assert_eq!(sent["stream_options"]["include_usage"], true);
    assert_eq!(sent["model"], "gpt-4o");
    host(|h| {
        // One write: the whole buffered body, replaced.
        assert_eq!(h.buffer_writes.len(), 1, "{:?}", h.buffer_writes);
        let write = &h.buffer_writes[0];
        assert_eq!(write.buffer, BufferType::HttpRequestBody);
        assert_eq!((write.start, write.size), (0, STREAMING.len()));
        assert_eq!(write.bytes, upstream);
        // The body grew: its length header is gone (sent chunked).
        assert_eq!(h.removed_request_headers, ["content-length"]);
        assert_eq!(
            h.property_set("llmtap.include_usage_injected").as_deref(),
            Some("true")
        );
        assert!(h.downstream_response.starts_with(b"data: {"));
    });
}

#[test]
fn inject_include_usage_leaves_a_request_that_already_asks_unchanged() {
    let body: &[u8] =
        br#"{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true}}"#;
    let (head, tail) = body.split_at(20);
    let (actions, upstream) = injected(1024, &[head, tail]);
    assert_eq!(actions, [Action::Pause, Action::Continue]);
    assert_eq!(upstream, body);
    host(|h| {
        assert!(h.buffer_writes.is_empty(), "{:?}", h.buffer_writes);
        assert_eq!(h.property_set("llmtap.include_usage_injected"), None);
    });
}

#[test]
fn inject_include_usage_releases_a_body_over_the_cap_untouched() {
    let (a, rest) = STREAMING.split_at(20);
    let (b, c) = rest.split_at(20);
    // 20 bytes are held; 40 (everything buffered) are over the cap of 32: released.
    let (actions, upstream) = injected(32, &[a, b, c]);
    assert_eq!(actions, [Action::Pause, Action::Continue, Action::Continue]);
    assert_eq!(upstream, STREAMING);
    host(|h| {
        assert!(h.buffer_writes.is_empty(), "{:?}", h.buffer_writes);
        assert_eq!(h.property_set("llmtap.include_usage_injected"), None);
        // Still measured, with the model read from the captured body.
        assert_eq!(
            h.property_set("llmtap.gen_ai.request.model").as_deref(),
            Some("gpt-4o")
        );
    });
}

#[test]
fn without_inject_include_usage_request_bodies_are_read_never_held_or_written() {
    let (vm, _) = Vm::start("{}");
    let mut http = vm.http();
    let headers = post(CHAT, STREAMING.len());
    assert_eq!(
        http.request_headers(&pairs(&headers), false),
        Action::Continue
    );
    let (head, tail) = STREAMING.split_at(20);
    assert_eq!(http.request_body(head, false), Action::Continue);
    assert_eq!(http.request_body(tail, true), Action::Continue);
    host(|h| {
        assert_eq!(h.upstream_request, STREAMING);
        assert!(h.buffer_writes.is_empty());
        assert!(h.removed_request_headers.is_empty());
        assert_eq!(h.body_reads, 2);
    });
    http.close();
}

#[test]
fn a_plain_json_response_is_read_not_modified() {
    let (vm, _) = Vm::start("{}");
    let mut http = vm.http();
    let request = br#"{"model":"gpt-4o","messages":[]}"#;
    let headers = post(CHAT, request.len());
    http.request_headers(&pairs(&headers), false);
    http.request_body(request, true);
    let response = br#"{"model":"gpt-4o","choices":[{"message":{"content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1}}"#;
    let json = [(":status", "200"), ("content-type", "application/json")];
    assert_eq!(http.response_headers(&json, false), Action::Continue);
    let (head, tail) = response.split_at(40);
    assert_eq!(http.response_body(head, false), Action::Continue);
    assert_eq!(http.response_body(tail, true), Action::Continue);
    http.close();
    host(|h| {
        assert_eq!(h.downstream_response, response);
        assert!(h.buffer_writes.is_empty());
        assert_eq!(h.histogram("llm_output_tokens."), vec![1]);
        assert_eq!(
            h.property_set("llmtap.outcome").as_deref(),
            Some("complete")
        );
    });
}

#[test]
fn a_request_that_is_not_an_llm_call_is_neither_read_nor_measured() {
    let (vm, _) = Vm::start("{}");
    let mut http = vm.http();
    let headers = post("/healthz", 2);
    assert_eq!(
        http.request_headers(&pairs(&headers), false),
        Action::Continue
    );
    assert_eq!(http.request_body(b"{}", true), Action::Continue);
    let ok = [(":status", "200"), ("content-type", "text/event-stream")];
    assert_eq!(http.response_headers(&ok, false), Action::Continue);
    assert_eq!(
        http.response_body(content("a").as_bytes(), false),
        Action::Continue
    );
    assert_eq!(http.response_body(b"", true), Action::Continue);
    http.close();
    host(|h| {
        assert_eq!(h.body_reads, 0);
        assert!(
            h.increments.is_empty() && h.records.is_empty(),
            "{:?}",
            h.increments
        );
        assert!(h.set_properties.is_empty());
        assert_eq!(h.downstream_response, content("a").as_bytes());
    });
}

#[test]
fn an_upstream_reset_before_the_end_is_recorded_at_log_time() {
    let (vm, _) = Vm::start("{}");
    let mut http = vm.http();
    let request = br#"{"model":"gpt-4o","stream":true}"#;
    let headers = post(CHAT, request.len());
    http.request_headers(&pairs(&headers), false);
    http.request_body(request, true);
    http.response_headers(SSE_OK, false);
    assert_eq!(
        http.response_body(content("a").as_bytes(), false),
        Action::Continue
    );
    // No end of stream: Envoy logs the exchange with the reason it ended.
    host(|h| {
        h.properties.insert(
            "response.code_details".to_owned(),
            b"upstream_reset_after_response_started{remote_reset}".to_vec(),
        )
    });
    http.close();
    host(|h| {
        assert_eq!(h.counter("llm_requests_total"), 1);
        assert_eq!(
            h.counter("llm_requests_total.gen_ai_request_model=.=gpt-4o;.;gen_ai_provider_name=.=openai;.;gen_ai_operation_name=.=chat;.;gen_ai_response_model=.=gpt-4o-2024;.;outcome=.=upstream_reset;.;"),
            1,
            "{:?}",
            h.metric_names()
        );
        assert_eq!(
            h.property_set("llmtap.outcome").as_deref(),
            Some("upstream_reset")
        );
        assert_eq!(h.histogram("llm_time_to_first_token_milliseconds").len(), 1);
        assert_eq!(h.counter("llm_requests_in_flight"), 0);
    });
}

#[test]
fn a_panic_is_logged_at_critical_with_its_location_before_the_vm_dies() {
    // Instantiating the module installs the hook (`_initialize`, before `on_vm_start`).
    let (_vm, _) = Vm::start("{}");
    // In the shipped module (`panic = "abort"`) a panic ends the VM after the hook; the test
    // profile unwinds, so the panic is caught here and what the host saw is checked.
    let line = line!() + 1;
    let caught = std::panic::catch_unwind(|| panic!("the glue broke"));
    assert!(caught.is_err());
    let what = "a formatted message";
    let formatted_line = line!() + 1;
    let caught = std::panic::catch_unwind(|| panic!("{what} too"));
    assert!(caught.is_err());
    let critical = host(|h| h.logs_at(LogLevel::Critical));
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(
        critical,
        [
            format!(
                "llmtap {version} panicked at {}:{line}:46: the glue broke",
                file!()
            ),
            format!(
                "llmtap {version} panicked at {}:{formatted_line}:46: a formatted message too",
                file!()
            ),
        ]
    );
}

/// At a model's token cadence every chunk is one read and one callback: in steady state a
/// chunk costs one body copy (`proxy_get_buffer_bytes` and the host's call back into
/// `proxy_on_memory_allocate`) and nothing else at the ABI; the inter-chunk gaps are recorded
/// in batches (bench/FINDINGS-cadence.md), each once, by the end of the stream.
#[test]
fn a_streamed_chunk_costs_one_body_copy_and_gaps_are_recorded_in_batches() {
    let (vm, configured) = Vm::start("{}");
    assert!(configured);
    let request = br#"{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true}}"#;
    let mut http = vm.http();
    let headers = post(CHAT, request.len());
    http.request_headers(&pairs(&headers), false);
    http.request_body(request, true);
    http.response_headers(SSE_OK, false);
    let chunks = 100;
    let mut per_chunk = Vec::new();
    for i in 0..chunks {
        let before = host(|h| h.calls.len());
        http.response_body(content(&format!(" w{i}")).as_bytes(), false);
        per_chunk.push(host(|h| h.calls[before..].to_vec()));
    }
    let copy_only = ["proxy_get_buffer_bytes", "proxy_on_memory_allocate"];
    let quiet = per_chunk
        .iter()
        .filter(|calls| **calls == copy_only)
        .count();
    // The first content chunk moves the in-flight gauge; one chunk in 32 records a batch.
    assert!(quiet >= chunks - 1 - chunks / 32, "{per_chunk:?}");
    http.response_body(USAGE_AND_DONE.as_bytes(), false);
    http.response_body(b"", true);
    http.close();
    host(|h| {
        assert_eq!(
            h.histogram("llm_inter_chunk_gap_microseconds").len(),
            chunks - 1
        );
    });
}

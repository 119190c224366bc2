//! Token sources through a whole [`Stream`]: usage first, an exact count when the stream
//! carries none, estimates when the model's encoding is unknown, and the include_usage rewrite.

use crate::config::Config;
use crate::stream::tests::run_stream;
use crate::stream::{Plugin, Stream};
use crate::testing::RecordingHost;
use crate::tokenize::{Encoding, TokenSource};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn content(text: &str) -> String {
    format!("data: {{\"choices\":[{{\"delta\":{{\"content\":\"{text}\"}}}}]}}\n\n")
}

const PIECES: [&str; 4] = ["Hello", " wor", "ld, they", "'re here 😀"];
const TEXT: &str = "Hello world, they're here 😀";

fn reads(with_usage: bool) -> Vec<String> {
    let mut reads: Vec<String> = PIECES.iter().map(|p| content(p)).collect();
    if with_usage {
        reads.push(
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7}}\n\n"
                .into(),
        );
    }
    reads.push("data: [DONE]\n\n".into());
    reads
}

fn replay(config: Config, body: &str, with_usage: bool) -> (RecordingHost, Stream) {
    let host = RecordingHost::default();
    let plugin = Plugin::new(config);
    let reads = reads(with_usage);
    let reads: Vec<&[u8]> = reads.iter().map(|r| r.as_bytes()).collect();
    let stream = run_stream(&host, &plugin, body.as_bytes(), &reads);
    (host, stream)
}

fn exact(e: Encoding, text: &str) -> u64 {
    crate::tokenize::build(e).unwrap().count(text)
}

#[test]
fn a_stream_without_usage_is_counted_exactly_with_the_models_encoding() {
    let body = r#"{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Say hello"}]}"#;
    let (host, stream) = replay(Config::default(), body, false);
    let s = stream.summary().unwrap();
    let out = s.counted_output.unwrap();
    assert_eq!(out.source, TokenSource::Tokenizer);
    assert_eq!(out.tokens, exact(Encoding::O200kBase, TEXT));
    let input = s.counted_input.unwrap();
    assert_eq!(input.source, TokenSource::Tokenizer);
    // user(1) + "Say hello"(2) + 3 per message + 3 priming.
    assert_eq!(
        input.tokens,
        exact(Encoding::O200kBase, "user") + exact(Encoding::O200kBase, "Say hello") + 6
    );
    assert_eq!(
        host.counter("llm_tokens_total") as u64,
        out.tokens + input.tokens
    );
    assert_eq!(
        host.attribute("llmtap.output_token_source").as_deref(),
        Some("tokenizer")
    );
    assert!(host.histogram("llm_output_rate_tokens_per_second").len() == 1);
}

#[test]
fn usage_wins_and_no_text_is_kept() {
    let body = r#"{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true}}"#;
    let (host, stream) = replay(Config::default(), body, true);
    let s = stream.summary().unwrap();
    assert_eq!((s.usage.input, s.usage.output), (Some(11), Some(7)));
    assert_eq!((s.counted_input, s.counted_output), (None, None));
    assert_eq!(
        host.attribute("llmtap.output_token_source").as_deref(),
        Some("usage")
    );
}

#[test]
fn unknown_models_and_a_disabled_tokenizer_are_estimates() {
    let body = r#"{"model":"llama-3.1-8b","stream":true}"#;
    let (_, stream) = replay(Config::default(), body, false);
    assert_eq!(
        stream.summary().unwrap().counted_output.unwrap().source,
        TokenSource::Estimate
    );
    let mut config = Config::default();
    config.tokenizer.enabled = false;
    let body = r#"{"model":"gpt-4o","stream":true}"#;
    let (_, stream) = replay(config, body, false);
    let out = stream.summary().unwrap().counted_output.unwrap();
    assert_eq!(out.source, TokenSource::Estimate);
    assert_eq!(out.tokens, crate::tokenize::estimate::estimate(TEXT));
}

#[test]
fn the_include_usage_rewrite_applies_to_held_openai_streaming_posts_only() {
    let config = Config {
        inject_include_usage: true,
        ..Config::default()
    };
    let plugin = Plugin::new(config);
    let host = RecordingHost::default();
    host.with_request(&[(":path", "/v1/chat/completions"), (":method", "POST")]);
    let mut stream = Stream::new(plugin.clone());
    stream.on_request_headers(&host);
    assert!(stream.holds_request_body());
    let body = br#"{"model":"gpt-4o","stream":true,"messages":[]}"#;
    let rewritten = stream.on_request_body_complete(body).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&rewritten).unwrap();
    assert_eq!(v["stream_options"]["include_usage"], true);
    // The stream now expects usage: nothing is kept for counting.
    host.with_response(&[(":status", "200"), ("content-type", "text/event-stream")]);
    stream.on_response_headers(&host);
    stream.on_response_body(&host, b"", true);
    assert!(stream.summary().unwrap().usage_injected);

    host.with_request(&[(":path", "/v1/chat/completions"), (":method", "GET")]);
    let mut get = Stream::new(plugin);
    get.on_request_headers(&host);
    assert!(!get.holds_request_body());
}

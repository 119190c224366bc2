//! What the filter does with one request body callback: hold it, pass it, or replace it.
//!
//! The filter maps [`RequestBodyAction`] onto proxy-wasm (`Hold` → `Action::Pause`, `Pass` →
//! `Action::Continue`, `Replace` → `set_http_request_body` then `Continue`); the decision is
//! made here, without a host, so every branch is unit-tested.
//!
//! Only a request held for `inject_include_usage` ([`Stream::holds_request_body`]) is ever
//! paused or rewritten. While Envoy buffers a paused body, `body_size` is the whole buffer;
//! once it grows past `max_request_body_bytes` it is released unchanged and the rest is read
//! as it passes, like any captured request body.

use super::Stream;

/// The filter's answer to one `on_http_request_body` call.
#[derive(Debug, PartialEq, Eq)]
pub enum RequestBodyAction {
    /// Keep buffering (`Action::Pause`): the body is held until its end for the rewrite.
    Hold,
    /// Let the body through unchanged (`Action::Continue`).
    Pass,
    /// Replace the whole buffered body (bytes `0..body_size`) with these bytes, then continue.
    Replace(Vec<u8>),
}

/// Decides what to do with one request body callback and feeds the stream what it reads.
///
/// `body_size` is the byte count Envoy reports for this call (the whole buffered body while
/// it is held, else this read only); `read` returns those bytes from the host. `read` is
/// called at most once, and only when the stream needs the bytes: a held body that is still
/// growing under the cap, a request that is not measured, and a body whose capture has ended
/// are never read.
pub fn request_body_action(
    stream: &mut Stream,
    body_size: usize,
    end_of_stream: bool,
    read: impl FnOnce() -> Vec<u8>,
) -> RequestBodyAction {
    if stream.holds_request_body() {
        let over_cap = body_size > stream.max_held_request_bytes();
        if !end_of_stream && !over_cap {
            return RequestBodyAction::Hold;
        }
        let body = read();
        if over_cap {
            // Past `max_request_body_bytes`: released unchanged, read as it passes.
            stream.release_request_body();
            stream.on_request_body(&body, end_of_stream);
            return RequestBodyAction::Pass;
        }
        return match stream.on_request_body_complete(&body) {
            Some(rewritten) => RequestBodyAction::Replace(rewritten),
            None => RequestBodyAction::Pass,
        };
    }
    if stream.wants_request_body() {
        stream.on_request_body(&read(), end_of_stream);
    }
    RequestBodyAction::Pass
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::stream::Plugin;
    use crate::testing::RecordingHost;
    use std::cell::Cell;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const STREAMING: &[u8] = br#"{"model":"gpt-4o","stream":true,"messages":[]}"#;
    const ASKS_FOR_USAGE: &[u8] =
        br#"{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true}}"#;

    /// A stream whose request headers have arrived, with the host it saw them through.
    fn stream(config: &str, method: &str, path: &str) -> (Stream, RecordingHost) {
        let plugin = Plugin::build(Config::parse(config.as_bytes()).unwrap()).unwrap();
        let host = RecordingHost::default();
        host.with_request(&[(":path", path), (":method", method)]);
        let mut stream = Stream::new(plugin);
        stream.on_request_headers(&host);
        (stream, host)
    }

    fn injecting(cap: usize) -> (Stream, RecordingHost) {
        let config = format!(r#"{{"inject_include_usage":true,"max_request_body_bytes":{cap}}}"#);
        stream(&config, "POST", "/v1/chat/completions")
    }

    /// Calls [`request_body_action`] and counts the reads it made.
    fn act(stream: &mut Stream, body: &[u8], end: bool) -> (RequestBodyAction, u32) {
        let reads = Cell::new(0);
        let action = request_body_action(stream, body.len(), end, || {
            reads.set(reads.get() + 1);
            body.to_vec()
        });
        (action, reads.get())
    }

    /// The attributes a finished stream recorded about its request body.
    struct Recorded {
        /// `llmtap.include_usage_injected`.
        injected: Option<String>,
        /// `llmtap.gen_ai.request.model`: what the request capture read.
        model: Option<String>,
    }

    /// Ends the stream; returns what it recorded about the request body.
    fn finish(mut stream: Stream, host: &RecordingHost) -> Recorded {
        host.with_response(&[(":status", "200"), ("content-type", "text/event-stream")]);
        stream.on_response_headers(host);
        stream.on_response_body(host, b"data: [DONE]\n\n", true);
        stream.on_log(host);
        Recorded {
            injected: host.attribute("llmtap.include_usage_injected"),
            model: host.attribute("llmtap.gen_ai.request.model"),
        }
    }

    #[test]
    fn a_held_body_under_the_cap_is_held_without_being_read() {
        let (mut stream, _host) = injecting(1024);
        assert_eq!(
            act(&mut stream, &STREAMING[..10], false),
            (RequestBodyAction::Hold, 0)
        );
        assert_eq!(
            act(&mut stream, STREAMING, false),
            (RequestBodyAction::Hold, 0)
        );
        assert!(stream.holds_request_body());
    }

    #[test]
    fn a_held_body_that_needs_usage_is_replaced_at_its_end() {
        let (mut stream, host) = injecting(1024);
        assert_eq!(
            act(&mut stream, STREAMING, false).0,
            RequestBodyAction::Hold
        );
        let (action, reads) = act(&mut stream, STREAMING, true);
        assert_eq!(reads, 1);
        let RequestBodyAction::Replace(rewritten) = action else {
            panic!("expected a rewrite, got {action:?}");
        };
        let v: serde_json::Value = serde_json::from_slice(&rewritten).unwrap();
        assert_eq!(v["stream_options"]["include_usage"], true);
        assert_eq!(v["model"], "gpt-4o");
        assert!(!stream.holds_request_body());
        let recorded = finish(stream, &host);
        assert_eq!(recorded.injected.as_deref(), Some("true"));
        assert_eq!(recorded.model.as_deref(), Some("gpt-4o"));
    }

    #[test]
    fn a_held_body_that_already_asks_for_usage_passes_unchanged() {
        let (mut stream, host) = injecting(1024);
        assert_eq!(
            act(&mut stream, ASKS_FOR_USAGE, true),
            (RequestBodyAction::Pass, 1)
        );
        let recorded = finish(stream, &host);
        assert_eq!(recorded.injected, None);
        assert_eq!(recorded.model.as_deref(), Some("gpt-4o"));
    }

    #[test]
    fn a_body_that_grows_past_the_cap_is_released_unchanged_and_still_read() {
        let (mut stream, host) = injecting(16);
        let (head, tail) = STREAMING.split_at(20);
        assert_eq!(
            act(&mut stream, &head[..16], false).0,
            RequestBodyAction::Hold
        );
        // Envoy reports the whole buffer (20 bytes > 16): released, read once.
        assert_eq!(act(&mut stream, head, false), (RequestBodyAction::Pass, 1));
        assert!(!stream.holds_request_body());
        // After the release each call carries only its new bytes, read as they pass; a
        // rewrite is never attempted, even on a body that would need one.
        assert_eq!(act(&mut stream, tail, true), (RequestBodyAction::Pass, 1));
        assert_eq!(finish(stream, &host).injected, None);
    }

    #[test]
    fn a_body_over_the_cap_at_its_end_passes_unchanged() {
        let (mut stream, host) = injecting(16);
        assert_eq!(
            act(&mut stream, STREAMING, true),
            (RequestBodyAction::Pass, 1)
        );
        assert_eq!(finish(stream, &host).injected, None);
    }

    #[test]
    fn a_zero_cap_releases_the_first_bytes() {
        let (mut stream, _host) = injecting(0);
        assert!(stream.holds_request_body());
        assert_eq!(act(&mut stream, b"{", false), (RequestBodyAction::Pass, 1));
        assert_eq!(act(&mut stream, b"", false), (RequestBodyAction::Pass, 1));
    }

    #[test]
    fn without_inject_include_usage_bodies_are_read_as_they_pass() {
        let (mut stream, host) = stream("{}", "POST", "/v1/chat/completions");
        assert!(!stream.holds_request_body());
        let (head, tail) = STREAMING.split_at(20);
        assert_eq!(act(&mut stream, head, false), (RequestBodyAction::Pass, 1));
        assert_eq!(act(&mut stream, tail, true), (RequestBodyAction::Pass, 1));
        // The capture has ended: later calls are not read.
        assert_eq!(act(&mut stream, b"", true), (RequestBodyAction::Pass, 0));
        assert_eq!(finish(stream, &host).model.as_deref(), Some("gpt-4o"));
    }

    #[test]
    fn requests_the_filter_does_not_rewrite_are_never_held() {
        for (method, path) in [
            // Only POSTs are rewritten.
            ("GET", "/v1/chat/completions"),
            // Only OpenAI-compatible formats have `stream_options`.
            ("POST", "/v1/messages"),
        ] {
            let config = r#"{"inject_include_usage":true}"#;
            let (mut stream, _host) = stream(config, method, path);
            assert!(stream.is_llm(), "{method} {path}");
            assert!(!stream.holds_request_body(), "{method} {path}");
            assert_eq!(
                act(&mut stream, STREAMING, true),
                (RequestBodyAction::Pass, 1),
                "{method} {path}"
            );
        }
    }

    #[test]
    fn a_request_the_filter_does_not_measure_is_never_read() {
        let (mut stream, _host) = stream(r#"{"inject_include_usage":true}"#, "POST", "/health");
        assert!(!stream.is_llm());
        assert_eq!(
            act(&mut stream, STREAMING, false),
            (RequestBodyAction::Pass, 0)
        );
        assert_eq!(
            act(&mut stream, STREAMING, true),
            (RequestBodyAction::Pass, 0)
        );
    }
}

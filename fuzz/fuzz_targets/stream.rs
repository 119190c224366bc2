//! A whole request through the per-stream state machine with an arbitrary response body
//! (any content type, any cut): never panics, per-stream memory stays bounded.
#![no_main]
use libfuzzer_sys::fuzz_target;
use llmtap_core::host::{Host, LogLevel, MetricDefinitionFailed, MetricKind};
use llmtap_core::stream::{Plugin, Stream};
use std::cell::Cell;

struct FuzzHost {
    clock: Cell<u64>,
    path: &'static str,
    content_type: &'static str,
    next_id: Cell<u32>,
}

impl Host for FuzzHost {
    fn now_micros(&self) -> u64 {
        self.clock.set(self.clock.get() + 7);
        self.clock.get()
    }
    fn define_metric(&self, _: MetricKind, _: &str) -> Result<u32, MetricDefinitionFailed> {
        self.next_id.set(self.next_id.get() + 1);
        Ok(self.next_id.get())
    }
    fn increment_metric(&self, _: u32, _: i64) {}
    fn record_metric(&self, _: u32, _: u64) {}
    fn log(&self, _: LogLevel, _: &str) {}
    fn request_header(&self, name: &str) -> Option<String> {
        (name == ":path").then(|| self.path.to_owned())
    }
    fn response_header(&self, name: &str) -> Option<String> {
        match name {
            ":status" => Some("200".to_owned()),
            "content-type" => Some(self.content_type.to_owned()),
            _ => None,
        }
    }
    fn property(&self, _: &[&str]) -> Option<Vec<u8>> {
        None
    }
    fn set_attribute(&self, _: &str, _: &[u8]) {}
}

thread_local! {
    // Built once: compiling the refusal phrases takes milliseconds.
    static PLUGIN: std::rc::Rc<Plugin> =
        Plugin::new(llmtap_core::config::Config { max_event_bytes: 2048, ..Default::default() });
}

const ROUTES: [(&str, &str); 8] = [
    ("/v1/chat/completions", "text/event-stream"),
    ("/v1/completions", "text/event-stream"),
    ("/v1/responses", "text/event-stream"),
    ("/v1/messages", "text/event-stream"),
    ("/v1beta/models/g:streamGenerateContent", "text/event-stream"),
    ("/api/chat", "application/x-ndjson"),
    ("/model/m/converse-stream", "application/vnd.amazon.eventstream"),
    ("/v1/chat/completions", "application/json"),
];

fuzz_target!(|input: &[u8]| {
    let Some((&selector, body)) = input.split_first() else { return };
    let (path, content_type) = ROUTES[usize::from(selector) % ROUTES.len()];
    let host = FuzzHost { clock: Cell::new(0), path, content_type, next_id: Cell::new(0) };
    let plugin = PLUGIN.with(|p| p.clone());
    let mut stream = Stream::new(plugin);
    stream.on_request_headers(&host);
    stream.on_request_body(br#"{"model":"m","stream":true}"#, true);
    stream.on_response_headers(&host);
    let step = 1 + usize::from(selector / 8) % 97;
    for part in body.chunks(step) {
        stream.on_response_body(&host, part, false);
    }
    stream.on_response_body(&host, b"", true);
    assert!(stream.summary().is_some());
});

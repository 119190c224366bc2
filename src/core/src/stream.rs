//! The per-stream state machine: what one HTTP request/response pair is, what it carried,
//! and when each part arrived. The filter forwards every proxy callback here with the
//! bytes it saw; nothing here can pause, change or drop traffic.
//!
//! Timestamps are microseconds of the host's monotonic clock ([`Host::now_micros`]).
//! Definitions (see `docs/metrics.md`):
//! - a *content event* carries non-empty visible output text;
//! - TTFT = request start → arrival of the read that completes the first content event;
//! - each inter-chunk gap = arrival of a content event − arrival of the previous one
//!   (0 for events completed by the same read);
//! - time per output token = (last content − first content) / (output tokens − 1).

use crate::config::Config;
use crate::host::Host;
use crate::openai_chat::{self, ChatEvent, Usage};
use crate::registry::{MetricRegistry, RequestLabels, SeriesIds};
use crate::request::{RequestCapture, RequestInfo};
use crate::sse::{SseEvent, SseFramer};
use std::cell::RefCell;
use std::rc::Rc;

/// Everything shared by the streams of one VM: the validated configuration and the
/// metric id cache. Built once in `on_configure`.
#[derive(Debug)]
pub struct Plugin {
    pub config: Config,
    registry: RefCell<MetricRegistry>,
}

impl Plugin {
    pub fn new(config: Config) -> Rc<Plugin> {
        let registry = RefCell::new(MetricRegistry::new(&config));
        Rc::new(Plugin { config, registry })
    }

    /// Number of label sets defined so far in this VM.
    pub fn label_sets(&self) -> usize {
        self.registry.try_borrow().map_or(0, |r| r.label_sets())
    }

    fn series(&self, host: &dyn Host, labels: RequestLabels<'_>) -> SeriesIds {
        // Never re-entered (one callback at a time per VM); a failed borrow is a no-op.
        self.registry
            .try_borrow_mut()
            .map(|mut r| r.series(host, labels))
            .unwrap_or_default()
    }
}

/// How the response body is being read.
#[derive(Debug)]
enum ResponseReader {
    /// Headers not seen yet.
    Pending,
    /// `text/event-stream`.
    EventStream(SseFramer),
    /// A plain JSON body, kept up to the cap and read at the end.
    Json {
        body: Vec<u8>,
        cap: usize,
        overflowed: bool,
    },
    /// Not something the filter reads (other content type, compressed body…).
    Ignored,
}

/// Measurements of one stream, separate from the framer so both can be borrowed at once.
#[derive(Debug, Default)]
struct Measurements {
    series: Option<SeriesIds>,
    first_byte_at: Option<u64>,
    first_content_at: Option<u64>,
    last_content_at: Option<u64>,
    content_events: u64,
    text_chars: u64,
    usage: Usage,
    usage_seen: bool,
    done_seen: bool,
    error_event: bool,
    malformed_events: u64,
}

/// What the filter saw of one finished LLM request; also what tests inspect.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamSummary {
    pub content_events: u64,
    pub text_chars: u64,
    pub prompt_tokens: Option<u64>,
    pub completion_tokens: Option<u64>,
    pub ttft_micros: Option<u64>,
    pub duration_micros: u64,
    pub done_seen: bool,
    pub error_event: bool,
    pub malformed_events: u64,
    pub oversized_events: u64,
    pub streamed: bool,
}

/// Per-request state.
#[derive(Debug)]
pub struct Stream {
    plugin: Rc<Plugin>,
    is_llm: bool,
    request_start: u64,
    request: Option<RequestCapture>,
    request_info: RequestInfo,
    response: ResponseReader,
    m: Measurements,
    summary: Option<StreamSummary>,
}

impl Stream {
    pub fn new(plugin: Rc<Plugin>) -> Stream {
        Stream {
            plugin,
            is_llm: false,
            request_start: 0,
            request: None,
            request_info: RequestInfo::default(),
            response: ResponseReader::Pending,
            m: Measurements::default(),
            summary: None,
        }
    }

    /// Whether this request is one the filter measures.
    pub fn is_llm(&self) -> bool {
        self.is_llm
    }

    /// Whether the filter needs the request body's bytes (only while capturing it).
    pub fn wants_request_body(&self) -> bool {
        self.request.is_some()
    }

    /// Whether the filter needs the response body's bytes: an LLM response being read, or
    /// one whose end has not been seen yet (an empty end-of-stream call still matters).
    pub fn wants_response_body(&self) -> bool {
        self.is_llm && self.summary.is_none()
    }

    /// The summary, once the stream has ended.
    pub fn summary(&self) -> Option<&StreamSummary> {
        self.summary.as_ref()
    }

    /// Request headers arrived; `path` is `:path`.
    pub fn on_request_headers(&mut self, host: &dyn Host, path: &str) {
        self.is_llm = self.plugin.config.is_chat_path(path);
        if self.is_llm {
            self.request_start = host.now_micros();
            self.request = Some(RequestCapture::new(
                self.plugin.config.max_request_body_bytes,
            ));
        }
    }

    /// One read of the request body.
    pub fn on_request_body(&mut self, read: &[u8], end_of_stream: bool) {
        if let Some(capture) = self.request.as_mut() {
            capture.push(read);
            if end_of_stream {
                self.finish_request();
            }
        }
    }

    fn finish_request(&mut self) {
        if let Some(mut capture) = self.request.take() {
            self.request_info = capture.finish();
        }
    }

    /// Response headers arrived.
    pub fn on_response_headers(
        &mut self,
        content_type: Option<&str>,
        content_encoding: Option<&str>,
    ) {
        if !self.is_llm {
            return;
        }
        // The upstream may answer before the request body ended; read what we have.
        self.finish_request();
        let encoded = content_encoding.is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
        let media_type = content_type
            .and_then(|c| c.split(';').next())
            .map(|c| c.trim().to_ascii_lowercase())
            .unwrap_or_default();
        self.response = if encoded {
            ResponseReader::Ignored
        } else if media_type == "text/event-stream" {
            ResponseReader::EventStream(SseFramer::new(self.plugin.config.max_event_bytes))
        } else if media_type == "application/json" {
            ResponseReader::Json {
                body: Vec::new(),
                cap: self.plugin.config.max_event_bytes,
                overflowed: false,
            }
        } else {
            ResponseReader::Ignored
        };
    }

    /// One read of the response body. `end_of_stream` closes the stream and records it.
    pub fn on_response_body(&mut self, host: &dyn Host, read: &[u8], end_of_stream: bool) {
        if !self.is_llm || self.summary.is_some() {
            return;
        }
        let now = host.now_micros();
        if !read.is_empty() && self.m.first_byte_at.is_none() {
            self.m.first_byte_at = Some(now);
        }
        let plugin = &self.plugin;
        let request_model = self.request_info.model.as_deref();
        let m = &mut self.m;
        match &mut self.response {
            ResponseReader::EventStream(framer) => {
                framer.feed(read, &mut |event| {
                    on_chat_event(host, plugin, request_model, m, now, event)
                });
            }
            ResponseReader::Json {
                body,
                cap,
                overflowed,
            } => {
                let room = cap.saturating_sub(body.len());
                *overflowed |= read.len() > room;
                body.extend_from_slice(read.get(..room.min(read.len())).unwrap_or_default());
            }
            ResponseReader::Pending | ResponseReader::Ignored => {}
        }
        if end_of_stream {
            self.finish(host);
        }
    }

    /// The request is being logged (always called, also after a client disconnect or an
    /// upstream reset): records the stream if it has not been recorded yet.
    pub fn on_log(&mut self, host: &dyn Host) {
        if self.is_llm && self.summary.is_none() {
            self.finish(host);
        }
    }

    fn finish(&mut self, host: &dyn Host) {
        let now = host.now_micros();
        self.finish_request();
        let plugin = &self.plugin;
        let request_model = self.request_info.model.as_deref();
        let m = &mut self.m;
        let mut oversized = 0;
        let mut streamed = false;
        match &mut self.response {
            ResponseReader::EventStream(framer) => {
                framer
                    .finish(&mut |event| on_chat_event(host, plugin, request_model, m, now, event));
                oversized = framer.stats().oversized_events;
                streamed = true;
            }
            ResponseReader::Json {
                body, overflowed, ..
            } => {
                if *overflowed {
                    oversized = 1;
                } else {
                    match openai_chat::parse_chunk(body) {
                        Ok(chunk) => {
                            m.merge_usage(chunk.usage);
                            m.error_event |= chunk.error;
                            if chunk.is_content() {
                                m.content_events = 1;
                                m.text_chars = chunk.text_chars as u64;
                                m.first_content_at = Some(now);
                                m.last_content_at = Some(now);
                            }
                        }
                        Err(_) => m.malformed_events += 1,
                    }
                }
                *body = Vec::new();
            }
            ResponseReader::Pending | ResponseReader::Ignored => {}
        }
        self.response = ResponseReader::Ignored;
        let series = match m.series {
            Some(ids) => ids,
            None => plugin.series(host, labels(request_model)),
        };
        let summary = StreamSummary {
            content_events: m.content_events,
            text_chars: m.text_chars,
            prompt_tokens: m.usage.prompt_tokens,
            completion_tokens: m.usage.completion_tokens,
            ttft_micros: m
                .first_content_at
                .map(|t| t.saturating_sub(self.request_start)),
            duration_micros: now.saturating_sub(self.request_start),
            done_seen: m.done_seen,
            error_event: m.error_event,
            malformed_events: m.malformed_events,
            oversized_events: oversized,
            streamed,
        };
        record(host, &series, &summary, m);
        self.summary = Some(summary);
    }
}

fn labels(request_model: Option<&[u8]>) -> RequestLabels<'_> {
    RequestLabels {
        request_model,
        operation: "chat",
    }
}

impl Measurements {
    /// Usage reports: the last value of each field wins (vLLM repeats usage on every chunk).
    fn merge_usage(&mut self, usage: Option<Usage>) {
        if let Some(u) = usage {
            self.usage_seen = true;
            if u.prompt_tokens.is_some() {
                self.usage.prompt_tokens = u.prompt_tokens;
            }
            if u.completion_tokens.is_some() {
                self.usage.completion_tokens = u.completion_tokens;
            }
        }
    }
}

fn on_chat_event(
    host: &dyn Host,
    plugin: &Plugin,
    request_model: Option<&[u8]>,
    m: &mut Measurements,
    now: u64,
    event: SseEvent<'_>,
) {
    let chunk = match openai_chat::parse_event(event.data) {
        ChatEvent::Done => {
            m.done_seen = true;
            return;
        }
        ChatEvent::Malformed(_) => {
            m.malformed_events += 1;
            return;
        }
        ChatEvent::Chunk(chunk) => chunk,
    };
    m.merge_usage(chunk.usage);
    m.error_event |= chunk.error || event.name == b"error";
    if !chunk.is_content() {
        return;
    }
    m.content_events += 1;
    m.text_chars += chunk.text_chars as u64;
    match m.last_content_at {
        None => m.first_content_at = Some(now),
        Some(previous) => {
            let series = *m
                .series
                .get_or_insert_with(|| plugin.series(host, labels(request_model)));
            if let Some(id) = series.inter_chunk_gap {
                host.record_metric(id, now.saturating_sub(previous));
            }
        }
    }
    m.last_content_at = Some(now);
}

/// Records a finished stream: one call per metric, at the end.
fn record(host: &dyn Host, ids: &SeriesIds, s: &StreamSummary, m: &Measurements) {
    let count = |id: Option<u32>, delta: u64| {
        if let Some(id) = id {
            host.increment_metric(id, i64::try_from(delta).unwrap_or(i64::MAX));
        }
    };
    let sample = |id: Option<u32>, value: u64| {
        if let Some(id) = id {
            host.record_metric(id, value);
        }
    };
    count(ids.requests, 1);
    sample(ids.request_duration, micros_to_millis(s.duration_micros));
    if let Some(ttft) = s.ttft_micros {
        sample(ids.time_to_first_token, micros_to_millis(ttft));
    }
    if let Some(prompt) = s.prompt_tokens {
        count(ids.input_tokens, prompt);
        sample(ids.prompt_tokens_per_request, prompt);
    }
    if let Some(output) = s.completion_tokens {
        count(ids.output_tokens, output);
        sample(ids.output_tokens_per_request, output);
        if let (Some(first), Some(last), true) =
            (m.first_content_at, m.last_content_at, output >= 2)
        {
            sample(
                ids.time_per_output_token,
                last.saturating_sub(first) / (output - 1),
            );
        }
    }
}

/// Microseconds to milliseconds, rounded to the nearest millisecond.
fn micros_to_millis(us: u64) -> u64 {
    us.saturating_add(500) / 1000
}

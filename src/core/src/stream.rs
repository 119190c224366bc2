//! The per-stream state machine: what one HTTP request/response pair is, what it carried,
//! and when each part arrived. The filter forwards every proxy callback here with the
//! bytes it saw; nothing here can pause, change or drop traffic.
//!
//! Timestamps are microseconds of the host's monotonic clock ([`Host::now_micros`]).
//! Definitions (see `docs/metrics.md`):
//! - a *content event* carries non-empty visible output text;
//! - TTFB = request start → first byte of the response body;
//! - TTFT = request start → arrival of the read that completes the first content event;
//! - each inter-chunk gap = arrival of a content event − arrival of the previous one
//!   (0 for events completed by the same read);
//! - time per output token = (last content − first content) / (output tokens − 1).
//!
//! Metrics are recorded once, when the stream ends, except the gaps, which are recorded as
//! they happen (storing them would need memory proportional to the stream).

use crate::body::{BodyEvent, BodyReader};
use crate::config::Config;
use crate::decode::decode_body_event;
use crate::formats::{EventFacts, RefusalSignal, UsageReport, WireFormat};
use crate::host::Host;
use crate::metrics::{self as m, MetricDef};
use crate::outcome::{self, FinishReason, Outcome, OutcomeInputs, StreamEnd};
use crate::registry::MetricRegistry;
use crate::request::{RequestCapture, RequestInfo};
use crate::route::{self, RouteMatch};
use std::cell::RefCell;
use std::rc::Rc;

/// Longest raw finish reason / response model kept per stream, in bytes.
const MAX_KEPT_VALUE_BYTES: usize = 128;

/// Everything shared by the streams of one VM: the validated configuration, the metric
/// id cache and the provider labels. Built once in `on_configure`.
#[derive(Debug)]
pub struct Plugin {
    pub config: Config,
    registry: RefCell<MetricRegistry>,
    /// Sanitised global provider override.
    provider_override: Option<String>,
    /// Sanitised provider per configured route (`None`: not set on the route).
    route_providers: Vec<Option<String>>,
}

impl Plugin {
    pub fn new(config: Config) -> Rc<Plugin> {
        let sanitize = |raw: &str| {
            let mut out = String::new();
            m::sanitize_label_value(raw.as_bytes(), &mut out);
            out
        };
        let registry = RefCell::new(MetricRegistry::new(&config));
        let provider_override = config.provider_name.as_deref().map(sanitize);
        let route_providers = config
            .routes
            .iter()
            .map(|r| r.provider_name.as_deref().map(sanitize))
            .collect();
        Rc::new(Plugin {
            config,
            registry,
            provider_override,
            route_providers,
        })
    }

    /// Number of series defined so far in this VM.
    pub fn series(&self) -> usize {
        self.registry.try_borrow().map_or(0, |r| r.series())
    }

    fn provider(&self, route: &RouteMatch) -> &str {
        route
            .rule
            .and_then(|i| self.route_providers.get(i))
            .and_then(|p| p.as_deref())
            .or(self.provider_override.as_deref())
            .unwrap_or(route.default_provider)
    }

    fn id(&self, host: &dyn Host, def: &MetricDef, labels: &[(&str, &str)]) -> Option<u32> {
        // Never re-entered (one callback at a time per VM); a failed borrow is a no-op.
        self.registry
            .try_borrow_mut()
            .ok()
            .and_then(|mut r| r.id(host, def, labels))
    }

    fn model_label(&self, raw: Option<&[u8]>) -> String {
        let mut out = String::new();
        match self.registry.try_borrow_mut() {
            Ok(mut r) => r.model_label(raw, &mut out),
            Err(_) => out.push_str(crate::registry::OVERFLOW_LABEL_VALUE),
        }
        out
    }
}

/// Measurements of one stream, kept apart from the body reader so both can be borrowed.
#[derive(Debug, Default)]
struct Measurements {
    first_byte_at: Option<u64>,
    first_content_at: Option<u64>,
    last_content_at: Option<u64>,
    first_reasoning_at: Option<u64>,
    content_events: u64,
    text_chars: u64,
    reasoning_chars: u64,
    tool_calls: u64,
    usage: UsageReport,
    finish_raw: Vec<u8>,
    response_model: Vec<u8>,
    terminator_seen: bool,
    error_event: bool,
    malformed_events: u64,
    refusal: Option<RefusalSignal>,
    /// Gap histogram id, resolved at the first gap: `Some(None)` = resolved, refused.
    gap_id: Option<Option<u32>>,
}

/// What the filter saw of one finished LLM request; also what tests inspect.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamSummary {
    pub content_events: u64,
    pub text_chars: u64,
    pub reasoning_chars: u64,
    pub tool_calls: u64,
    pub usage: UsageReport,
    pub ttfb_micros: Option<u64>,
    pub ttft_micros: Option<u64>,
    /// Request start → first reasoning text.
    pub ttfr_micros: Option<u64>,
    pub duration_micros: u64,
    pub terminator_seen: bool,
    pub error_event: bool,
    pub malformed_events: u64,
    pub oversized_events: u64,
    pub streamed: bool,
    pub finish_reason: Option<FinishReason>,
    pub finish_raw: String,
    pub response_model: String,
    pub refusal: Option<RefusalSignal>,
    pub outcome: Option<Outcome>,
}

/// Per-request state.
#[derive(Debug)]
pub struct Stream {
    plugin: Rc<Plugin>,
    route: Option<RouteMatch>,
    request_start: u64,
    request: Option<RequestCapture>,
    request_info: RequestInfo,
    http_status: u16,
    reader: BodyReader,
    m: Measurements,
    /// Bounded `gen_ai_request_model` label, resolved once.
    model_label: Option<String>,
    /// Reused buffer for decoders that must transform a payload (base64).
    scratch: Vec<u8>,
    summary: Option<StreamSummary>,
}

impl Stream {
    pub fn new(plugin: Rc<Plugin>) -> Stream {
        Stream {
            plugin,
            route: None,
            request_start: 0,
            request: None,
            request_info: RequestInfo::default(),
            http_status: 0,
            reader: BodyReader::Pending,
            m: Measurements::default(),
            model_label: None,
            scratch: Vec::new(),
            summary: None,
        }
    }

    /// Whether this request is one the filter measures.
    pub fn is_llm(&self) -> bool {
        self.route.is_some()
    }

    /// The wire format detected from the request path.
    pub fn format(&self) -> Option<WireFormat> {
        self.route.map(|r| r.format)
    }

    /// Whether the filter needs the request body's bytes (only while capturing it).
    pub fn wants_request_body(&self) -> bool {
        self.request.is_some()
    }

    /// Whether the filter needs the response body's bytes: an LLM response not finished yet
    /// (an empty end-of-stream call still matters).
    pub fn wants_response_body(&self) -> bool {
        self.route.is_some() && self.summary.is_none()
    }

    /// The summary, once the stream has ended.
    pub fn summary(&self) -> Option<&StreamSummary> {
        self.summary.as_ref()
    }

    /// Request headers arrived; `path` is `:path`.
    pub fn on_request_headers(&mut self, host: &dyn Host, path: &str) {
        self.route = route::detect(&self.plugin.config, path);
        if self.route.is_some() {
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

    /// Response headers arrived: `status` is `:status` (0 if unknown).
    pub fn on_response_headers(
        &mut self,
        status: u16,
        content_type: Option<&str>,
        content_encoding: Option<&str>,
    ) {
        let Some(route) = self.route else { return };
        // The upstream may answer before the request body ended; read what we have.
        self.finish_request();
        self.http_status = status;
        self.reader = BodyReader::for_response(
            route.format,
            content_type,
            content_encoding,
            &self.plugin.config,
        );
    }

    /// One read of the response body. `end_of_stream` closes the stream and records it.
    pub fn on_response_body(&mut self, host: &dyn Host, read: &[u8], end_of_stream: bool) {
        let Some(route) = self.route else { return };
        if self.summary.is_some() {
            return;
        }
        let now = host.now_micros();
        if !read.is_empty() && self.m.first_byte_at.is_none() {
            self.m.first_byte_at = Some(now);
        }
        let mut sink = EventSink {
            host,
            plugin: &self.plugin,
            format: route.format,
            route: &route,
            request_model: self.request_info.model.as_deref(),
            model_label: &mut self.model_label,
            m: &mut self.m,
            scratch: &mut self.scratch,
            now,
        };
        self.reader.feed(read, &mut |event| sink.on_event(event));
        if end_of_stream {
            self.finish(host, StreamEnd::Completed);
        }
    }

    /// The request is being logged (always called, also after a client disconnect or an
    /// upstream reset): records the stream if it has not been recorded yet. `end` says how
    /// the host saw the exchange end.
    pub fn on_log(&mut self, host: &dyn Host, end: StreamEnd) {
        if self.route.is_some() && self.summary.is_none() {
            self.finish(host, end);
        }
    }

    fn finish(&mut self, host: &dyn Host, end: StreamEnd) {
        let Some(route) = self.route else { return };
        let now = host.now_micros();
        self.finish_request();
        let mut sink = EventSink {
            host,
            plugin: &self.plugin,
            format: route.format,
            route: &route,
            request_model: self.request_info.model.as_deref(),
            model_label: &mut self.model_label,
            m: &mut self.m,
            scratch: &mut self.scratch,
            now,
        };
        let framing = self.reader.finish(&mut |event| sink.on_event(event));
        self.reader = BodyReader::Ignored;
        self.scratch = Vec::new();
        let m = &self.m;
        let finish_reason =
            (!m.finish_raw.is_empty()).then(|| FinishReason::normalize(&m.finish_raw));
        let outcome = outcome::classify(OutcomeInputs {
            end,
            http_status: self.http_status,
            error_event: m.error_event,
            oversized: framing.oversized_events > 0,
            terminator_seen: m.terminator_seen,
            finish: finish_reason,
        });
        let summary = StreamSummary {
            content_events: m.content_events,
            text_chars: m.text_chars,
            reasoning_chars: m.reasoning_chars,
            tool_calls: m.tool_calls,
            usage: m.usage,
            ttfb_micros: m
                .first_byte_at
                .map(|t| t.saturating_sub(self.request_start)),
            ttft_micros: m
                .first_content_at
                .map(|t| t.saturating_sub(self.request_start)),
            ttfr_micros: m
                .first_reasoning_at
                .map(|t| t.saturating_sub(self.request_start)),
            duration_micros: now.saturating_sub(self.request_start),
            terminator_seen: m.terminator_seen,
            error_event: m.error_event,
            malformed_events: m.malformed_events,
            oversized_events: framing.oversized_events,
            streamed: framing.streamed,
            finish_reason,
            finish_raw: String::from_utf8_lossy(&m.finish_raw).into_owned(),
            response_model: String::from_utf8_lossy(&m.response_model).into_owned(),
            refusal: m.refusal,
            outcome: Some(outcome),
        };
        let model = match self.model_label.take() {
            Some(label) => label,
            None => self.plugin.model_label(self.request_info.model.as_deref()),
        };
        let response_model = if m.response_model.is_empty() {
            model.clone()
        } else {
            self.plugin.model_label(Some(&m.response_model))
        };
        let labels = Labels {
            model: &model,
            response_model: &response_model,
            provider: self.plugin.provider(&route),
            operation: route.operation,
        };
        record(host, &self.plugin, &labels, &summary, m, outcome);
        self.summary = Some(summary);
    }
}

/// Where decoded events go while the body reader is borrowed.
struct EventSink<'s> {
    host: &'s dyn Host,
    plugin: &'s Plugin,
    format: WireFormat,
    route: &'s RouteMatch,
    request_model: Option<&'s [u8]>,
    model_label: &'s mut Option<String>,
    m: &'s mut Measurements,
    scratch: &'s mut Vec<u8>,
    now: u64,
}

impl EventSink<'_> {
    fn on_event(&mut self, event: BodyEvent<'_>) {
        // The decoder may transform the payload into the scratch buffer; the facts borrow it.
        let mut scratch = std::mem::take(self.scratch);
        match decode_body_event(self.format, event, &mut scratch) {
            Ok(facts) => self.apply(&facts),
            Err(_) => self.m.malformed_events += 1,
        }
        *self.scratch = scratch;
    }

    fn apply(&mut self, facts: &EventFacts<'_>) {
        let m = &mut *self.m;
        if let Some(usage) = &facts.usage {
            m.usage.merge(usage);
        }
        if let Some(reason) = facts.finish_reason {
            keep(&mut m.finish_raw, reason.0);
        }
        if let Some(model) = facts.response_model {
            if m.response_model.is_empty() {
                keep(&mut m.response_model, model.0);
            }
        }
        m.error_event |= facts.error;
        m.terminator_seen |= facts.terminator;
        m.tool_calls += u64::from(facts.tool_calls_started);
        if m.refusal.is_none() {
            m.refusal = facts.refusal;
        }
        if facts.reasoning_chars > 0 {
            m.reasoning_chars += facts.reasoning_chars as u64;
            m.first_reasoning_at.get_or_insert(self.now);
        }
        if !facts.is_content() {
            return;
        }
        m.content_events += 1;
        m.text_chars += facts.text_chars as u64;
        match m.last_content_at {
            None => m.first_content_at = Some(self.now),
            Some(previous) => {
                let id = match m.gap_id {
                    Some(id) => id,
                    None => {
                        let model = self
                            .model_label
                            .get_or_insert_with(|| self.plugin.model_label(self.request_model));
                        let id = self.plugin.id(
                            self.host,
                            &m::INTER_CHUNK_GAP_US,
                            &base_labels(
                                model,
                                self.plugin.provider(self.route),
                                self.route.operation,
                            ),
                        );
                        m.gap_id = Some(id);
                        id
                    }
                };
                if let Some(id) = id {
                    self.host
                        .record_metric(id, self.now.saturating_sub(previous));
                }
            }
        }
        m.last_content_at = Some(self.now);
    }
}

/// Replaces `slot` with `value`, cut to [`MAX_KEPT_VALUE_BYTES`].
fn keep(slot: &mut Vec<u8>, value: &[u8]) {
    slot.clear();
    slot.extend_from_slice(
        value
            .get(..MAX_KEPT_VALUE_BYTES.min(value.len()))
            .unwrap_or_default(),
    );
}

struct Labels<'a> {
    model: &'a str,
    response_model: &'a str,
    provider: &'a str,
    operation: &'a str,
}

fn base_labels<'a>(
    model: &'a str,
    provider: &'a str,
    operation: &'a str,
) -> [(&'static str, &'a str); 3] {
    [
        (m::LABEL_REQUEST_MODEL, model),
        (m::LABEL_PROVIDER, provider),
        (m::LABEL_OPERATION, operation),
    ]
}

/// Records a finished stream: one call per metric, at the end.
fn record(
    host: &dyn Host,
    plugin: &Plugin,
    l: &Labels<'_>,
    s: &StreamSummary,
    meas: &Measurements,
    outcome: Outcome,
) {
    let base = base_labels(l.model, l.provider, l.operation);
    let count = |def: &MetricDef, extra: &[(&str, &str)], delta: u64| {
        let mut labels: [(&str, &str); 5] = [("", ""); 5];
        let n = base.len() + extra.len();
        for (slot, label) in labels.iter_mut().zip(base.iter().chain(extra.iter())) {
            *slot = *label;
        }
        if let Some(id) = plugin.id(host, def, labels.get(..n).unwrap_or_default()) {
            host.increment_metric(id, i64::try_from(delta).unwrap_or(i64::MAX));
        }
    };
    let sample = |def: &MetricDef, value: u64| {
        if let Some(id) = plugin.id(host, def, &base) {
            host.record_metric(id, value);
        }
    };
    count(
        &m::REQUESTS_TOTAL,
        &[
            (m::LABEL_RESPONSE_MODEL, l.response_model),
            (m::LABEL_OUTCOME, outcome.as_str()),
        ],
        1,
    );
    if let Some(reason) = s.finish_reason {
        count(
            &m::FINISH_REASONS_TOTAL,
            &[(m::LABEL_FINISH_REASON, reason.as_str())],
            1,
        );
    }
    let tokens = [
        ("input", s.usage.input),
        ("output", s.usage.output),
        ("cached_input", s.usage.cached_input),
        ("reasoning", s.usage.reasoning),
    ];
    for (token_type, value) in tokens {
        if let Some(value) = value {
            count(
                &m::TOKENS_TOTAL,
                &[(m::LABEL_TOKEN_TYPE, token_type)],
                value,
            );
        }
    }
    sample(&m::REQUEST_DURATION_MS, micros_to_millis(s.duration_micros));
    if let Some(ttfb) = s.ttfb_micros {
        sample(&m::TIME_TO_FIRST_BYTE_MS, micros_to_millis(ttfb));
    }
    if let Some(ttft) = s.ttft_micros {
        sample(&m::TIME_TO_FIRST_TOKEN_MS, micros_to_millis(ttft));
    }
    if let Some(ttfr) = s.ttfr_micros {
        sample(&m::TIME_TO_FIRST_REASONING_TOKEN_MS, micros_to_millis(ttfr));
    }
    if let Some(prompt) = s.usage.input {
        sample(&m::PROMPT_TOKENS, prompt);
    }
    if let Some(output) = s.usage.output {
        sample(&m::OUTPUT_TOKENS, output);
        if let (Some(first), Some(last), true) =
            (meas.first_content_at, meas.last_content_at, output >= 2)
        {
            sample(
                &m::TIME_PER_OUTPUT_TOKEN_US,
                last.saturating_sub(first) / (output - 1),
            );
        }
    }
}

/// Microseconds to milliseconds, rounded to the nearest millisecond.
fn micros_to_millis(us: u64) -> u64 {
    us.saturating_add(500) / 1000
}

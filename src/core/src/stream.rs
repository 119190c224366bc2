//! The per-stream state machine: what one HTTP request/response pair is, what it carried,
//! and when each part arrived. The filter forwards every proxy callback here; the core
//! reads what it needs through the [`Host`]. Nothing here can pause, change or drop traffic.
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
//! Metrics are recorded once, when the stream ends ([`crate::record`]), except the gaps,
//! recorded as they happen (storing them would need memory proportional to the stream),
//! and the in-flight gauge, which moves when the phase changes.

use crate::answer_label::{AnswerLabel, AnswerLabelScan, VmAnswerLabels};
use crate::body::{BodyEvent, BodyReader};
use crate::config::Config;
use crate::decode::decode_body_event;
use crate::formats::{EventFacts, RefusalSignal, UsageReport, WireFormat};
use crate::host::Host;
use crate::json::RawStr;
use crate::labels::{self, StreamLabels};
use crate::metrics as m;
use crate::outcome::{self, FinishReason, Outcome, OutcomeInputs, StreamEnd};
use crate::record;
use crate::refusal::{RefusalMatcher, RefusalScan};
use crate::registry::MetricRegistry;
use crate::request::{RequestCapture, RequestInfo};
use crate::route::{self, RouteMatch};
use crate::tokenize::{self, prompt, Encoding, TextCounter, TokenCount, TokenSource, Tokenizer};
use std::cell::{Cell, RefCell};
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
    /// `source_workload`, read from the node metadata once per VM.
    source_workload: RefCell<Option<String>>,
    /// `llm_requests_in_flight` ids (awaiting, streaming), resolved once.
    in_flight: Cell<Option<(Option<u32>, Option<u32>)>>,
    /// Compiled refusal phrases (`None` when phrase detection is off).
    refusals: Option<RefusalMatcher>,
    /// Tokenizers per encoding ([`Encoding::ALL`] order), built on first use.
    tokenizers: RefCell<[TokenizerSlot; 2]>,
    /// Answer-label extractors and their per-VM value budget.
    answer_labels: VmAnswerLabels,
}

/// A tokenizer not built yet, built, or failed to build (then streams are estimated).
#[derive(Debug)]
enum TokenizerSlot {
    Unbuilt,
    Built(Rc<Tokenizer>),
    /// The error, logged once by the next stream that ends.
    Failed(Option<String>),
}

impl Plugin {
    /// Builds the plugin, compiling the refusal phrases: the only step that can fail after
    /// [`Config::parse`] validated the configuration.
    pub fn build(config: Config) -> Result<Rc<Plugin>, crate::config::ConfigError> {
        let refusals = if config.refusals.enabled {
            Some(
                RefusalMatcher::new(&config.refusals)
                    .map_err(crate::config::ConfigError::Refusals)?,
            )
        } else {
            None
        };
        let preload = config.tokenizer.enabled && config.tokenizer.preload;
        let plugin = Plugin::assemble(config, refusals);
        if preload {
            for e in Encoding::ALL.into_iter().filter(|e| e.is_linked()) {
                plugin.tokenizer(e);
            }
        }
        Ok(plugin)
    }

    /// The tokenizer of a linked encoding, built on first use (`None` if it cannot be).
    pub fn tokenizer(&self, encoding: Encoding) -> Option<Rc<Tokenizer>> {
        if !self.config.tokenizer.enabled || !encoding.is_linked() {
            return None;
        }
        let index = Encoding::ALL.iter().position(|&e| e == encoding)?;
        let mut slots = self.tokenizers.try_borrow_mut().ok()?;
        let slot = slots.get_mut(index)?;
        if let TokenizerSlot::Unbuilt = slot {
            *slot = match tokenize::build(encoding) {
                Ok(t) => TokenizerSlot::Built(Rc::new(t)),
                Err(e) => TokenizerSlot::Failed(Some(e)),
            };
        }
        match slot {
            TokenizerSlot::Built(t) => Some(Rc::clone(t)),
            _ => None,
        }
    }

    /// Logs a tokenizer build failure once.
    fn log_tokenizer_failure(&self, host: &dyn Host) {
        if let Ok(mut slots) = self.tokenizers.try_borrow_mut() {
            for slot in slots.iter_mut() {
                if let TokenizerSlot::Failed(error) = slot {
                    if let Some(error) = error.take() {
                        host.log(
                            crate::host::LogLevel::Error,
                            &format!("llmtap: tokenizer unavailable, counting estimates: {error}"),
                        );
                    }
                }
            }
        }
    }

    /// [`Plugin::build`] for configurations known to be valid (defaults, tests); phrase
    /// detection stays off if the phrases cannot be compiled.
    pub fn new(config: Config) -> Rc<Plugin> {
        let refusals = if config.refusals.enabled {
            RefusalMatcher::new(&config.refusals).ok()
        } else {
            None
        };
        Plugin::assemble(config, refusals)
    }

    fn assemble(config: Config, refusals: Option<RefusalMatcher>) -> Rc<Plugin> {
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
            registry,
            provider_override,
            route_providers,
            source_workload: RefCell::new(None),
            in_flight: Cell::new(None),
            refusals,
            tokenizers: RefCell::new([TokenizerSlot::Unbuilt, TokenizerSlot::Unbuilt]),
            answer_labels: VmAnswerLabels::new(&config),
            config,
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

    /// The id of a series (defined on first use). Never re-entered (one callback at a time
    /// per VM); a failed borrow is a no-op.
    pub(crate) fn id(
        &self,
        host: &dyn Host,
        def: &m::MetricDef,
        labels: &[(&str, &str)],
    ) -> Option<u32> {
        self.registry
            .try_borrow_mut()
            .ok()
            .and_then(|mut r| r.id(host, def, labels))
    }

    fn bounded(&self, key: &'static str, raw: Option<&[u8]>) -> String {
        let mut out = String::new();
        match self.registry.try_borrow_mut() {
            Ok(mut r) => r.bounded_label(key, raw, &mut out),
            Err(_) => out.push_str(crate::registry::OVERFLOW_LABEL_VALUE),
        }
        out
    }

    fn source_workload(&self, host: &dyn Host) -> String {
        if let Ok(cached) = self.source_workload.try_borrow() {
            if let Some(value) = cached.as_ref() {
                return value.clone();
            }
        }
        let raw = host.property(&["node", "metadata", "WORKLOAD_NAME"]);
        let mut value = String::new();
        m::sanitize_label_value(raw.as_deref().unwrap_or_default(), &mut value);
        if let Ok(mut cached) = self.source_workload.try_borrow_mut() {
            *cached = Some(value.clone());
        }
        value
    }

    /// Moves the in-flight gauge: `delta` on the given phase.
    fn in_flight(&self, host: &dyn Host, phase: Phase, delta: i64) {
        let ids = match self.in_flight.get() {
            Some(ids) => ids,
            None => {
                let awaiting = self.id(
                    host,
                    &m::REQUESTS_IN_FLIGHT,
                    &[(m::LABEL_PHASE, "awaiting_first_token")],
                );
                let streaming = self.id(
                    host,
                    &m::REQUESTS_IN_FLIGHT,
                    &[(m::LABEL_PHASE, "streaming")],
                );
                self.in_flight.set(Some((awaiting, streaming)));
                (awaiting, streaming)
            }
        };
        let id = match phase {
            Phase::AwaitingFirstToken => ids.0,
            Phase::Streaming => ids.1,
        };
        if let Some(id) = id {
            host.increment_metric(id, delta);
        }
    }
}

/// Phase of an in-flight request (`llm_requests_in_flight{phase}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    AwaitingFirstToken,
    Streaming,
}

/// Measurements of one stream, kept apart from the body reader so both can be borrowed.
#[derive(Debug, Default)]
pub(crate) struct Measurements {
    pub first_byte_at: Option<u64>,
    pub first_content_at: Option<u64>,
    pub last_content_at: Option<u64>,
    pub first_reasoning_at: Option<u64>,
    pub content_events: u64,
    pub text_chars: u64,
    pub reasoning_chars: u64,
    pub tool_calls: u64,
    pub usage: UsageReport,
    pub finish_raw: Vec<u8>,
    pub response_model: Vec<u8>,
    pub terminator_seen: bool,
    pub error_event: bool,
    pub malformed_events: u64,
    pub refusal: Option<RefusalSignal>,
    /// Phrase scan over the first characters of the visible answer.
    pub refusal_scan: Option<RefusalScan>,
    /// Reused buffer for decoding a text piece before the phrase scan.
    text: String,
    /// Output text kept for counting, for streams that will carry no usage report.
    pub output_text: Option<TextCounter>,
    /// The encoding this stream is counted with (from the request model).
    pub encoding: Option<Encoding>,
    /// Prompt tokens counted from the request body (streams without usage).
    pub counted_input: Option<TokenCount>,
    /// Answer-label extraction (routes with `answer_labels` only).
    pub answer_labels: Option<AnswerLabelScan>,
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
    /// Prompt tokens counted when the usage report had none.
    pub counted_input: Option<TokenCount>,
    /// Output tokens counted when the usage report had none.
    pub counted_output: Option<TokenCount>,
    pub ttfb_micros: Option<u64>,
    pub ttft_micros: Option<u64>,
    /// Request start → first reasoning text.
    pub ttfr_micros: Option<u64>,
    /// (last content − first content) / (output tokens − 1), when both are known.
    pub tpot_micros: Option<u64>,
    /// (output tokens − 1) / (last content − first content), in tokens per second.
    pub output_tokens_per_second: Option<u64>,
    /// The request body was rewritten to ask for usage (`inject_include_usage`).
    pub usage_injected: bool,
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
    /// Why the answer counts as a refusal: `stop_reason`, `delta_refusal`, `content_filter`,
    /// `safety_block` (structured signals, first) or `phrase`.
    pub refusal_source: Option<&'static str>,
    pub outcome: Option<Outcome>,
    pub cost_micros: Option<u64>,
    pub labels: StreamLabels,
    /// One per configured answer label (`llm_answer_labels_total`).
    pub answer_labels: Vec<AnswerLabel>,
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
    /// Labels resolved so far (the request model once the body is read).
    labels: StreamLabels,
    labels_resolved: bool,
    phase: Option<Phase>,
    /// Reused buffer for decoders that must transform a payload (base64).
    scratch: Vec<u8>,
    summary: Option<StreamSummary>,
    /// The request body is held and rewritten (`inject_include_usage`).
    rewrite_request: bool,
    usage_injected: bool,
    /// The response body is compressed and not parsed.
    body_encoded: bool,
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
            labels: StreamLabels::default(),
            labels_resolved: false,
            phase: None,
            scratch: Vec::new(),
            summary: None,
            rewrite_request: false,
            usage_injected: false,
            body_encoded: false,
        }
    }

    /// Whether this request is one the filter measures.
    pub fn is_llm(&self) -> bool {
        self.route.is_some()
    }

    /// Whether the filter needs the request body's bytes (only while capturing it).
    pub fn wants_request_body(&self) -> bool {
        self.request.is_some()
    }

    /// Whether the filter must hold the request body until its end and hand it to
    /// [`Stream::on_request_body_complete`] (`inject_include_usage` on an OpenAI-compatible
    /// POST). The filter then also removes `content-length` from the request headers.
    pub fn holds_request_body(&self) -> bool {
        self.rewrite_request && self.request.is_some()
    }

    /// Largest request body held for the rewrite, in bytes (`max_request_body_bytes`).
    pub fn max_held_request_bytes(&self) -> usize {
        self.plugin.config.max_request_body_bytes
    }

    /// The held request body grew past `max_request_body_bytes`: stop holding it; the
    /// filter passes it on unchanged and feeds it through [`Stream::on_request_body`].
    pub fn release_request_body(&mut self) {
        self.rewrite_request = false;
    }

    /// The whole held request body: reads it like [`Stream::on_request_body`] and returns
    /// the rewritten body when it must change.
    pub fn on_request_body_complete(&mut self, body: &[u8]) -> Option<Vec<u8>> {
        let rewritten = if self.rewrite_request {
            crate::request_rewrite::inject_include_usage(body)
        } else {
            None
        };
        self.rewrite_request = false;
        self.usage_injected = rewritten.is_some();
        self.on_request_body(rewritten.as_deref().unwrap_or(body), true);
        rewritten
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

    /// Request headers arrived.
    pub fn on_request_headers(&mut self, host: &dyn Host) {
        let path = host.request_header(":path").unwrap_or_default();
        self.route = route::detect(&self.plugin.config, &path);
        let Some(route) = self.route else { return };
        self.request_start = host.now_micros();
        self.request = Some(RequestCapture::new(
            self.plugin.config.max_request_body_bytes,
        ));
        let switches = self.plugin.config.labels;
        self.labels.provider = switches
            .provider
            .then(|| self.plugin.provider(&route).to_owned());
        self.labels.operation = switches.operation.then_some(route.operation);
        if let Some(header) = self.plugin.config.consumer_header.as_deref() {
            let value = host.request_header(header);
            self.labels.consumer = Some(
                self.plugin
                    .bounded(m::LABEL_CONSUMER, value.as_deref().map(str::as_bytes)),
            );
        }
        if switches.source_workload {
            self.labels.source_workload = Some(self.plugin.source_workload(host));
        }
        self.m.refusal_scan = self.plugin.refusals.as_ref().map(RefusalMatcher::scan);
        self.m.answer_labels = self.plugin.answer_labels.scan(route.rule);
        self.rewrite_request = self.plugin.config.inject_include_usage
            && matches!(
                route.format,
                WireFormat::OpenAiChat | WireFormat::OpenAiCompletions
            )
            && host.request_header(":method").as_deref() == Some("POST");
        self.set_phase(host, Some(Phase::AwaitingFirstToken));
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
        let Some(mut capture) = self.request.take() else {
            return;
        };
        self.request_info = capture.finish();
        let Some(route) = self.route else { return };
        if !prompt::counts_prompt(route.format) || self.expects_usage(route.format) {
            return;
        }
        // This stream will carry no usage report: count the prompt now (the body is
        // dropped next) and keep the output text for counting at the end.
        let model = self.request_info.model.as_deref().unwrap_or_default();
        self.m.encoding = self
            .plugin
            .config
            .tokenizer
            .encoding_for(&String::from_utf8_lossy(model));
        let tokenizer = self.m.encoding.and_then(|e| self.plugin.tokenizer(e));
        let count = tokenizer.as_ref().map(|t| move |s: &str| t.count(s));
        self.m.counted_input = prompt::count_prompt(
            route.format,
            capture.body(),
            capture.unseen_bytes(),
            count.as_ref().map(|c| c as &dyn Fn(&str) -> u64),
        );
        self.m.output_text = Some(match tokenizer {
            Some(_) => TextCounter::new(self.plugin.config.tokenizer.max_text_bytes),
            None => TextCounter::estimating(),
        });
    }

    /// Whether the upstream will report usage: OpenAI-compatible non-streaming answers and
    /// streams that asked for it (`stream_options.include_usage`); TGI never reports
    /// prompt tokens; the other APIs always report usage.
    fn expects_usage(&self, format: WireFormat) -> bool {
        let info = &self.request_info;
        match format {
            WireFormat::OpenAiChat | WireFormat::OpenAiCompletions => {
                info.stream != Some(true) || info.include_usage == Some(true)
            }
            WireFormat::TgiGenerate => false,
            _ => true,
        }
    }

    /// Response headers arrived.
    pub fn on_response_headers(&mut self, host: &dyn Host) {
        let Some(route) = self.route else { return };
        // The upstream may answer before the request body ended; read what we have.
        self.finish_request();
        self.http_status = host
            .response_header(":status")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let content_type = host.response_header("content-type");
        let content_encoding = host.response_header("content-encoding");
        self.body_encoded = content_encoding
            .as_deref()
            .is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
        self.reader = BodyReader::for_response(
            route.format,
            content_type.as_deref(),
            content_encoding.as_deref(),
            &self.plugin.config,
        );
        if self.plugin.config.labels.destination_service {
            let cluster = host.property(&["xds", "cluster_name"]).unwrap_or_default();
            let cluster = String::from_utf8_lossy(&cluster);
            let service = labels::destination_from_cluster(&cluster);
            self.labels.destination_service = Some(
                self.plugin
                    .bounded(m::LABEL_DESTINATION, Some(service.as_bytes())),
            );
        }
    }

    /// One read of the response body. `end_of_stream` closes the stream and records it.
    pub fn on_response_body(&mut self, host: &dyn Host, read: &[u8], end_of_stream: bool) {
        if self.route.is_none() || self.summary.is_some() {
            return;
        }
        let now = host.now_micros();
        if !read.is_empty() && self.m.first_byte_at.is_none() {
            self.m.first_byte_at = Some(now);
        }
        self.feed(host, now, Some(read));
        if self.m.first_content_at.is_some() && self.phase == Some(Phase::AwaitingFirstToken) {
            self.set_phase(host, Some(Phase::Streaming));
        }
        if end_of_stream {
            self.finish(host, StreamEnd::Completed);
        }
    }

    /// The request is being logged (always called, also after a client disconnect or an
    /// upstream reset): records the stream if it has not been recorded yet, asking the host
    /// how the exchange ended.
    pub fn on_log(&mut self, host: &dyn Host) {
        if self.route.is_some() && self.summary.is_none() {
            let details = host
                .property(&["response", "code_details"])
                .unwrap_or_default();
            self.finish(
                host,
                StreamEnd::from_code_details(&String::from_utf8_lossy(&details)),
            );
        }
    }

    /// Feeds a read to the body reader (or, with `None`, ends it), applying every event.
    fn feed(
        &mut self,
        host: &dyn Host,
        now: u64,
        read: Option<&[u8]>,
    ) -> crate::body::FramingReport {
        self.finish_labels_if_ready();
        let Some(route) = self.route else {
            return Default::default();
        };
        let mut sink = EventSink {
            host,
            plugin: &self.plugin,
            format: route.format,
            labels: &self.labels,
            m: &mut self.m,
            scratch: &mut self.scratch,
            now,
        };
        match read {
            Some(read) => {
                self.reader.feed(read, &mut |event| sink.on_event(event));
                Default::default()
            }
            None => self.reader.finish(&mut |event| sink.on_event(event)),
        }
    }

    /// Resolves the request-model label once the request body has been read.
    fn finish_labels_if_ready(&mut self) {
        if self.labels_resolved || self.request.is_some() {
            return;
        }
        self.labels_resolved = true;
        if self.plugin.config.labels.request_model {
            let model = self.request_info.model.as_deref();
            self.labels.request_model = Some(self.plugin.bounded(m::LABEL_REQUEST_MODEL, model));
        }
    }

    fn set_phase(&mut self, host: &dyn Host, phase: Option<Phase>) {
        if let Some(old) = self.phase {
            self.plugin.in_flight(host, old, -1);
        }
        if let Some(new) = phase {
            self.plugin.in_flight(host, new, 1);
        }
        self.phase = phase;
    }

    fn finish(&mut self, host: &dyn Host, end: StreamEnd) {
        let Some(route) = self.route else { return };
        let now = host.now_micros();
        self.finish_request();
        let framing = self.feed(host, now, None);
        self.reader = BodyReader::Ignored;
        self.scratch = Vec::new();
        self.set_phase(host, None);
        if self.plugin.config.labels.response_model {
            let raw = if self.m.response_model.is_empty() {
                self.request_info.model.as_deref()
            } else {
                Some(self.m.response_model.as_slice())
            };
            self.labels.response_model = Some(self.plugin.bounded(m::LABEL_REQUEST_MODEL, raw));
        }
        let phrase = match (self.m.refusal_scan.as_mut(), self.plugin.refusals.as_ref()) {
            (Some(scan), Some(matcher)) => scan.finish(matcher),
            _ => None,
        };
        let answer_labels = self
            .m
            .answer_labels
            .take()
            .map(|mut scan| scan.finish(&self.plugin.answer_labels))
            .unwrap_or_default();
        let m = &self.m;
        let finish_reason =
            (!m.finish_raw.is_empty()).then(|| FinishReason::normalize(&m.finish_raw));
        let refusal_source = refusal_source(m.refusal, finish_reason, phrase.is_some());
        let outcome = outcome::classify(OutcomeInputs {
            end,
            http_status: self.http_status,
            error_event: m.error_event,
            oversized: framing.oversized_events > 0,
            encoded: self.body_encoded,
            terminator_seen: m.terminator_seen,
            finish: finish_reason,
        });
        let since_start = |t: Option<u64>| t.map(|t| t.saturating_sub(self.request_start));
        let counted_output = match (m.usage.output, self.m.output_text.as_mut()) {
            (Some(_), _) => None,
            (None, Some(counter)) => {
                Some(counter.finish(self.m.encoding.and_then(|e| self.plugin.tokenizer(e))))
            }
            // Usage was expected and did not come: characters / 4.
            (None, None) if self.m.text_chars > 0 => Some(TokenCount {
                tokens: self.m.text_chars.div_ceil(4),
                source: TokenSource::Estimate,
            }),
            (None, None) => None,
        };
        self.m.output_text = None;
        self.plugin.log_tokenizer_failure(host);
        let m = &self.m;
        let output_tokens = m.usage.output.or(counted_output.map(|c| c.tokens));
        let span = match (m.first_content_at, m.last_content_at) {
            (Some(first), Some(last)) => last.saturating_sub(first),
            _ => 0,
        };
        let tpot_micros = match output_tokens {
            Some(output) if output >= 2 => Some(span / (output - 1)),
            _ => None,
        };
        let output_tokens_per_second = match output_tokens {
            Some(output) if output >= 2 && span > 0 => {
                Some((output - 1).saturating_mul(1_000_000) / span)
            }
            _ => None,
        };
        // Counted tokens price a stream that carried no usage report.
        let mut priced = m.usage;
        priced.input = priced.input.or(m.counted_input.map(|c| c.tokens));
        priced.output = output_tokens;
        let price_model = if m.response_model.is_empty() {
            self.request_info.model.as_deref()
        } else {
            Some(m.response_model.as_slice())
        };
        let cost_micros = price_model
            .map(|raw| {
                let mut name = String::new();
                m::sanitize_label_value(raw, &mut name);
                name
            })
            .and_then(|name| self.plugin.config.price_of(&name).copied())
            .and_then(|price| crate::cost::cost_micros(route.format, &priced, &price));
        let summary = StreamSummary {
            content_events: m.content_events,
            text_chars: m.text_chars,
            reasoning_chars: m.reasoning_chars,
            tool_calls: m.tool_calls,
            usage: m.usage,
            counted_input: if m.usage.input.is_none() {
                m.counted_input
            } else {
                None
            },
            counted_output,
            ttfb_micros: since_start(m.first_byte_at),
            ttft_micros: since_start(m.first_content_at),
            ttfr_micros: since_start(m.first_reasoning_at),
            tpot_micros,
            output_tokens_per_second,
            usage_injected: self.usage_injected,
            duration_micros: now.saturating_sub(self.request_start),
            terminator_seen: m.terminator_seen,
            error_event: m.error_event,
            malformed_events: m.malformed_events + framing.malformed_frames,
            oversized_events: framing.oversized_events,
            streamed: framing.streamed,
            finish_reason,
            finish_raw: String::from_utf8_lossy(&m.finish_raw).into_owned(),
            response_model: String::from_utf8_lossy(&m.response_model).into_owned(),
            refusal: m.refusal,
            refusal_source,
            outcome: Some(outcome),
            cost_micros,
            labels: std::mem::take(&mut self.labels),
            answer_labels,
        };
        record::record(host, &self.plugin, &summary);
        self.summary = Some(summary);
    }
}

/// Where decoded events go while the body reader is borrowed.
struct EventSink<'s> {
    host: &'s dyn Host,
    plugin: &'s Plugin,
    format: WireFormat,
    labels: &'s StreamLabels,
    m: &'s mut Measurements,
    scratch: &'s mut Vec<u8>,
    now: u64,
}

impl EventSink<'_> {
    fn on_event(&mut self, event: BodyEvent<'_>) {
        // The decoder may transform the payload into the scratch buffer; the facts borrow it.
        let mut scratch = std::mem::take(self.scratch);
        let refusals = self.plugin.refusals.as_ref();
        let plugin = self.plugin;
        let encoding = self.m.encoding;
        let (scan, text, counter, answer_labels) = (
            &mut self.m.refusal_scan,
            &mut self.m.text,
            &mut self.m.output_text,
            &mut self.m.answer_labels,
        );
        let mut on_text = |raw: RawStr<'_>| {
            let mut decoded = false;
            if let (Some(scan), Some(matcher)) = (scan.as_mut(), refusals) {
                if !scan.is_done() {
                    text.clear();
                    raw.decode_into(text);
                    decoded = true;
                    scan.feed(matcher, text);
                }
            }
            if let Some(labels) = answer_labels.as_mut().filter(|l| l.wants_text()) {
                if !decoded {
                    text.clear();
                    raw.decode_into(text);
                    decoded = true;
                }
                labels.feed(text);
            }
            if let Some(counter) = counter.as_mut() {
                if !decoded {
                    text.clear();
                    raw.decode_into(text);
                }
                counter.push(text, || encoding.and_then(|e| plugin.tokenizer(e)));
            }
        };
        let decoded = decode_body_event(self.format, event, &mut scratch, &mut on_text);
        match decoded {
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
                let id = *m.gap_id.get_or_insert_with(|| {
                    self.plugin.id(
                        self.host,
                        &m::INTER_CHUNK_GAP_US,
                        self.labels.base().as_slice(),
                    )
                });
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

/// Structured signals are ground truth and come first; the finish reason next; phrases last.
fn refusal_source(
    signal: Option<RefusalSignal>,
    finish: Option<FinishReason>,
    phrase: bool,
) -> Option<&'static str> {
    match (signal, finish) {
        (Some(RefusalSignal::StopReason), _) | (None, Some(FinishReason::Refusal)) => {
            Some("stop_reason")
        }
        (Some(RefusalSignal::DeltaRefusal), _) => Some("delta_refusal"),
        // Decoders emit the signal for every filtering finish reason; a normalised
        // `content_filter` without it (Gemini RECITATION) is not a refusal.
        (Some(RefusalSignal::ContentFilter), _) => Some("content_filter"),
        (Some(RefusalSignal::SafetyBlock), _) => Some("safety_block"),
        _ if phrase => Some("phrase"),
        _ => None,
    }
}

//! The request lifecycle: one [`Stream`] per HTTP request, driven by the filter's
//! callbacks (request headers and body, response headers and body, log). It finds the
//! route, captures the request, picks the body reader, feeds it, and at the end hands what
//! it measured to `summarize` and the summary to [`record`].

use super::attributes;
use super::measure::{EventSink, GapSink, Measurements};
use super::outcome::StreamEnd;
use super::plugin::{Phase, Plugin};
use super::record;
use super::summary::{price_model, summarize, StreamSummary, SummaryInputs};
use crate::decode::{self, WireFormat};
use crate::framing::{BodyReader, FramingReport};
use crate::host::Host;
use crate::metrics::catalogue as m;
use crate::metrics::labels::{self, StreamLabels};
use crate::prompt_sample::{Queued, Settled};
use crate::refusal::RefusalMatcher;
use crate::request::capture::{RequestCapture, RequestInfo};
use crate::request::path_model;
use crate::request::route::{self, RouteMatch};
use crate::tokenize::{prompt, TextCounter, TokenCount, TokenSource};
use std::rc::Rc;

/// Per-request state.
#[derive(Debug)]
pub struct Stream {
    plugin: Rc<Plugin>,
    route: Option<RouteMatch>,
    request_start: u64,
    request: Option<RequestCapture>,
    request_info: RequestInfo,
    /// The model the request path names (Gemini, Vertex AI, Bedrock), percent-decoded and
    /// bounded; used when the request body has no `model`.
    path_model: Option<Vec<u8>>,
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
    /// The prompt is sampled (`prompt_sampling`): queued when the request body ends.
    prompt_sampled: bool,
    /// The sample found the queue full; counted `dropped` when the stream ends.
    prompt_sample_dropped: bool,
}

impl Stream {
    pub fn new(plugin: Rc<Plugin>) -> Stream {
        Stream {
            plugin,
            route: None,
            request_start: 0,
            request: None,
            request_info: RequestInfo::default(),
            path_model: None,
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
            prompt_sampled: false,
            prompt_sample_dropped: false,
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
            crate::request::rewrite::inject_include_usage(body)
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
        self.path_model = path_model::model_in_path(&path);
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
        self.prompt_sampled = self
            .plugin
            .prompt_sampler()
            .is_some_and(|sampler| sampler.decide(host));
        self.set_phase(host, Some(Phase::AwaitingFirstToken));
        if self.plugin.config.filter_state {
            attributes::write_started(host, &self.labels);
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
        let Some(mut capture) = self.request.take() else {
            return;
        };
        self.request_info = capture.finish();
        // The body's `model` wins; without one (Gemini, Vertex AI, Bedrock) the path's names
        // the model for labels, pricing, the tokenizer encoding and the attributes.
        if self
            .request_info
            .model
            .as_deref()
            .is_none_or(<[u8]>::is_empty)
        {
            self.request_info.model = self.path_model.take();
        }
        let Some(route) = self.route else { return };
        if std::mem::take(&mut self.prompt_sampled) {
            self.prompt_sample_dropped = self.sample_prompt(&route, &capture) == Queued::Dropped;
        }
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

    /// Queues this request's prompt for the aggregator.
    fn sample_prompt(&self, route: &RouteMatch, capture: &RequestCapture) -> Queued {
        let Some(sampler) = self.plugin.prompt_sampler() else {
            return Queued::NoText;
        };
        let mut model = String::new();
        m::sanitize_label_value(
            self.request_info.model.as_deref().unwrap_or_default(),
            &mut model,
        );
        sampler.sample(
            capture.body(),
            capture.unseen_bytes() > 0,
            &model,
            self.plugin.provider(route),
            self.request_start,
        )
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
            decode::framing(route.format, content_type.as_deref()),
            content_encoding.as_deref(),
            self.plugin.config.max_event_bytes,
            decode::reduce_schema(route.format),
        );
        if self.plugin.config.filter_state {
            self.finish_labels_if_ready();
            let stream = self.request_info.stream;
            attributes::write_response_started(host, &self.labels, stream);
        }
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
        if let (Some(first), Some(Phase::AwaitingFirstToken)) =
            (self.m.first_content_at, self.phase)
        {
            self.set_phase(host, Some(Phase::Streaming));
            if self.plugin.config.filter_state {
                let ttft = first.saturating_sub(self.request_start);
                attributes::write_first_chunk(host, ttft);
            }
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
    fn feed(&mut self, host: &dyn Host, now: u64, read: Option<&[u8]>) -> FramingReport {
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
        if std::mem::take(&mut self.prompt_sample_dropped) {
            self.plugin.count_prompt_samples(
                host,
                Settled {
                    sent: 0,
                    dropped: 1,
                },
            );
        }
        let framing = self.feed(host, now, None);
        self.m.gaps.flush(GapSink {
            host,
            plugin: &self.plugin,
            labels: &self.labels,
        });
        self.reader = BodyReader::Ignored;
        self.scratch = Vec::new();
        self.set_phase(host, None);
        if self.plugin.config.labels.response_model {
            let raw = price_model(&self.m, self.request_info.model.as_deref());
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
        let counted_output = self.count_output();
        self.m.output_text = None;
        self.plugin.log_tokenizer_failure(host);
        let request_model = self.request_info.model.as_deref();
        let summary = summarize(SummaryInputs {
            format: route.format,
            m: &self.m,
            framing,
            end,
            http_status: self.http_status,
            body_encoded: self.body_encoded,
            request_stream: self.request_info.stream,
            usage_injected: self.usage_injected,
            request_start: self.request_start,
            now,
            request_model,
            phrase_refusal: phrase.map(|found| found.kind),
            counted_output,
            config: &self.plugin.config,
            labels: std::mem::take(&mut self.labels),
            answer_labels,
        });
        record::record(host, &self.plugin, &summary);
        self.summary = Some(summary);
    }

    /// Output tokens counted at the end when the usage report has none: the kept text through
    /// the tokenizer (or estimated), else characters / 4 when usage was expected and did not
    /// come.
    fn count_output(&mut self) -> Option<TokenCount> {
        match (self.m.usage.output, self.m.output_text.as_mut()) {
            (Some(_), _) => None,
            (None, Some(counter)) => {
                Some(counter.finish(self.m.encoding.and_then(|e| self.plugin.tokenizer(e))))
            }
            (None, None) if self.m.text_chars > 0 => Some(TokenCount {
                tokens: self.m.text_chars.div_ceil(4),
                source: TokenSource::Estimate,
            }),
            (None, None) => None,
        }
    }
}

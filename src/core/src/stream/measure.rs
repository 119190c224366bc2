//! Measurements of one stream and applying each decoded event to them: arrival times of the
//! first byte and of content events (microseconds of the host clock), character and event
//! counts, usage, finish reason, refusal signals. The inter-chunk gaps are recorded from here
//! in batches of at most [`GAP_BATCH`] ([`PendingGaps`]): storing all of them would need
//! memory proportional to the stream, recording each one costs a host call per chunk.

use super::plugin::Plugin;
use crate::answer_label::AnswerLabelScan;
use crate::decode::json::RawStr;
use crate::decode::{decode_body_event, EventFacts, RefusalSignal, UsageReport, WireFormat};
use crate::framing::BodyEvent;
use crate::host::Host;
use crate::metrics::catalogue as m;
use crate::metrics::labels::StreamLabels;
use crate::refusal::RefusalScan;
use crate::tokenize::{Encoding, TextCounter, TokenCount};

/// Longest raw finish reason / response model kept per stream, in bytes.
const MAX_KEPT_VALUE_BYTES: usize = 128;

/// Inter-chunk gaps held per stream before they are recorded (8 bytes each).
pub(crate) const GAP_BATCH: usize = 32;

/// Inter-chunk gaps (µs) measured and not recorded yet, in arrival order.
///
/// Envoy's histograms take one sample per `proxy_record_metric` call, so batching does not
/// save calls: it moves them out of the chunk callbacks (4 host calls per steady-state chunk
/// → 3). At a model's token cadence each chunk wakes the VM cold; the recording calls are
/// made instead in one burst, the same host function up to [`GAP_BATCH`] times in a row,
/// when [`GAP_BATCH`] gaps are held and when the stream ends (`make bench`, scenario
/// `cadence-20ms`, measures the effect in Envoy). Every gap is still recorded once, with the
/// same value and in the same order; samples reach the histogram at most [`GAP_BATCH`] gaps
/// late (bench/FINDINGS-cadence.md).
#[derive(Debug, Default)]
pub(crate) struct PendingGaps {
    values: [u64; GAP_BATCH],
    len: usize,
    /// Histogram id, resolved at the first flush: `Some(None)` = resolved, refused.
    id: Option<Option<u32>>,
}

impl PendingGaps {
    /// Holds one gap; records the batch when it is full.
    fn push(&mut self, gap_micros: u64, to: GapSink<'_>) {
        if let Some(slot) = self.values.get_mut(self.len) {
            *slot = gap_micros;
            self.len += 1;
        }
        if self.len >= GAP_BATCH {
            self.flush(to);
        }
    }

    /// Records every held gap, oldest first.
    pub(super) fn flush(&mut self, to: GapSink<'_>) {
        if self.len == 0 {
            return;
        }
        let GapSink {
            host,
            plugin,
            labels,
        } = to;
        let id = *self.id.get_or_insert_with(|| {
            plugin.id(host, &m::INTER_CHUNK_GAP_US, labels.base().as_slice())
        });
        if let Some(id) = id {
            for &gap in self.values.get(..self.len).unwrap_or_default() {
                host.record_metric(id, gap);
            }
        }
        self.len = 0;
    }
}

/// Where [`PendingGaps`] are recorded.
#[derive(Clone, Copy)]
pub(super) struct GapSink<'s> {
    pub(super) host: &'s dyn Host,
    pub(super) plugin: &'s Plugin,
    pub(super) labels: &'s StreamLabels,
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
    /// Inter-chunk gaps not recorded yet.
    pub(super) gaps: PendingGaps,
}

/// Where decoded events go while the body reader is borrowed.
pub(super) struct EventSink<'s> {
    pub(super) host: &'s dyn Host,
    pub(super) plugin: &'s Plugin,
    pub(super) format: WireFormat,
    pub(super) labels: &'s StreamLabels,
    pub(super) m: &'s mut Measurements,
    pub(super) scratch: &'s mut Vec<u8>,
    pub(super) now: u64,
}

impl EventSink<'_> {
    pub(super) fn on_event(&mut self, event: BodyEvent<'_>) {
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
        if let BodyEvent::Text(piece) = event {
            // Visible text of a large event, handed out while it streams.
            on_text(RawStr(piece));
            *self.scratch = scratch;
            return;
        }
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
            let mut usage = *usage;
            if facts.usage_interim && m.finish_raw.is_empty() {
                // A running figure of an answer not finished yet: only the final report
                // gives output (and reasoning) tokens; if it never comes, the text seen is
                // counted instead. Input counts are final wherever they come. After the
                // finish reason (OpenRouter sends its usage on a later chunk) figures are final.
                usage.output = None;
                usage.reasoning = None;
            }
            m.usage.merge(&usage);
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
            Some(previous) => m.gaps.push(
                self.now.saturating_sub(previous),
                GapSink {
                    host: self.host,
                    plugin: self.plugin,
                    labels: self.labels,
                },
            ),
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

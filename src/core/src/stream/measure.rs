//! Measurements of one stream and applying each decoded event to them: arrival times of the
//! first byte and of content events (microseconds of the host clock), character and event
//! counts, usage, finish reason, refusal signals. The inter-chunk gaps are recorded here as
//! they happen (storing them would need memory proportional to the stream).

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

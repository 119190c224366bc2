//! The end-of-stream summary: a pure function of what the stream measured and how it
//! ended (`summarize`). Times are microseconds of the host's monotonic clock.

use super::cost::cost_micros;
use super::measure::Measurements;
use super::outcome::{self, FinishReason, Outcome, OutcomeInputs, StreamEnd};
use crate::answer_label::AnswerLabel;
use crate::config::Config;
use crate::decode::{RefusalSignal, UsageReport, WireFormat};
use crate::framing::FramingReport;
use crate::metrics::catalogue::sanitize_label_value;
use crate::metrics::labels::StreamLabels;
use crate::refusal::RefusalKind;
use crate::tokenize::{TokenCount, TokenSource};

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
    /// Mean gap between consecutive content events: (last content − first content) /
    /// (content events − 1), in µs; needs ≥ 2 content events.
    pub mean_chunk_gap_micros: Option<u64>,
    /// The request body's `stream` flag, if it had one.
    pub request_stream: Option<bool>,
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
    /// Full or partial refusal (meaningful when `refusal_source` is set; structured signals
    /// are always full).
    pub refusal_kind: RefusalKind,
    pub outcome: Option<Outcome>,
    pub cost_micros: Option<u64>,
    pub labels: StreamLabels,
    /// One per configured answer label (`llm_answer_labels_total`).
    pub answer_labels: Vec<AnswerLabel>,
}

/// Everything [`summarize`] reads, gathered by the request lifecycle when the stream ends.
pub(crate) struct SummaryInputs<'a> {
    pub format: WireFormat,
    pub m: &'a Measurements,
    /// What the body reader reported at its end.
    pub framing: FramingReport,
    pub end: StreamEnd,
    pub http_status: u16,
    /// The response body was compressed and not parsed.
    pub body_encoded: bool,
    /// The request body's `stream` flag, if it had one.
    pub request_stream: Option<bool>,
    /// The request body was rewritten to ask for usage.
    pub usage_injected: bool,
    /// Request start and stream end, in microseconds.
    pub request_start: u64,
    pub now: u64,
    /// The `model` of the request body, if any.
    pub request_model: Option<&'a [u8]>,
    /// The refusal phrase scan matched, and whether the refusal was full or partial.
    pub phrase_refusal: Option<RefusalKind>,
    /// Output tokens counted (or estimated) when the usage report had none.
    pub counted_output: Option<TokenCount>,
    /// The price table.
    pub config: &'a Config,
    pub labels: StreamLabels,
    /// The answer labels found (one per configured extractor).
    pub answer_labels: Vec<AnswerLabel>,
}

/// The summary of a finished stream: timings relative to the request start, the outcome,
/// the refusal source and the cost. Pure: the same inputs give the same summary.
pub(crate) fn summarize(i: SummaryInputs<'_>) -> StreamSummary {
    let m = i.m;
    let finish_reason = (!m.finish_raw.is_empty()).then(|| FinishReason::normalize(&m.finish_raw));
    let refusal_source = refusal_source(m.refusal, finish_reason, i.phrase_refusal.is_some());
    // Structured signals say the API refused outright; only phrases can be partial.
    let refusal_kind = match (refusal_source, i.phrase_refusal) {
        (Some("phrase"), Some(kind)) => kind,
        _ => RefusalKind::Full,
    };
    let outcome = outcome::classify(OutcomeInputs {
        end: i.end,
        http_status: i.http_status,
        error_event: m.error_event,
        oversized: i.framing.oversized_events > 0,
        encoded: i.body_encoded,
        terminator_seen: m.terminator_seen,
        finish: finish_reason,
    });
    let since_start = |t: Option<u64>| t.map(|t| t.saturating_sub(i.request_start));
    let output_tokens = m.usage.output.or(i.counted_output.map(|c| c.tokens));
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
    let cost_micros = price_model(m, i.request_model)
        .map(|raw| {
            let mut name = String::new();
            sanitize_label_value(raw, &mut name);
            name
        })
        .and_then(|name| i.config.price_of(&name).copied())
        .and_then(|price| cost_micros(i.format, &priced, &price));
    StreamSummary {
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
        counted_output: i.counted_output,
        ttfb_micros: since_start(m.first_byte_at),
        ttft_micros: since_start(m.first_content_at),
        ttfr_micros: since_start(m.first_reasoning_at),
        tpot_micros,
        output_tokens_per_second,
        mean_chunk_gap_micros: (m.content_events >= 2).then(|| span / (m.content_events - 1)),
        request_stream: i.request_stream,
        usage_injected: i.usage_injected,
        duration_micros: i.now.saturating_sub(i.request_start),
        terminator_seen: m.terminator_seen,
        error_event: m.error_event,
        malformed_events: m.malformed_events + i.framing.malformed_frames,
        oversized_events: i.framing.oversized_events,
        streamed: i.framing.streamed,
        finish_reason,
        finish_raw: String::from_utf8_lossy(&m.finish_raw).into_owned(),
        response_model: String::from_utf8_lossy(&m.response_model).into_owned(),
        refusal: m.refusal,
        refusal_source,
        refusal_kind,
        outcome: Some(outcome),
        cost_micros,
        labels: i.labels,
        answer_labels: i.answer_labels,
    }
}

/// The model a stream is priced and labelled by: the response's, else the request's.
pub(crate) fn price_model<'a>(
    m: &'a Measurements,
    request_model: Option<&'a [u8]>,
) -> Option<&'a [u8]> {
    if m.response_model.is_empty() {
        request_model
    } else {
        Some(m.response_model.as_slice())
    }
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

/// The provider's figure when it reported one, else the counted one.
pub(crate) fn reported_or_counted(
    reported: Option<u64>,
    counted: Option<TokenCount>,
) -> Option<TokenCount> {
    reported.map(from_usage).or(counted)
}

/// A provider-reported token figure.
pub(crate) fn from_usage(tokens: u64) -> TokenCount {
    TokenCount {
        tokens,
        source: TokenSource::Usage,
    }
}

/// Microseconds to milliseconds, rounded to the nearest millisecond.
pub fn micros_to_millis(us: u64) -> u64 {
    us.saturating_add(500) / 1000
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Price;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn inputs<'a>(m: &'a Measurements, config: &'a Config) -> SummaryInputs<'a> {
        SummaryInputs {
            format: WireFormat::OpenAiChat,
            m,
            framing: FramingReport::default(),
            end: StreamEnd::Completed,
            http_status: 200,
            body_encoded: false,
            request_stream: None,
            usage_injected: false,
            request_start: 1_000,
            now: 901_000,
            request_model: Some(b"gpt-x"),
            phrase_refusal: None,
            counted_output: None,
            config,
            labels: StreamLabels::default(),
            answer_labels: Vec::new(),
        }
    }

    #[test]
    fn timings_rates_outcome_and_cost_come_from_the_measurements_alone() {
        let mut m = Measurements::default();
        m.first_byte_at = Some(101_000);
        m.first_content_at = Some(201_000);
        m.last_content_at = Some(601_000);
        m.usage = UsageReport {
            input: Some(1_000_000),
            output: Some(5),
            ..UsageReport::default()
        };
        m.finish_raw = b"stop".to_vec();
        m.terminator_seen = true;
        let mut config = Config::default();
        config.prices.insert(
            "gpt-x".to_owned(),
            Price {
                input: 2.0,
                cached_input: None,
                output: 0.0,
                reasoning: None,
            },
        );
        let s = summarize(inputs(&m, &config));
        assert_eq!(
            (s.ttfb_micros, s.ttft_micros),
            (Some(100_000), Some(200_000))
        );
        assert_eq!(s.duration_micros, 900_000);
        // 400 ms over 4 gaps between 5 tokens: 100 ms per token, 10 tokens per second.
        assert_eq!(
            (s.tpot_micros, s.output_tokens_per_second),
            (Some(100_000), Some(10))
        );
        assert_eq!(s.finish_reason, Some(FinishReason::Stop));
        assert_eq!(s.outcome, Some(Outcome::Complete));
        assert_eq!(s.cost_micros, Some(2_000_000));
        assert_eq!(s.refusal_source, None);
        // The same inputs give the same summary.
        assert_eq!(summarize(inputs(&m, &config)), s);
    }

    #[test]
    fn a_phrase_is_a_refusal_only_without_a_structured_signal() {
        let mut m = Measurements::default();
        m.refusal = Some(RefusalSignal::ContentFilter);
        let config = Config::default();
        let with_phrase = SummaryInputs {
            phrase_refusal: Some(RefusalKind::Full),
            ..inputs(&m, &config)
        };
        assert_eq!(
            summarize(with_phrase).refusal_source,
            Some("content_filter")
        );
        let plain = Measurements::default();
        let with_phrase = SummaryInputs {
            phrase_refusal: Some(RefusalKind::Full),
            ..inputs(&plain, &config)
        };
        assert_eq!(summarize(with_phrase).refusal_source, Some("phrase"));
        assert_eq!(summarize(inputs(&plain, &config)).refusal_source, None);
    }
}

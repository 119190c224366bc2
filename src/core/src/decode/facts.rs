//! What one event says, normalised across wire formats ([`EventFacts`]), and the
//! `Builder` decoders fill while they walk an event. Token counts are in tokens, text
//! lengths in Unicode scalar values (what [`RawStr::char_count`] counts).

use super::json::RawStr;
use crate::framing::json_reduce::placeholder;

/// Token counts from a usage report; `None` where the report does not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UsageReport {
    /// Prompt / input tokens.
    pub input: Option<u64>,
    /// Completion / output tokens (including reasoning tokens where the provider counts them there).
    pub output: Option<u64>,
    /// Input tokens served from the provider's prompt cache.
    pub cached_input: Option<u64>,
    /// Output tokens spent on reasoning.
    pub reasoning: Option<u64>,
}

impl UsageReport {
    /// Merges a later report: each field present in `later` replaces ours (last wins).
    pub fn merge(&mut self, later: &UsageReport) {
        self.input = later.input.or(self.input);
        self.output = later.output.or(self.output);
        self.cached_input = later.cached_input.or(self.cached_input);
        self.reasoning = later.reasoning.or(self.reasoning);
    }

    pub fn is_empty(&self) -> bool {
        *self == UsageReport::default()
    }
}

/// Structured refusal / safety signals (ground truth, as opposed to phrase matching).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefusalSignal {
    /// Anthropic `stop_reason: refusal`.
    StopReason,
    /// OpenAI non-empty `delta.refusal`, Responses `response.refusal.delta`.
    DeltaRefusal,
    /// `finish_reason: content_filter` and equivalents.
    ContentFilter,
    /// Gemini SAFETY / PROHIBITED_CONTENT / BLOCKLIST / SPII, `promptFeedback.blockReason`,
    /// Bedrock `guardrail_intervened` / `content_filtered` / `amazon-bedrock-guardrailAction:
    /// INTERVENED`, FMS orchestrator `UNSUITABLE_*` warnings.
    SafetyBlock,
}

/// What one event says. Text fields are raw JSON string contents (escapes not decoded),
/// borrowed from the event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EventFacts<'a> {
    /// First piece of visible output text in the event (most events have one).
    pub text: Option<RawStr<'a>>,
    /// Characters of visible output text over all pieces (0 = not a content event).
    pub text_chars: usize,
    /// Characters of reasoning / thinking text.
    pub reasoning_chars: usize,
    /// Tool-call deltas (name or argument fragments) in the event.
    pub tool_call_deltas: u32,
    /// New tool calls started in the event.
    pub tool_calls_started: u32,
    /// Usage report, if the event carries one.
    pub usage: Option<UsageReport>,
    /// The report's `output` and `reasoning` are running figures of an answer still being
    /// generated (Anthropic `message_start`'s placeholder, Gemini's and vLLM's cumulative
    /// counts on chunks without a finish reason), not the final usage, unless the stream's
    /// finish reason came in an earlier event; its input counts are final.
    pub usage_interim: bool,
    /// Raw provider finish / stop reason, if the event carries one.
    pub finish_reason: Option<RawStr<'a>>,
    /// The model named by the response.
    pub response_model: Option<RawStr<'a>>,
    /// The event reports an error (error event, error object, exception frame).
    pub error: bool,
    /// The event is the stream's terminator (`[DONE]`, `message_stop`, `response.completed`,
    /// Ollama `done: true`, Bedrock `messageStop`/`metadata`…).
    pub terminator: bool,
    /// A structured refusal signal.
    pub refusal: Option<RefusalSignal>,
}

impl EventFacts<'_> {
    pub fn is_content(&self) -> bool {
        self.text_chars > 0
    }
}

/// Collects the facts of one event while a decoder walks it.
pub(crate) struct Builder<'a, 's> {
    pub(crate) facts: EventFacts<'a>,
    on_text: &'s mut dyn FnMut(RawStr<'_>),
}

impl<'a, 's> Builder<'a, 's> {
    pub(crate) fn new(on_text: &'s mut dyn FnMut(RawStr<'_>)) -> Self {
        Builder {
            facts: EventFacts::default(),
            on_text,
        }
    }

    /// A piece of visible output text (empty pieces are ignored). The placeholder of a text
    /// already handed out while a large event streamed (`framing::json_reduce`) counts its
    /// characters and is not handed out again.
    pub(crate) fn visible(&mut self, text: RawStr<'a>) {
        if let Some((_, chars)) = placeholder(text.0) {
            self.facts.text_chars += chars;
            return;
        }
        let chars = text.char_count();
        if chars == 0 {
            return;
        }
        if self.facts.text.is_none() {
            self.facts.text = Some(text);
        }
        self.facts.text_chars += chars;
        (self.on_text)(text);
    }

    /// A piece of reasoning / thinking text (or the placeholder of one).
    pub(crate) fn reasoning(&mut self, text: RawStr<'a>) {
        self.facts.reasoning_chars += match placeholder(text.0) {
            Some((_, chars)) => chars,
            None => text.char_count(),
        };
    }

    /// A usage report; within one event, later fields win too.
    pub(crate) fn usage(&mut self, usage: UsageReport) {
        if usage.is_empty() {
            return;
        }
        match &mut self.facts.usage {
            Some(current) => current.merge(&usage),
            None => self.facts.usage = Some(usage),
        }
    }

    /// Called once the event is read: its usage, if any, counts the answer so far, its
    /// output and reasoning figures are not final ([`EventFacts::usage_interim`]), unless the
    /// event ends the stream (a Bedrock `amazon-bedrock-invocationMetrics` chunk).
    pub(crate) fn interim_usage(&mut self) {
        self.facts.usage_interim = self.facts.usage.is_some() && !self.facts.terminator;
    }

    /// Whether the event named a finish reason so far.
    pub(crate) fn has_finish_reason(&self) -> bool {
        self.facts.finish_reason.is_some()
    }

    /// A finish / stop reason (empty strings are ignored).
    pub(crate) fn finish_reason(&mut self, reason: RawStr<'a>) {
        if !reason.is_empty() {
            self.facts.finish_reason = Some(reason);
        }
    }

    pub(crate) fn model(&mut self, model: RawStr<'a>) {
        if !model.is_empty() {
            self.facts.response_model = Some(model);
        }
    }

    /// A refusal signal; the first one of the event is kept.
    pub(crate) fn refusal(&mut self, signal: RefusalSignal) {
        if self.facts.refusal.is_none() {
            self.facts.refusal = Some(signal);
        }
    }

    pub(crate) fn tool_call_started(&mut self) {
        self.facts.tool_calls_started = self.facts.tool_calls_started.saturating_add(1);
    }

    pub(crate) fn tool_call_delta(&mut self) {
        self.facts.tool_call_deltas = self.facts.tool_call_deltas.saturating_add(1);
    }

    pub(crate) fn error(&mut self) {
        self.facts.error = true;
    }

    pub(crate) fn terminator(&mut self) {
        self.facts.terminator = true;
    }

    pub(crate) fn done(self) -> EventFacts<'a> {
        self.facts
    }
}

//! Wire formats: which decoder reads a response, and what each event says, normalised.
//!
//! Each submodule turns one event's payload into [`EventFacts`] reading only the JSON fields
//! it needs (with [`crate::json::Reader`], no allocation beyond what the text needs).
//! Framing (SSE, NDJSON lines, AWS event-stream binary frames, one whole JSON body) is
//! separate from decoding: see [`Framing`].
//!
//! Entry points: [`framing`] (how a body is cut), [`decode_event`] /
//! [`decode_event_with_text`] (one SSE event, NDJSON line or whole body) and
//! [`decode_aws_frame`] (one Bedrock event-stream frame). One module per format:
//! [`openai_chat`], [`openai_completions`], [`openai_responses`], [`anthropic`], [`gemini`],
//! [`ollama`], [`tgi`], [`bedrock`]. Token counts are in tokens, text lengths in Unicode
//! scalar values (what [`RawStr::char_count`] counts).

pub mod anthropic;
pub mod bedrock;
pub mod gemini;
pub mod ollama;
pub mod openai_chat;
pub mod openai_completions;
pub mod openai_responses;
pub mod tgi;

#[cfg(test)]
mod corpus_tests;

use crate::aws_eventstream::AwsFrame;
use crate::json::{JsonError, RawStr, Reader};

/// The API a response belongs to. Chosen from the request path and the response
/// content type ([`detect`]), or forced per route in the configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WireFormat {
    /// OpenAI `/v1/chat/completions` (also vLLM, SGLang, TGI Messages API, Groq, OpenRouter…).
    OpenAiChat,
    /// OpenAI legacy `/v1/completions` (`choices[].text`).
    OpenAiCompletions,
    /// OpenAI `/v1/responses` (typed events, usage only in `response.completed`).
    OpenAiResponses,
    /// Anthropic `/v1/messages`.
    AnthropicMessages,
    /// Gemini / Vertex `:streamGenerateContent` and `:generateContent`.
    Gemini,
    /// Ollama `/api/chat` and `/api/generate` (NDJSON).
    Ollama,
    /// Hugging Face TGI `/generate_stream` and `/generate`.
    TgiGenerate,
    /// AWS Bedrock `ConverseStream` / `Converse`.
    BedrockConverse,
    /// AWS Bedrock `InvokeModelWithResponseStream` (base64 `bytes` chunks of the model's own format).
    BedrockInvoke,
}

/// How a response body is cut into events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// `text/event-stream`.
    Sse,
    /// One JSON document per line (`application/x-ndjson`, Ollama).
    Ndjson,
    /// `application/vnd.amazon.eventstream` binary frames.
    AwsEventStream,
    /// A single JSON document (non-streaming responses).
    WholeJson,
}

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

/// Why an event could not be decoded. The stream goes on: the caller counts the event as
/// malformed and reads the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The payload is not the JSON document the format expects: bad syntax, truncated
    /// (e.g. an event cut by the framer's cap), too deeply nested, or not an object/array.
    Json(JsonError),
    /// A Bedrock `InvokeModelWithResponseStream` `chunk` event has no `bytes` string.
    MissingBytes,
    /// The `bytes` of a Bedrock invoke chunk are not valid base64 (RFC 4648 §4).
    Base64,
}

impl From<JsonError> for DecodeError {
    fn from(e: JsonError) -> Self {
        DecodeError::Json(e)
    }
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            DecodeError::Json(JsonError::UnexpectedEnd) => {
                f.write_str("event payload is truncated JSON")
            }
            DecodeError::Json(JsonError::UnexpectedByte(at)) => {
                write!(f, "event payload is not the expected JSON (byte {at})")
            }
            DecodeError::Json(JsonError::TooDeep) => {
                f.write_str("event payload nests JSON too deeply")
            }
            DecodeError::MissingBytes => {
                f.write_str("Bedrock invoke chunk has no \"bytes\" string")
            }
            DecodeError::Base64 => f.write_str("Bedrock invoke chunk \"bytes\" is not base64"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes one event of a response in `format`.
///
/// - `event_name`: the SSE `event:` field (empty when absent), or for AWS event-stream
///   frames the `:event-type` header — or the `:exception-type` header of an exception
///   frame (any name ending in `Exception` is reported as an error); empty for NDJSON
///   lines and whole bodies.
/// - `data`: the SSE data, the NDJSON line, the frame payload, or the whole body.
/// - `scratch`: reusable buffer, used only by [`WireFormat::BedrockInvoke`] to base64-decode
///   the `bytes` of a chunk (the returned text then borrows it). Cleared on each use; its
///   size is bounded by the payload size, itself bounded by the framer's cap.
///
/// [`EventFacts::text`] holds the first piece of visible text only; use
/// [`decode_event_with_text`] to see every piece.
pub fn decode_event<'a>(
    format: WireFormat,
    event_name: &'a [u8],
    data: &'a [u8],
    scratch: &'a mut Vec<u8>,
) -> Result<EventFacts<'a>, DecodeError> {
    decode_event_with_text(format, event_name, data, scratch, &mut |_| {})
}

/// [`decode_event`], also handing every piece of visible output text (raw JSON string
/// contents, escapes not decoded) to `on_text`, in order. An event may have several pieces
/// (several Gemini parts, several choices, `content` and `refusal` in one delta…).
///
/// Pieces are delivered while the event is read: when the call returns an error, the pieces
/// already delivered belong to a malformed event (a caller accumulating text can remember
/// its length before the call and truncate back on error).
pub fn decode_event_with_text<'a>(
    format: WireFormat,
    event_name: &'a [u8],
    data: &'a [u8],
    scratch: &'a mut Vec<u8>,
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    match format {
        WireFormat::OpenAiChat => openai_chat::decode(event_name, data, on_text),
        WireFormat::OpenAiCompletions => openai_completions::decode(event_name, data, on_text),
        WireFormat::OpenAiResponses => openai_responses::decode(event_name, data, on_text),
        WireFormat::AnthropicMessages => anthropic::decode(event_name, data, on_text),
        WireFormat::Gemini => gemini::decode(event_name, data, on_text),
        WireFormat::Ollama => ollama::decode(event_name, data, on_text),
        WireFormat::TgiGenerate => tgi::decode(event_name, data, on_text),
        WireFormat::BedrockConverse => bedrock::decode_converse(event_name, data, on_text),
        WireFormat::BedrockInvoke => bedrock::decode_invoke(event_name, data, scratch, on_text),
    }
}

/// Decodes one AWS event-stream frame (Bedrock). Exception and error frames
/// (`:message-type` `exception` or `error`) are reported as error events whatever their
/// payload; event frames are decoded by their `:event-type` as [`decode_event_with_text`]
/// does.
pub fn decode_aws_frame<'a>(
    format: WireFormat,
    frame: &AwsFrame<'a>,
    scratch: &'a mut Vec<u8>,
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    if frame.is_exception() {
        return Ok(EventFacts {
            error: true,
            ..EventFacts::default()
        });
    }
    decode_event_with_text(format, frame.event_type, frame.payload, scratch, on_text)
}

/// How a response body of `format` with this `content-type` is cut into events.
///
/// The media type decides when it is one the filter knows (`text/event-stream`,
/// `application/x-ndjson` / `application/jsonl` / `application/x-jsonlines`,
/// `application/vnd.amazon.eventstream`, `application/json`; parameters and case ignored).
/// Otherwise (absent or unknown) the format's streaming framing is assumed: NDJSON for
/// Ollama, AWS event stream for Bedrock, SSE for the others.
pub fn framing(format: WireFormat, content_type: Option<&str>) -> Framing {
    let media = content_type
        .and_then(|c| c.split(';').next())
        .map(str::trim)
        .unwrap_or_default();
    let is = |name: &str| media.eq_ignore_ascii_case(name);
    if is("text/event-stream") {
        Framing::Sse
    } else if is("application/x-ndjson") || is("application/jsonl") || is("application/x-jsonlines")
    {
        Framing::Ndjson
    } else if is("application/vnd.amazon.eventstream") {
        Framing::AwsEventStream
    } else if is("application/json") {
        Framing::WholeJson
    } else {
        match format {
            WireFormat::Ollama => Framing::Ndjson,
            WireFormat::BedrockConverse | WireFormat::BedrockInvoke => Framing::AwsEventStream,
            _ => Framing::Sse,
        }
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

    /// A piece of visible output text (empty pieces are ignored).
    pub(crate) fn visible(&mut self, text: RawStr<'a>) {
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

    /// A piece of reasoning / thinking text.
    pub(crate) fn reasoning(&mut self, text: RawStr<'a>) {
        self.facts.reasoning_chars += text.char_count();
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

/// Reads an object value; `null` is consumed without calling `member`. Any other value is
/// an error (the APIs read here only ever send an object or `null` where this is used).
pub(crate) fn opt_object<'a, F>(r: &mut Reader<'a>, member: F) -> Result<(), JsonError>
where
    F: FnMut(RawStr<'a>, &mut Reader<'a>) -> Result<(), JsonError>,
{
    if r.null()? {
        Ok(())
    } else {
        r.object(member)
    }
}

/// Reads an array value; `null` is consumed without calling `element`. Any other value is
/// an error.
pub(crate) fn opt_array<'a, F>(r: &mut Reader<'a>, element: F) -> Result<(), JsonError>
where
    F: FnMut(&mut Reader<'a>) -> Result<(), JsonError>,
{
    if r.null()? {
        Ok(())
    } else {
        r.array(element)
    }
}

/// The next value as a string if it is one. Otherwise `Ok(None)` and the value is NOT
/// consumed, so the caller can read it as something else. (Relies on
/// [`Reader::string`] failing with `UnexpectedByte` only on its opening quote, before
/// consuming anything; `try_string_leaves_other_values_unread` checks it.)
pub(crate) fn try_string<'a>(r: &mut Reader<'a>) -> Result<Option<RawStr<'a>>, JsonError> {
    match r.string() {
        Ok(s) => Ok(Some(s)),
        Err(JsonError::UnexpectedByte(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether a value is present: anything but `null` (the value is consumed).
pub(crate) fn present(r: &mut Reader<'_>) -> Result<bool, JsonError> {
    if r.null()? {
        Ok(false)
    } else {
        r.skip()?;
        Ok(true)
    }
}

/// The first byte of a document that is not white space.
pub(crate) fn first_byte(data: &[u8]) -> Option<u8> {
    data.trim_ascii_start().first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn try_string_leaves_other_values_unread() {
        let mut r = Reader::new(br#"[ "a", [1], {"b":2}, null, 3]"#);
        let mut seen = Vec::new();
        r.array(|r| {
            match try_string(r)? {
                Some(s) => seen.push(String::from_utf8_lossy(s.0).into_owned()),
                None => {
                    r.skip()?;
                    seen.push("-".to_owned());
                }
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["a", "-", "-", "-", "-"]);
        assert_eq!(
            try_string(&mut Reader::new(br#""abc"#)),
            Err(JsonError::UnexpectedEnd)
        );
    }

    #[test]
    fn framing_follows_the_content_type_then_the_format() {
        use Framing::*;
        use WireFormat::*;
        assert_eq!(
            framing(OpenAiChat, Some("text/event-stream; charset=utf-8")),
            Sse
        );
        assert_eq!(framing(OpenAiChat, Some("application/json")), WholeJson);
        assert_eq!(framing(Gemini, Some("Application/JSON")), WholeJson);
        assert_eq!(framing(Ollama, Some("application/x-ndjson")), Ndjson);
        assert_eq!(framing(Ollama, None), Ndjson);
        assert_eq!(framing(Ollama, Some("application/json")), WholeJson);
        assert_eq!(
            framing(BedrockConverse, Some("application/vnd.amazon.eventstream")),
            AwsEventStream
        );
        assert_eq!(framing(BedrockInvoke, None), AwsEventStream);
        assert_eq!(framing(AnthropicMessages, Some("text/plain")), Sse);
        assert_eq!(framing(TgiGenerate, None), Sse);
    }

    #[test]
    fn errors_explain_themselves() {
        assert_eq!(
            DecodeError::from(JsonError::UnexpectedEnd).to_string(),
            "event payload is truncated JSON"
        );
        assert!(DecodeError::Base64.to_string().contains("base64"));
    }

    #[test]
    fn exception_frames_are_errors_whatever_their_payload() {
        let frame = AwsFrame {
            message_type: b"exception",
            exception_type: b"throttlingException",
            payload: b"not json",
            ..AwsFrame::default()
        };
        let mut scratch = Vec::new();
        let facts = decode_aws_frame(
            WireFormat::BedrockConverse,
            &frame,
            &mut scratch,
            &mut |_| {},
        )
        .unwrap();
        assert!(facts.error);
    }
}

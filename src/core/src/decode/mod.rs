//! Wire formats: which decoder reads a response, and what each event says, normalised.
//!
//! Each submodule turns one event's payload into [`EventFacts`] reading only the JSON fields
//! it needs (with [`crate::decode::json::Reader`], no allocation beyond what the text needs).
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

pub mod bedrock_runtime;
pub mod body_event;
pub mod envelope;
pub mod facts;
pub mod json;
pub mod large_events;
pub mod usage;

#[cfg(test)]
mod corpus_tests;

pub use body_event::decode_body_event;
pub(crate) use facts::Builder;
pub use facts::{EventFacts, RefusalSignal, UsageReport};
pub use large_events::reduce_schema;

use crate::framing::aws_eventstream::AwsFrame;
use crate::framing::Framing;
use json::{JsonError, RawStr};

/// The API a response belongs to. Chosen from the request path and the response
/// content type ([`crate::request::route::detect`]), or forced per route in the configuration.
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
/// does (a large invoke chunk's already-decoded `bytes` by
/// [`bedrock::decode_invoke_decoded`]).
pub fn decode_aws_frame<'a>(
    format: WireFormat,
    frame: &AwsFrame<'a>,
    scratch: &'a mut Vec<u8>,
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    if frame.is_exception() {
        return Ok(envelope::error_facts());
    }
    if frame.payload_is_decoded && format == WireFormat::BedrockInvoke {
        return bedrock::decode_invoke_decoded(frame.event_type, frame.payload, on_text);
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
    Framing::from_content_type(content_type).unwrap_or(match format {
        WireFormat::Ollama => Framing::Ndjson,
        WireFormat::BedrockConverse | WireFormat::BedrockInvoke => Framing::AwsEventStream,
        _ => Framing::Sse,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

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

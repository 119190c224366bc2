//! Framing: cutting a response body into events, with bounded memory, before anything reads
//! JSON. One framer per wire framing — [`sse`] (server-sent events), [`ndjson`] (one JSON
//! document per line), [`aws_eventstream`] (AWS event-stream binary frames) — and the
//! [`body`] reader that runs the one a response needs (or keeps a whole JSON body).
//! Nothing here knows which API a body belongs to.

pub mod aws_eventstream;
pub mod aws_frame;
pub mod aws_large_frame;
pub mod base64_stream;
pub mod body;
pub mod json_reduce;
pub mod ndjson;
pub mod sse;

pub use body::{BodyEvent, BodyReader, FramingReport};

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

impl Framing {
    /// The framing a `content-type` names, when it is one the filter knows
    /// (`text/event-stream`, `application/x-ndjson` / `application/jsonl` /
    /// `application/x-jsonlines`, `application/vnd.amazon.eventstream`, `application/json`;
    /// parameters and case ignored); `None` when absent or unknown.
    pub fn from_content_type(content_type: Option<&str>) -> Option<Framing> {
        let media = content_type
            .and_then(|c| c.split(';').next())
            .map(str::trim)
            .unwrap_or_default();
        let is = |name: &str| media.eq_ignore_ascii_case(name);
        if is("text/event-stream") {
            Some(Framing::Sse)
        } else if is("application/x-ndjson")
            || is("application/jsonl")
            || is("application/x-jsonlines")
        {
            Some(Framing::Ndjson)
        } else if is("application/vnd.amazon.eventstream") {
            Some(Framing::AwsEventStream)
        } else if is("application/json") {
            Some(Framing::WholeJson)
        } else {
            None
        }
    }
}

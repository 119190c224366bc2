//! From a framed body event to [`EventFacts`], by wire format.

use crate::body::BodyEvent;
use crate::formats::{EventFacts, UsageReport, WireFormat};
use crate::json::JsonError;
use crate::openai_chat::{self, ChatEvent};

/// Decodes one body event of a response in `format`.
pub fn decode_body_event<'a>(
    format: WireFormat,
    event: BodyEvent<'a>,
    _scratch: &'a mut Vec<u8>,
) -> Result<EventFacts<'a>, JsonError> {
    let _ = format;
    let (name, data) = match event {
        BodyEvent::Sse { name, data } => (name, data),
        BodyEvent::Whole(data) => (&b""[..], data),
    };
    match openai_chat::parse_event(data) {
        ChatEvent::Done => Ok(EventFacts {
            terminator: true,
            ..EventFacts::default()
        }),
        ChatEvent::Malformed(e) => Err(e),
        ChatEvent::Chunk(c) => Ok(EventFacts {
            text: c.first_text,
            text_chars: c.text_chars,
            reasoning_chars: c.reasoning_chars,
            usage: c.usage.map(|u| UsageReport {
                input: u.prompt_tokens,
                output: u.completion_tokens,
                ..UsageReport::default()
            }),
            finish_reason: c.finish_reason,
            response_model: c.model,
            error: c.error || name == b"error",
            ..EventFacts::default()
        }),
    }
}

//! From a framed body event to [`EventFacts`], by wire format.

use super::json::RawStr;
use super::{decode_aws_frame, decode_event_with_text, DecodeError, EventFacts, WireFormat};
use crate::framing::body::BodyEvent;

/// Decodes one body event of a response in `format`, handing every piece of visible text
/// to `on_text`. `scratch` is reused by decoders that transform a payload (Bedrock invoke's
/// base64); the facts may borrow it.
pub fn decode_body_event<'a>(
    format: WireFormat,
    event: BodyEvent<'a>,
    scratch: &'a mut Vec<u8>,
    on_text: &mut dyn FnMut(RawStr<'_>),
) -> Result<EventFacts<'a>, DecodeError> {
    match event {
        BodyEvent::Sse { name, data } => {
            decode_event_with_text(format, name, data, scratch, on_text)
        }
        BodyEvent::Line(data) | BodyEvent::Whole(data) => {
            decode_event_with_text(format, b"", data, scratch, on_text)
        }
        BodyEvent::Aws(frame) => decode_aws_frame(format, &frame, scratch, on_text),
        // A piece of text of an event still streaming: the event is decoded when it ends.
        BodyEvent::Text(piece) => {
            on_text(RawStr(piece));
            Ok(EventFacts::default())
        }
    }
}

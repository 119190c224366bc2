//! Every format decoder behind its real body reader, on arbitrary bytes.
//!
//! The first input byte picks the wire format (`% 9`) and the framing (`/ 9 % 5`: SSE,
//! NDJSON, AWS event stream, whole JSON, or the format's default for an unknown content
//! type); the second picks the read size (1..=97 bytes). The rest is the response body: it
//! goes through [`BodyReader`] in those reads, and every framed event through
//! [`decode_body_event`], as the filter does. The body is also decoded as one event with
//! [`decode_event_with_text`] (its first line as the SSE `event:` name). Properties: no
//! panic; every piece of visible text handed out lies inside the event's bytes; a decoded
//! event never reports more text characters than the body has bytes (an event larger than the
//! cap is decoded from its skeleton, whose placeholders count text already handed out).
#![no_main]
use libfuzzer_sys::fuzz_target;
use llmtap_core::framing::{BodyEvent, BodyReader};
use llmtap_core::config::Config;
use llmtap_core::decode::decode_body_event;
use llmtap_core::decode::{decode_event_with_text, WireFormat};

const FORMATS: [WireFormat; 9] = [
    WireFormat::OpenAiChat,
    WireFormat::OpenAiCompletions,
    WireFormat::OpenAiResponses,
    WireFormat::AnthropicMessages,
    WireFormat::Gemini,
    WireFormat::Ollama,
    WireFormat::TgiGenerate,
    WireFormat::BedrockConverse,
    WireFormat::BedrockInvoke,
];

const CONTENT_TYPES: [Option<&str>; 5] = [
    Some("text/event-stream; charset=utf-8"),
    Some("application/x-ndjson"),
    Some("application/vnd.amazon.eventstream"),
    Some("application/json"),
    None,
];

/// Small enough that the fuzzer reaches the oversized-event paths.
const CAP: usize = 4096;

/// Bytes an event can hand out: its name, its payload, or (Bedrock invoke) the base64-decoded
/// payload, never longer than the payload itself.
fn payload_len(event: &BodyEvent<'_>) -> usize {
    match event {
        BodyEvent::Sse { name, data } => name.len() + data.len(),
        BodyEvent::Line(data) | BodyEvent::Whole(data) => data.len(),
        BodyEvent::Aws(frame) => frame.payload.len() + frame.event_type.len(),
        BodyEvent::Text(piece) => piece.len(),
    }
}

fn decode_checked(format: WireFormat, event: BodyEvent<'_>, scratch: &mut Vec<u8>, body_len: usize) {
    let limit = payload_len(&event);
    let mut handed_out = 0usize;
    let facts = decode_body_event(format, event, scratch, &mut |text| {
        handed_out += text.0.len();
    });
    assert!(
        handed_out <= limit,
        "{handed_out} text bytes from a {limit}-byte event"
    );
    if let Ok(facts) = facts {
        assert!(
            facts.text_chars <= body_len,
            "{} chars from a {body_len}-byte body",
            facts.text_chars
        );
    }
}

fuzz_target!(|input: &[u8]| {
    let [selector, step, body @ ..] = input else {
        return;
    };
    let format = FORMATS[usize::from(*selector) % FORMATS.len()];
    let content_type = CONTENT_TYPES[usize::from(*selector) / FORMATS.len() % CONTENT_TYPES.len()];
    let config = Config {
        max_event_bytes: CAP,
        ..Config::default()
    };
    let mut reader = BodyReader::for_response(
        llmtap_core::decode::framing(format, content_type),
        None,
        config.max_event_bytes,
        llmtap_core::decode::reduce_schema(format),
    );
    let mut scratch = Vec::new();
    let mut on_event = |event: BodyEvent<'_>| decode_checked(format, event, &mut scratch, body.len());
    for read in body.chunks(1 + usize::from(*step) % 97) {
        reader.feed(read, &mut on_event);
    }
    reader.finish(&mut on_event);

    let (name, data) = match body.iter().position(|&b| b == b'\n') {
        Some(at) => (&body[..at], &body[at + 1..]),
        None => (&b""[..], body),
    };
    let mut direct = Vec::new();
    let mut handed_out = 0usize;
    let _ = decode_event_with_text(format, name, data, &mut direct, &mut |t| {
        handed_out += t.0.len()
    });
    assert!(handed_out <= body.len());
});

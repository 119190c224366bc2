//! The JSON field reader and every decoder on arbitrary payloads: never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use llmtap_core::framing::BodyEvent;
use llmtap_core::decode::decode_body_event;
use llmtap_core::decode::WireFormat;
use llmtap_core::decode::json::Reader;

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

fuzz_target!(|data: &[u8]| {
    let _ = Reader::new(data).skip();
    let mut scratch = Vec::new();
    for format in FORMATS {
        let _ = decode_body_event(format, BodyEvent::Sse { name: b"", data }, &mut scratch, &mut |_| {});
        let _ = decode_body_event(format, BodyEvent::Whole(data), &mut scratch, &mut |_| {});
    }
    let _ = llmtap_core::request::capture::parse_request(data);
});

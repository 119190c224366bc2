//! Peak heap memory of one response body reader while it reads events far larger than its
//! cap (issue #15): a counting global allocator records the bytes live at the peak, above
//! what was live before the reader was made. One test in this binary, so no other thread
//! allocates while it measures.
//!
//! Run with `cargo test -p llmtap-core --test large_event_memory -- --nocapture` to see the
//! figures.

use llmtap_core::decode::{decode_body_event, reduce_schema, WireFormat};
use llmtap_core::framing::{BodyEvent, BodyReader, Framing};
use std::sync::atomic::Ordering;

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{Counting, LIVE, PEAK};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const CAP: usize = 64 * 1024;
const MIB: usize = 1024 * 1024;

/// Reads `body` in `read`-byte reads, decoding every event; returns the peak heap bytes above
/// those live before the reader was made, and the usage output tokens read.
fn peak_while_reading(
    format: WireFormat,
    framing: Framing,
    body: &[u8],
    read: usize,
) -> (usize, Option<u64>, u64) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mut reader = BodyReader::for_response(framing, None, CAP, reduce_schema(format));
    let mut scratch = Vec::new();
    let mut output = None;
    let mut text_chars = 0u64;
    let mut on_event = |event: BodyEvent<'_>| {
        if let Ok(facts) = decode_body_event(format, event, &mut scratch, &mut |_| {}) {
            text_chars += facts.text_chars as u64;
            if let Some(usage) = facts.usage {
                output = usage.output.or(output);
            }
        }
    };
    for part in body.chunks(read) {
        reader.feed(part, &mut on_event);
    }
    let report = reader.finish(&mut on_event);
    assert_eq!(report.oversized_events, 0);
    let peak = PEAK.load(Ordering::Relaxed) - base;
    drop(reader);
    (peak, output, text_chars)
}

fn chat_event(content: &str) -> String {
    format!("data: {{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{content}\"}}}}]}}\n\n")
}

#[test]
fn reading_events_of_any_size_stays_within_the_cap() {
    let mut figures = Vec::new();
    for size in [MIB, 16 * MIB, 64 * MIB] {
        // SSE: a long answer string, then a usage event padded with a member nobody reads.
        let mut body = chat_event("Hi");
        body.push_str(&chat_event(&"x".repeat(size)));
        body.push_str(&format!(
            "data: {{\"pad\":\"{}\",\"choices\":[{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"stop\"}}],\"usage\":{{\"prompt_tokens\":3,\"completion_tokens\":7}}}}\n\ndata: [DONE]\n\n",
            "p".repeat(size)
        ));
        let (peak, output, chars) =
            peak_while_reading(WireFormat::OpenAiChat, Framing::Sse, body.as_bytes(), 65536);
        assert_eq!((output, chars), (Some(7), size as u64 + 2));
        figures.push(("SSE chat", size, peak));
        drop(body);

        // NDJSON: Ollama's last line with a long `context`.
        let context = vec!["123456"; size / 7].join(",");
        let body = format!(
            "{{\"response\":\"Hi\",\"done\":false}}\n{{\"response\":\"\",\"done\":true,\"context\":[{context}],\"prompt_eval_count\":3,\"eval_count\":7}}\n"
        );
        drop(context);
        let (peak, output, _) =
            peak_while_reading(WireFormat::Ollama, Framing::Ndjson, body.as_bytes(), 16384);
        assert_eq!(output, Some(7));
        figures.push(("NDJSON ollama", size, peak));
        drop(body);

        // A whole JSON body with a long `logprobs` array.
        let body = format!(
            "{{\"choices\":[{{\"message\":{{\"content\":\"Hi\"}},\"logprobs\":{{\"content\":[{}]}},\"finish_reason\":\"stop\"}}],\"usage\":{{\"prompt_tokens\":3,\"completion_tokens\":7}}}}",
            vec![r#"{"token":"a","logprob":-1.5}"#; size / 29].join(",")
        );
        let (peak, output, _) = peak_while_reading(
            WireFormat::OpenAiChat,
            Framing::WholeJson,
            body.as_bytes(),
            65536,
        );
        assert_eq!(output, Some(7));
        figures.push(("whole JSON chat", size, peak));
    }
    // AWS event stream (Bedrock): a 15 MiB frame (the protocol allows 16 MiB), a Converse
    // text delta and an invoke chunk whose base64 `bytes` carry a long Anthropic text delta.
    let size = 15 * MIB;
    let mut body = aws_frame(
        "contentBlockDelta",
        br#"{"contentBlockIndex":0,"delta":{"text":"Hi"}}"#,
    );
    let text = "x".repeat(size - 100);
    body.extend(aws_frame(
        "contentBlockDelta",
        format!(r#"{{"contentBlockIndex":0,"delta":{{"text":"{text}"}},"p":"abc"}}"#).as_bytes(),
    ));
    body.extend(aws_frame(
        "metadata",
        br#"{"usage":{"inputTokens":3,"outputTokens":7,"totalTokens":10},"metrics":{"latencyMs":1}}"#,
    ));
    let (peak, output, chars) = peak_while_reading(
        WireFormat::BedrockConverse,
        Framing::AwsEventStream,
        &body,
        65536,
    );
    assert_eq!((output, chars), (Some(7), text.len() as u64 + 2));
    figures.push(("AWS event stream Converse", size, peak));
    drop(body);
    let inner_text = "y".repeat(size / 4 * 3 - 200);
    let chunk = |json: String| {
        aws_frame(
            "chunk",
            format!(r#"{{"bytes":"{}","p":"abcd"}}"#, base64(json.as_bytes())).as_bytes(),
        )
    };
    let mut body = chunk(
        r#"{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}"#
            .to_owned(),
    );
    body.extend(chunk(format!(
        r#"{{"type":"content_block_delta","index":0,"delta":{{"type":"text_delta","text":"{inner_text}"}}}}"#
    )));
    body.extend(chunk(r#"{"type":"message_stop","amazon-bedrock-invocationMetrics":{"inputTokenCount":3,"outputTokenCount":7,"invocationLatency":1,"firstByteLatency":1}}"#.to_owned()));
    assert!(body.len() > size);
    let (peak, output, chars) = peak_while_reading(
        WireFormat::BedrockInvoke,
        Framing::AwsEventStream,
        &body,
        65536,
    );
    assert_eq!((output, chars), (Some(7), inner_text.len() as u64 + 2));
    figures.push(("AWS event stream invoke", size, peak));
    drop(body);
    for (what, size, peak) in &figures {
        println!(
            "[memory] {what}: event of {} MiB, peak heap of the reader {peak} bytes",
            size / MIB
        );
    }
    // The cap, plus the reducer of a large event (its fixed path stack, ~2 KiB, and one 4 KiB
    // text piece) while the data collected up to the cap is handed over to it.
    let bound = CAP + 8 * 1024;
    for (what, size, peak) in figures {
        assert!(
            peak <= bound,
            "{what}, {} MiB event: peak {peak} bytes > {bound}",
            size / MIB
        );
    }
}

/// One AWS event-stream frame (`:event-type`, `:message-type` `event`; lengths and CRC-32s as
/// the Smithy specification gives them).
fn aws_frame(event_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut headers = Vec::new();
    for (name, value) in [(":event-type", event_type), (":message-type", "event")] {
        headers.push(name.len() as u8);
        headers.extend_from_slice(name.as_bytes());
        headers.push(7);
        headers.extend_from_slice(&(value.len() as u16).to_be_bytes());
        headers.extend_from_slice(value.as_bytes());
    }
    let total = (12 + headers.len() + payload.len() + 4) as u32;
    let mut out = Vec::with_capacity(total as usize);
    out.extend_from_slice(&total.to_be_bytes());
    out.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out.extend_from_slice(&headers);
    out.extend_from_slice(payload);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let v = c
            .iter()
            .enumerate()
            .fold(0u32, |a, (i, b)| a | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= c.len() {
                char::from(TABLE[((v >> (18 - 6 * i)) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

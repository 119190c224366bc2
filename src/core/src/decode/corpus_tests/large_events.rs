//! Every streamed corpus file (SSE, NDJSON and AWS event-stream formats) with one event
//! inflated past the cap — a long answer string, padding in a member no decoder reads, a long
//! Ollama `context`, a Responses `response.completed` repeating a long answer, a Bedrock
//! invoke chunk whose base64 `bytes` carry a long model chunk — read through the body reader
//! (`framing::BodyReader` with the format's `reduce_schema`) as the filter reads it, gives
//! the metrics of the original file: same events, content events completed by the same
//! reads (TTFT and gaps), usage, finish reason, refusal and error signals; a longer answer
//! adds exactly its text. Reads split at every event boundary and inside the large event at
//! sampled sizes, and at random points straddling events.

use super::*;
use crate::decode::json::RawStr;
use crate::decode::{decode_body_event, reduce_schema};
use crate::framing::aws_eventstream::{encode_raw, parse_frame, PRELUDE_BYTES};
use crate::framing::base64_stream::Base64Stream;
use crate::framing::{BodyEvent, BodyReader};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Measurements plus, for every content event, the index of the segment (see [`segments`])
/// whose read completed it: the arrival time of content events in read units.
#[derive(Clone, Debug, Default, PartialEq)]
struct Read {
    m: Measured,
    arrivals: Vec<usize>,
    oversized: u64,
}

/// Reads `reads` (each tagged with a segment index) through the body reader.
fn read_body(case: &Case, reads: &[(usize, &[u8])]) -> Read {
    let mut out = Read::default();
    let mut usage = UsageReport::default();
    let mut scratch = Vec::new();
    let mut streamed = String::new();
    let mut streamed_pieces = 0usize;
    let mut reader = BodyReader::for_response(case.framing, None, CAP, reduce_schema(case.format));
    let mut segment = 0;
    let format = case.format;
    let mut on_event = |event: BodyEvent<'_>, segment: usize, out: &mut Read| {
        if let BodyEvent::Text(piece) = event {
            assert!(piece.len() <= crate::framing::json_reduce::TEXT_PIECE_BYTES);
            RawStr(piece).decode_into(&mut streamed);
            streamed_pieces += 1;
            return;
        }
        let m = &mut out.m;
        m.events += 1;
        let mut piece = std::mem::take(&mut streamed);
        let mut pieces = std::mem::take(&mut streamed_pieces);
        let decoded = decode_body_event(format, event, &mut scratch, &mut |t| {
            pieces += 1;
            t.decode_into(&mut piece);
        });
        let Ok(facts) = decoded else {
            m.malformed += 1;
            return;
        };
        assert_eq!(facts.text_chars, piece.chars().count(), "{}", case.file);
        assert_eq!(facts.is_content(), pieces > 0, "{}", case.file);
        if facts.is_content() {
            m.content_chunks += 1;
            m.text_chars += facts.text_chars as u64;
            m.text.push_str(&piece);
            out.arrivals.push(segment);
        }
        m.reasoning_chars += facts.reasoning_chars as u64;
        m.tool_calls += u64::from(facts.tool_calls_started);
        if let Some(u) = &facts.usage {
            usage.merge(u);
        }
        if let Some(reason) = facts.finish_reason {
            let mut s = String::new();
            reason.decode_into(&mut s);
            m.finish_reason = Some(s);
        }
        m.refusal |= facts.refusal.is_some();
        m.errors |= facts.error;
    };
    for (index, read) in reads {
        segment = *index;
        reader.feed(read, &mut |e| on_event(e, segment, &mut out));
        assert!(
            reader_bytes(&reader) <= 2 * CAP,
            "{}: {} bytes held",
            case.file,
            reader_bytes(&reader)
        );
    }
    let report = reader.finish(&mut |e| on_event(e, segment, &mut out));
    out.oversized = report.oversized_events;
    out.m.prompt_tokens = usage.input;
    out.m.completion_tokens = usage.output;
    out
}

/// Bytes the reader has reserved (framer buffers and the reducer of a large event).
fn reader_bytes(reader: &BodyReader) -> usize {
    match reader {
        BodyReader::Sse(f) => f.reserved_bytes(),
        BodyReader::Ndjson(f) => f.reserved_bytes(),
        BodyReader::Aws(f) => f.reserved_bytes(),
        _ => 0,
    }
}

/// The file cut after every event (a blank line for SSE, a line for NDJSON).
fn segments(case: &Case) -> Vec<&'static [u8]> {
    let bytes = case.bytes;
    let mut out = Vec::new();
    if case.framing == Framing::AwsEventStream {
        let mut at = 0;
        while let Some(len) = bytes.get(at..at + 4) {
            let total = u32::from_be_bytes(len.try_into().unwrap()) as usize;
            out.push(&bytes[at..at + total]);
            at += total;
        }
        return out;
    }
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end = match case.framing {
            Framing::Ndjson => (bytes[i] == b'\n').then_some(i + 1),
            _ => [&b"\r\n\r\n"[..], b"\n\n", b"\r\r"]
                .iter()
                .find(|sep| bytes[i..].starts_with(sep))
                .map(|sep| i + sep.len()),
        };
        match end {
            Some(end) => {
                out.push(&bytes[start..end]);
                start = end;
                i = end;
            }
            None => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(&bytes[start..]);
    }
    out
}

/// How one event is made large.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Inflate {
    /// A long string in a member no decoder reads, in the first content event.
    PadContentEvent,
    /// The same in the last event carrying usage.
    PadUsageEvent,
    /// The first content event's answer text starts with a long string.
    LongText,
    /// Ollama's last line (`done: true`) carries a long `context` array.
    OllamaContext,
    /// The Responses `response.completed` repeats a long answer in `response.output`.
    ResponsesCompleted,
}

/// The raw JSON text added by [`Inflate::LongText`] (escapes, a surrogate pair and
/// multi-byte characters, so that reads cut them) and its decoded form.
const TEXT_UNIT: &str = r#"Lorem ipsum é🦀 \n \"q\" \ud83d\ude00 \\ "#;
const TEXT_UNIT_DECODED: &str = "Lorem ipsum é🦀 \n \"q\" 😀 \\ ";

fn repeat_to(unit: &str, bytes: usize) -> (String, usize) {
    let n = bytes / unit.len() + 1;
    (unit.repeat(n), n)
}

/// The file with one segment inflated by about `size` bytes, the index of that segment,
/// and the answer text it adds; `None` when the file has no such event.
fn inflate(
    case: &Case,
    segs: &[&[u8]],
    original: &Read,
    kind: Inflate,
    size: usize,
) -> Option<(Vec<Vec<u8>>, usize, String)> {
    let per_segment = per_segment_facts(case, segs);
    if case.framing == Framing::AwsEventStream {
        return inflate_aws(case, segs, original, &per_segment, kind, size);
    }
    let (index, insert_at, insert, added_text) = match kind {
        Inflate::PadContentEvent | Inflate::PadUsageEvent => {
            let index = if kind == Inflate::PadContentEvent {
                *original.arrivals.first()?
            } else {
                per_segment.iter().rposition(|f| f.1)?
            };
            let at = json_start(segs[index])? + 1;
            let (pad, _) = repeat_to("pad\\\"ding ", size);
            (
                index,
                at,
                format!("\"llmtap_pad\":\"{pad}\","),
                String::new(),
            )
        }
        Inflate::LongText => {
            let index = *original.arrivals.first()?;
            let at = per_segment[index].2?;
            let (text, n) = repeat_to(TEXT_UNIT, size);
            (index, at, text, TEXT_UNIT_DECODED.repeat(n))
        }
        Inflate::OllamaContext => {
            let index = segs
                .iter()
                .rposition(|s| contains(s, b"\"done\":true"))
                .filter(|_| case.format == WireFormat::Ollama)?;
            let at = json_start(segs[index])? + 1;
            let mut context = String::from("\"context\":[");
            let mut i = 0u64;
            while context.len() < size {
                context.push_str(&format!("{},", 100_000 + i % 50_000));
                i += 1;
            }
            context.push_str("1],");
            (index, at, context, String::new())
        }
        Inflate::ResponsesCompleted => {
            let index = segs
                .iter()
                .position(|s| contains(s, b"\"type\":\"response.completed\""))?;
            let at = find(segs[index], b"\"output\":[")? + b"\"output\":[".len();
            let (text, _) = repeat_to(TEXT_UNIT, size);
            let item = format!(
                r#"{{"type":"message","role":"assistant","content":[{{"type":"output_text","text":"{text}","annotations":[]}}]}},"#
            );
            (index, at, item, String::new())
        }
    };
    let mut out: Vec<Vec<u8>> = segs.iter().map(|s| s.to_vec()).collect();
    out[index].splice(insert_at..insert_at, insert.bytes());
    Some((out, index, added_text))
}

/// [`inflate`] for an AWS event-stream file: the frame is re-encoded (lengths, CRCs). Converse:
/// padding or long text in the event's payload. Invoke: [`Inflate::PadContentEvent`] and
/// [`Inflate::LongText`] grow the model chunk inside the base64 `bytes` (by 3/4 of `size`,
/// so that the base64 adds `size`), [`Inflate::PadUsageEvent`] pads the frame's own JSON.
fn inflate_aws(
    case: &Case,
    segs: &[&[u8]],
    original: &Read,
    per_segment: &[(bool, bool, Option<usize>)],
    kind: Inflate,
    size: usize,
) -> Option<(Vec<Vec<u8>>, usize, String)> {
    let index = match kind {
        Inflate::PadContentEvent | Inflate::LongText => *original.arrivals.first()?,
        Inflate::PadUsageEvent => per_segment.iter().rposition(|f| f.1)?,
        _ => return None,
    };
    let seg = segs[index];
    let (frame, _) = parse_frame(seg).ok()?;
    let headers_len = u32::from_be_bytes(seg[4..8].try_into().unwrap()) as usize;
    let headers = &seg[PRELUDE_BYTES..PRELUDE_BYTES + headers_len];
    let payload = frame.payload;
    let pad = |size: usize| format!("\"llmtap_pad\":\"{}\",", repeat_to("pad\\\"ding ", size).0);
    let (new_payload, added) = if case.format == WireFormat::BedrockInvoke {
        let key = b"\"bytes\":\"";
        let start = find(payload, key)? + key.len();
        let end = start + payload[start..].iter().position(|&b| b == b'"')?;
        let mut inner = Vec::new();
        let mut decoder = Base64Stream::new();
        decoder.feed(&payload[start..end], &mut |b| inner.extend_from_slice(b));
        assert!(!decoder.failed(), "{}", case.file);
        let inner_size = size / 4 * 3;
        let (at, insert, added) = match kind {
            Inflate::PadUsageEvent => {
                let at = payload.iter().position(|&b| b == b'{')? + 1;
                let mut out = payload.to_vec();
                out.splice(at..at, pad(size).bytes());
                return Some(replace_seg(
                    segs,
                    index,
                    encode_raw(headers, &out),
                    String::new(),
                ));
            }
            Inflate::PadContentEvent => (
                inner.iter().position(|&b| b == b'{')? + 1,
                pad(inner_size),
                String::new(),
            ),
            _ => {
                let mut text_at = None;
                let facts =
                    super::super::bedrock::decode_invoke_decoded(b"chunk", &inner, &mut |_| {});
                if let Some(text) = facts.ok()?.text {
                    text_at = Some(text.0.as_ptr() as usize - inner.as_ptr() as usize);
                }
                let (text, n) = repeat_to(TEXT_UNIT, inner_size);
                (text_at?, text, TEXT_UNIT_DECODED.repeat(n))
            }
        };
        inner.splice(at..at, insert.bytes());
        let mut out = payload[..start].to_vec();
        out.extend_from_slice(base64(&inner).as_bytes());
        out.extend_from_slice(&payload[end..]);
        (out, added)
    } else {
        let payload_at = payload.as_ptr() as usize - seg.as_ptr() as usize;
        let (at, insert, added) = match kind {
            Inflate::LongText => {
                let (text, n) = repeat_to(TEXT_UNIT, size);
                (
                    per_segment[index].2? - payload_at,
                    text,
                    TEXT_UNIT_DECODED.repeat(n),
                )
            }
            _ => (
                payload.iter().position(|&b| b == b'{')? + 1,
                pad(size),
                String::new(),
            ),
        };
        let mut out = payload.to_vec();
        out.splice(at..at, insert.bytes());
        (out, added)
    };
    Some(replace_seg(
        segs,
        index,
        encode_raw(headers, &new_payload),
        added,
    ))
}

fn replace_seg(
    segs: &[&[u8]],
    index: usize,
    with: Vec<u8>,
    added: String,
) -> (Vec<Vec<u8>>, usize, String) {
    let mut out: Vec<Vec<u8>> = segs.iter().map(|s| s.to_vec()).collect();
    out[index] = with;
    (out, index, added)
}

/// Standard base64 with padding (RFC 4648 §4).
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let v = c
            .iter()
            .enumerate()
            .fold(0u32, |a, (i, b)| a | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= c.len() {
                char::from(TABLE[(v >> (18 - 6 * i) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

/// Where the event's JSON object starts in a segment.
fn json_start(segment: &[u8]) -> Option<usize> {
    let data = find(segment, b"data:").map_or(0, |at| at + 5);
    segment[data..]
        .iter()
        .position(|&b| b == b'{')
        .map(|p| data + p)
}

/// Per segment: (is content, carries usage, offset of its first answer text).
fn per_segment_facts(case: &Case, segs: &[&[u8]]) -> Vec<(bool, bool, Option<usize>)> {
    let mut out = Vec::new();
    let mut scratch = Vec::new();
    for seg in segs {
        let mut reader = BodyReader::for_response(case.framing, None, CAP, None);
        let mut facts = (false, false, None);
        let mut on_event = |event: BodyEvent<'_>| {
            let decoded = decode_body_event(case.format, event, &mut scratch, &mut |_| {});
            if let Ok(f) = decoded {
                facts.0 |= f.is_content();
                facts.1 |= f.usage.is_some();
                if let (Some(text), None) = (f.text, facts.2) {
                    let offset = (text.0.as_ptr() as usize).wrapping_sub(seg.as_ptr() as usize);
                    facts.2 = (offset < seg.len()).then_some(offset);
                }
            }
        };
        reader.feed(seg, &mut on_event);
        reader.finish(&mut on_event);
        out.push(facts);
    }
    out
}

/// Reads of a file given as segments: every segment its own read, the large one cut in
/// reads of `chunk` bytes.
fn aligned(segs: &[Vec<u8>], large: usize, chunk: usize) -> Vec<(usize, &[u8])> {
    let mut out = Vec::new();
    for (i, seg) in segs.iter().enumerate() {
        if i == large {
            out.extend(seg.chunks(chunk).map(|c| (i, c)));
        } else {
            out.push((i, seg.as_slice()));
        }
    }
    out
}

/// Checks one file, inflation and size; returns whether the file had such an event.
fn check(case: &Case, kind: Inflate, size: usize, chunks: &[usize], random: u64) -> bool {
    let segs = segments(case);
    let owned: Vec<Vec<u8>> = segs.iter().map(|s| s.to_vec()).collect();
    let original = read_body(case, &aligned(&owned, usize::MAX, 1));
    assert_eq!(original.m, case.want, "{}: original", case.file);
    assert_eq!(original.oversized, 0);
    let Some((inflated, large, added)) = inflate(case, &segs, &original, kind, size) else {
        return false;
    };
    assert!(inflated[large].len() > size, "{}", case.file);
    let mut want = original.clone();
    want.m.text = format!("{added}{}", original.m.text);
    want.m.text_chars += added.chars().count() as u64;
    let what = format!("{} {kind:?} {size}", case.file);
    for &chunk in chunks {
        let got = read_body(case, &aligned(&inflated, large, chunk));
        assert_eq!(got, want, "{what}, reads of {chunk} bytes");
    }
    // Reads cut anywhere (arrivals then depend on the cut; the measurements do not).
    let whole: Vec<u8> = inflated.concat();
    let mut rng = Rng::new(size as u64);
    for _ in 0..random {
        let parts: Vec<(usize, &[u8])> = random_splits(&whole, &mut rng, 200)
            .into_iter()
            .map(|p| (0, p))
            .collect();
        let got = read_body(case, &parts);
        assert_eq!(
            (&got.m, got.oversized),
            (&want.m, 0),
            "{what}, random reads"
        );
    }
    true
}

const KINDS: [Inflate; 5] = [
    Inflate::PadContentEvent,
    Inflate::PadUsageEvent,
    Inflate::LongText,
    Inflate::OllamaContext,
    Inflate::ResponsesCompleted,
];

/// Past the cap and past 1 MiB, every file of a folder; 16 MiB for its first file.
fn check_folder_inflated(folder: &str) {
    let mut checked = 0;
    for (i, case) in cases(folder).iter().enumerate() {
        for kind in KINDS {
            if !check(case, kind, CAP + 1, &[3, 1000, 65536], 4) {
                continue;
            }
            checked += 1;
            check(case, kind, 1 << 20, &[4096, 100_003], 1);
            if i == 0 {
                check(case, kind, 16 << 20, &[1 << 20], 0);
            }
        }
    }
    assert!(checked > 0, "{folder}: nothing inflated");
}

#[test]
fn openai_chat_large_events_read_exactly() {
    check_folder_inflated("openai-chat-sse");
}

#[test]
fn vllm_large_events_read_exactly() {
    check_folder_inflated("vllm-sse");
}

#[test]
fn openai_completions_large_events_read_exactly() {
    check_folder_inflated("openai-completions-sse");
}

#[test]
fn openai_responses_large_events_read_exactly() {
    check_folder_inflated("openai-responses-sse");
}

#[test]
fn anthropic_large_events_read_exactly() {
    check_folder_inflated("anthropic-messages-sse");
}

#[test]
fn gemini_large_events_read_exactly() {
    check_folder_inflated("gemini-sse");
}

#[test]
fn ollama_large_events_read_exactly() {
    check_folder_inflated("ollama-ndjson");
}

#[test]
fn tgi_large_events_read_exactly() {
    check_folder_inflated("tgi-sse");
}

/// Bedrock `ConverseStream` and `InvokeModelWithResponseStream` files, one frame inflated
/// past the cap, past 1 MiB and to 15 MiB (the protocol allows 16 MiB frames), reads cut
/// inside the prelude, headers, payload and CRC (3- and 13-byte reads) and at random.
#[test]
fn bedrock_large_frames_read_exactly() {
    let mut checked = Vec::new();
    let mut big = Vec::new();
    for case in cases("bedrock-eventstream") {
        for kind in [
            Inflate::PadContentEvent,
            Inflate::PadUsageEvent,
            Inflate::LongText,
        ] {
            if !check(&case, kind, CAP + 1, &[3, 13, 1000, 65536], 4) {
                continue;
            }
            checked.push((case.format, kind));
            check(&case, kind, 1 << 20, &[4096, 100_003], 1);
            // 15 MiB once per format and inflation.
            if !big.contains(&(case.format, kind)) {
                assert!(check(&case, kind, 15 << 20, &[1 << 20], 0));
                big.push((case.format, kind));
            }
        }
    }
    for format in [WireFormat::BedrockConverse, WireFormat::BedrockInvoke] {
        for kind in [
            Inflate::PadContentEvent,
            Inflate::PadUsageEvent,
            Inflate::LongText,
        ] {
            assert!(
                checked.contains(&(format, kind)),
                "{format:?} {kind:?} never inflated"
            );
        }
    }
}

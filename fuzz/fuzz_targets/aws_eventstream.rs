//! The Bedrock AWS event-stream frame parser and framer.
//!
//! First byte even: the rest is raw bytes: [`parse_frame`] and the framer must not panic, and
//! the framer must give the same frames and counters however the bytes are cut, holding at
//! most its cap. First byte odd: the rest describes frames (header name/value and payload
//! bytes), which are encoded as valid frames (CRCs computed, as the AWS SDKs do) and must come
//! back out of the framer exactly, whatever the cut, except those longer than the cap (counted
//! as oversized). In raw mode a framer with the Bedrock invoke schema also reads frames
//! longer than the cap as they stream (base64 `bytes` decoded on the fly): it must give the
//! same frames, text and counters however the bytes are cut, within a bounded memory.
#![no_main]
use libfuzzer_sys::fuzz_target;
use llmtap_core::framing::aws_eventstream::{parse_frame, AwsEventStreamFramer, AwsFramerStats};

const CAP: usize = 512;

type Frames = Vec<(Vec<u8>, Vec<u8>, Vec<u8>)>;

fn frame(parts: &[&[u8]]) -> (Frames, AwsFramerStats) {
    let mut framer = AwsEventStreamFramer::new(CAP);
    let mut frames = Vec::new();
    let mut push = |f: llmtap_core::framing::aws_eventstream::AwsFrame<'_>| {
        frames.push((
            f.event_type.to_vec(),
            f.message_type.to_vec(),
            f.payload.to_vec(),
        ))
    };
    for part in parts {
        framer.feed(part, &mut push);
        assert!(
            framer.buffered_bytes() <= CAP,
            "buffered {}",
            framer.buffered_bytes()
        );
        assert!(
            framer.reserved_bytes() <= CAP,
            "reserved {}",
            framer.reserved_bytes()
        );
    }
    framer.finish(&mut push);
    (frames, framer.stats())
}

type Streamed = (Frames, Vec<u8>, AwsFramerStats);

/// Frames through a framer reading large frames with the Bedrock invoke schema.
fn frame_streaming(parts: &[&[u8]]) -> Streamed {
    let schema = llmtap_core::decode::reduce_schema(llmtap_core::decode::WireFormat::BedrockInvoke);
    let Some(schema) = schema else {
        return Default::default();
    };
    let mut framer = AwsEventStreamFramer::with_schema(CAP, schema);
    let mut frames = Vec::new();
    let mut text = Vec::new();
    let mut push = |f: llmtap_core::framing::aws_eventstream::AwsFrame<'_>| {
        frames.push((
            f.event_type.to_vec(),
            f.message_type.to_vec(),
            f.payload.to_vec(),
        ))
    };
    for part in parts {
        framer.feed_with_text(part, &mut push, &mut |t| text.extend_from_slice(t));
        // The frame buffer, the headers of a large frame, two reducers' skeletons (each at
        // most the cap) and their fixed state and text pieces.
        assert!(
            framer.reserved_bytes() <= 4 * CAP + 16 * 1024,
            "reserved {}",
            framer.reserved_bytes()
        );
    }
    framer.finish(&mut push);
    (frames, text, framer.stats())
}

/// One frame: `:event-type` and `:message-type` string headers, then the payload
/// (AWS event-stream encoding: prelude total/headers lengths + CRC32, headers, payload, CRC32).
fn encode(event_type: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut headers = Vec::new();
    for (name, value) in [
        (&b":event-type"[..], event_type),
        (b":message-type", b"event"),
    ] {
        headers.push(name.len() as u8);
        headers.extend_from_slice(name);
        headers.push(7);
        headers.extend_from_slice(&(value.len() as u16).to_be_bytes());
        headers.extend_from_slice(value);
    }
    let total = 12 + headers.len() + payload.len() + 4;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&(total as u32).to_be_bytes());
    out.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    let prelude_crc = crc32fast::hash(&out);
    out.extend_from_slice(&prelude_crc.to_be_bytes());
    out.extend_from_slice(&headers);
    out.extend_from_slice(payload);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

fuzz_target!(|input: &[u8]| {
    let [mode, cut, rest @ ..] = input else {
        return;
    };
    if mode % 2 == 0 {
        let _ = parse_frame(rest);
        let whole = frame(&[rest]);
        let at = usize::from(*cut) % (rest.len() + 1);
        let (a, b) = rest.split_at(at);
        assert_eq!(frame(&[a, b]), whole, "split at {at}");
        let bytes: Vec<&[u8]> = rest.chunks(1 + usize::from(*cut) % 13).collect();
        assert_eq!(
            frame(&bytes),
            whole,
            "reads of {}",
            1 + usize::from(*cut) % 13
        );
        let streamed = frame_streaming(&[rest]);
        assert_eq!(
            frame_streaming(&[a, b]),
            streamed,
            "streaming, split at {at}"
        );
        assert_eq!(frame_streaming(&bytes), streamed, "streaming, small reads");
        return;
    }
    // Each frame: one length byte for the event type, then its bytes, one length byte for
    // the payload (scaled by 4 to reach past the cap), then its bytes.
    let mut stream = Vec::new();
    let mut expected = Vec::new();
    let mut oversized = 0;
    let mut at = rest;
    while let [name_len, tail @ ..] = at {
        let (name, tail) = tail.split_at(usize::from(*name_len % 32).min(tail.len()));
        let Some((&payload_len, tail)) = tail.split_first() else {
            break;
        };
        let want = usize::from(payload_len) * 4;
        let payload: Vec<u8> = tail.iter().copied().cycle().take(want).collect();
        let bytes = encode(name, &payload);
        if bytes.len() > CAP {
            oversized += 1;
        } else {
            expected.push((name.to_vec(), b"event".to_vec(), payload));
        }
        stream.extend_from_slice(&bytes);
        at = tail
            .get(usize::from(payload_len).min(tail.len())..)
            .unwrap_or_default();
    }
    let reads: Vec<&[u8]> = stream.chunks(1 + usize::from(*cut)).collect();
    let (frames, stats) = frame(&reads);
    assert_eq!(frames, expected);
    assert_eq!(stats.oversized_frames, oversized);
    assert_eq!(
        stats.crc_mismatches + stats.malformed_frames + stats.corrupt_preludes,
        0
    );
    // parse_frame (no cap) walks every frame, oversized ones included.
    let mut walked = 0;
    let mut left = &stream[..];
    while let Ok((_, len)) = parse_frame(left) {
        left = &left[len..];
        walked += 1;
    }
    assert!(left.is_empty(), "{} bytes left unparsed", left.len());
    assert_eq!(walked, expected.len() as u64 + oversized);
});

//! AWS event-stream binary framing (`application/vnd.amazon.eventstream`), as used by
//! Bedrock `ConverseStream` and `InvokeModelWithResponseStream`, with bounded memory.
//!
//! Wire format (Smithy, "Event stream" — <https://smithy.io/2.0/aws/amazon-eventstream.html>;
//! also <https://docs.aws.amazon.com/AmazonS3/latest/API/RESTSelectObjectAppendix.html>):
//!
//! ```text
//! [total length: u32 BE][headers length: u32 BE][prelude CRC: u32 BE]   <- 12-byte prelude
//! [headers: headers-length bytes][payload][message CRC: u32 BE]
//! ```
//!
//! Lengths are in bytes; `total length` counts the whole message (prelude to message CRC,
//! so at least 16). The prelude CRC covers the first 8 bytes, the message CRC everything
//! before it; both are IEEE CRC-32 (the one `crc32fast` computes). A header is
//! `[name length: u8][name][value type: u8][value]`, value types: 0 true, 1 false (no
//! value), 2 byte (1), 3 short (2), 4 integer (4), 5 long (8), 6 byte array and 7 string
//! (`u16 BE` length, then the bytes), 8 timestamp (8), 9 UUID (16). The headers read here are
//! `:event-type`, `:message-type` (`event`, `exception`, `error`), `:exception-type`,
//! `:error-code` and `:content-type`.
//!
//! Reads are arbitrary slices of the body. A frame that lies inside one read is handed out
//! as a slice of it (no copy); a frame split across reads is collected in a buffer that
//! never exceeds the cap given to [`AwsEventStreamFramer::new`]:
//! - a frame longer than the cap is, with a [`ReduceSchema`]
//!   ([`AwsEventStreamFramer::with_schema`]) and up to [`MAX_MESSAGE_BYTES`], read as it
//!   streams and dispatched with its payload reduced to a skeleton ([`super::aws_large_frame`]);
//!   without a schema, past [`MAX_MESSAGE_BYTES`], or when its headers or skeleton exceed the
//!   cap, it is counted in [`AwsFramerStats::oversized_frames`] and skipped by its declared
//!   length (trustworthy: the prelude CRC matched);
//! - a frame whose message CRC does not match, or whose headers cannot be parsed, is
//!   counted and skipped (its length is still trustworthy);
//! - a prelude whose CRC does not match (or whose lengths are impossible) cannot be trusted
//!   for its length: it is counted in [`AwsFramerStats::corrupt_preludes`], the framer is
//!   [desynchronised](AwsEventStreamFramer::is_desynchronised) and ignores the rest of the
//!   stream (there is no reliable way to find the next frame boundary).

/// Smallest possible message: prelude and message CRC, no headers or payload.
pub const MIN_FRAME_BYTES: usize = 16;
/// Longest message the protocol allows, in bytes: 16 MiB, the limit of the AWS SDKs'
/// event-stream decoders (aws-sdk-kotlin `MAX_MESSAGE_SIZE = 16 * 1024 * 1024`;
/// smithy-python bounds the payload alone by `_MAX_PAYLOAD_LENGTH = 16 * 1024**2`). Longer
/// frames are skipped as oversized.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;

use super::aws_frame::parse_headers;
pub use super::aws_frame::{AwsFrame, FrameError, PRELUDE_BYTES};
use super::aws_large_frame::{LargeFrame, LargeFrameEnd};
use super::json_reduce::ReduceSchema;

/// Counters kept by the framer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AwsFramerStats {
    /// Frames dispatched.
    pub frames: u64,
    /// Frames longer than the cap, skipped.
    pub oversized_frames: u64,
    /// Frames whose message CRC did not match, skipped.
    pub crc_mismatches: u64,
    /// Frames whose headers could not be parsed, skipped.
    pub malformed_frames: u64,
    /// Corrupt preludes (at most one: the framer stops there).
    pub corrupt_preludes: u64,
    /// The stream ended inside a frame.
    pub truncated_frames: u64,
}

/// Checks a prelude; returns the frame's total length in bytes.
fn check_prelude(prelude: &[u8]) -> Result<usize, FrameError> {
    let total = be_u32(prelude, 0).ok_or(FrameError::Incomplete)?;
    let headers = be_u32(prelude, 4).ok_or(FrameError::Incomplete)?;
    let crc = be_u32(prelude, 8).ok_or(FrameError::Incomplete)?;
    if crc32fast::hash(prelude.get(..8).unwrap_or_default()) != crc {
        return Err(FrameError::CorruptPrelude);
    }
    let total = total as usize;
    if total < MIN_FRAME_BYTES || headers as usize > total - MIN_FRAME_BYTES {
        return Err(FrameError::CorruptPrelude);
    }
    Ok(total)
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_be_bytes(b))
}

/// Reads the frame at the start of `bytes`; returns it and its length in bytes.
pub fn parse_frame(bytes: &[u8]) -> Result<(AwsFrame<'_>, usize), FrameError> {
    let total = check_prelude(bytes.get(..PRELUDE_BYTES).ok_or(FrameError::Incomplete)?)?;
    let frame = bytes.get(..total).ok_or(FrameError::Incomplete)?;
    Ok((parse_checked(frame)?, total))
}

/// Reads a whole frame whose prelude has been checked (`frame.len()` is its total length).
fn parse_checked(frame: &[u8]) -> Result<AwsFrame<'_>, FrameError> {
    let crc_at = frame.len().saturating_sub(4);
    let crc = be_u32(frame, crc_at).ok_or(FrameError::Incomplete)?;
    if crc32fast::hash(frame.get(..crc_at).unwrap_or_default()) != crc {
        return Err(FrameError::MessageCrc);
    }
    let headers_len = be_u32(frame, 4).ok_or(FrameError::Incomplete)? as usize;
    let headers_end = PRELUDE_BYTES + headers_len;
    let headers = frame
        .get(PRELUDE_BYTES..headers_end)
        .ok_or(FrameError::MalformedHeaders)?;
    Ok(AwsFrame {
        payload: frame
            .get(headers_end..crc_at)
            .ok_or(FrameError::MalformedHeaders)?,
        ..parse_headers(headers)?
    })
}

/// The framer's state for one stream.
#[derive(Debug)]
pub struct AwsEventStreamFramer {
    cap: usize,
    /// A frame split across reads (at most `cap` bytes).
    buf: Vec<u8>,
    /// Total length of the frame in `buf`, once its prelude is complete and checked.
    need: usize,
    /// Bytes of an oversized frame still to skip.
    skip: usize,
    /// How to read a frame longer than the cap; `None`: skip it.
    schema: Option<&'static ReduceSchema>,
    /// The reader of frames longer than the cap (kept for the next one).
    large: Option<Box<LargeFrame>>,
    /// The current frame streams through `large`.
    in_large: bool,
    desynchronised: bool,
    stats: AwsFramerStats,
}

impl AwsEventStreamFramer {
    /// A framer whose buffered frame never exceeds `cap` bytes (at least
    /// [`MIN_FRAME_BYTES`]).
    pub fn new(cap: usize) -> Self {
        AwsEventStreamFramer {
            cap: cap.max(MIN_FRAME_BYTES),
            buf: Vec::new(),
            need: 0,
            skip: 0,
            schema: None,
            large: None,
            in_large: false,
            desynchronised: false,
            stats: AwsFramerStats::default(),
        }
    }

    /// A framer that reads frames longer than `cap` (up to [`MAX_MESSAGE_BYTES`]) with
    /// `schema` instead of skipping them.
    pub fn with_schema(cap: usize, schema: &'static ReduceSchema) -> Self {
        AwsEventStreamFramer {
            schema: Some(schema),
            ..AwsEventStreamFramer::new(cap)
        }
    }

    pub fn stats(&self) -> AwsFramerStats {
        self.stats
    }

    /// A corrupt prelude was met: the rest of the stream is ignored.
    pub fn is_desynchronised(&self) -> bool {
        self.desynchronised
    }

    /// Bytes currently held (a frame split across reads).
    pub fn buffered_bytes(&self) -> usize {
        self.buf.len()
    }

    /// Bytes of memory the buffers have reserved.
    pub fn reserved_bytes(&self) -> usize {
        self.buf.capacity() + self.large.as_ref().map_or(0, |l| l.reserved_bytes())
    }

    /// Feeds one read of the body; calls `on_frame` for every valid frame it completes.
    pub fn feed<F: FnMut(AwsFrame<'_>)>(&mut self, read: &[u8], on_frame: &mut F) {
        self.feed_with_text(read, on_frame, &mut |_| {});
    }

    /// [`Self::feed`], handing each piece of visible text of a frame longer than the cap to
    /// `on_text` as it streams (raw JSON string contents).
    pub fn feed_with_text<F: FnMut(AwsFrame<'_>)>(
        &mut self,
        read: &[u8],
        on_frame: &mut F,
        on_text: &mut dyn FnMut(&[u8]),
    ) {
        let mut rest = read;
        loop {
            if self.desynchronised {
                return;
            }
            if self.in_large {
                let Some(large) = self.large.as_mut() else {
                    self.in_large = false;
                    continue;
                };
                let n = large.feed(rest, on_text);
                rest = rest.get(n..).unwrap_or_default();
                if large.remaining() > 0 {
                    return;
                }
                self.in_large = false;
                match large.finish(on_frame) {
                    LargeFrameEnd::Dispatched => self.stats.frames += 1,
                    LargeFrameEnd::TooLarge => self.stats.oversized_frames += 1,
                    LargeFrameEnd::Error(FrameError::MessageCrc) => self.stats.crc_mismatches += 1,
                    LargeFrameEnd::Error(_) => self.stats.malformed_frames += 1,
                }
                continue;
            }
            if self.skip > 0 {
                let n = self.skip.min(rest.len());
                self.skip -= n;
                rest = rest.get(n..).unwrap_or_default();
                if self.skip > 0 {
                    return;
                }
            }
            if !self.buf.is_empty() {
                if !self.fill_buffer(&mut rest, on_frame) {
                    return;
                }
                continue;
            }
            if rest.is_empty() {
                return;
            }
            let Some(prelude) = rest.get(..PRELUDE_BYTES) else {
                self.buf.extend_from_slice(rest);
                return;
            };
            let total = match check_prelude(prelude) {
                Ok(total) => total,
                Err(_) => {
                    self.desynchronise();
                    return;
                }
            };
            if total > self.cap {
                if self.start_large(prelude, total) {
                    rest = rest.get(PRELUDE_BYTES..).unwrap_or_default();
                    continue;
                }
                self.stats.oversized_frames += 1;
                let n = total.min(rest.len());
                self.skip = total - n;
                rest = rest.get(n..).unwrap_or_default();
                continue;
            }
            match rest.get(..total) {
                Some(frame) => {
                    self.dispatch(frame, on_frame);
                    rest = rest.get(total..).unwrap_or_default();
                }
                None => {
                    self.need = total;
                    self.buf.reserve_exact(total);
                    self.buf.extend_from_slice(rest);
                    return;
                }
            }
        }
    }

    /// Moves bytes from `rest` into the partial frame; dispatches it when complete.
    /// Returns whether to go on with the rest of the read.
    fn fill_buffer<F: FnMut(AwsFrame<'_>)>(&mut self, rest: &mut &[u8], on_frame: &mut F) -> bool {
        if self.need == 0 {
            let missing = PRELUDE_BYTES.saturating_sub(self.buf.len());
            let n = missing.min(rest.len());
            self.buf
                .extend_from_slice(rest.get(..n).unwrap_or_default());
            *rest = rest.get(n..).unwrap_or_default();
            if self.buf.len() < PRELUDE_BYTES {
                return false;
            }
            match check_prelude(&self.buf) {
                Ok(total) if total > self.cap => {
                    let prelude = std::mem::take(&mut self.buf);
                    let large = self.start_large(&prelude, total);
                    self.buf = prelude;
                    if large {
                        self.buf.clear();
                        return true;
                    }
                    self.stats.oversized_frames += 1;
                    self.skip = total - self.buf.len();
                    self.buf.clear();
                    return true;
                }
                Ok(total) => {
                    self.need = total;
                    self.buf.reserve_exact(total - self.buf.len());
                }
                Err(_) => {
                    self.desynchronise();
                    return false;
                }
            }
        }
        let n = (self.need - self.buf.len()).min(rest.len());
        self.buf
            .extend_from_slice(rest.get(..n).unwrap_or_default());
        *rest = rest.get(n..).unwrap_or_default();
        if self.buf.len() < self.need {
            return false;
        }
        let frame = std::mem::take(&mut self.buf);
        self.dispatch(&frame, on_frame);
        self.buf = frame;
        self.buf.clear();
        self.need = 0;
        true
    }

    /// Starts reading a frame longer than the cap whose checked `prelude` says it is
    /// `total` bytes long; returns false when it is to be skipped (no schema, or longer than
    /// [`MAX_MESSAGE_BYTES`]).
    fn start_large(&mut self, prelude: &[u8], total: usize) -> bool {
        let Some(schema) = self.schema.filter(|_| total <= MAX_MESSAGE_BYTES) else {
            return false;
        };
        let headers_len = be_u32(prelude, 4).unwrap_or_default() as usize;
        let cap = self.cap;
        let large = self
            .large
            .get_or_insert_with(|| Box::new(LargeFrame::new(cap, schema)));
        large.start(
            prelude.get(..PRELUDE_BYTES).unwrap_or_default(),
            total,
            headers_len,
        );
        self.in_large = true;
        true
    }

    /// Ends the stream. A frame still incomplete is counted as truncated (never dispatched).
    pub fn finish<F: FnMut(AwsFrame<'_>)>(&mut self, _on_frame: &mut F) {
        if !self.buf.is_empty() || self.skip > 0 || self.in_large {
            self.stats.truncated_frames += 1;
        }
        self.in_large = false;
        self.buf.clear();
        self.need = 0;
        self.skip = 0;
    }

    fn dispatch<F: FnMut(AwsFrame<'_>)>(&mut self, frame: &[u8], on_frame: &mut F) {
        match parse_checked(frame) {
            Ok(frame) => {
                self.stats.frames += 1;
                on_frame(frame);
            }
            Err(FrameError::MessageCrc) => self.stats.crc_mismatches += 1,
            Err(_) => self.stats.malformed_frames += 1,
        }
    }

    fn desynchronise(&mut self) {
        self.desynchronised = true;
        self.in_large = false;
        self.stats.corrupt_preludes += 1;
        self.buf = Vec::new();
        self.need = 0;
        self.skip = 0;
    }
}

/// Builds one frame (for tests): string headers, then the payload.
#[cfg(test)]
pub(crate) fn encode_frame(headers: &[(&str, &str)], payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::new();
    for (name, value) in headers {
        h.push(name.len() as u8);
        h.extend_from_slice(name.as_bytes());
        h.push(7);
        h.extend_from_slice(&(value.len() as u16).to_be_bytes());
        h.extend_from_slice(value.as_bytes());
    }
    encode_raw(&h, payload)
}

#[cfg(test)]
pub(crate) fn encode_raw(headers: &[u8], payload: &[u8]) -> Vec<u8> {
    let total = (PRELUDE_BYTES + headers.len() + payload.len() + 4) as u32;
    let mut out = Vec::new();
    out.extend_from_slice(&total.to_be_bytes());
    out.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out.extend_from_slice(headers);
    out.extend_from_slice(payload);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{random_splits, Rng};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    type Owned = (String, String, String, Vec<u8>);

    fn frame_all(reads: &[&[u8]], cap: usize) -> (Vec<Owned>, AwsFramerStats, bool) {
        let mut framer = AwsEventStreamFramer::new(cap);
        let mut out = Vec::new();
        let mut push = |f: AwsFrame<'_>| {
            out.push((
                String::from_utf8_lossy(f.event_type).into_owned(),
                String::from_utf8_lossy(f.message_type).into_owned(),
                String::from_utf8_lossy(f.exception_type).into_owned(),
                f.payload.to_vec(),
            ))
        };
        for read in reads {
            framer.feed(read, &mut push);
            assert!(framer.buffered_bytes() <= cap.max(MIN_FRAME_BYTES));
            assert!(framer.reserved_bytes() <= cap.max(MIN_FRAME_BYTES));
        }
        framer.finish(&mut push);
        (out, framer.stats(), framer.is_desynchronised())
    }

    fn event(kind: &str, payload: &str) -> Vec<u8> {
        encode_frame(
            &[
                (":event-type", kind),
                (":content-type", "application/json"),
                (":message-type", "event"),
            ],
            payload.as_bytes(),
        )
    }

    /// A frame from the AWS documentation example: no headers, no payload.
    #[test]
    fn empty_message_matches_the_reference_crcs() {
        let frame = encode_raw(&[], &[]);
        assert_eq!(
            frame,
            [0, 0, 0, 0x10, 0, 0, 0, 0, 0x05, 0xc2, 0x48, 0xeb, 0x7d, 0x98, 0xc8, 0xff]
        );
        let (f, len) = parse_frame(&frame).unwrap();
        assert_eq!((f, len), (AwsFrame::default(), 16));
    }

    #[test]
    fn reads_frames_headers_and_payloads_at_any_split() {
        let mut stream = event("messageStart", r#"{"role":"assistant"}"#);
        stream.extend(event("contentBlockDelta", r#"{"delta":{"text":"hi"}}"#));
        stream.extend(encode_frame(
            &[
                (":exception-type", "throttlingException"),
                (":message-type", "exception"),
            ],
            br#"{"message":"slow down"}"#,
        ));
        let (whole, stats, desync) = frame_all(&[&stream], 1024);
        assert_eq!(whole.len(), 3);
        assert_eq!(whole[1].0, "contentBlockDelta");
        assert_eq!(whole[1].3, br#"{"delta":{"text":"hi"}}"#);
        assert_eq!(
            (whole[2].1.as_str(), whole[2].2.as_str()),
            ("exception", "throttlingException")
        );
        assert_eq!(stats.frames, 3);
        assert!(!desync);
        for i in 0..=stream.len() {
            for j in (i..=stream.len()).step_by(7) {
                let (got, stats, _) = frame_all(&[&stream[..i], &stream[i..j], &stream[j..]], 1024);
                assert_eq!(got, whole, "splits {i} {j}");
                assert_eq!(stats.truncated_frames, 0);
            }
        }
    }

    #[test]
    fn every_header_value_type_is_skipped_correctly() {
        let mut h = Vec::new();
        let mut add = |name: &str, kind: u8, value: &[u8]| {
            h.push(name.len() as u8);
            h.extend_from_slice(name.as_bytes());
            h.push(kind);
            h.extend_from_slice(value);
        };
        add("t", 0, &[]);
        add("f", 1, &[]);
        add("b", 2, &[7]);
        add("s", 3, &[0, 7]);
        add("i", 4, &[0, 0, 0, 7]);
        add("l", 5, &[0; 8]);
        add("a", 6, &[0, 3, 1, 2, 3]);
        add(":event-type", 7, &[0, 5, b'c', b'h', b'u', b'n', b'k']);
        add("ts", 8, &[0; 8]);
        add("u", 9, &[0; 16]);
        add(":content-type", 7, &[0, 1, b'x']);
        let frame = encode_raw(&h, b"{}");
        let (f, _) = parse_frame(&frame).unwrap();
        assert_eq!(f.event_type, b"chunk");
        assert_eq!(f.content_type, b"x");
        assert_eq!(f.payload, b"{}");
        let mut bad = h.clone();
        bad.extend_from_slice(&[1, b'z', 10]);
        assert_eq!(
            parse_frame(&encode_raw(&bad, b"")),
            Err(FrameError::MalformedHeaders)
        );
        let truncated = &h[..h.len() - 1];
        assert_eq!(
            parse_frame(&encode_raw(truncated, b"")),
            Err(FrameError::MalformedHeaders)
        );
    }

    #[test]
    fn a_flipped_payload_byte_fails_the_message_crc_and_only_that_frame_is_lost() {
        let a = event("contentBlockDelta", r#"{"delta":{"text":"one"}}"#);
        let b = event("contentBlockDelta", r#"{"delta":{"text":"two"}}"#);
        let mut stream = a.clone();
        stream.extend(&b);
        let at = a.len() - 8;
        stream[at] ^= 0x20;
        for size in [1, 5, stream.len()] {
            let reads: Vec<&[u8]> = stream.chunks(size).collect();
            let (got, stats, desync) = frame_all(&reads, 1024);
            assert_eq!(got.len(), 1);
            assert_eq!(got[0].3, br#"{"delta":{"text":"two"}}"#);
            assert_eq!(stats.crc_mismatches, 1);
            assert!(!desync);
        }
    }

    #[test]
    fn a_corrupt_prelude_stops_the_stream() {
        let a = event("messageStart", "{}");
        let mut stream = a.clone();
        stream.extend(event("messageStop", "{}"));
        stream.extend(event("metadata", "{}"));
        stream[a.len() + 2] ^= 1; // total length of the second frame
        for size in [1, 3, 13, stream.len()] {
            let reads: Vec<&[u8]> = stream.chunks(size).collect();
            let (got, stats, desync) = frame_all(&reads, 1024);
            assert_eq!(got.len(), 1);
            assert_eq!(stats.corrupt_preludes, 1);
            assert!(desync);
        }
    }

    #[test]
    fn oversized_frames_are_skipped_by_their_length() {
        let big = "x".repeat(5000);
        let mut stream = event("a", "{}");
        stream.extend(event("big", &big));
        stream.extend(event("b", "{}"));
        for size in [1, 7, 100, 4096, stream.len()] {
            let reads: Vec<&[u8]> = stream.chunks(size).collect();
            let (got, stats, desync) = frame_all(&reads, 1024);
            let kinds: Vec<&str> = got.iter().map(|f| f.0.as_str()).collect();
            assert_eq!(kinds, ["a", "b"], "size {size}");
            assert_eq!(stats.oversized_frames, 1);
            assert!(!desync);
        }
    }

    static DELTA: ReduceSchema = ReduceSchema {
        keep: &["delta.text", "usage"],
        text: &[crate::framing::json_reduce::TextRule {
            path: "delta.text",
            kind: crate::framing::json_reduce::TextKind::Visible,
            when: crate::framing::json_reduce::When::Always,
        }],
        event_stream_payload: crate::framing::json_reduce::EventStreamPayload::Json,
    };

    /// Frames through a framer with [`DELTA`]: (event type, payload) of each, the text
    /// streamed, the stats.
    fn frame_large(reads: &[&[u8]], cap: usize) -> (Vec<(String, String)>, String, AwsFramerStats) {
        let mut framer = AwsEventStreamFramer::with_schema(cap, &DELTA);
        let mut out = Vec::new();
        let mut text = String::new();
        let mut push = |f: AwsFrame<'_>| {
            out.push((
                String::from_utf8_lossy(f.event_type).into_owned(),
                String::from_utf8_lossy(f.payload).into_owned(),
            ))
        };
        for read in reads {
            framer.feed_with_text(read, &mut push, &mut |t| {
                text.push_str(&String::from_utf8_lossy(t))
            });
            assert!(framer.reserved_bytes() <= 2 * cap + 16 * 1024);
        }
        framer.finish(&mut push);
        (out, text, framer.stats())
    }

    #[test]
    fn a_frame_longer_than_the_cap_is_read_as_it_streams_at_any_split() {
        let long = "abc".repeat(700);
        let mut stream = event("a", "{}");
        let payload = format!(
            r#"{{"pad":"{}","delta":{{"text":"{long}"}},"usage":{{"n":1}}}}"#,
            "p".repeat(500)
        );
        stream.extend(event("big", &payload));
        stream.extend(event("b", "{}"));
        let want = vec![
            ("a".to_owned(), "{}".to_owned()),
            (
                "big".to_owned(),
                "{\"delta\":{\"text\":\"\u{0}V2100\"},\"usage\":{\"n\":1}}".to_owned(),
            ),
            ("b".to_owned(), "{}".to_owned()),
        ];
        for size in [1, 2, 5, 13, 100, stream.len()] {
            let reads: Vec<&[u8]> = stream.chunks(size).collect();
            let (got, text, stats) = frame_large(&reads, 1024);
            assert_eq!(got, want, "size {size}");
            assert_eq!(text, long);
            assert_eq!((stats.frames, stats.oversized_frames), (3, 0));
        }
    }

    #[test]
    fn a_large_frame_with_a_bad_crc_is_not_dispatched_and_the_next_one_is() {
        let long = "x".repeat(3000);
        let mut big = event("big", &format!(r#"{{"delta":{{"text":"{long}"}}}}"#));
        let at = big.len() - 2;
        big[at] ^= 1;
        let mut stream = big;
        stream.extend(event("b", "{}"));
        for size in [3, 1000, stream.len()] {
            let reads: Vec<&[u8]> = stream.chunks(size).collect();
            let (got, _, stats) = frame_large(&reads, 1024);
            assert_eq!(got, vec![("b".to_owned(), "{}".to_owned())]);
            assert_eq!((stats.crc_mismatches, stats.frames), (1, 1));
        }
    }

    #[test]
    fn large_frames_past_the_protocol_limit_or_with_headers_past_the_cap_are_oversized() {
        // Headers longer than the cap.
        let value = "h".repeat(2000);
        let mut stream = encode_frame(&[(":event-type", "big"), ("x-long", &value)], b"{}");
        stream.extend(event("b", "{}"));
        let (got, _, stats) = frame_large(&stream.chunks(100).collect::<Vec<_>>(), 1024);
        assert_eq!(got, vec![("b".to_owned(), "{}".to_owned())]);
        assert_eq!(stats.oversized_frames, 1);
        // A skeleton longer than the cap (a kept member that is not text).
        let mut stream = event(
            "big",
            &format!(r#"{{"usage":{{"n":"{}"}}}}"#, "1,".repeat(1000)),
        );
        stream.extend(event("b", "{}"));
        let (got, _, stats) = frame_large(&[&stream], 256);
        assert_eq!(got.len(), 1);
        assert_eq!(stats.oversized_frames, 1);
        // Longer than 16 MiB: skipped by its length without reading it.
        let mut prelude = Vec::new();
        prelude.extend_from_slice(&((MAX_MESSAGE_BYTES + 1) as u32).to_be_bytes());
        prelude.extend_from_slice(&0u32.to_be_bytes());
        let crc = crc32fast::hash(&prelude);
        prelude.extend_from_slice(&crc.to_be_bytes());
        let mut stream = prelude;
        stream.resize(MAX_MESSAGE_BYTES + 1, b' ');
        stream.extend(event("b", "{}"));
        let (got, text, stats) = frame_large(&stream.chunks(1 << 20).collect::<Vec<_>>(), 1024);
        assert_eq!(got, vec![("b".to_owned(), "{}".to_owned())]);
        assert_eq!((text.as_str(), stats.oversized_frames), ("", 1));
    }

    #[test]
    fn a_stream_cut_inside_a_large_frame_is_truncated() {
        let stream = event(
            "big",
            &format!(r#"{{"delta":{{"text":"{}"}}}}"#, "x".repeat(3000)),
        );
        let (got, _, stats) = frame_large(&[&stream[..2000]], 1024);
        assert!(got.is_empty());
        assert_eq!(stats.truncated_frames, 1);
    }

    #[test]
    fn a_stream_cut_inside_a_frame_is_counted_as_truncated() {
        let stream = event("a", "{}");
        let (got, stats, _) = frame_all(&[&stream[..stream.len() - 1]], 1024);
        assert!(got.is_empty());
        assert_eq!(stats.truncated_frames, 1);
        let (got, stats, _) = frame_all(&[&stream[..5]], 1024);
        assert!(got.is_empty());
        assert_eq!(stats.truncated_frames, 1);
    }

    #[test]
    fn impossible_lengths_are_corrupt_preludes() {
        for (total, headers) in [(15u32, 0u32), (16, 1), (100, 90)] {
            let mut p = Vec::new();
            p.extend_from_slice(&total.to_be_bytes());
            p.extend_from_slice(&headers.to_be_bytes());
            let crc = crc32fast::hash(&p);
            p.extend_from_slice(&crc.to_be_bytes());
            p.resize(200, 0);
            assert_eq!(parse_frame(&p).err(), Some(FrameError::CorruptPrelude));
        }
    }

    #[test]
    fn random_bytes_never_panic_nor_exceed_the_cap() {
        let mut rng = Rng::new(3);
        let valid = event("contentBlockDelta", r#"{"delta":{"text":"abc"}}"#);
        for _ in 0..300 {
            let mut bytes = Vec::new();
            for _ in 0..rng.below(6) {
                bytes.extend_from_slice(&valid);
            }
            for _ in 0..rng.below(4) {
                if bytes.is_empty() {
                    break;
                }
                let at = rng.below(bytes.len() as u64) as usize;
                bytes[at] = rng.next() as u8;
            }
            for _ in 0..rng.below(40) {
                bytes.push(rng.next() as u8);
            }
            let parts = random_splits(&bytes, &mut rng, 12);
            let _ = frame_all(&parts, 64);
        }
    }
}

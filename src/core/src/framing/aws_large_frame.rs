//! One AWS event-stream frame longer than the cap, read as it streams ([`LargeFrame`]).
//!
//! After its prelude (checked by the framer), the frame's bytes are consumed in place:
//! - the headers (at most the cap, and at most [`MAX_HEADERS_BYTES`]) are kept;
//! - the payload is fed to a [`JsonReducer`] with the format's [`ReduceSchema`], which keeps
//!   a skeleton of at most the cap and hands out visible text as it streams; with
//!   [`EventStreamPayload::Base64Bytes`] the payload is `{"bytes":"<base64>"}`: the `bytes`
//!   string is decoded as it streams ([`Base64Stream`]) and the decoded document goes to a
//!   second reducer with the schema, whose skeleton becomes the frame's payload
//!   ([`AwsFrame::payload_is_decoded`]);
//! - the message CRC (CRC-32 of every byte before it) is computed incrementally
//!   (`crc32fast::Hasher`) and checked at the end: the frame is dispatched only when it
//!   matches (its text pieces have been handed out by then).

use super::aws_frame::{parse_headers, AwsFrame, FrameError, PRELUDE_BYTES};
use super::base64_stream::Base64Stream;
use super::json_reduce::{
    EventStreamPayload, JsonReducer, ReduceError, ReduceSchema, TextKind, TextRule, When,
};

/// Longest headers section, in bytes: 128 KiB, the limit of the AWS SDKs' event-stream
/// decoders (aws-sdk-kotlin `MAX_HEADER_SIZE`, smithy-python `_MAX_HEADERS_LENGTH`).
pub const MAX_HEADERS_BYTES: usize = 128 * 1024;

/// The outer document of a [`EventStreamPayload::Base64Bytes`] payload: only `bytes`, whose
/// contents stream out as "text" to the base64 decoder.
static BYTES_MEMBER: ReduceSchema = ReduceSchema {
    keep: &["bytes"],
    text: &[TextRule {
        path: "bytes",
        kind: TextKind::Visible,
        when: When::Always,
    }],
    event_stream_payload: EventStreamPayload::Json,
};

/// How a large frame ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LargeFrameEnd {
    /// Dispatched.
    Dispatched,
    /// Its kept part (headers or skeleton) exceeded the cap.
    TooLarge,
    Error(FrameError),
}

/// The reading of one large frame, reused from frame to frame.
#[derive(Debug)]
pub struct LargeFrame {
    cap: usize,
    schema: &'static ReduceSchema,
    total: usize,
    headers_len: usize,
    /// Bytes of the frame consumed, prelude included.
    at: usize,
    crc: crc32fast::Hasher,
    crc_bytes: [u8; 4],
    headers: Vec<u8>,
    headers_too_large: bool,
    /// The payload's reducer.
    payload: Box<JsonReducer>,
    /// For base64 payloads: the decoder and the decoded document's reducer.
    base64: Base64Stream,
    decoded: Option<Box<JsonReducer>>,
}

impl LargeFrame {
    pub fn new(cap: usize, schema: &'static ReduceSchema) -> Self {
        let (outer, decoded) = match schema.event_stream_payload {
            EventStreamPayload::Json => (schema, None),
            EventStreamPayload::Base64Bytes => {
                (&BYTES_MEMBER, Some(Box::new(JsonReducer::new(schema, cap))))
            }
        };
        LargeFrame {
            cap,
            schema,
            total: 0,
            headers_len: 0,
            at: 0,
            crc: crc32fast::Hasher::new(),
            crc_bytes: [0; 4],
            headers: Vec::new(),
            headers_too_large: false,
            payload: Box::new(JsonReducer::new(outer, cap)),
            base64: Base64Stream::new(),
            decoded,
        }
    }

    /// The schema this reader was made for.
    pub fn schema(&self) -> &'static ReduceSchema {
        self.schema
    }

    /// Starts a frame of `total` bytes whose checked 12-byte `prelude` has been consumed.
    pub fn start(&mut self, prelude: &[u8], total: usize, headers_len: usize) {
        self.total = total;
        self.headers_len = headers_len;
        self.at = PRELUDE_BYTES;
        self.crc = crc32fast::Hasher::new();
        self.crc.update(prelude);
        self.headers.clear();
        self.headers_too_large = headers_len > self.cap.min(MAX_HEADERS_BYTES);
        self.payload.reset(b"");
        self.base64 = Base64Stream::new();
        if let Some(decoded) = self.decoded.as_mut() {
            decoded.reset(b"");
        }
    }

    /// Bytes of the frame still to read.
    pub fn remaining(&self) -> usize {
        self.total - self.at
    }

    /// Bytes of memory reserved.
    pub fn reserved_bytes(&self) -> usize {
        self.headers.capacity()
            + self.payload.reserved_bytes()
            + self.decoded.as_ref().map_or(0, |d| d.reserved_bytes())
    }

    /// Consumes the frame's next bytes from the start of `read` (at most
    /// [`Self::remaining`]); returns how many. Visible text goes to `on_text`.
    pub fn feed(&mut self, read: &[u8], on_text: &mut dyn FnMut(&[u8])) -> usize {
        let take = self.remaining().min(read.len());
        let mut bytes = read.get(..take).unwrap_or_default();
        let headers_end = PRELUDE_BYTES + self.headers_len;
        let crc_at = self.total - 4;
        while !bytes.is_empty() {
            let (end, section) = if self.at < headers_end {
                (headers_end, 0)
            } else if self.at < crc_at {
                (crc_at, 1)
            } else {
                (self.total, 2)
            };
            let n = (end - self.at).min(bytes.len());
            let (part, rest) = bytes.split_at(n);
            match section {
                0 => {
                    self.crc.update(part);
                    if !self.headers_too_large {
                        if self.headers.capacity() < self.headers_len {
                            self.headers.reserve_exact(self.headers_len);
                        }
                        self.headers.extend_from_slice(part);
                    }
                }
                1 => {
                    self.crc.update(part);
                    self.feed_payload(part, on_text);
                }
                _ => {
                    let from = self.at - crc_at;
                    if let Some(slot) = self.crc_bytes.get_mut(from..from + n) {
                        slot.copy_from_slice(part);
                    }
                }
            }
            self.at += n;
            bytes = rest;
        }
        take
    }

    fn feed_payload(&mut self, part: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        let LargeFrame {
            payload,
            base64,
            decoded,
            ..
        } = self;
        match decoded {
            None => payload.feed(part, on_text),
            Some(decoded) => payload.feed(part, &mut |b64: &[u8]| {
                base64.feed(b64, &mut |doc: &[u8]| decoded.feed(doc, on_text));
            }),
        }
    }

    /// Ends the frame (all of it consumed): checks the CRC and dispatches it.
    pub fn finish<F: FnMut(AwsFrame<'_>)>(&mut self, on_frame: &mut F) -> LargeFrameEnd {
        if self.crc.clone().finalize() != u32::from_be_bytes(self.crc_bytes) {
            return LargeFrameEnd::Error(FrameError::MessageCrc);
        }
        if self.headers_too_large {
            return LargeFrameEnd::TooLarge;
        }
        let mut frame = match parse_headers(&self.headers) {
            Ok(frame) => frame,
            Err(e) => return LargeFrameEnd::Error(e),
        };
        let outer = match self.payload.finish() {
            Ok(skeleton) => skeleton,
            Err(ReduceError::TooLarge) => return LargeFrameEnd::TooLarge,
            // Not a JSON document: a truncated one the decoder reports as malformed.
            Err(ReduceError::Syntax) => b"{",
        };
        frame.payload = outer;
        if let Some(decoded) = self.decoded.as_mut() {
            if self.base64.failed() {
                frame.payload = b"{";
                frame.payload_is_decoded = true;
            } else if self.base64.decoded_bytes() > 0 {
                frame.payload = match decoded.finish() {
                    Ok(skeleton) => skeleton,
                    Err(ReduceError::TooLarge) => return LargeFrameEnd::TooLarge,
                    Err(ReduceError::Syntax) => b"{",
                };
                frame.payload_is_decoded = true;
            }
        }
        on_frame(frame);
        LargeFrameEnd::Dispatched
    }
}

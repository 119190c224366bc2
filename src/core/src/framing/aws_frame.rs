//! One AWS event-stream frame as the decoders see it ([`AwsFrame`]) and the reading of its
//! headers section (wire format: see [`super::aws_eventstream`]).

/// Bytes of the prelude (total length, headers length, prelude CRC).
pub const PRELUDE_BYTES: usize = 12;

/// One frame. Header values are empty when the header is absent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AwsFrame<'a> {
    /// `:event-type` (`messageStart`, `contentBlockDelta`, `chunk`…).
    pub event_type: &'a [u8],
    /// `:message-type`: `event`, `exception` or `error`.
    pub message_type: &'a [u8],
    /// `:exception-type` of an exception frame (`throttlingException`…).
    pub exception_type: &'a [u8],
    /// `:error-code` of an error frame.
    pub error_code: &'a [u8],
    /// `:content-type` of the payload (`application/json`).
    pub content_type: &'a [u8],
    pub payload: &'a [u8],
    /// The payload is the skeleton of the base64-decoded `bytes` member of a frame longer
    /// than the cap ([`super::json_reduce::EventStreamPayload::Base64Bytes`]), not the
    /// frame's own JSON.
    pub payload_is_decoded: bool,
}

impl AwsFrame<'_> {
    /// An `exception` or `error` frame (as opposed to an `event`).
    pub fn is_exception(&self) -> bool {
        self.message_type == b"exception" || self.message_type == b"error"
    }
}

/// Why bytes could not be read as a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameError {
    /// Fewer bytes than the frame needs.
    Incomplete,
    /// Prelude CRC mismatch or impossible lengths: the frame's length cannot be trusted.
    CorruptPrelude,
    /// The message CRC does not match.
    MessageCrc,
    /// The headers section cannot be parsed (truncated header, unknown value type).
    MalformedHeaders,
}

fn be_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let b: [u8; 2] = bytes.get(at..at + 2)?.try_into().ok()?;
    Some(u16::from_be_bytes(b))
}

/// Reads a headers section into a frame without payload.
pub fn parse_headers(headers: &[u8]) -> Result<AwsFrame<'_>, FrameError> {
    let mut out = AwsFrame::default();
    let mut at = 0;
    while at < headers.len() {
        let name_len = usize::from(*headers.get(at).ok_or(FrameError::MalformedHeaders)?);
        let name = headers
            .get(at + 1..at + 1 + name_len)
            .ok_or(FrameError::MalformedHeaders)?;
        at += 1 + name_len;
        let kind = *headers.get(at).ok_or(FrameError::MalformedHeaders)?;
        at += 1;
        let fixed = match kind {
            0 | 1 => Some(0),
            2 => Some(1),
            3 => Some(2),
            4 => Some(4),
            5 | 8 => Some(8),
            9 => Some(16),
            6 | 7 => None,
            _ => return Err(FrameError::MalformedHeaders),
        };
        let (value, len) = match fixed {
            Some(n) => (headers.get(at..at + n), n),
            None => {
                let n = usize::from(be_u16(headers, at).ok_or(FrameError::MalformedHeaders)?);
                (headers.get(at + 2..at + 2 + n), 2 + n)
            }
        };
        let value = value.ok_or(FrameError::MalformedHeaders)?;
        at += len;
        if kind == 7 {
            match name {
                b":event-type" => out.event_type = value,
                b":message-type" => out.message_type = value,
                b":exception-type" => out.exception_type = value,
                b":error-code" => out.error_code = value,
                b":content-type" => out.content_type = value,
                _ => {}
            }
        }
    }
    Ok(out)
}

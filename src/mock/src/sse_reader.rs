//! Client side of a chat completion stream, as the demo and the benchmark's load generator
//! read it: splits received bytes into SSE events (events may be split across reads) and
//! reads what a client measures from each one — [`classify`] (content, `[DONE]`, other; parses
//! the JSON) or, on the benchmark's hot path, [`inspect`] (the send stamp and whether it is
//! content, without parsing).

use serde_json::Value;

/// One complete event, as [`classify`] sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SseEvent {
    /// A chunk whose first choice carries non-empty `delta.content`.
    Content,
    /// `data: [DONE]`.
    Done,
    /// Anything else (role chunk, finish chunk, usage chunk, comments).
    Other,
}

/// Accumulates body bytes until events are complete. Events end at a blank line (`\n\n`,
/// `\r\n\r\n` or `\n\r\n`).
#[derive(Debug, Default)]
pub struct SseReader {
    pending: Vec<u8>,
}

impl SseReader {
    /// Feeds `bytes` and calls `on_event` with each event they complete (without the blank
    /// line that ends it). No allocation once the buffer has grown to the largest event.
    pub fn feed(&mut self, bytes: &[u8], mut on_event: impl FnMut(&[u8])) {
        self.pending.extend_from_slice(bytes);
        let mut consumed = 0;
        while let Some((end, sep)) = find_boundary(&self.pending[consumed..]) {
            on_event(&self.pending[consumed..consumed + end]);
            consumed += end + sep;
        }
        self.pending.drain(..consumed);
    }

    /// Feeds `bytes` and returns the events completed by them, classified.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<SseEvent> {
        let mut events = Vec::new();
        self.feed(bytes, |event| events.push(classify(event)));
        events
    }
}

/// Offset of the first blank-line boundary and its length: a line feed followed by another
/// (`\n\n` = 2) or by `\r\n` (3); a carriage return just before the first line feed belongs
/// to the boundary (`\r\n\r\n` = 4).
fn find_boundary(buf: &[u8]) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'\n', &buf[from..]) {
        let lf = from + at;
        let after = &buf[lf + 1..];
        let blank = if after.starts_with(b"\n") {
            Some(1)
        } else if after.starts_with(b"\r\n") {
            Some(2)
        } else {
            None
        };
        if let Some(rest) = blank {
            let end = if lf > 0 && buf[lf - 1] == b'\r' {
                lf - 1
            } else {
                lf
            };
            return Some((end, lf + 1 + rest - end));
        }
        from = lf + 1;
    }
    None
}

/// Classifies an event by its JSON.
pub fn classify(event: &[u8]) -> SseEvent {
    let text = String::from_utf8_lossy(event);
    let data: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("data:"))
        .map(|d| d.strip_prefix(' ').unwrap_or(d))
        .collect();
    let data = data.join("\n");
    if data.trim() == "[DONE]" {
        return SseEvent::Done;
    }
    let Ok(value) = serde_json::from_str::<Value>(&data) else {
        return SseEvent::Other;
    };
    let content = value
        .pointer("/choices/0/delta/content")
        .and_then(Value::as_str)
        .unwrap_or("");
    if content.is_empty() {
        SseEvent::Other
    } else {
        SseEvent::Content
    }
}

/// What the benchmark's client needs from one received event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    /// The upstream's send stamp ([`crate::stamped_event`]), if the event carries one.
    pub sent_ns: Option<u64>,
    /// The event carries non-empty `delta.content` (a content chunk).
    pub content: bool,
}

/// Reads an event's stamp and whether it is a content chunk, without parsing the JSON:
/// the stamp is the leading `"t":` number, content is a `"content":"` not followed by `"`.
/// (Proxies that re-serialise chunks, such as LiteLLM, drop the stamp; content still counts.)
pub fn inspect(event: &[u8]) -> Received {
    let sent_ns = memchr::memmem::find(event, b"{\"t\":").and_then(|at| {
        let digits = &event[at + 5..];
        let end = digits
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(digits.len());
        std::str::from_utf8(&digits[..end]).ok()?.parse().ok()
    });
    let content = memchr::memmem::find_iter(event, b"\"content\":").any(|at| {
        let rest = &event[at + 10..];
        let rest = rest.trim_ascii_start();
        rest.len() >= 2 && rest[0] == b'"' && rest[1] != b'"'
    });
    Received { sent_ns, content }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_split_across_reads() {
        let mut r = SseReader::default();
        let role = r#"data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}"#;
        let content = r#"data: {"choices":[{"index":0,"delta":{"content":"hi "}}]}"#;
        let stream = format!("{role}\n\n{content}\r\n\r\n: comment\n\ndata: [DONE]\n\n");
        let (a, b) = stream.as_bytes().split_at(role.len() + 20);
        let mut events = r.push(a);
        assert_eq!(events, [SseEvent::Other]);
        events = r.push(b);
        assert_eq!(events, [SseEvent::Content, SseEvent::Other, SseEvent::Done]);
        assert!(r
            .push(b"data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}")
            .is_empty());
        assert_eq!(r.push(b"\n\n"), [SseEvent::Content]);
    }

    #[test]
    fn boundaries_of_every_line_ending_are_found_and_consumed() {
        let mut r = SseReader::default();
        let mut events = Vec::new();
        r.feed(b"data: a\n\ndata: b\r\n\r\ndata: c\n\r\ndata: d\r\n", |e| {
            events.push(e.to_vec())
        });
        assert_eq!(events, [&b"data: a"[..], b"data: b", b"data: c"]);
        events.clear();
        r.feed(b"\r\n", |e| events.push(e.to_vec()));
        assert_eq!(events, [&b"data: d"[..]]);
        assert_eq!(find_boundary(b"data: x\ndata: y\n"), None);
    }
}

//! Client side of an OpenAI chat completion stream: splits received bytes into SSE events
//! and classifies them (content, `[DONE]`, other).

use serde_json::Value;

/// One complete event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SseEvent {
    /// A chunk whose first choice carries non-empty `delta.content`.
    Content,
    /// `data: [DONE]`.
    Done,
    /// Anything else (role chunk, finish chunk, usage chunk, comments).
    Other,
}

/// Accumulates body bytes; events may be split across reads.
#[derive(Debug, Default)]
pub struct SseReader {
    pending: Vec<u8>,
}

impl SseReader {
    /// Feeds `bytes` and returns the events completed by them.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<SseEvent> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        while let Some((end, sep)) = find_boundary(&self.pending) {
            let event: Vec<u8> = self.pending.drain(..end + sep).collect();
            events.push(classify(&event[..end]));
        }
        events
    }
}

/// Offset of the first blank-line boundary and its length (`\n\n` = 2, `\r\n\r\n` = 4).
fn find_boundary(buf: &[u8]) -> Option<(usize, usize)> {
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    let crlf = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4));
    match (lf, crlf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn classify(event: &[u8]) -> SseEvent {
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
}

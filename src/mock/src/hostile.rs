//! Hostile responses for robustness tests (`x-mock-hostile: MODE`): streams a proxy filter must
//! pass through untouched without breaking, growing or mis-reading them. Every mode answers an
//! OpenAI chat stream (`text/event-stream`) for the request's `model`, byte-for-byte the same
//! on every request (no ids or clocks that change), so a test can fetch it once directly and
//! once through the proxy and compare digests.
//!
//! | mode | body |
//! |---|---|
//! | `big-event` | a role chunk, then ONE content event of `x-mock-hostile-bytes` bytes (default 100 MiB) with no line break inside, then a normal end (`finish_reason` `stop`, usage, `[DONE]`); written in 64 KiB pieces from one static buffer, never held whole |
//! | `invalid-utf8` | content strings, an event name and a comment carrying bytes that are not UTF-8 (stray continuation bytes, an overlong `/`, a UTF-16 surrogate, a character cut by the end of the string), then a normal end |
//! | `nul` | NUL bytes inside a JSON string, alone on a line, inside a field name and after `data:`, then a normal end |
//! | `nesting-bomb` | a 20 000-deep array, a 10 000-deep object and a content chunk with a 20 000-deep unknown field (each under the default 64 KiB event cap), then a normal end |
//! | `byte-per-write` | a normal 8-event stream written one byte per body frame |
//! | `reset-mid-event` | a role chunk and 3 content events, then half an event, then the connection is dropped |
//! | `echo` | the bytes of the request's `echo_bytes` array (numbers 0–255) as the response body, labelled with `x-mock-content-encoding`: e.g. a gzip- or brotli-compressed stream the test made (the request stays a JSON chat request with its `model`) |

use super::body::{streamed, MockBody, Piece};
use super::overrides::{text, BadHeader};
use bytes::Bytes;
use hyper::header::{HeaderMap, HeaderValue, CONTENT_ENCODING, CONTENT_TYPE};
use hyper::{Response, StatusCode};
use std::time::Duration;

/// Default size of the `big-event` event, in bytes (100 MiB).
pub const DEFAULT_BIG_EVENT_BYTES: u64 = 100 * 1024 * 1024;
/// Largest accepted `x-mock-hostile-bytes` (4 GiB).
const MAX_BIG_EVENT_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// Depth of the `nesting-bomb` arrays (2 bytes a level).
pub const BOMB_DEPTH: usize = 20_000;
/// Depth of the `nesting-bomb` object (6 bytes a level: 60 000 bytes, under the 64 KiB cap).
pub const OBJECT_BOMB_DEPTH: usize = 10_000;
/// Size of the pieces `big-event` is written in.
const FILL_BYTES: usize = 64 * 1024;
/// The content of the big event: one static buffer written over and over.
static FILL: [u8; FILL_BYTES] = [b'a'; FILL_BYTES];

/// A hostile response asked for by `x-mock-hostile`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hostile {
    BigEvent { bytes: u64 },
    InvalidUtf8,
    Nul,
    NestingBomb,
    BytePerWrite,
    ResetMidEvent,
    Echo { content_encoding: Option<String> },
}

const MODES: &str =
    "big-event, invalid-utf8, nul, nesting-bomb, byte-per-write, reset-mid-event or echo";

impl Hostile {
    /// Reads `x-mock-hostile` (and `x-mock-hostile-bytes`, `x-mock-content-encoding`);
    /// `None` when the request did not ask for a hostile answer.
    pub fn from_headers(headers: &HeaderMap) -> Result<Option<Hostile>, BadHeader> {
        let Some(mode) = text(headers, "x-mock-hostile")? else {
            return Ok(None);
        };
        let hostile = match mode.as_str() {
            "big-event" => Hostile::BigEvent {
                bytes: big_event_bytes(headers)?,
            },
            "invalid-utf8" => Hostile::InvalidUtf8,
            "nul" => Hostile::Nul,
            "nesting-bomb" => Hostile::NestingBomb,
            "byte-per-write" => Hostile::BytePerWrite,
            "reset-mid-event" => Hostile::ResetMidEvent,
            "echo" => Hostile::Echo {
                content_encoding: text(headers, "x-mock-content-encoding")?,
            },
            _ => {
                return Err(BadHeader {
                    name: "x-mock-hostile",
                    value: mode,
                    expected: MODES,
                })
            }
        };
        Ok(Some(hostile))
    }

    /// The response for a request whose body is `request`.
    pub fn respond(self, request: Bytes) -> Response<MockBody> {
        let model = request_model(&request);
        let chunks = Chunks { model: &model };
        let (body, encoding) = match self {
            Hostile::BigEvent { bytes } => (streamed(chunks.big_event(bytes), None), None),
            Hostile::InvalidUtf8 => (in_pieces(chunks.invalid_utf8()), None),
            Hostile::Nul => (in_pieces(chunks.nul()), None),
            Hostile::NestingBomb => (in_pieces(chunks.nesting_bomb()), None),
            Hostile::BytePerWrite => {
                let stream: Vec<u8> = chunks.normal(8).concat();
                let pieces: Vec<Piece> = (0..stream.len())
                    .map(|i| piece(Bytes::copy_from_slice(&stream[i..=i])))
                    .collect();
                (streamed(pieces.into_iter(), None), None)
            }
            Hostile::ResetMidEvent => {
                let mut events = chunks.normal(3);
                events.truncate(4); // role + 3 content events, no end
                let half = chunks.content("never finished");
                events.push(half[..half.len() / 2].to_vec());
                let sent = events.iter().map(Vec::len).sum();
                (streamed(events.into_iter().map(owned), Some(sent)), None)
            }
            Hostile::Echo { content_encoding } => (
                streamed(std::iter::once(owned(echo_bytes(&request))), None),
                content_encoding,
            ),
        };
        let mut response = Response::new(body);
        *response.status_mut() = StatusCode::OK;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
        if let Some(value) = encoding.and_then(|e| HeaderValue::from_str(&e).ok()) {
            headers.insert(CONTENT_ENCODING, value);
        }
        response
    }
}

fn big_event_bytes(headers: &HeaderMap) -> Result<u64, BadHeader> {
    let name = "x-mock-hostile-bytes";
    let Some(raw) = text(headers, name)? else {
        return Ok(DEFAULT_BIG_EVENT_BYTES);
    };
    raw.parse::<u64>()
        .ok()
        .filter(|n| (1..=MAX_BIG_EVENT_BYTES).contains(n))
        .ok_or(BadHeader {
            name,
            value: raw,
            expected: "a whole number of bytes, 1 to 4 GiB",
        })
}

/// The request's `model` (made safe for a JSON string), or `hostile`.
fn request_model(request: &[u8]) -> String {
    serde_json::from_slice::<serde_json::Value>(request)
        .ok()
        .and_then(|v| v.get("model").and_then(|m| m.as_str()).map(str::to_owned))
        .filter(|m| {
            !m.is_empty()
                && m.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._:/".contains(&b))
        })
        .unwrap_or_else(|| "hostile".to_owned())
}

/// The request's `echo_bytes` (empty when absent or not an array of bytes).
fn echo_bytes(request: &[u8]) -> Vec<u8> {
    #[derive(serde::Deserialize)]
    struct Echo {
        echo_bytes: Vec<u8>,
    }
    serde_json::from_slice::<Echo>(request)
        .map(|e| e.echo_bytes)
        .unwrap_or_default()
}

fn piece(bytes: Bytes) -> Piece {
    Piece {
        delay: Duration::ZERO,
        bytes,
    }
}

fn owned(bytes: Vec<u8>) -> Piece {
    piece(Bytes::from(bytes))
}

/// One body frame per event.
fn in_pieces(events: Vec<Vec<u8>>) -> MockBody {
    streamed(events.into_iter().map(owned), None)
}

/// Builds the SSE events of an OpenAI chat stream.
struct Chunks<'m> {
    model: &'m str,
}

impl Chunks<'_> {
    /// `data: <chunk>\n\n` with this `delta` JSON and finish reason.
    fn chunk(&self, delta: &str, finish: &str) -> Vec<u8> {
        format!(
            "data: {{\"id\":\"chatcmpl-hostile\",\"object\":\"chat.completion.chunk\",\"created\":0,\
             \"model\":\"{}\",\"choices\":[{{\"index\":0,\"delta\":{delta},\"finish_reason\":{finish}}}]}}\n\n",
            self.model
        )
        .into_bytes()
    }

    fn role(&self) -> Vec<u8> {
        self.chunk(r#"{"role":"assistant","content":""}"#, "null")
    }

    fn content(&self, text: &str) -> Vec<u8> {
        self.chunk(&format!("{{\"content\":\"{text}\"}}"), "null")
    }

    /// The end of every stream: finish reason `stop`, a usage chunk, `[DONE]`.
    fn end(&self, completion_tokens: u32) -> Vec<Vec<u8>> {
        vec![
            self.chunk("{}", "\"stop\""),
            format!(
                "data: {{\"id\":\"chatcmpl-hostile\",\"object\":\"chat.completion.chunk\",\"created\":0,\
                 \"model\":\"{}\",\"choices\":[],\"usage\":{{\"prompt_tokens\":5,\
                 \"completion_tokens\":{completion_tokens},\"total_tokens\":{}}}}}\n\n",
                self.model,
                5 + completion_tokens
            )
            .into_bytes(),
            b"data: [DONE]\n\n".to_vec(),
        ]
    }

    /// A well-formed stream of `n` one-word content events.
    fn normal(&self, n: u32) -> Vec<Vec<u8>> {
        let mut events = vec![self.role()];
        events.extend((0..n).map(|i| self.content(&format!("word{i} "))));
        events.extend(self.end(n));
        events
    }

    fn big_event(&self, bytes: u64) -> impl Iterator<Item = Piece> + Send + 'static {
        let head = [self.role(), self.content("")].concat();
        // The content event without its closing `"}...\n\n`: the big string goes in between.
        let open = head.len() - b"\"},\"finish_reason\":null}]}\n\n".len();
        let tail: Vec<u8> = [
            head[open..].to_vec(),
            self.end(1).concat(), // one (huge) content event
        ]
        .concat();
        let head = Bytes::from(head[..open].to_vec());
        let full = bytes / FILL_BYTES as u64;
        let rest = (bytes % FILL_BYTES as u64) as usize;
        std::iter::once(piece(head))
            .chain((0..full).map(|_| piece(Bytes::from_static(&FILL))))
            .chain((rest > 0).then(|| piece(Bytes::from_static(&FILL[..rest]))))
            .chain(std::iter::once(piece(Bytes::from(tail))))
    }

    fn invalid_utf8(&self) -> Vec<Vec<u8>> {
        let mut events = vec![self.role()];
        for bad in [
            &b"\xff\xfe stray bytes"[..],
            b"overlong \xc0\xaf slash",
            b"surrogate \xed\xa0\x80 half",
            b"cut at the end \xe2\x82",
        ] {
            let mut text = bad.to_vec();
            text.push(b' ');
            let template = self.content("\u{1}");
            let at = template.iter().position(|&b| b == 1).unwrap_or(0);
            events.push([&template[..at], &text[..], &template[at + 1..]].concat());
        }
        events.push(b"event: \xff\xfe\ndata: {}\n\n".to_vec());
        events.push(b": comment \xc3\x28 \xa0\xa1\n\n".to_vec());
        events.extend(self.end(4));
        events
    }

    fn nul(&self) -> Vec<Vec<u8>> {
        let mut events = vec![self.role()];
        let template = self.content("a\u{1}b");
        events.push(
            template
                .iter()
                .map(|&b| if b == 1 { 0 } else { b })
                .collect(),
        );
        events.push(b"\0\n\n".to_vec());
        events.push(b"da\0ta: {\"x\":1}\n\n".to_vec());
        events.push(b"data:\0\0\0\n\n".to_vec());
        events.push(self.content("after the nuls"));
        events.extend(self.end(2));
        events
    }

    fn nesting_bomb(&self) -> Vec<Vec<u8>> {
        let mut events = vec![self.role()];
        let arrays = format!(
            "data: {}{}\n\n",
            "[".repeat(BOMB_DEPTH),
            "]".repeat(BOMB_DEPTH)
        );
        events.push(arrays.into_bytes());
        let objects = format!(
            "data: {}1{}\n\n",
            "{\"a\":".repeat(OBJECT_BOMB_DEPTH),
            "}".repeat(OBJECT_BOMB_DEPTH)
        );
        events.push(objects.into_bytes());
        let deep_field = format!(
            "{{\"content\":\"deep\",\"x\":{}{}}}",
            "[".repeat(BOMB_DEPTH),
            "]".repeat(BOMB_DEPTH)
        );
        events.push(self.chunk(&deep_field, "null"));
        events.push(self.content("after the bomb"));
        events.extend(self.end(2));
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::headers;
    use http_body_util::BodyExt;

    async fn body_of(hostile: Hostile, request: &'static str) -> (Vec<u8>, bool) {
        let mut body = hostile
            .respond(Bytes::from_static(request.as_bytes()))
            .into_body();
        let mut out = Vec::new();
        while let Some(frame) = body.frame().await {
            match frame {
                Ok(f) => out.extend_from_slice(&f.into_data().unwrap()),
                Err(_) => return (out, false),
            }
        }
        (out, true)
    }

    #[test]
    fn modes_are_read_from_headers() {
        assert_eq!(Hostile::from_headers(&headers(&[])).unwrap(), None);
        assert_eq!(
            Hostile::from_headers(&headers(&[("x-mock-hostile", "big-event")])).unwrap(),
            Some(Hostile::BigEvent {
                bytes: DEFAULT_BIG_EVENT_BYTES
            })
        );
        assert_eq!(
            Hostile::from_headers(&headers(&[
                ("x-mock-hostile", "echo"),
                ("x-mock-content-encoding", "br")
            ]))
            .unwrap(),
            Some(Hostile::Echo {
                content_encoding: Some("br".into())
            })
        );
        let err = Hostile::from_headers(&headers(&[("x-mock-hostile", "bogus")])).unwrap_err();
        assert!(err.to_string().contains("big-event"), "{err}");
        assert!(Hostile::from_headers(&headers(&[
            ("x-mock-hostile", "big-event"),
            ("x-mock-hostile-bytes", "0")
        ]))
        .is_err());
    }

    #[tokio::test]
    async fn big_event_is_one_line_of_the_asked_size_between_normal_events() {
        let bytes = 3 * FILL_BYTES as u64 + 17;
        let (body, clean) = body_of(Hostile::BigEvent { bytes }, r#"{"model":"m"}"#).await;
        assert!(clean);
        let events: Vec<&[u8]> = body
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(events.len(), 5, "role, big, stop, usage, [DONE]");
        let big: serde_json::Value = serde_json::from_slice(&events[1][6..]).unwrap();
        let content = big["choices"][0]["delta"]["content"].as_str().unwrap();
        assert_eq!(content.len() as u64, bytes);
        assert!(body.ends_with(b"data: [DONE]\n\n"));
    }

    #[tokio::test]
    async fn structured_modes_end_normally_and_are_deterministic() {
        for mode in [
            Hostile::InvalidUtf8,
            Hostile::Nul,
            Hostile::NestingBomb,
            Hostile::BytePerWrite,
        ] {
            let (a, clean) = body_of(mode.clone(), r#"{"model":"m"}"#).await;
            let (b, _) = body_of(mode.clone(), r#"{"model":"m"}"#).await;
            assert!(clean, "{mode:?}");
            assert_eq!(a, b, "{mode:?} is deterministic");
            assert!(a.ends_with(b"data: [DONE]\n\n"), "{mode:?}");
            assert!(
                a.windows(19).any(|w| w == b"\"finish_reason\":\"st"),
                "{mode:?}"
            );
        }
        let (nul, _) = body_of(Hostile::Nul, "{}").await;
        assert!(nul.contains(&0));
        let (bad, _) = body_of(Hostile::InvalidUtf8, "{}").await;
        assert!(std::str::from_utf8(&bad).is_err());
        let (bomb, _) = body_of(Hostile::NestingBomb, "{}").await;
        assert!(bomb
            .windows(BOMB_DEPTH)
            .any(|w| w.iter().all(|&b| b == b'[')));
        // Each bomb stays under the filter's default 64 KiB event cap, so it is really parsed.
        for event in bomb.split(|&b| b == b'\n').filter(|e| !e.is_empty()) {
            assert!(event.len() < 65_536, "a {}-byte event", event.len());
        }
    }

    #[tokio::test]
    async fn reset_mid_event_stops_inside_an_event_then_fails() {
        let (body, clean) = body_of(Hostile::ResetMidEvent, r#"{"model":"m"}"#).await;
        assert!(!clean, "the body must fail (connection dropped)");
        assert!(!body.ends_with(b"\n\n"), "cut inside an event");
        assert_eq!(body.windows(2).filter(|w| w == b"\n\n").count(), 4);
    }

    #[tokio::test]
    async fn echo_returns_the_requested_bytes() {
        let hostile = Hostile::Echo {
            content_encoding: Some("gzip".into()),
        };
        let request = r#"{"model":"m","echo_bytes":[31,139,0,255]}"#;
        let response = hostile
            .clone()
            .respond(Bytes::from_static(request.as_bytes()));
        assert_eq!(response.headers()[CONTENT_ENCODING], "gzip");
        let (body, clean) = body_of(hostile, request).await;
        assert!(clean);
        assert_eq!(body, [31, 139, 0, 255]);
    }
}

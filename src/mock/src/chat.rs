//! OpenAI chat completions: request reading and the deterministic response (SSE events or
//! one JSON body).
//!
//! Text: completion token *i* is the word `LOREM[i % LOREM.len()]` followed by a space, so
//! completion tokens = words. Prompt tokens: the characters (Unicode scalar values) of all
//! message contents / 4, rounded up, at least 1 — a stand-in for a tokenizer that keeps
//! usage numbers predictable.

use super::body::Piece;
use bytes::Bytes;
use serde::Serialize;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// The words completions are made of, cycled.
pub const LOREM: &[&str] = &[
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
    "incididunt",
    "ut",
    "labore",
    "et",
    "dolore",
    "magna",
    "aliqua",
];

/// What the mock needs from a chat completion request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatRequest {
    /// `model`, echoed in the response (`mock-model` when absent).
    pub model: String,
    /// `stream`.
    pub stream: bool,
    /// `stream_options.include_usage`, when present.
    pub include_usage: Option<bool>,
    /// Characters of all message contents (string contents and `text` parts).
    pub prompt_chars: usize,
    /// `max_completion_tokens`, else `max_tokens`.
    pub max_tokens: Option<u32>,
}

/// Reads the request body; the error is a message for the client.
pub fn parse_chat_request(body: &[u8]) -> Result<ChatRequest, String> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| format!("request body is not JSON: {e}"))?;
    let obj = value
        .as_object()
        .ok_or_else(|| "request body must be a JSON object".to_owned())?;
    let model = obj
        .get("model")
        .and_then(Value::as_str)
        .unwrap_or("mock-model")
        .to_owned();
    let stream = obj.get("stream").and_then(Value::as_bool).unwrap_or(false);
    let include_usage = obj
        .get("stream_options")
        .and_then(|o| o.get("include_usage"))
        .and_then(Value::as_bool);
    let prompt_chars = obj
        .get("messages")
        .and_then(Value::as_array)
        .map(|messages| messages.iter().map(content_chars).sum())
        .unwrap_or(0);
    let max_tokens = ["max_completion_tokens", "max_tokens"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(Value::as_u64))
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    Ok(ChatRequest {
        model,
        stream,
        include_usage,
        prompt_chars,
        max_tokens,
    })
}

fn content_chars(message: &Value) -> usize {
    match message.get("content") {
        Some(Value::String(s)) => s.chars().count(),
        Some(Value::Array(parts)) => parts
            .iter()
            .filter_map(|p| p.get("text").and_then(Value::as_str))
            .map(|s| s.chars().count())
            .sum(),
        _ => 0,
    }
}

/// Prompt tokens for `chars` characters: ⌈chars / 4⌉, at least 1.
pub fn prompt_tokens(chars: usize) -> u32 {
    u32::try_from(chars.div_ceil(4).max(1)).unwrap_or(u32::MAX)
}

/// Everything one response depends on.
#[derive(Debug, Clone)]
pub struct Plan {
    pub id: String,
    /// Unix time, in seconds.
    pub created: u64,
    pub model: String,
    /// Delay before the first content, in (tokio) time.
    pub ttft: Duration,
    /// Delay between content events.
    pub token_delay: Duration,
    /// Completion tokens (words).
    pub tokens: u32,
    /// Words per content event (≥ 1).
    pub tokens_per_event: u32,
    pub usage: bool,
    pub prompt_tokens: u32,
    /// `stop`, or `length` when `max_tokens` cut the completion.
    pub finish_reason: &'static str,
}

impl Plan {
    fn content_events(&self) -> u32 {
        self.tokens.div_ceil(self.tokens_per_event.max(1))
    }

    /// Words `start..end` (token indices), each followed by a space.
    fn words(&self, start: u32, end: u32) -> String {
        let mut out = String::new();
        for i in start..end.min(self.tokens) {
            out.push_str(LOREM[i as usize % LOREM.len()]);
            out.push(' ');
        }
        out
    }

    fn usage_value(&self) -> Usage {
        Usage {
            prompt_tokens: self.prompt_tokens,
            completion_tokens: self.tokens,
            total_tokens: self.prompt_tokens.saturating_add(self.tokens),
        }
    }

    fn chunk(&self, delta: Delta<'_>, finish_reason: Option<&str>) -> Bytes {
        let choice = ChunkChoice {
            index: 0,
            delta,
            finish_reason,
        };
        self.event(&Chunk {
            id: &self.id,
            object: "chat.completion.chunk",
            created: self.created,
            model: &self.model,
            choices: std::slice::from_ref(&choice),
            // OpenAI sends `"usage": null` on every chunk when usage was asked for.
            usage: self.usage.then_some(None),
        })
    }

    fn content_event(&self, index: u32) -> Bytes {
        let per = self.tokens_per_event.max(1);
        let text = self.words(index * per, (index + 1) * per);
        self.chunk(
            Delta {
                role: None,
                content: Some(&text),
            },
            None,
        )
    }

    fn event(&self, chunk: &Chunk<'_>) -> Bytes {
        let json = serde_json::to_string(chunk).unwrap_or_default();
        Bytes::from(format!("data: {json}\n\n"))
    }

    /// Finish chunk, usage chunk (when on), `[DONE]`: written back to back.
    fn tail(&self) -> Vec<Piece> {
        let mut out = vec![Piece {
            delay: Duration::ZERO,
            bytes: self.chunk(Delta::default(), Some(self.finish_reason)),
        }];
        if self.usage {
            out.push(Piece {
                delay: Duration::ZERO,
                bytes: self.event(&Chunk {
                    id: &self.id,
                    object: "chat.completion.chunk",
                    created: self.created,
                    model: &self.model,
                    choices: &[],
                    usage: Some(Some(self.usage_value())),
                }),
            });
        }
        out.push(Piece {
            delay: Duration::ZERO,
            bytes: Bytes::from_static(b"data: [DONE]\n\n"),
        });
        out
    }
}

/// The SSE response as timed pieces. The role chunk and the first content event are written
/// together after the TTFT delay (so the first body byte arrives at ≈ TTFT, as with real
/// servers that flush the role chunk with the first token); then one content event per
/// `token_delay`; then the finish chunk, the usage chunk and `data: [DONE]` at once.
pub fn stream_pieces(plan: Plan) -> impl Iterator<Item = Piece> + Send + 'static {
    let plan = Arc::new(plan);
    let events = plan.content_events();
    let first_plan = Arc::clone(&plan);
    let first = std::iter::once_with(move || {
        let role = first_plan.chunk(
            Delta {
                role: Some("assistant"),
                content: Some(""),
            },
            None,
        );
        let mut bytes = role.to_vec();
        if events > 0 {
            bytes.extend_from_slice(&first_plan.content_event(0));
        }
        Piece {
            delay: first_plan.ttft,
            bytes: Bytes::from(bytes),
        }
    });
    let rest_plan = Arc::clone(&plan);
    let rest = (1..events).map(move |i| Piece {
        delay: rest_plan.token_delay,
        bytes: rest_plan.content_event(i),
    });
    let tail = std::iter::once_with(move || plan.tail()).flatten();
    first.chain(rest).chain(tail)
}

/// The non-streaming `chat.completion` body.
pub fn completion_body(plan: &Plan) -> Bytes {
    let text = plan.words(0, plan.tokens);
    let body = Completion {
        id: &plan.id,
        object: "chat.completion",
        created: plan.created,
        model: &plan.model,
        choices: [CompletionChoice {
            index: 0,
            message: Message {
                role: "assistant",
                content: &text,
            },
            finish_reason: plan.finish_reason,
        }],
        usage: plan.usage.then(|| plan.usage_value()),
    };
    Bytes::from(serde_json::to_vec(&body).unwrap_or_default())
}

#[derive(Serialize)]
struct Chunk<'a> {
    id: &'a str,
    object: &'static str,
    created: u64,
    model: &'a str,
    choices: &'a [ChunkChoice<'a>],
    #[serde(skip_serializing_if = "Option::is_none")]
    usage: Option<Option<Usage>>,
}

#[derive(Serialize)]
struct ChunkChoice<'a> {
    index: u32,
    delta: Delta<'a>,
    finish_reason: Option<&'a str>,
}

#[derive(Serialize, Default)]
struct Delta<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<&'a str>,
}

#[derive(Serialize, Clone, Copy)]
struct Usage {
    prompt_tokens: u32,
    completion_tokens: u32,
    total_tokens: u32,
}

#[derive(Serialize)]
struct Completion<'a> {
    id: &'a str,
    object: &'static str,
    created: u64,
    model: &'a str,
    choices: [CompletionChoice<'a>; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    usage: Option<Usage>,
}

#[derive(Serialize)]
struct CompletionChoice<'a> {
    index: u32,
    message: Message<'a>,
    finish_reason: &'a str,
}

#[derive(Serialize)]
struct Message<'a> {
    role: &'static str,
    content: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(tokens: u32, per_event: u32, usage: bool) -> Plan {
        Plan {
            id: "chatcmpl-mock-1".into(),
            created: 1_700_000_000,
            model: "gpt-4o-mini".into(),
            ttft: Duration::from_millis(50),
            token_delay: Duration::from_millis(20),
            tokens,
            tokens_per_event: per_event,
            usage,
            prompt_tokens: 3,
            finish_reason: "stop",
        }
    }

    fn events(piece: &Piece) -> Vec<Value> {
        let text = std::str::from_utf8(&piece.bytes).unwrap();
        assert!(text.ends_with("\n\n"));
        text.split("\n\n")
            .filter(|e| !e.is_empty())
            .map(|e| {
                let data = e.strip_prefix("data: ").unwrap();
                if data == "[DONE]" {
                    Value::String("[DONE]".into())
                } else {
                    serde_json::from_str(data).unwrap()
                }
            })
            .collect()
    }

    #[test]
    fn request_fields_and_prompt_tokens() {
        let body = r#"{"model":"llama-3.1-8b-instruct","stream":true,
            "stream_options":{"include_usage":false},"max_tokens":7,
            "messages":[{"role":"system","content":"abcd"},
                        {"role":"user","content":[{"type":"text","text":"é12"},{"type":"image_url"}]}]}"#;
        let r = parse_chat_request(body.as_bytes()).unwrap();
        assert_eq!(
            r,
            ChatRequest {
                model: "llama-3.1-8b-instruct".into(),
                stream: true,
                include_usage: Some(false),
                prompt_chars: 7,
                max_tokens: Some(7),
            }
        );
        assert_eq!(prompt_tokens(r.prompt_chars), 2);
        assert_eq!(prompt_tokens(0), 1);
        assert_eq!(prompt_tokens(4), 1);
        assert_eq!(prompt_tokens(5), 2);
        let r = parse_chat_request(b"{}").unwrap();
        assert_eq!(
            (r.model.as_str(), r.stream, r.include_usage),
            ("mock-model", false, None)
        );
        assert!(parse_chat_request(b"[1]").is_err());
        assert!(parse_chat_request(b"{").unwrap_err().contains("not JSON"));
    }

    #[test]
    fn stream_is_role_plus_first_content_then_one_event_per_token() {
        let pieces: Vec<Piece> = stream_pieces(plan(3, 1, true)).collect();
        // first (role + content), 2 more contents, finish, usage, [DONE]
        assert_eq!(pieces.len(), 6);
        assert_eq!(pieces[0].delay, Duration::from_millis(50));
        assert!(pieces[1..3]
            .iter()
            .all(|p| p.delay == Duration::from_millis(20)));
        assert!(pieces[3..].iter().all(|p| p.delay.is_zero()));

        let first = events(&pieces[0]);
        assert_eq!(first.len(), 2);
        assert_eq!(
            first[0],
            serde_json::json!({"id":"chatcmpl-mock-1","object":"chat.completion.chunk",
                "created":1_700_000_000u64,"model":"gpt-4o-mini",
                "choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],
                "usage":null})
        );
        assert_eq!(first[1]["choices"][0]["delta"]["content"], "lorem ");
        assert_eq!(
            events(&pieces[2])[0]["choices"][0]["delta"]["content"],
            "dolor "
        );
        let finish = &events(&pieces[3])[0];
        assert_eq!(finish["choices"][0]["delta"], serde_json::json!({}));
        assert_eq!(finish["choices"][0]["finish_reason"], "stop");
        let usage = &events(&pieces[4])[0];
        assert_eq!(usage["choices"], serde_json::json!([]));
        assert_eq!(
            usage["usage"],
            serde_json::json!({"prompt_tokens":3,"completion_tokens":3,"total_tokens":6})
        );
        assert_eq!(&pieces[5].bytes[..], b"data: [DONE]\n\n");
        // The wire form starts exactly as documented.
        assert!(pieces[0].bytes.starts_with(
            b"data: {\"id\":\"chatcmpl-mock-1\",\"object\":\"chat.completion.chunk\","
        ));
    }

    #[test]
    fn without_usage_there_is_no_usage_key_and_no_usage_chunk() {
        let pieces: Vec<Piece> = stream_pieces(plan(2, 1, false)).collect();
        assert_eq!(pieces.len(), 4);
        for piece in &pieces {
            assert!(!std::str::from_utf8(&piece.bytes).unwrap().contains("usage"));
        }
    }

    #[test]
    fn words_per_event_and_zero_tokens() {
        let pieces: Vec<Piece> = stream_pieces(plan(5, 2, false)).collect();
        let contents: Vec<String> = pieces
            .iter()
            .flat_map(events)
            .filter_map(|e| {
                e["choices"][0]["delta"]["content"]
                    .as_str()
                    .map(String::from)
            })
            .collect();
        assert_eq!(contents, ["", "lorem ipsum ", "dolor sit ", "amet "]);
        let pieces: Vec<Piece> = stream_pieces(plan(0, 1, true)).collect();
        assert_eq!(pieces.len(), 4, "role alone, finish, usage, done");
        assert_eq!(events(&pieces[0]).len(), 1);
    }

    #[test]
    fn words_cycle_through_the_list() {
        let p = plan(LOREM.len() as u32 + 1, 1, false);
        let all = p.words(0, p.tokens);
        assert!(all.starts_with("lorem ipsum "));
        assert!(all.ends_with("aliqua lorem "));
        assert_eq!(all.split_whitespace().count(), LOREM.len() + 1);
    }

    #[test]
    fn completion_body_has_text_and_usage() {
        let mut p = plan(3, 1, true);
        p.finish_reason = "length";
        let v: Value = serde_json::from_slice(&completion_body(&p)).unwrap();
        assert_eq!(v["object"], "chat.completion");
        assert_eq!(v["choices"][0]["message"]["content"], "lorem ipsum dolor ");
        assert_eq!(v["choices"][0]["finish_reason"], "length");
        assert_eq!(v["usage"]["total_tokens"], 6);
        p.usage = false;
        let v: Value = serde_json::from_slice(&completion_body(&p)).unwrap();
        assert!(v.get("usage").is_none());
    }
}

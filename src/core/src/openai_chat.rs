//! OpenAI Chat Completions streaming events (`chat.completion.chunk`) and plain responses.
//!
//! Reads only: `model`, `choices[].delta.content` / `.refusal` (visible text),
//! `choices[].delta.reasoning_content` / `.reasoning` (reasoning text, kept apart),
//! `choices[].finish_reason`, `usage.prompt_tokens` / `usage.completion_tokens`, and a
//! top-level `error`. Everything else is skipped without being decoded. Reference:
//! <https://platform.openai.com/docs/api-reference/chat-streaming/streaming>.

use crate::json::{JsonError, RawStr, Reader};

/// Token counts from a `usage` object (fields absent or not integers are `None`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub prompt_tokens: Option<u64>,
    pub completion_tokens: Option<u64>,
}

/// What one `data:` payload says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChatChunk<'a> {
    /// Visible output text of the first choice that has any (raw, escaped).
    pub first_text: Option<RawStr<'a>>,
    /// Characters of visible text over all choices.
    pub text_chars: usize,
    /// Characters of reasoning text over all choices.
    pub reasoning_chars: usize,
    /// Last non-null `finish_reason`.
    pub finish_reason: Option<RawStr<'a>>,
    pub usage: Option<Usage>,
    pub model: Option<RawStr<'a>>,
    /// The payload carries a top-level `error` (OpenRouter, vLLM and others report mid-stream
    /// failures this way).
    pub error: bool,
}

impl ChatChunk<'_> {
    /// A content event carries non-empty visible output text.
    pub fn is_content(&self) -> bool {
        self.text_chars > 0
    }
}

/// One event of a chat completion stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatEvent<'a> {
    /// `data: [DONE]`, the stream's terminator.
    Done,
    Chunk(ChatChunk<'a>),
    /// Not JSON (or not an object); counted, otherwise ignored.
    Malformed(JsonError),
}

/// Reads one event's data.
pub fn parse_event(data: &[u8]) -> ChatEvent<'_> {
    let trimmed = data.trim_ascii();
    if trimmed == b"[DONE]" {
        return ChatEvent::Done;
    }
    match parse_chunk(trimmed) {
        Ok(chunk) => ChatEvent::Chunk(chunk),
        Err(e) => ChatEvent::Malformed(e),
    }
}

/// Reads a chunk object, or a whole non-streaming `chat.completion` (whose choices carry
/// `message` instead of `delta`).
pub fn parse_chunk(data: &[u8]) -> Result<ChatChunk<'_>, JsonError> {
    let mut chunk = ChatChunk::default();
    let mut reader = Reader::new(data);
    reader.object(|key, r| {
        match key.0 {
            b"choices" => r.array(|r| read_choice(r, &mut chunk))?,
            b"usage" => {
                if !r.null()? {
                    chunk.usage = Some(read_usage(r)?);
                }
            }
            b"model" => chunk.model = r.opt_string()?,
            b"error" => {
                chunk.error = !r.null()?;
                if chunk.error {
                    r.skip()?;
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(chunk)
}

fn read_choice<'a>(r: &mut Reader<'a>, chunk: &mut ChatChunk<'a>) -> Result<(), JsonError> {
    r.object(|key, r| {
        match key.0 {
            b"delta" | b"message" => {
                if !r.null()? {
                    r.object(|key, r| {
                        match key.0 {
                            b"content" | b"refusal" => {
                                if let Some(text) = r.opt_string()? {
                                    let chars = text.char_count();
                                    if chars > 0 && chunk.first_text.is_none() {
                                        chunk.first_text = Some(text);
                                    }
                                    chunk.text_chars += chars;
                                }
                            }
                            b"reasoning_content" | b"reasoning" => {
                                if let Some(text) = r.opt_string()? {
                                    chunk.reasoning_chars += text.char_count();
                                }
                            }
                            _ => r.skip()?,
                        }
                        Ok(())
                    })?;
                }
            }
            b"finish_reason" => {
                if let Some(reason) = r.opt_string()? {
                    chunk.finish_reason = Some(reason);
                }
            }
            _ => r.skip()?,
        }
        Ok(())
    })
}

fn read_usage(r: &mut Reader<'_>) -> Result<Usage, JsonError> {
    let mut usage = Usage::default();
    r.object(|key, r| {
        match key.0 {
            b"prompt_tokens" => usage.prompt_tokens = r.opt_u64()?,
            b"completion_tokens" => usage.completion_tokens = r.opt_u64()?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(usage)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn reads_content_finish_usage_and_model() {
        let data = br#"{"id":"x","model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"H\u00e9llo"},"finish_reason":null}],"usage":null}"#;
        let ChatEvent::Chunk(chunk) = parse_event(data) else {
            panic!()
        };
        assert!(chunk.is_content());
        assert_eq!(chunk.text_chars, 5);
        assert_eq!(chunk.model, Some(RawStr(b"gpt-4o")));
        assert_eq!(chunk.usage, None);

        let data = br#"{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":100,"completion_tokens_details":{"reasoning_tokens":100}}}"#;
        let ChatEvent::Chunk(chunk) = parse_event(data) else {
            panic!()
        };
        assert!(!chunk.is_content());
        assert_eq!(
            chunk.usage,
            Some(Usage {
                prompt_tokens: Some(12),
                completion_tokens: Some(100)
            })
        );

        let data = br#"{"choices":[{"delta":{},"finish_reason":"length"}]}"#;
        let ChatEvent::Chunk(chunk) = parse_event(data) else {
            panic!()
        };
        assert_eq!(chunk.finish_reason, Some(RawStr(b"length")));
    }

    #[test]
    fn role_only_empty_and_null_deltas_are_not_content() {
        for data in [
            &br#"{"choices":[{"delta":{"role":"assistant","content":""}}]}"#[..],
            br#"{"choices":[{"delta":{"content":null,"refusal":""}}]}"#,
            br#"{"choices":[{"delta":{"reasoning_content":"thinking"}}]}"#,
            br#"{"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"a\":1}"}}]}}]}"#,
        ] {
            let ChatEvent::Chunk(chunk) = parse_event(data) else { panic!() };
            assert!(!chunk.is_content(), "{}", String::from_utf8_lossy(data));
        }
    }

    #[test]
    fn refusal_text_is_visible_and_errors_are_flagged() {
        let ChatEvent::Chunk(c) = parse_event(br#"{"choices":[{"delta":{"refusal":"I can't"}}]}"#)
        else {
            panic!()
        };
        assert_eq!(c.text_chars, 7);
        let ChatEvent::Chunk(c) =
            parse_event(br#"{"error":{"code":400,"message":"Token limit reached"}}"#)
        else {
            panic!()
        };
        assert!(c.error);
    }

    #[test]
    fn done_and_malformed_payloads() {
        assert_eq!(parse_event(b"[DONE]"), ChatEvent::Done);
        assert_eq!(parse_event(b" [DONE] "), ChatEvent::Done);
        assert!(matches!(
            parse_event(b"{\"choices\":[{"),
            ChatEvent::Malformed(_)
        ));
        assert!(matches!(parse_event(b"not json"), ChatEvent::Malformed(_)));
        assert!(matches!(parse_event(b"[1,2]"), ChatEvent::Malformed(_)));
    }

    #[test]
    fn a_whole_chat_completion_reads_like_a_chunk() {
        let body = br#"{"object":"chat.completion","model":"m","choices":[{"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}}"#;
        let chunk = parse_chunk(body).unwrap();
        assert_eq!(chunk.text_chars, 8);
        assert_eq!(chunk.finish_reason, Some(RawStr(b"stop")));
        assert_eq!(chunk.usage.unwrap().completion_tokens, Some(2));
    }
}
